/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  function verifyNoTimeouts() {
    inject(function ($verifyNoPendingTasks) {
      $verifyNoPendingTasks('$timeout');
    });
  }

  describe('horizon.dashboard.container-infra.bays.PanelController', function () {
    var ctrl, scope, magnum, events, $q, $rootScope, $timeout;
    var stats = {bays: 2, nodes: 5, quota: {hard_limit: 10, in_use: 2}};

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector, $controller) {
      magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
      events = $injector.get('horizon.dashboard.container-infra.bays.events');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      $timeout = $injector.get('$timeout');
      spyOn(magnum, 'getStats').and.returnValue($q.resolve({data: stats}));
      scope = $rootScope.$new();
      ctrl = $controller('horizon.dashboard.container-infra.bays.PanelController', {$scope: scope});
      $rootScope.$apply();
    }));

    function listed(bays) {
      $rootScope.$broadcast(events.LISTED, bays);
      $rootScope.$apply();
    }

    it('shows the project\'s bay, node and quota numbers', function () {
      expect(magnum.getStats.calls.count()).toBe(1);
      expect(ctrl.stats).toEqual(stats);
      expect(ctrl.quotaPercent()).toBe(20);
    });

    it('lets the table make its first load itself', function () {
      expect(ctrl.listParams).toBeUndefined();
    });

    it('has the table re-list while a bay is in progress', function () {
      listed([{trackBy: 'a', status: 'CREATE_IN_PROGRESS'}, {trackBy: 'b', status: 'CREATE_COMPLETE'}]);
      expect(ctrl.listParams).toBeUndefined();
      $timeout.flush(2000);
      expect(ctrl.listParams).toEqual({poll: 1, quiet: false});
      listed([{trackBy: 'a2', status: 'CREATE_IN_PROGRESS'}]);
      $timeout.flush(2000);
      expect(ctrl.listParams).toEqual({poll: 2, quiet: false});
    });

    it('lists again when a bay is being deleted, to follow the deletion', function () {
      $rootScope.$broadcast(events.DELETED, 'b1');
      expect(ctrl.listParams).toEqual({poll: 1, quiet: false});
    });

    it('stops re-listing once nothing is in progress', function () {
      listed([{trackBy: 'a', status: 'UPDATE_IN_PROGRESS'}]);
      listed([{trackBy: 'a2', status: 'UPDATE_COMPLETE'}]);
      verifyNoTimeouts();
      expect(ctrl.listParams).toBeUndefined();
    });

    it('stops re-listing when the panel goes away', function () {
      listed([{trackBy: 'a', status: 'DELETE_IN_PROGRESS'}]);
      scope.$destroy();
      verifyNoTimeouts();
    });

    it('reloads the numbers when the listed bays change, not on every list', function () {
      listed([{trackBy: 'a', status: 'CREATE_COMPLETE'}]);
      expect(magnum.getStats.calls.count()).toBe(1);
      listed([{trackBy: 'a', status: 'CREATE_COMPLETE'}]);
      expect(magnum.getStats.calls.count()).toBe(1);
      listed([{trackBy: 'a', status: 'CREATE_COMPLETE'}, {trackBy: 'b', status: 'CREATE_IN_PROGRESS'}]);
      expect(magnum.getStats.calls.count()).toBe(2);
      $timeout.flush();
    });

    describe('when a refresh fails', function () {
      function listFailed() {
        $rootScope.$broadcast(events.LIST_FAILED, {status: 500, data: '"Database is busy."'});
        $rootScope.$apply();
      }

      it('says so next to the table and keeps trying, later and later', function () {
        listed([{trackBy: 'a', status: 'CREATE_IN_PROGRESS'}]);
        $timeout.flush(2000);
        listFailed();
        expect(ctrl.refreshNote).toBe('Could not refresh: Database is busy; retrying.');
        $timeout.flush(1999);
        expect(ctrl.listParams.poll).toBe(1);
        $timeout.flush(1);
        expect(ctrl.listParams).toEqual({poll: 2, quiet: true});
        listFailed();
        $timeout.flush(3999);
        expect(ctrl.listParams.poll).toBe(2);
        $timeout.flush(1);
        expect(ctrl.listParams).toEqual({poll: 3, quiet: true});
      });

      it('lists with a toast again, and drops the note, once a listing succeeds', function () {
        listFailed();
        $timeout.flush();
        expect(ctrl.listParams).toEqual({poll: 1, quiet: true});
        listed([{trackBy: 'a', status: 'CREATE_IN_PROGRESS'}]);
        expect(ctrl.refreshNote).toBe('');
        $timeout.flush(2000);
        expect(ctrl.listParams).toEqual({poll: 2, quiet: false});
      });
    });

    it('draws no quota bar without a limit', function () {
      ctrl.stats = {bays: 1, nodes: 1, quota: null};
      expect(ctrl.quotaPercent()).toBe(0);
      ctrl.stats = {bays: 1, nodes: 1, quota: {hard_limit: 0, in_use: 0}};
      expect(ctrl.quotaPercent()).toBe(0);
      ctrl.stats = {bays: 1, nodes: 1, quota: {hard_limit: 2, in_use: 3}};
      expect(ctrl.quotaPercent()).toBe(100);
      ctrl.stats = null;
      expect(ctrl.quotaPercent()).toBe(0);
    });
  });
})();
