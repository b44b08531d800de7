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

    it('lists every project\'s bays live, each named by its project', inject(function ($injector) {
      var baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      var $q = $injector.get('$q');
      var $rootScope = $injector.get('$rootScope');
      var heard;
      spyOn(baysAPI, 'getBays').and.returnValue($q.resolve({data: {items: [
        {uuid: 'b1', status: 'CREATE_COMPLETE', project_id: 'p1', health_status: 'HEALTHY'}
      ]}}));
      spyOn($injector.get('horizon.app.core.openstack-service-api.keystone'), 'getProjects')
        .and.returnValue($q.resolve({data: {items: [{id: 'p1', name: 'demo'}]}}));
      $rootScope.$on('horizon.dashboard.container-infra.common.LISTED', function (e, t, items, busy) {
        heard = [t, items.length, busy, items[0].project_name, items[0].health.label];
      });
      type.list({quiet: false});
      $rootScope.$apply();
      expect(baysAPI.getBays).toHaveBeenCalledWith(
        {all_projects: true, limit: 20, sort_key: 'name'}, false);
      expect(heard).toEqual(['OS::Magnum::AdminBay', 1, false, 'demo', 'Healthy']);
    }));

    it('passes a failed listing on, without asking for project names',
      inject(function ($injector) {
        var baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
        var projects = $injector.get('horizon.dashboard.container-infra.admin.projects.service');
        var $q = $injector.get('$q');
        var rejected = false;
        spyOn(baysAPI, 'getBays').and.returnValue($q.reject({status: 403}));
        spyOn(projects, 'withProjectNames');
        type.list({quiet: true}).catch(function () { rejected = true; });
        $injector.get('$rootScope').$apply();
        expect(rejected).toBe(true);
        expect(projects.withProjectNames).not.toHaveBeenCalled();
      }));

    it('shows a Project column next to the name', function () {
      var columns = type.getTableColumns();
      expect(ids(columns)).toEqual([
        'name', 'project_name', 'status', 'health_status', 'node_count', 'master_count',
        'created_at'
      ]);
      expect(columns[1].title).toBe('Project');
    });

    it('links a bay\'s name to the bay\'s details page', function () {
      expect(type.getTableColumns()[0].urlFunction({uuid: 'b1'}))
        .toBe('ngdetails/OS::Magnum::Bay/b1');
    });

    it('renders statuses and transitions the way the project panel does', function () {
      var status = type.getTableColumns()[2];
      var health = type.getTableColumns()[3];
      expect(status.filters[0]('DELETE_IN_PROGRESS')).toBe('Delete In Progress');
      expect(health.filters[0]('HEALTHY')).toBe('Healthy');
      expect(status.itemInTransitionFunction({status: 'CREATE_IN_PROGRESS'})).toBe(true);
      // The live table polls: the type has no transition test of its own.
      expect(type.itemInTransitionFunction({status: 'CREATE_IN_PROGRESS'})).toBe(false);
    });

    it('offers search facets on name, project, status and health', function () {
      expect(ids(type.filterFacets)).toEqual(['name', 'project_name', 'status', 'health_status']);
      expect(type.filterFacets[2].options.length).toBeGreaterThan(3);
      expect(type.filterFacets[3].options.length).toBeGreaterThan(1);
    });

    it('deletes one bay or the selected bays with the bays\' delete action', function () {
      expect(ids(type.itemActions)).toEqual(['deleteAdminBayAction']);
      expect(ids(type.batchActions)).toEqual(['batchDeleteAdminBayAction']);
      expect(type.itemActions[0].service).toBe(type.batchActions[0].service);
      expect(type.itemActions[0].service.perform).toEqual(jasmine.any(Function));
      expect(type.itemActions[0].template.type).toBe('delete');
      expect(type.batchActions[0].template.type).toBe('delete-selected');
    });

    it('has a panel template with a live table of admin bays', function (done) {
      fetch('/base/static/dashboard/container-infra/admin/bays/panel.html')
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          expect(doc.querySelector('hz-resource-panel magnum-live-table')
            .getAttribute('resource-type-name')).toBe('OS::Magnum::AdminBay');
        })
        .then(done, done.fail);
    });
  });
})();
