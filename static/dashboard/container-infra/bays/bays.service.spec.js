/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.service', function () {
    var service, magnum, $q, $rootScope;

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      service = $injector.get('horizon.dashboard.container-infra.bays.service');
      magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
    }));

    it('resolves with the bays, each with a trackBy key', function () {
      var result;
      spyOn(magnum, 'getBays').and.returnValue($q.resolve({
        data: {items: [
          {uuid: 'x1', status: 'CREATE_COMPLETE', updated_at: '2026-05-06T07:08:09+00:00'},
          {uuid: 'y2', status: 'CREATE_IN_PROGRESS'}
        ]}
      }));

      service.getBaysPromise().then(function (response) {
        result = response;
      });
      $rootScope.$apply();

      expect(magnum.getBays).toHaveBeenCalled();
      expect(result.data.items.map(function (item) { return item.trackBy; }))
        .toEqual(['x12026-05-06T07:08:09+00:00', 'y2']);
      expect(result.data.items[1].status).toBe('CREATE_IN_PROGRESS');
    });

    it('lists through the real API service', inject(function ($injector) {
      var $httpBackend = $injector.get('$httpBackend');
      var registry = $injector.get('horizon.framework.conf.resource-type-registry.service');
      var items;
      $httpBackend.expectGET('/api/container_infra/bays/').respond(200, {
        items: [{uuid: 'z3', name: 'prod', updated_at: 'u'}]
      });

      registry.getResourceType('OS::Magnum::Bay').list().then(function (response) {
        items = response.data.items;
      });
      $httpBackend.flush();

      expect(items).toEqual([{uuid: 'z3', name: 'prod', updated_at: 'u', trackBy: 'z3u'}]);
      $httpBackend.verifyNoOutstandingExpectation();
    }));

    it('passes a failure on', function () {
      var failure = {status: 503, data: 'down'};
      var rejected;
      spyOn(magnum, 'getBays').and.returnValue($q.reject(failure));

      service.getBaysPromise().catch(function (response) {
        rejected = response;
      });
      $rootScope.$apply();

      expect(rejected).toBe(failure);
    });
  });
})();
