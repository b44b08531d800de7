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

  describe('horizon.dashboard.container-infra.bays.OverviewController', function () {
    var ctrl, scope, baysAPI, $q, $rootScope, $timeout, $route, $controller, bay, tabset;

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    // The tab's element inside Horizon's details tabs (uib-tabset), Progress shown.
    function inTabs(shown) {
      var tabs = angular.element('<div><div></div></div>');
      tabset = {active: shown};
      tabs.data('$uibTabsetController', tabset);
      return tabs.children();
    }

    function overview() {
      return $controller('horizon.dashboard.container-infra.bays.OverviewController',
        {$scope: scope, $element: inTabs(0)});
    }

    beforeEach(inject(function ($injector) {
      $controller = $injector.get('$controller');
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      $timeout = $injector.get('$timeout');
      $route = $injector.get('$route');
      spyOn($route, 'reload');
      bay = {
        uuid: 'b1', name: 'web', status: 'CREATE_IN_PROGRESS', node_count: 1,
        labels: {zeta: 'z', alpha: 'a'}, faults: {node: {reason: 'disk'}},
        health_status_reason: {api: 'ok', 'bay-b1-master-0.Ready': false},
        bay_model: {uuid: 'm1', name: 'local-swarm'}
      };
      scope = $rootScope.$new();
      scope.context = {loadPromise: $q.resolve({data: bay})};
      ctrl = overview();
    }));

    it('shows the loaded bay, its labels, faults and health in key order', function () {
      $rootScope.$apply();
      expect(ctrl.bay).toBe(bay);
      expect(ctrl.labels).toEqual([{key: 'alpha', value: 'a'}, {key: 'zeta', value: 'z'}]);
      expect(ctrl.faults).toEqual([{key: 'node', value: '{"reason":"disk"}'}]);
      expect(ctrl.health).toEqual([{key: 'Orchestrator API', value: 'ok', bad: false},
        {key: 'bay-b1-master-0', value: 'Not ready', bad: true}]);
      expect(ctrl.configUrl).toBe('/api/container_infra/bays/b1/config/');
      expect(ctrl.isInTransition(bay)).toBe(true);
      expect(ctrl.isFailed(bay)).toBe(false);
      expect(ctrl.statusLabel('CREATE_FAILED')).toBe('Create Failed');
    });

    it('updates the bay in place while it is in progress', function () {
      spyOn(baysAPI, 'getBay').and.returnValue($q.resolve({data: {
        uuid: 'b1', name: 'web', status: 'CREATE_IN_PROGRESS', node_count: 1,
        api_address: 'tcp://10.0.0.2:2376', labels: {}, faults: {}
      }}));
      $rootScope.$apply();

      $timeout.flush(2000);

      expect(baysAPI.getBay).toHaveBeenCalledWith('b1', true);
      expect(ctrl.bay).toBe(bay);
      expect(bay.api_address).toBe('tcp://10.0.0.2:2376');
      expect(bay.bay_model_name).toBe('local-swarm');
      expect(ctrl.labels).toEqual([]);
      expect($route.reload).not.toHaveBeenCalled();
      $timeout.flush(2000);
      expect(baysAPI.getBay.calls.count()).toBe(2);
    });

    it('reloads the page once the bay settles, so its actions are checked again', function () {
      spyOn(baysAPI, 'getBay').and.returnValue($q.resolve({data: {
        uuid: 'b1', status: 'CREATE_COMPLETE'
      }}));
      $rootScope.$apply();

      $timeout.flush(2000);

      expect($route.reload).toHaveBeenCalled();
      verifyNoTimeouts();
    });

    it('shows the tab the user read again after that reload, not Overview', function () {
      spyOn(baysAPI, 'getBay').and.returnValue($q.resolve({data: {
        uuid: 'b1', status: 'CREATE_COMPLETE'
      }}));
      $rootScope.$apply();
      tabset.active = 2;
      $timeout.flush(2000);
      expect($route.reload).toHaveBeenCalled();

      overview();
      expect(tabset.active).toBe(2);
      overview();
      expect(tabset.active).toBe(0);
    });

    it('keeps trying a failed read later and later, toasting none (a note says it)', function () {
      var answers = [{status: 500, data: '"Busy."'}, {status: 503}];
      spyOn(baysAPI, 'getBay').and.callFake(function () {
        return answers.length ? $q.reject(answers.shift()) :
          $q.resolve({data: {uuid: 'b1', status: 'CREATE_IN_PROGRESS'}});
      });
      $rootScope.$apply();

      $timeout.flush(2000);
      expect(baysAPI.getBay.calls.argsFor(0)).toEqual(['b1', true]);
      expect(ctrl.refreshNote).toBe('Could not refresh: Busy; retrying.');
      $timeout.flush(2000);
      expect(baysAPI.getBay.calls.count()).toBe(2);
      expect(baysAPI.getBay.calls.argsFor(1)).toEqual(['b1', true]);
      expect(ctrl.refreshNote).toBe('Could not refresh: 503; retrying.');
      $timeout.flush(3999);
      expect(baysAPI.getBay.calls.count()).toBe(2);
      $timeout.flush(1);
      expect(baysAPI.getBay.calls.argsFor(2)).toEqual(['b1', true]);
      expect(ctrl.refreshNote).toBe('');
      expect($route.reload).not.toHaveBeenCalled();
    });

    it('stops asking once the bay is gone, and says it was deleted', function () {
      bay.status = 'DELETE_IN_PROGRESS';
      spyOn(baysAPI, 'getBay').and.callFake(function () {
        return $q.reject({status: 404, data: '"Not found."'});
      });
      $rootScope.$apply();

      $timeout.flush(2000);

      expect(ctrl.refreshNote).toBe('This bay no longer exists: it has been deleted.');
      expect(baysAPI.getBay.calls.count()).toBe(1);
      verifyNoTimeouts();
    });

    it('reads a bay at rest every 15 s, in place, so its health follows', function () {
      bay.status = 'CREATE_COMPLETE';
      bay.labels = null;
      bay.faults = undefined;
      bay.health_status_reason = {};
      spyOn(baysAPI, 'getBay').and.returnValue($q.resolve({data: {
        uuid: 'b1', status: 'CREATE_COMPLETE', health_status: 'UNHEALTHY',
        health_status_reason: {api: 'ok', 'bay-b1-worker-10.Ready': false}
      }}));
      $rootScope.$apply();
      expect(ctrl.labels).toEqual([]);
      expect(ctrl.faults).toEqual([]);
      expect(ctrl.health).toEqual([]);
      $timeout.flush(14999);
      expect(baysAPI.getBay).not.toHaveBeenCalled();
      $timeout.flush(1);
      expect(bay.health_status).toBe('UNHEALTHY');
      expect(ctrl.health).toEqual([{key: 'Orchestrator API', value: 'ok', bad: false},
        {key: 'bay-b1-worker-10', value: 'Not ready', bad: true}]);
      expect($route.reload).not.toHaveBeenCalled();
      $timeout.flush(15000);
      expect(baysAPI.getBay.calls.count()).toBe(2);
    });

    it('reloads the page when work on a resting bay begins elsewhere', function () {
      bay.status = 'CREATE_COMPLETE';
      spyOn(baysAPI, 'getBay').and.returnValue($q.resolve({data: {
        uuid: 'b1', status: 'UPDATE_IN_PROGRESS'
      }}));
      $rootScope.$apply();
      $timeout.flush(15000);
      expect($route.reload).toHaveBeenCalled();
    });

    it('has a download link the router leaves alone, so the page stays', function (done) {
      fetch('/base/static/dashboard/container-infra/bays/details/overview.html')
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var link = doc.querySelector('a.bay-config-link');
          expect(link.hasAttribute('download')).toBe(true);
          // AngularJS's $location does not route a link with a target.
          expect(link.getAttribute('target')).toBe('_self');
        })
        .then(done, done.fail);
    });

    it('stops polling when the page goes away', function () {
      $rootScope.$apply();
      scope.$destroy();
      verifyNoTimeouts();
    });
  });
})();
