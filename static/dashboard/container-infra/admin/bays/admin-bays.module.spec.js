/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.bays', function () {
    var registry, type;

    beforeEach(module('horizon.dashboard.container-infra.admin.bays'));

    beforeEach(inject(function ($injector) {
      registry = $injector.get('horizon.framework.conf.resource-type-registry.service');
      type = registry.getResourceType('OS::Magnum::AdminBay');
    }));

    function ids(list) {
      return list.map(function (entry) { return entry.id || entry.name; });
    }

    it('names its resource type through a constant', inject(function ($injector) {
      expect($injector.get('horizon.dashboard.container-infra.admin.bays.resourceType'))
        .toBe('OS::Magnum::AdminBay');
      expect(type.getName(1)).toBe('Bay');
      expect(type.getName(2)).toBe('Bays');
    }));

    it('labels a bay as the project Bays panel does, plus its project', function () {
      var bayType = registry.getResourceType('OS::Magnum::Bay');
      var properties = type.getProperties();
      Object.keys(bayType.getProperties()).forEach(function (name) {
        expect(type.label(name)).toBe(bayType.label(name));
      });
      expect(properties.created_at.filters).toEqual(['isoMediumDate']);
      expect(properties.updated_at.filters).toEqual(['isoMediumDate']);
      expect(type.label('project_name')).toBe('Project');
      expect(type.label('project_id')).toBe('Project ID');
    });

    it('opens a row on the project panel\'s bay summary', function () {
      var bayType = registry.getResourceType('OS::Magnum::Bay');
      expect(type.summaryTemplateUrl).toBeTruthy();
      expect(type.summaryTemplateUrl).toBe(bayType.summaryTemplateUrl);
    });

    it('lists through the admin bays service', inject(function ($injector) {
      expect(type.list)
        .toBe($injector.get('horizon.dashboard.container-infra.admin.bays.service').getBaysPromise);
    }));

    it('shows a Project column next to the name', function () {
      var columns = type.getTableColumns();
      expect(ids(columns)).toEqual([
        'name', 'project_name', 'status', 'health_status', 'node_count', 'master_count',
        'created_at'
      ]);
      expect(columns[1].title).toBe('Project');
    });

    it('links a bay\'s name to the bay\'s details page', inject(function ($injector) {
      var baysService = $injector.get('horizon.dashboard.container-infra.bays.service');
      expect(type.getTableColumns()[0].urlFunction).toBe(baysService.getDetailsPath);
    }));

    it('renders statuses and transitions the way the project panel does', function () {
      var status = type.getTableColumns()[2];
      var health = type.getTableColumns()[3];
      expect(status.filters[0]('DELETE_IN_PROGRESS')).toBe('Delete In Progress');
      expect(health.filters[0]('HEALTHY')).toBe('Healthy');
      expect(status.itemInTransitionFunction({status: 'CREATE_IN_PROGRESS'})).toBe(true);
      expect(type.itemInTransitionFunction({status: 'CREATE_COMPLETE'})).toBe(false);
    });

    it('offers search facets on name, project, status and health', function () {
      expect(ids(type.filterFacets)).toEqual(['name', 'project_name', 'status', 'health_status']);
      expect(type.filterFacets[2].options.length).toBeGreaterThan(3);
      expect(type.filterFacets[3].options.length).toBeGreaterThan(1);
    });

    it('deletes one bay or the selected bays with the same action', inject(function ($injector) {
      var deleteService = $injector.get(
        'horizon.dashboard.container-infra.admin.bays.actions.delete.service');
      expect(ids(type.itemActions)).toEqual(['deleteAdminBayAction']);
      expect(ids(type.batchActions)).toEqual(['batchDeleteAdminBayAction']);
      expect(type.itemActions[0].service).toBe(deleteService);
      expect(type.batchActions[0].service).toBe(deleteService);
      expect(type.itemActions[0].template.type).toBe('delete');
      expect(type.batchActions[0].template.type).toBe('delete-selected');
    }));
  });
})();
