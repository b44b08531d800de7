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
      var fields = ['uuid', 'name', 'status', 'health_status', 'cluster_template_id',
        'bay_model_name', 'coe', 'api_address', 'node_count', 'master_count', 'status_reason',
        'stack_id', 'created_at'];
      expect(fields.map(type.label)).toEqual(['ID', 'Name', 'Status', 'Health Status',
        'Bay Model ID', 'Bay Model', 'COE', 'API Address', 'Worker Nodes', 'Masters',
        'Status Reason', 'Stack ID', 'Created']);
    });

    it('lists live through the bays service', inject(function ($injector) {
      var baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      var bayModelsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bay-models');
      var $q = $injector.get('$q');
      var $rootScope = $injector.get('$rootScope');
      var heard;
      spyOn(baysAPI, 'getBays').and.returnValue($q.resolve({data: {items: [
        {uuid: 'b1', status: 'CREATE_IN_PROGRESS', health_status: 'UNKNOWN'}
      ]}}));
      spyOn(bayModelsAPI, 'getBayModels').and.returnValue($q.resolve({data: {items: []}}));
      $rootScope.$on('horizon.dashboard.container-infra.common.LISTED', function (e, t, items, busy) {
        heard = [t, items.length, busy, items[0].health.label];
      });
      expect(type.isListFunctionSet()).toBe(true);
      type.list({quiet: true});
      $rootScope.$apply();
      expect(baysAPI.getBays).toHaveBeenCalledWith({limit: 20, sort_key: 'name'}, true);
      expect(heard).toEqual(['OS::Magnum::Bay', 1, true, 'Unknown']);
    }));

    it('loads one bay with the bays service, for its details page', inject(function ($injector) {
      var service = $injector.get('horizon.dashboard.container-infra.bays.service');
      expect(type.isLoadFunctionSet()).toBe(true);
      expect(type.load).toBe(service.getBayPromise);
    }));

    it('goes back to the Bays panel from a details page', function () {
      expect(type.getDefaultIndexUrl()).toBe('/project/bays/');
    });

    it('opens a row on the bay\'s drawer', function () {
      expect(type.summaryTemplateUrl)
        .toBe('/static/dashboard/container-infra/bays/details/drawer.html');
    });

    it('gathers its actions and details page', function () {
      expect(angular.module('horizon.dashboard.container-infra.bays').requires).toEqual(
        jasmine.arrayContaining(['horizon.dashboard.container-infra.bays.actions',
          'horizon.dashboard.container-infra.bays.details']));
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

    it('draws the health as a coloured label whose title says what is wrong',
      inject(function ($compile, $rootScope) {
        var scope = $rootScope.$new();
        var cell;
        scope.item = {health: {label: 'Unhealthy', cls: 'label-danger', note: 'Not ready: w-10'}};
        cell = $compile('<div>' + type.getTableColumns()[2].template + '</div>')(scope);
        scope.$apply();
        expect(cell.find('.label').hasClass('label-danger')).toBe(true);
        expect(cell.find('.label').attr('title')).toBe('Not ready: w-10');
        expect(cell.text().trim()).toBe('Unhealthy');
        scope.item = {health: null};
        scope.$apply();
        expect(cell.find('.label').length).toBe(0);
        expect(cell.text().trim()).toBe('-');
      }));

    it('marks bays in progress as in transition', function () {
      var status = type.getTableColumns()[1];
      expect(status.itemInTransitionFunction({status: 'UPDATE_IN_PROGRESS'})).toBe(true);
      expect(status.itemInTransitionFunction({status: 'UPDATE_COMPLETE'})).toBe(false);
    });

    it('leaves polling to the live table, not to the table\'s own timer', function () {
      expect(type.itemInTransitionFunction({status: 'DELETE_IN_PROGRESS'})).toBe(false);
    });

    it('offers search facets on name, status, health and COE', inject(function ($injector) {
      var facets = type.filterFacets;
      var statusKeys;
      spyOn($injector.get('horizon.app.core.openstack-service-api.magnum-choices'), 'getChoices')
        .and.returnValue($injector.get('$q').resolve({data: {
          coes: [{id: 'kubernetes', name: 'Kubernetes'}], drivers: [{coe: 'kubernetes'}]
        }}));
      expect(facets.map(function (facet) { return facet.name; }))
        .toEqual(['name', 'status', 'health_status', 'coe']);
      expect(facets[2].options.map(function (option) { return option.key; }))
        .toEqual(['HEALTHY', 'UNHEALTHY', 'UNKNOWN']);
      expect(facets[3].options).toEqual([]);
      $injector.get('$rootScope').$apply();
      expect(facets[3].options).toEqual([{key: 'kubernetes', label: 'Kubernetes'}]);
      statusKeys = facets[1].options.map(function (option) { return option.key; });
      expect(statusKeys).toContain('CREATE_COMPLETE');
      expect(statusKeys).toContain('CREATE_FAILED');
      expect(facets[1].options[0]).toEqual({
        key: 'CREATE_IN_PROGRESS', label: 'Create In Progress'
      });
    }));
  });
})();
