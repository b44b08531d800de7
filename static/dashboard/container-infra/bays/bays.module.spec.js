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
      expect(type.label('cluster_template_id')).toBe('Bay Model');
      expect(type.label('node_count')).toBe('Nodes');
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

    it('shows the expected columns', function () {
      var columns = type.getTableColumns();
      expect(columns.map(function (column) { return column.id; })).toEqual([
        'name', 'status', 'health_status', 'node_count', 'master_count', 'created_at'
      ]);
      expect(columns.map(function (column) { return column.title; })).toEqual([
        'Name', 'Status', 'Health Status', 'Nodes', 'Masters', 'Created'
      ]);
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
      expect(type.itemInTransitionFunction({status: 'DELETE_IN_PROGRESS'})).toBe(true);
    });

    it('offers search facets on name and status', function () {
      var facets = type.filterFacets;
      var statusKeys;
      expect(facets.map(function (facet) { return facet.name; })).toEqual(['name', 'status']);
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
        })
        .then(done, done.fail);
    });
  });
})();
