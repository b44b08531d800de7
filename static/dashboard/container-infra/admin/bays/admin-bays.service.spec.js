/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.bays.service', function () {
    var service, baysAPI, projects, $q, $rootScope;

    beforeEach(module('horizon.dashboard.container-infra.admin.bays'));

    beforeEach(inject(function ($injector) {
      service = $injector.get('horizon.dashboard.container-infra.admin.bays.service');
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      projects = $injector.get('horizon.dashboard.container-infra.admin.projects.service');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
    }));

    it('lists every project\'s bays with their project names', function () {
      var bays = [
        {uuid: 'b1', name: 'one', status: 'CREATE_COMPLETE', project_id: 'p1',
          updated_at: '2026-11-29T10:00:00+00:00'},
        {uuid: 'b2', name: 'two', project_id: 'p2'}
      ];
      var got;
      spyOn(baysAPI, 'getBays').and.returnValue($q.resolve({data: {items: bays}}));
      spyOn(projects, 'withProjectNames').and.callFake(function (response) {
        response.data.items.forEach(function (item) {
          item.project_name = 'name-' + item.project_id;
        });
        return $q.resolve(response);
      });

      service.getBaysPromise({name: 'ignored'}).then(function (response) { got = response; });
      $rootScope.$apply();

      expect(baysAPI.getBays).toHaveBeenCalledWith({all_projects: true}, false);
      expect(got.data.items.map(function (bay) {
        return [bay.id, bay.project_name];
      })).toEqual([['b1', 'name-p1'], ['b2', 'name-p2']]);
      // The row keys are the project panel's, so a changed bay redraws.
      expect(got.data.items[0].trackBy).toContain('CREATE_COMPLETE');
      expect(got.data.items[0].trackBy).not.toBe(got.data.items[1].trackBy);
    });

    it('passes a failed listing on', function () {
      var rejected = false;
      spyOn(baysAPI, 'getBays').and.returnValue($q.reject({status: 403}));
      spyOn(projects, 'withProjectNames');
      service.getBaysPromise().catch(function () { rejected = true; });
      $rootScope.$apply();
      expect(rejected).toBe(true);
      expect(projects.withProjectNames).not.toHaveBeenCalled();
    });
  });
})();
