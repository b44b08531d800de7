/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.live-table.service', function () {
    var liveTable, events, $q, $rootScope, heard;

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      liveTable = $injector.get('horizon.dashboard.container-infra.common.live-table.service');
      events = $injector.get('horizon.dashboard.container-infra.common.events');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      heard = [];
      [events.LISTED, events.LIST_FAILED].forEach(function (name) {
        $rootScope.$on(name, function () {
          heard.push([name].concat(Array.prototype.slice.call(arguments, 1)));
        });
      });
    }));

    function busy(item) {
      return item.status === 'BUSY';
    }

    it('lists with the table\'s parameters and tells what it listed', function () {
      var items = [{status: 'DONE'}, {status: 'BUSY'}];
      var list = jasmine.createSpy('list').and.returnValue($q.resolve({data: {items: items}}));
      var got;
      liveTable.listFunction('OS::Test', list, busy)({quiet: true, poll: 3}).then(function (response) {
        got = response.data.items;
      });
      $rootScope.$apply();
      expect(list).toHaveBeenCalledWith({quiet: true, poll: 3});
      expect(got).toBe(items);
      expect(heard).toEqual([[events.LISTED, 'OS::Test', items, true, false]]);
    });

    it('tells when nothing listed is in progress', function () {
      var list = jasmine.createSpy('list').and.returnValue($q.resolve({data: {items: []}}));
      liveTable.listFunction('OS::Test', list, busy)();
      $rootScope.$apply();
      expect(heard[0][3]).toBe(false);
    });

    it('asks the table\'s first listing for its first page, and tells if there is more',
      function () {
        var list = jasmine.createSpy('list').and.returnValue(
          $q.resolve({data: {items: [], more: true}}));
        liveTable.listFunction('OS::Test', list, busy)({bayId: 'b1'});
        $rootScope.$apply();
        expect(list).toHaveBeenCalledWith({page: {limit: 20}, bayId: 'b1'});
        expect(heard[0][4]).toBe(true);
      });

    it('asks for the first page in the order the table sorts by at first',
      inject(function ($injector) {
        var registry = $injector.get('horizon.framework.conf.resource-type-registry.service');
        var list = jasmine.createSpy('list').and.returnValue($q.resolve({data: {items: []}}));
        registry.getResourceType('OS::Sorted').tableColumns
          .push({id: 'size'}, {id: 'name', sortDefault: true});
        registry.getResourceType('OS::Reversed').tableColumns
          .push({id: 'created_at', sortDefault: 'reverse'});
        liveTable.listFunction('OS::Sorted', list, busy)();
        liveTable.listFunction('OS::Reversed', list, busy)();
        liveTable.listFunction('OS::Sorted', list, busy)({poll: 1});
        expect(list.calls.allArgs()).toEqual([
          [{page: {limit: 20, sort_key: 'name'}}],
          [{page: {limit: 20, sort_key: 'created_at', sort_dir: 'desc'}}],
          [{poll: 1}]
        ]);
      }));

    it('pages as the user\'s page size says', inject(function ($window) {
      var saved = $window.horizon.cookies;
      var list = jasmine.createSpy('list').and.returnValue($q.resolve({data: {items: []}}));
      var sizes = ['50', undefined, '-5', '7.5', '5000'];
      $window.horizon.cookies = {get: jasmine.createSpy('get').and.callFake(function () {
        return sizes.shift();
      })};
      ['A', 'B', 'C', 'D', 'E'].forEach(function (type) {
        liveTable.listFunction(type, list, busy)();
      });
      $window.horizon.cookies = saved;
      expect(list.calls.allArgs()).toEqual(
        [50, 20, 20, 20, 1000].map(function (limit) { return [{page: {limit: limit}}]; }));
    }));

    it('tells when listing failed, and rejects', function () {
      var failure = {status: 503};
      var rejected;
      var list = jasmine.createSpy('list').and.returnValue($q.reject(failure));
      liveTable.listFunction('OS::Test', list, busy)().catch(function (response) {
        rejected = response;
      });
      $rootScope.$apply();
      expect(rejected).toBe(failure);
      expect(heard).toEqual([[events.LIST_FAILED, 'OS::Test', failure]]);
    });

    it('shares a listing asked again in the same turn with the same parameters', function () {
      var answer = $q.defer();
      var list = jasmine.createSpy('list').and.returnValue(answer.promise);
      var live = liveTable.listFunction('OS::Test', list, busy);
      var got = [];
      [{bayId: 'b1'}, {bayId: 'b1'}, {bayId: 'b2'}].forEach(function (params) {
        live(params).then(function (response) { got.push(response.data.items); });
      });
      answer.resolve({data: {items: []}});
      $rootScope.$apply();
      expect(list.calls.allArgs()).toEqual(
        [[{page: {limit: 20}, bayId: 'b1'}], [{page: {limit: 20}, bayId: 'b2'}]]);
      expect(got).toEqual([[], [], []]);
      expect(heard.length).toBe(2);
    });

    it('reads afresh in a later turn, even while the first listing is under way',
      inject(function ($timeout) {
        var list = jasmine.createSpy('list').and.returnValue($q.defer().promise);
        var live = liveTable.listFunction('OS::Test', list, busy);
        live({bayId: 'b1'});
        $timeout.flush();
        live({bayId: 'b1'});
        expect(list.calls.count()).toBe(2);
      }));
  });
})();
