/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.UpgradeController', function () {
    var magnum, $q, $rootScope, $controller, modal;
    var v1 = {uuid: 'm1', name: 'swarm-v1', coe: 'swarm-mode'};
    var v2 = {uuid: 'm2', name: 'swarm-v2', coe: 'swarm-mode'};
    var k8s = {uuid: 'm3', name: 'k8s', coe: 'kubernetes'};

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      $controller = $injector.get('$controller');
      modal = jasmine.createSpyObj('modal', ['close', 'dismiss']);
      spyOn(magnum, 'getBayModels').and.returnValue($q.resolve({data: {items: [v1, v2, k8s]}}));
      spyOn(magnum, 'upgradeBay').and.returnValue($q.resolve({data: {uuid: 'b1'}}));
    }));

    function start(templateId) {
      var ctrl = $controller('horizon.dashboard.container-infra.bays.UpgradeController', {
        $uibModalInstance: modal,
        context: {bay: {uuid: 'b1', name: 'web', cluster_template_id: templateId}}
      });
      $rootScope.$apply();
      return ctrl;
    }

    it('offers the other bay models of the bay\'s COE', function () {
      var ctrl = start('m1');
      expect(ctrl.loading).toBe(false);
      expect(ctrl.current).toBe(v1);
      expect(ctrl.candidates).toEqual([v2]);
    });

    it('offers every other bay model when the bay\'s own cannot be found', function () {
      var ctrl = start('gone');
      expect(ctrl.current).toBe(null);
      expect(ctrl.candidates).toEqual([v1, v2, k8s]);
    });

    it('upgrades to the chosen bay model', function () {
      var ctrl = start('m1');
      ctrl.submit();
      expect(magnum.upgradeBay).not.toHaveBeenCalled();
      ctrl.model.cluster_template = 'm2';
      ctrl.model.max_batch_size = 2;
      expect(ctrl.chosen()).toBe(v2);
      ctrl.submit();
      ctrl.submit();
      $rootScope.$apply();
      expect(magnum.upgradeBay.calls.count()).toBe(1);
      expect(magnum.upgradeBay).toHaveBeenCalledWith('b1', {cluster_template: 'm2', max_batch_size: 2});
      expect(modal.close).toHaveBeenCalledWith(v2);
    });

    it('stays open when the service refuses', function () {
      var ctrl = start('m1');
      magnum.upgradeBay.and.returnValue($q.reject({status: 400}));
      ctrl.model.cluster_template = 'm2';
      ctrl.submit();
      $rootScope.$apply();
      expect(modal.close).not.toHaveBeenCalled();
      expect(ctrl.submitting).toBe(false);
    });

    it('stops waiting when the bay models cannot be read', function () {
      var ctrl;
      magnum.getBayModels.and.returnValue($q.reject({status: 500}));
      ctrl = start('m1');
      expect(ctrl.loading).toBe(false);
      expect(ctrl.candidates).toEqual([]);
    });

    it('closes on cancel', function () {
      start('m1').cancel();
      expect(modal.dismiss).toHaveBeenCalledWith('cancel');
    });
  });
})();
