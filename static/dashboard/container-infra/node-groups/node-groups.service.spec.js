/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.node-groups.service', function () {
    var service, nodeGroupsAPI, baysAPI, $q, $rootScope, groups;
    var bay = {uuid: 'b1', name: 'web', status: 'CREATE_COMPLETE', api_address: 'tcp://x',
               labels: {big: 'yes'}};

    beforeEach(module('horizon.dashboard.container-infra.node-groups'));

    beforeEach(inject(function ($injector) {
      service = $injector.get('horizon.dashboard.container-infra.node-groups.service');
      nodeGroupsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-node-groups');
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      groups = [
        {uuid: 'g1', name: 'default-worker', status: 'CREATE_COMPLETE', node_count: 1,
         min_node_count: 0, max_node_count: null, updated_at: null},
        {uuid: 'g2', name: 'extra', status: 'UPDATE_IN_PROGRESS', node_count: 2,
         min_node_count: 1, max_node_count: 3, updated_at: '2026-12-05T10:00:00+00:00'}
      ];
      spyOn(nodeGroupsAPI, 'getNodeGroups').and.callFake(function () {
        return $q.resolve({data: {items: groups}});
      });
      spyOn(baysAPI, 'getBay').and.returnValue($q.resolve({data: bay}));
    }));

    function listed(params) {
      var outcome = {};
      service.getNodeGroupsPromise(params).then(function (response) {
        outcome.items = response.data.items;
      }, function (response) {
        outcome.rejected = response;
      });
      $rootScope.$apply();
      return outcome;
    }

    it('lists the bay\'s groups with what they need of the bay, read at once', function () {
      var items = listed({bayId: 'b1', poll: 2, quiet: true}).items;
      expect(nodeGroupsAPI.getNodeGroups).toHaveBeenCalledWith('b1', true);
      expect(baysAPI.getBay).toHaveBeenCalledWith('b1', true);
      expect(items[0].bay).toEqual({uuid: 'b1', name: 'web', status: 'CREATE_COMPLETE',
        api_address: 'tcp://x'});
      expect(items.map(function (item) { return item.id; })).toEqual(['g1', 'g2']);
    });

    it('toasts a failure of the first listing, once', function () {
      listed({bayId: 'b1'});
      expect(nodeGroupsAPI.getNodeGroups).toHaveBeenCalledWith('b1', false);
      expect(baysAPI.getBay).toHaveBeenCalledWith('b1', true);
    });

    it('passes a failure to list on', function () {
      nodeGroupsAPI.getNodeGroups.and.returnValue($q.reject({status: 404}));
      expect(listed({bayId: 'b1'}).rejected).toEqual({status: 404});
    });

    it('lists nothing without a bay', function () {
      expect(listed().items).toEqual([]);
      expect(listed({quiet: true}).items).toEqual([]);
      expect(nodeGroupsAPI.getNodeGroups).not.toHaveBeenCalled();
    });

    it('says the bounds in words', function () {
      var items = listed({bayId: 'b1'}).items;
      expect(items[0].bounds).toBe('0 to no limit');
      expect(items[1].bounds).toBe('1 to 3');
      expect(service.decorate({uuid: 'g3'}, bay).bounds).toBe('0 to no limit');
    });

    it('gives each group a trackBy key that changes with it and with its bay', function () {
      var items = listed({bayId: 'b1'}).items;
      expect(items[0].trackBy).toBe('g1|CREATE_COMPLETE|1|0||CREATE_COMPLETE|');
      expect(items[1].trackBy)
        .toBe('g2|UPDATE_IN_PROGRESS|2|1|3|CREATE_COMPLETE|2026-12-05T10:00:00+00:00');
    });

    it('is busy while the group or its bay is in progress', function () {
      expect(service.isBusy({status: 'CREATE_IN_PROGRESS', bay: bay})).toBe(true);
      expect(service.isBusy({status: 'CREATE_COMPLETE', bay: {status: 'UPDATE_IN_PROGRESS'}}))
        .toBe(true);
      expect(service.isBusy({status: 'CREATE_COMPLETE', bay: bay})).toBe(false);
    });

    it('names the roles', function () {
      expect(service.roleLabel('master')).toBe('Master');
      expect(service.roleLabel('worker')).toBe('Worker');
      expect(service.roleLabel('gpu')).toBe('gpu');
      expect(service.roleLabel(null)).toBe('');
    });
  });
})();
