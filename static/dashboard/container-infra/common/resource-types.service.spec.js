/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.resource-types.service', function () {
    var resourceTypes, registry, $q, $rootScope;

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      resourceTypes = $injector.get(
        'horizon.dashboard.container-infra.common.resource-types.service');
      registry = $injector.get('horizon.framework.conf.resource-type-registry.service');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
    }));

    function listOf(items) {
      return jasmine.createSpy('list').and.returnValue($q.resolve({data: {items: items}}));
    }

    it('registers names, properties, loading, drawer and panel of a full definition',
      function () {
        var load = jasmine.createSpy('load');
        var itemName = jasmine.createSpy('itemName');
        var type = resourceTypes.define('OS::Test::Thing', {
          names: ['Thing', 'Things'],
          properties: {name: 'Name', size: {label: 'Size', filters: ['noValue']}},
          list: listOf([]),
          load: load,
          itemName: itemName,
          drawer: 'things/drawer.html',
          indexUrl: '/project/things/'
        });

        expect(type).toBe(registry.getResourceType('OS::Test::Thing'));
        expect(type.getName(1)).toBe('Thing');
        expect(type.getName(2)).toBe('Things');
        expect(['name', 'size'].map(type.label)).toEqual(['Name', 'Size']);
        expect(type.load).toBe(load);
        expect(type.itemName).toBe(itemName);
        expect(type.summaryTemplateUrl)
          .toBe('/static/dashboard/container-infra/things/drawer.html');
        expect(type.getDefaultIndexUrl()).toBe('/project/things/');
      });

    it('leaves out what a definition does not give', function () {
      var type = resourceTypes.define('OS::Test::Bare', {
        names: ['Bare', 'Bares'], properties: {}, list: listOf([])
      });

      expect(type.isLoadFunctionSet()).toBe(false);
      expect(type.summaryTemplateUrl).toBeFalsy();
      expect(type.getTableColumns()).toEqual([]);
      expect(type.filterFacets.length).toBe(0);
      expect(type.detailsViews.length).toBe(0);
    });

    it('lists live, telling the live table what is busy', function () {
      var busy = jasmine.createSpy('busy').and.returnValue(true);
      var heard;
      var type = resourceTypes.define('OS::Test::Thing', {
        names: ['Thing', 'Things'], properties: {}, list: listOf([{id: 't1'}]), busy: busy
      });
      $rootScope.$on('horizon.dashboard.container-infra.common.LISTED',
        function (event, listed, items, inProgress) {
          heard = [listed, items.length, inProgress];
        });

      type.list({quiet: true});
      $rootScope.$apply();

      expect(busy.calls.argsFor(0)[0]).toEqual({id: 't1'});
      expect(heard).toEqual(['OS::Test::Thing', 1, true]);
    });

    it('adds the details tabs, and links the name column to the details page', function () {
      var type = resourceTypes.define('OS::Test::Thing', {
        names: ['Thing', 'Things'],
        properties: {name: 'Name', size: 'Size'},
        list: listOf([]),
        tabs: [{id: 'thingOverview', name: 'Overview', template: 'things/overview.html'}],
        columns: [{id: 'name', priority: 1}, {id: 'size', priority: 2}],
        facets: [{label: 'Name', name: 'name', singleton: true}]
      });
      var columns = type.getTableColumns();

      expect(type.detailsViews.slice()).toEqual([jasmine.objectContaining({
        id: 'thingOverview', name: 'Overview',
        template: '/static/dashboard/container-infra/things/overview.html'
      })]);
      expect(columns.map(function (column) { return column.id; })).toEqual(['name', 'size']);
      expect(columns[0].urlFunction({uuid: 'u1'})).toBe('ngdetails/OS::Test::Thing/u1');
      expect(columns[1].urlFunction).toBeUndefined();
      expect(type.filterFacets.map(function (facet) { return facet.name; })).toEqual(['name']);
    });

    it('links no column of a type without a details page', function () {
      var type = resourceTypes.define('OS::Test::Thing', {
        names: ['Thing', 'Things'], properties: {}, list: listOf([]),
        columns: [{id: 'name', priority: 1}]
      });

      expect(type.getTableColumns()[0].urlFunction).toBeUndefined();
    });

    it('adds global, row and delete actions in order', function () {
      var create = {}, resize = {}, rotate = {}, remove = {perform: angular.noop};
      var type = registry.getResourceType('OS::Test::Thing');

      resourceTypes.addActions('OS::Test::Thing', {
        global: [{id: 'createThingAction', service: create, text: 'Create Thing'}],
        item: [
          {id: 'resizeThingAction', service: resize, text: 'Resize', icon: 'arrows-v'},
          {id: 'rotateThingAction', service: rotate, text: 'Rotate', icon: 'refresh',
            classes: 'text-danger'}
        ],
        remove: {service: remove, item: 'Delete Thing', batch: 'Delete Things'}
      });

      expect(type.globalActions.slice()).toEqual([action('createThingAction', create,
        {type: 'create', text: 'Create Thing'})]);
      expect(type.itemActions.slice()).toEqual([
        action('resizeThingAction', resize, {text: 'Resize', icon: 'arrows-v'}),
        action('rotateThingAction', rotate,
          {text: 'Rotate', icon: 'refresh', actionClasses: 'text-danger'}),
        action('deleteThingAction', remove, {text: 'Delete Thing', type: 'delete'})
      ]);
      expect(type.batchActions.slice()).toEqual([action('batchDeleteThingAction', remove,
        {text: 'Delete Things', type: 'delete-selected'})]);

      // Horizon's extensible lists add their own bookkeeping to each entry.
      function action(id, service, template) {
        return jasmine.objectContaining({id: id, service: service, template: template});
      }
    });

    it('adds only the actions given', function () {
      var type = registry.getResourceType('OS::Test::Other');

      resourceTypes.addActions('OS::Test::Other', {});
      resourceTypes.addActions('OS::Test::Other', {
        item: [{id: 'resizeOtherAction', service: {}, text: 'Resize', icon: 'arrows-v'}]
      });

      expect(type.globalActions.length).toBe(0);
      expect(type.itemActions.length).toBe(1);
      expect(type.batchActions.length).toBe(0);
    });
  });
})();
