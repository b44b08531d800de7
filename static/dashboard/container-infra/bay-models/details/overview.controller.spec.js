/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.details.OverviewController',
    function () {
      var $controller, $q, $rootScope, baysAPI;

      beforeEach(module('horizon.dashboard.container-infra.bay-models'));

      beforeEach(inject(function ($injector) {
        $controller = $injector.get('$controller');
        $q = $injector.get('$q');
        $rootScope = $injector.get('$rootScope');
        baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      }));

      function overview(bayModel) {
        var scope = $rootScope.$new();
        var ctrl;
        scope.context = {loadPromise: $q.resolve({data: bayModel})};
        ctrl = $controller(
          'horizon.dashboard.container-infra.bay-models.details.OverviewController',
          {$scope: scope});
        $rootScope.$apply();
        return ctrl;
      }

      it('shows the bay model, its labels as sorted rows and the bays using it', function () {
        var ctrl;
        spyOn(baysAPI, 'getBays').and.returnValue($q.resolve({data: {items: [
          {uuid: 'b1', name: 'mine', cluster_template_id: 'm1'},
          {uuid: 'b2', name: 'other', cluster_template_id: 'm2'}
        ]}}));

        ctrl = overview({uuid: 'm1', labels: {zeta: '1', alpha: 'x=y'}});

        expect(ctrl.resourceType.type).toBe('OS::Magnum::BayModel');
        expect(ctrl.bayModel.uuid).toBe('m1');
        expect(ctrl.labels).toEqual([{key: 'alpha', value: 'x=y'}, {key: 'zeta', value: '1'}]);
        expect(ctrl.bays.map(function (bay) { return bay.uuid; })).toEqual(['b1']);
        expect(ctrl.baysUnknown).toBe(false);
      });

      it('copes with no labels and says when the bays cannot be listed', function () {
        var ctrl;
        spyOn(baysAPI, 'getBays').and.returnValue($q.reject({status: 500}));

        ctrl = overview({uuid: 'm1', labels: null});

        expect(ctrl.labels).toEqual([]);
        expect(ctrl.bays).toBeNull();
        expect(ctrl.baysUnknown).toBe(true);
      });
    });
})();
