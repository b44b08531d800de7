/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.node-groups', function () {
    var registry, type;

    beforeEach(module('horizon.dashboard.container-infra'));

    beforeEach(inject(function ($injector) {
      registry = $injector.get('horizon.framework.conf.resource-type-registry.service');
      type = registry.getResourceType('OS::Magnum::NodeGroup');
    }));

    it('names the resource type through a constant, singular and plural', inject(
      function ($injector) {
        expect($injector.get('horizon.dashboard.container-infra.node-groups.resourceType'))
          .toBe('OS::Magnum::NodeGroup');
        expect(type.getName(1)).toBe('Node Group');
        expect(type.getName(2)).toBe('Node Groups');
      }));

    it('is loaded by the dashboard, with its actions', function () {
      expect(angular.module('horizon.dashboard.container-infra').requires)
        .toContain('horizon.dashboard.container-infra.node-groups');
      expect(angular.module('horizon.dashboard.container-infra.node-groups').requires)
        .toContain('horizon.dashboard.container-infra.node-groups.actions');
    });

    it('labels the properties, roles and statuses readably', function () {
      var fields = ['uuid', 'name', 'role', 'status', 'node_count', 'bounds', 'flavor_id',
        'min_node_count', 'max_node_count', 'is_default', 'status_reason'];
      expect(fields.map(type.label)).toEqual(['ID', 'Name', 'Role', 'Status', 'Nodes',
        'Min / Max', 'Flavor', 'Minimum Nodes', 'Maximum Nodes', 'Default Group',
        'Status Reason']);
      expect(type.getTableColumns()[1].filters[0]('worker')).toBe('Worker');
      expect(type.getTableColumns()[2].filters[0]('CREATE_FAILED')).toBe('Create Failed');
    });

    it('shows name, role, status, nodes, bounds and flavor', function () {
      var columns = type.getTableColumns();
      expect(columns.map(function (column) { return column.id; })).toEqual([
        'name', 'role', 'status', 'node_count', 'bounds', 'flavor_id'
      ]);
      expect(columns.map(function (column) { return column.title; })).toEqual([
        'Name', 'Role', 'Status', 'Nodes', 'Min / Max', 'Flavor'
      ]);
      expect(columns[2].template)
        .toBe('<magnum-node-group-status group="item"></magnum-node-group-status>');
    });

    it('offers search facets on name, role and status', function () {
      expect(type.filterFacets.map(function (facet) { return facet.name; }))
        .toEqual(['name', 'role', 'status']);
    });

    it('opens a row on the group\'s drawer', function () {
      expect(type.summaryTemplateUrl)
        .toBe('/static/dashboard/container-infra/node-groups/details/drawer.html');
    });

    it('lists a bay\'s groups live, following the groups and their bay', inject(
      function ($injector) {
        var nodeGroupsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-node-groups');
        var baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
        var $q = $injector.get('$q');
        var $rootScope = $injector.get('$rootScope');
        var heard;
        spyOn(nodeGroupsAPI, 'getNodeGroups').and.returnValue($q.resolve({data: {items: [
          {uuid: 'g1', status: 'CREATE_COMPLETE'}
        ]}}));
        spyOn(baysAPI, 'getBay').and.returnValue($q.resolve({data: {uuid: 'b1',
          status: 'UPDATE_IN_PROGRESS'}}));
        $rootScope.$on('horizon.dashboard.container-infra.common.LISTED',
          function (e, t, items, busy) {
            heard = [t, items.length, busy];
          });
        type.list({bayId: 'b1'});
        $rootScope.$apply();
        expect(nodeGroupsAPI.getNodeGroups).toHaveBeenCalledWith('b1', false);
        expect(heard).toEqual(['OS::Magnum::NodeGroup', 1, true]);
      }));

    it('adds a Node Groups tab to the bay details, before Workloads', function () {
      var views = registry.getResourceType('OS::Magnum::Bay').detailsViews;
      var ids = views.map(function (view) { return view.id; });
      expect(views.filter(function (view) { return view.id === 'bayDetailsNodeGroups'; })[0])
        .toEqual(jasmine.objectContaining({
          name: 'Node Groups',
          template: '/static/dashboard/container-infra/node-groups/details/bay-tab.html'
        }));
      expect(ids.indexOf('bayDetailsNodeGroups')).toBeLessThan(ids.indexOf('workloads'));
    });

    it('keeps the tab\'s table on the bay of the details page', function (done) {
      fetch('/base/static/dashboard/container-infra/node-groups/details/bay-tab.html')
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var table = doc.querySelector('magnum-live-table');
          expect(table.getAttribute('resource-type-name')).toBe('OS::Magnum::NodeGroup');
          expect(table.getAttribute('list-params')).toBe('tab.listParams');
        })
        .then(done, done.fail);
    });
  });
})();
