/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.quotas', function () {
    var type, $injector;

    beforeEach(module('horizon.dashboard.container-infra.admin.quotas'));

    beforeEach(inject(function (_$injector_) {
      $injector = _$injector_;
      type = $injector.get('horizon.framework.conf.resource-type-registry.service')
        .getResourceType('OS::Magnum::Quota');
    }));

    function ids(list) {
      return list.map(function (entry) { return entry.id || entry.name; });
    }

    function get(name) {
      return $injector.get('horizon.dashboard.container-infra.admin.quotas.' + name);
    }

    it('names the resource type through a constant', function () {
      expect(get('resourceType')).toBe('OS::Magnum::Quota');
      expect(type.getName(1)).toBe('Quota');
      expect(type.getName(2)).toBe('Quotas');
    });

    it('lists through the quotas service, live and quietly when asked', inject(
      function ($q, $rootScope) {
        var quotasAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-quotas');
        var projects = $injector.get('horizon.dashboard.container-infra.admin.projects.service');
        var heard;
        spyOn(quotasAPI, 'getQuotas').and.returnValue($q.resolve({data: {items: [{id: 1}]}}));
        spyOn(projects, 'withProjectNames').and.callFake($q.resolve);
        $rootScope.$on('horizon.dashboard.container-infra.common.LISTED',
          function (e, t, items, busy) { heard = [t, items.length, busy]; });
        type.list({quiet: true});
        $rootScope.$apply();
        expect(quotasAPI.getQuotas).toHaveBeenCalledWith(true);
        expect(heard).toEqual(['OS::Magnum::Quota', 1, false]);
      }));

    it('shows project, resource, hard limit and dates', function () {
      var columns = type.getTableColumns();
      expect(ids(columns)).toEqual([
        'project_name', 'resource', 'hard_limit', 'created_at', 'updated_at'
      ]);
      expect(columns.map(function (column) { return column.title; })).toEqual([
        'Project', 'Resource', 'Hard Limit', 'Created', 'Updated'
      ]);
      expect(columns[1].filters[0]('Cluster')).toBe('Bays');
      expect(columns[3].filters).toEqual(['isoMediumDate']);
    });

    it('offers search facets on the project', function () {
      expect(ids(type.filterFacets)).toEqual(['project_name', 'project_id']);
    });

    it('registers create, update and delete', function () {
      expect(ids(type.globalActions)).toEqual(['createQuotaAction']);
      expect(type.globalActions[0].service).toBe(get('actions.dialogs').create);
      expect(type.globalActions[0].template.type).toBe('create');
      expect(ids(type.itemActions)).toEqual(['updateQuotaAction', 'deleteQuotaAction']);
      expect(type.itemActions[0].service).toBe(get('actions.dialogs').update);
      expect(type.itemActions[1].service).toBe(get('actions.delete.service'));
      expect(ids(type.batchActions)).toEqual(['batchDeleteQuotaAction']);
      expect(type.batchActions[0].service).toBe(get('actions.delete.service'));
    });
  });
})();
