/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.services', function () {
    var type, servicesAPI, $q, $rootScope;

    beforeEach(module('horizon.dashboard.container-infra.admin.services'));

    beforeEach(inject(function ($injector) {
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      servicesAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-services');
      type = $injector.get('horizon.framework.conf.resource-type-registry.service')
        .getResourceType($injector.get(
          'horizon.dashboard.container-infra.admin.services.resourceType'));
    }));

    function listed(items, params) {
      var response;
      spyOn(servicesAPI, 'getServices').and.returnValue($q.resolve({data: {items: items}}));
      type.list(params).then(function (given) { response = given; });
      $rootScope.$apply();
      return response.data.items;
    }

    it('is OS::Magnum::Service, named Service', function () {
      expect(type.type).toBe('OS::Magnum::Service');
      expect(type.getName(1)).toBe('Service');
      expect(type.getName(2)).toBe('Services');
    });

    it('lists live: a poll is quiet, and the table hears what was listed', function () {
      var heard;
      $rootScope.$on('horizon.dashboard.container-infra.common.LISTED',
        function (event, resourceType, items, busy) { heard = [resourceType, items.length, busy]; });
      listed([{id: 1, state: 'up'}], {poll: 1, quiet: true});
      expect(servicesAPI.getServices).toHaveBeenCalledWith(true);
      expect(heard).toEqual(['OS::Magnum::Service', 1, false]);
    });

    it('asks with a toast when the table lists by itself', function () {
      listed([]);
      expect(servicesAPI.getServices).toHaveBeenCalledWith(false);
    });

    it('labels the state, the disabled flag with its reason, and the last report', function () {
      var items = listed([
        {id: 1, state: 'up', disabled: false, created_at: 'c1', updated_at: 'u1'},
        {id: 2, state: 'down', disabled: true, disabled_reason: 'maintenance', created_at: 'c2'},
        {id: 3, state: 'lost', disabled: true, disabled_reason: null, created_at: null}
      ]);
      expect(items.map(function (item) {
        return [item.state_label, item.disabled_label, item.last_seen];
      })).toEqual([
        ['Up', 'No', 'u1'],
        ['Down', 'Yes: maintenance', 'c2'],
        ['lost', 'Yes', '']
      ]);
    });

    it('gives each heartbeat a new row key, so the row is drawn again', function () {
      var first = listed([{id: 1, state: 'up', report_count: 4, updated_at: 'u1'}])[0];
      servicesAPI.getServices.and.returnValue(
        $q.resolve({data: {items: [{id: 1, state: 'up', report_count: 5, updated_at: 'u2'}]}}));
      type.list({poll: 2}).then(function (response) {
        expect(response.data.items[0].trackBy).not.toBe(first.trackBy);
      });
      $rootScope.$apply();
      expect(servicesAPI.getServices.calls.count()).toBe(2);
    });

    it('shows host, binary, state, disabled and last seen, sorted by host', function () {
      var columns = type.getTableColumns();
      expect(columns.map(function (column) { return column.title; })).toEqual([
        'Host', 'Binary', 'State', 'Disabled', 'Last Seen'
      ]);
      expect(columns[0].sortDefault).toBe(true);
      expect(columns[4].filters).toEqual(['isoMediumDate']);
    });

    it('draws the state as a green or red label', inject(function ($compile) {
      var scope = $rootScope.$new();
      var cell;
      scope.item = {state: 'down', state_label: 'Down'};
      cell = $compile('<div>' + type.getTableColumns()[2].template + '</div>')(scope);
      scope.$apply();
      expect(cell.find('.label').hasClass('label-danger')).toBe(true);
      expect(cell.text().trim()).toBe('Down');
      scope.item = {state: 'up', state_label: 'Up'};
      scope.$apply();
      expect(cell.find('.label').hasClass('label-success')).toBe(true);
      expect(cell.find('.fa').hasClass('fa-check')).toBe(true);
    }));

    it('offers search on the host and the state, and no action', function () {
      expect(type.filterFacets.map(function (facet) { return facet.name; }))
        .toEqual(['host', 'state']);
      expect(type.filterFacets[1].options.map(function (option) { return option.key; }))
        .toEqual(['up', 'down']);
      expect(type.globalActions.length + type.itemActions.length + type.batchActions.length)
        .toBe(0);
    });
  });
})();
