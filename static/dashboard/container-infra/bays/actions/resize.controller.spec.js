/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.ResizeController', function () {
    var specs = window.actionSpecs;
    var baysAPI, $q, ctrl;

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector, $controller) {
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      $q = $injector.get('$q');
      spyOn(baysAPI, 'resizeBay').and.returnValue($q.resolve({data: {uuid: 'b1'}}));
      ctrl = $controller('horizon.dashboard.container-infra.bays.ResizeController', {
        context: {bay: {uuid: 'b1', name: 'web', node_count: 3,
                        node_addresses: ['10.1.0.11', '10.1.0.12', '10.1.0.13']}}
      });
    }));

    it('starts from the bay\'s size, which it is not ready to send as is', function () {
      expect(ctrl.nodeCount).toBe(3);
      expect(ctrl.unchanged()).toBe(true);
      expect(ctrl.ready()).toBe(false);
    });

    it('grows the bay and gives the new size', function () {
      ctrl.nodeCount = 5;
      expect(ctrl.removing()).toBe(0);
      expect(ctrl.ready()).toBe(true);
      expect(specs.settle(ctrl.send()).resolved).toBe(5);
      expect(baysAPI.resizeBay).toHaveBeenCalledWith('b1', {node_count: 5});
    });

    it('shrinks the bay removing the nodes picked', function () {
      ctrl.nodeCount = 1;
      ctrl.nodes[2].remove = true;
      expect(ctrl.removing()).toBe(2);
      expect(ctrl.chosen()).toEqual(['10.1.0.13']);
      specs.settle(ctrl.send());
      expect(baysAPI.resizeBay).toHaveBeenCalledWith('b1', {
        node_count: 1, nodes_to_remove: ['10.1.0.13']
      });
    });

    it('shrinks the bay leaving the choice to Magnum when none is picked', function () {
      ctrl.nodeCount = 2;
      ctrl.send();
      expect(baysAPI.resizeBay).toHaveBeenCalledWith('b1', {node_count: 2});
    });

    it('is not ready with more nodes picked than the new size removes', function () {
      ctrl.nodeCount = 2;
      ctrl.nodes[0].remove = true;
      ctrl.nodes[1].remove = true;
      expect(ctrl.tooMany()).toBe(true);
      expect(ctrl.ready()).toBe(false);
    });

    it('removes nothing while the count is not a number', function () {
      ctrl.nodeCount = undefined;
      expect(ctrl.removing()).toBe(0);
    });

    it('passes a refusal of the service on', function () {
      baysAPI.resizeBay.and.returnValue($q.reject({status: 409}));
      ctrl.nodeCount = 4;
      expect(specs.settle(ctrl.send()).rejected).toEqual({status: 409});
    });

    it('has no nodes to pick from a bay without addresses', inject(function ($controller) {
      var other = $controller('horizon.dashboard.container-infra.bays.ResizeController', {
        context: {bay: {uuid: 'b2', node_count: 1}}
      });
      expect(other.nodes).toEqual([]);
    }));
  });
})();
