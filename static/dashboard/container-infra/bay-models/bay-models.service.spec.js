/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.service', function () {
    var service, bayModelsAPI, baysAPI, $q, $rootScope;

    beforeEach(module('horizon.dashboard.container-infra.bay-models'));

    beforeEach(inject(function ($injector) {
      service = $injector.get('horizon.dashboard.container-infra.bay-models.service');
      bayModelsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bay-models');
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
    }));

    function settle(promise) {
      var outcome = {};
      promise.then(function (value) {
        outcome.value = value;
      }, function (reason) {
        outcome.rejected = reason;
      });
      $rootScope.$apply();
      return outcome;
    }

    it('lists quietly when the live table polls', function () {
      spyOn(bayModelsAPI, 'getBayModels').and.returnValue($q.resolve({data: {items: []}}));
      settle(service.getBayModelsPromise({quiet: true}));
      expect(bayModelsAPI.getBayModels).toHaveBeenCalledWith(true, undefined);
    });

    it('asks for the first page when the table does', function () {
      spyOn(bayModelsAPI, 'getBayModels').and.returnValue($q.resolve({data: {items: []}}));
      settle(service.getBayModelsPromise({page: {limit: 20}}));
      expect(bayModelsAPI.getBayModels).toHaveBeenCalledWith(false, {limit: 20});
    });

    it('lists the bay models, each with an id and a trackBy key', function () {
      var result;
      spyOn(bayModelsAPI, 'getBayModels').and.returnValue($q.resolve({
        data: {items: [
          {uuid: 'a1', name: 'k8s', updated_at: '2026-01-02T03:04:05+00:00'},
          {uuid: 'b2', name: 'swarm', updated_at: null}
        ]}
      }));

      result = settle(service.getBayModelsPromise({name: 'k8s'})).value;

      expect(bayModelsAPI.getBayModels).toHaveBeenCalledWith(false, undefined);
      expect(result.data.items.map(function (item) { return item.trackBy; }))
        .toEqual(['a12026-01-02T03:04:05+00:00', 'b2']);
      expect(result.data.items.map(function (item) { return item.id; }))
        .toEqual(['a1', 'b2']);
    });

    it('loads one bay model for the details page, with an id', function () {
      var result;
      spyOn(bayModelsAPI, 'getBayModel').and.returnValue($q.resolve({
        data: {uuid: 'c3', name: 'one'}
      }));

      result = settle(service.getBayModelPromise('c3')).value;

      expect(bayModelsAPI.getBayModel).toHaveBeenCalledWith('c3');
      expect(result.data.id).toBe('c3');
      expect(result.data.trackBy).toBe('c3');
    });

    it('passes a failure on', function () {
      var failure = {status: 500, data: 'boom'};
      spyOn(bayModelsAPI, 'getBayModels').and.returnValue($q.reject(failure));

      expect(settle(service.getBayModelsPromise()).rejected).toBe(failure);
    });

    it('finds the bays made from a bay model', function () {
      spyOn(baysAPI, 'getBays').and.returnValue($q.resolve({data: {items: [
        {uuid: 'b1', cluster_template_id: 'm1'},
        {uuid: 'b2', cluster_template_id: 'm2'},
        {uuid: 'b3', cluster_template_id: 'm1'}
      ]}}));

      expect(settle(service.getBaysUsing({uuid: 'm1'})).value.map(function (bay) {
        return bay.uuid;
      })).toEqual(['b1', 'b3']);
    });

    it('names a bay model by its name, else its id', function () {
      expect(service.itemName({name: 'k8s', uuid: 'u1'})).toBe('k8s');
      expect(service.itemName({name: null, uuid: 'u1'})).toBe('u1');
    });
  });
})();
