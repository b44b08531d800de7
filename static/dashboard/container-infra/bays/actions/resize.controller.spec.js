/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.ResizeController', function () {
    var magnum, $q, $rootScope, modal, ctrl;

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector, $controller) {
      magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      modal = jasmine.createSpyObj('modal', ['close', 'dismiss']);
      spyOn(magnum, 'resizeBay').and.returnValue($q.resolve({data: {uuid: 'b1'}}));
      ctrl = $controller('horizon.dashboard.container-infra.bays.ResizeController', {
        $uibModalInstance: modal,
        context: {bay: {uuid: 'b1', name: 'web', node_count: 3,
                        node_addresses: ['10.1.0.11', '10.1.0.12', '10.1.0.13']}}
      });
    }));

    it('starts from the bay\'s size, which it will not submit as is', function () {
      expect(ctrl.nodeCount).toBe(3);
      expect(ctrl.unchanged()).toBe(true);
      ctrl.submit();
      expect(magnum.resizeBay).not.toHaveBeenCalled();
    });

    it('grows the bay', function () {
      ctrl.nodeCount = 5;
      expect(ctrl.removing()).toBe(0);
      ctrl.submit();
      $rootScope.$apply();
      expect(magnum.resizeBay).toHaveBeenCalledWith('b1', {node_count: 5});
      expect(modal.close).toHaveBeenCalledWith(5);
    });

    it('shrinks the bay removing the nodes picked', function () {
      ctrl.nodeCount = 1;
      ctrl.nodes[2].remove = true;
      expect(ctrl.removing()).toBe(2);
      expect(ctrl.chosen()).toEqual(['10.1.0.13']);
      ctrl.submit();
      ctrl.submit();
      $rootScope.$apply();
      expect(magnum.resizeBay.calls.count()).toBe(1);
      expect(magnum.resizeBay).toHaveBeenCalledWith('b1', {
        node_count: 1, nodes_to_remove: ['10.1.0.13']
      });
    });

    it('shrinks the bay leaving the choice to Magnum when none is picked', function () {
      ctrl.nodeCount = 2;
      ctrl.submit();
      expect(magnum.resizeBay).toHaveBeenCalledWith('b1', {node_count: 2});
    });

    it('refuses more nodes picked than the new size removes', function () {
      ctrl.nodeCount = 2;
      ctrl.nodes[0].remove = true;
      ctrl.nodes[1].remove = true;
      expect(ctrl.tooMany()).toBe(true);
      ctrl.submit();
      expect(magnum.resizeBay).not.toHaveBeenCalled();
    });

    it('removes nothing while the count is not a number', function () {
      ctrl.nodeCount = undefined;
      expect(ctrl.removing()).toBe(0);
    });

    it('stays open when the service refuses', function () {
      magnum.resizeBay.and.returnValue($q.reject({status: 409}));
      ctrl.nodeCount = 4;
      ctrl.submit();
      $rootScope.$apply();
      expect(modal.close).not.toHaveBeenCalled();
      expect(ctrl.submitting).toBe(false);
    });

    it('closes on cancel', function () {
      ctrl.cancel();
      expect(modal.dismiss).toHaveBeenCalledWith('cancel');
    });

    it('has no nodes to pick from a bay without addresses', inject(function ($controller) {
      var other = $controller('horizon.dashboard.container-infra.bays.ResizeController', {
        $uibModalInstance: modal, context: {bay: {uuid: 'b2', node_count: 1}}
      });
      expect(other.nodes).toEqual([]);
    }));
  });
})();
