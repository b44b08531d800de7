/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays', function () {
    var registry, type;

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      registry = $injector.get('horizon.framework.conf.resource-type-registry.service');
      type = registry.getResourceType('OS::Magnum::Bay');
    }));

    it('names the resource type through a constant', inject(function ($injector) {
      expect($injector.get('horizon.dashboard.container-infra.bays.resourceType'))
        .toBe('OS::Magnum::Bay');
    }));

    it('registers singular and plural names', function () {
      expect(type.getName(1)).toBe('Bay');
      expect(type.getName(3)).toBe('Bays');
    });

    it('labels the properties', function () {
      expect(type.label('uuid')).toBe('ID');
      expect(type.label('name')).toBe('Name');
      expect(type.label('status')).toBe('Status');
      expect(type.label('health_status')).toBe('Health Status');
      expect(type.label('cluster_template_id')).toBe('Bay Model ID');
      expect(type.label('bay_model_name')).toBe('Bay Model');
      expect(type.label('coe')).toBe('COE');
      expect(type.label('api_address')).toBe('API Address');
      expect(type.label('node_count')).toBe('Worker Nodes');
      expect(type.label('master_count')).toBe('Masters');
      expect(type.label('status_reason')).toBe('Status Reason');
      expect(type.label('stack_id')).toBe('Stack ID');
      expect(type.label('created_at')).toBe('Created');
    });

    it('uses the bays service as list function', inject(function ($injector) {
      var service = $injector.get('horizon.dashboard.container-infra.bays.service');
      expect(type.isListFunctionSet()).toBe(true);
      expect(type.list).toBe(service.getBaysPromise);
    }));

    it('loads one bay with the bays service, for its details page', inject(function ($injector) {
      var service = $injector.get('horizon.dashboard.container-infra.bays.service');
      expect(type.isLoadFunctionSet()).toBe(true);
      expect(type.load).toBe(service.getBayPromise);
    }));

    it('goes back to the Bays panel from a details page', function () {
      expect(type.getDefaultIndexUrl()).toBe('/project/bays/');
    });

    it('has a drawer and an Overview and a Progress tab', function () {
      expect(type.summaryTemplateUrl)
        .toBe('/static/dashboard/container-infra/bays/details/drawer.html');
      expect(type.detailsViews.map(function (view) { return view.name; }))
        .toEqual(['Overview', 'Progress']);
      expect(type.detailsViews[1].template)
        .toBe('/static/dashboard/container-infra/bays/details/progress.html');
    });

    it('shows the expected columns', function () {
      var columns = type.getTableColumns();
      expect(columns.map(function (column) { return column.id; })).toEqual([
        'name', 'status', 'health_status', 'coe', 'node_count', 'master_count',
        'bay_model_name', 'created_at'
      ]);
      expect(columns.map(function (column) { return column.title; })).toEqual([
        'Name', 'Status', 'Health Status', 'COE', 'Worker Nodes', 'Masters', 'Bay Model', 'Created'
      ]);
      expect(columns[0].urlFunction({uuid: 'u1'})).toBe('ngdetails/OS::Magnum::Bay/u1');
    });

    it('shows readable statuses in the table', function () {
      var columns = type.getTableColumns();
      var status = columns[1];
      var health = columns[2];
      expect(status.filters.length).toBe(1);
      expect(status.filters[0]('CREATE_IN_PROGRESS')).toBe('Create In Progress');
      expect(health.filters[0]('UNHEALTHY')).toBe('Unhealthy');
    });

    it('marks bays in progress as in transition', function () {
      var status = type.getTableColumns()[1];
      expect(status.itemInTransitionFunction({status: 'UPDATE_IN_PROGRESS'})).toBe(true);
      expect(status.itemInTransitionFunction({status: 'UPDATE_COMPLETE'})).toBe(false);
    });

    it('leaves polling to the bay poller, not to the table\'s own timer', function () {
      expect(type.itemInTransitionFunction({status: 'DELETE_IN_PROGRESS'})).toBe(false);
    });

    it('offers search facets on name, status, health and COE', function () {
      var facets = type.filterFacets;
      var statusKeys;
      expect(facets.map(function (facet) { return facet.name; }))
        .toEqual(['name', 'status', 'health_status', 'coe']);
      expect(facets[2].options.map(function (option) { return option.key; }))
        .toEqual(['HEALTHY', 'UNHEALTHY', 'UNKNOWN']);
      expect(facets[3].options.map(function (option) { return option.key; }))
        .toContain('swarm-mode');
      statusKeys = facets[1].options.map(function (option) { return option.key; });
      expect(statusKeys).toContain('CREATE_COMPLETE');
      expect(statusKeys).toContain('CREATE_FAILED');
      expect(facets[1].options[0]).toEqual({
        key: 'CREATE_IN_PROGRESS', label: 'Create In Progress'
      });
    });

    it('has a panel template showing this resource type', function (done) {
      fetch('/base/static/dashboard/container-infra/bays/panel.html')
        .then(function (response) {
          expect(response.ok).toBe(true);
          return response.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var panel = doc.querySelector('hz-resource-panel');
          var table = panel.querySelector('hz-resource-table');
          expect(panel.getAttribute('resource-type-name')).toBe('OS::Magnum::Bay');
          expect(table.getAttribute('resource-type-name')).toBe('OS::Magnum::Bay');
          expect(table.getAttribute('track-by')).toBe('trackBy');
          expect(table.getAttribute('list-function-extra-params')).toBe('panel.listParams');
          expect(doc.querySelector('[ng-controller]').getAttribute('ng-controller'))
            .toBe('horizon.dashboard.container-infra.bays.PanelController as panel');
        })
        .then(done, done.fail);
    });
  });
})();
