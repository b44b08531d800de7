/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.quotas.service', function () {
    var service, quotasAPI, projects, $q, $rootScope;

    beforeEach(module('horizon.dashboard.container-infra.admin.quotas'));

    beforeEach(inject(function ($injector) {
      service = $injector.get('horizon.dashboard.container-infra.admin.quotas.service');
      quotasAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-quotas');
      projects = $injector.get('horizon.dashboard.container-infra.admin.projects.service');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
    }));

    it('lists every quota with its project name', function () {
      var quotas = [
        {id: 1, project_id: 'p1', resource: 'Cluster', hard_limit: 3,
          updated_at: '2026-11-29T10:00:00+00:00'},
        {id: 2, project_id: 'p2', resource: 'Cluster', hard_limit: 1, updated_at: null}
      ];
      var got;
      spyOn(quotasAPI, 'getQuotas').and.returnValue($q.resolve({data: {items: quotas}}));
      spyOn(projects, 'withProjectNames').and.callFake(function (response) {
        response.data.items.forEach(function (item) {
          item.project_name = 'name-' + item.project_id;
        });
        return $q.resolve(response);
      });

      service.getQuotasPromise().then(function (response) { got = response.data.items; });
      $rootScope.$apply();

      expect(got.map(function (quota) {
        return [quota.project_name, quota.name, quota.trackBy];
      })).toEqual([
        ['name-p1', 'name-p1', '1:3:2026-11-29T10:00:00+00:00'],
        ['name-p2', 'name-p2', '2:1:']
      ]);
    });

    it('lists quietly when the live table polls', function () {
      spyOn(quotasAPI, 'getQuotas').and.returnValue($q.resolve({data: {items: []}}));
      spyOn(projects, 'withProjectNames').and.callFake($q.resolve);
      service.getQuotasPromise({quiet: true});
      $rootScope.$apply();
      expect(quotasAPI.getQuotas).toHaveBeenCalledWith(true);
    });

    it('passes a failed listing on', function () {
      var rejected = false;
      spyOn(quotasAPI, 'getQuotas').and.returnValue($q.reject({status: 403}));
      service.getQuotasPromise().catch(function () { rejected = true; });
      $rootScope.$apply();
      expect(rejected).toBe(true);
    });

    it('calls Magnum\'s Cluster resource Bays', function () {
      expect(service.resources()).toEqual([{value: 'Cluster', name: 'Bays'}]);
      expect(service.resourceLabel('Cluster')).toBe('Bays');
      expect(service.resourceLabel('Other')).toBe('Other');
    });
  });
})();
