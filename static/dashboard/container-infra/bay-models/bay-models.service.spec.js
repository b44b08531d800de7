/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.service', function () {
    var service, magnum, $q, $rootScope;

    beforeEach(module('horizon.dashboard.container-infra.bay-models'));

    beforeEach(inject(function ($injector) {
      service = $injector.get('horizon.dashboard.container-infra.bay-models.service');
      magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
    }));

    it('resolves with the bay models, each with a trackBy key', function () {
      var result;
      spyOn(magnum, 'getBayModels').and.returnValue($q.resolve({
        data: {items: [
          {uuid: 'a1', name: 'k8s', updated_at: '2026-01-02T03:04:05+00:00'},
          {uuid: 'b2', name: 'swarm', updated_at: null}
        ]}
      }));

      service.getBayModelsPromise({name: 'k8s'}).then(function (response) {
        result = response;
      });
      $rootScope.$apply();

      expect(magnum.getBayModels).toHaveBeenCalled();
      expect(result.data.items.map(function (item) { return item.trackBy; }))
        .toEqual(['a12026-01-02T03:04:05+00:00', 'b2']);
      expect(result.data.items[0].name).toBe('k8s');
    });

    it('is what the resource type lists with', inject(function ($injector) {
      var registry = $injector.get('horizon.framework.conf.resource-type-registry.service');
      var items;
      spyOn(magnum, 'getBayModels').and.returnValue($q.resolve({
        data: {items: [{uuid: 'c3', updated_at: 'later'}]}
      }));

      registry.getResourceType('OS::Magnum::BayModel').list().then(function (response) {
        items = response.data.items;
      });
      $rootScope.$apply();

      expect(items).toEqual([{uuid: 'c3', updated_at: 'later', trackBy: 'c3later'}]);
    }));

    it('passes a failure on', function () {
      var failure = {status: 500, data: 'boom'};
      var rejected;
      spyOn(magnum, 'getBayModels').and.returnValue($q.reject(failure));

      service.getBayModelsPromise().catch(function (response) {
        rejected = response;
      });
      $rootScope.$apply();

      expect(rejected).toBe(failure);
    });
  });
})();
