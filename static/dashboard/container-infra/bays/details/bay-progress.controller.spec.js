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

  describe('horizon.dashboard.container-infra.bays.BayProgressController', function () {
    var baysAPI, $q, $rootScope, $timeout, $controller, scope, bay, progress;

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      $timeout = $injector.get('$timeout');
      $controller = $injector.get('$controller');
      bay = {uuid: 'b1', status: 'CREATE_IN_PROGRESS', master_count: 1, node_count: 2};
      progress = {
        stack_status: 'CREATE_IN_PROGRESS',
        stack_status_reason: 'Stack CREATE started',
        percent: 40,
        resources: [
          {name: 'masters', type: 'OS::Heat::ResourceGroup', status: 'CREATE_COMPLETE'},
          {name: '0', type: 'Magnum::Local::Node', status: 'CREATE_COMPLETE'},
          {name: '1', type: 'Magnum::Local::Node', status: 'CREATE_COMPLETE'},
          {name: '2', type: 'Magnum::Local::Node', status: 'CREATE_IN_PROGRESS'}
        ],
        events: [
          {time: '2026-11-29T10:00:01Z', resource: 'masters', status: 'CREATE_IN_PROGRESS'},
          {time: '2026-11-29T10:00:05Z', resource: 'masters', status: 'CREATE_COMPLETE'}
        ]
      };
      spyOn(baysAPI, 'getBay').and.callFake(function () {
        return $q.resolve({data: angular.copy(bay)});
      });
      spyOn(baysAPI, 'getBayProgress').and.callFake(function () {
        return $q.resolve({data: angular.copy(progress)});
      });
    }));

    function start() {
      var ctrl;
      scope = $rootScope.$new();
      ctrl = $controller('horizon.dashboard.container-infra.bays.BayProgressController',
        {$scope: scope}, {bayId: 'b1'});
      ctrl.$onInit();
      $rootScope.$apply();
      return ctrl;
    }

    it('shows the percentage and how many nodes are created', function () {
      var ctrl = start();
      expect(baysAPI.getBay).toHaveBeenCalledWith('b1', true);
      expect(baysAPI.getBayProgress).toHaveBeenCalledWith('b1', true);
      expect(ctrl.loaded).toBe(true);
      expect(ctrl.state).toBe('progress');
      expect(ctrl.percent).toBe(40);
      expect(ctrl.summary).toBe('2 of 3 nodes created.');
      expect(ctrl.failures).toEqual([]);
    });

    it('tells a failed resource or event, and a resource Heat works on', function () {
      var ctrl = start();
      expect(ctrl.hasFailed({status: 'UPDATE_FAILED'})).toBe(true);
      expect(ctrl.hasFailed({status: 'UPDATE_IN_PROGRESS'})).toBe(false);
      expect(ctrl.hasFailed({})).toBe(false);
      expect(ctrl.isWorking({status: 'DELETE_IN_PROGRESS'})).toBe(true);
      expect(ctrl.isWorking({status: 'CREATE_COMPLETE'})).toBe(false);
      expect(ctrl.isWorking({})).toBe(false);
    });

    it('lists the events newest first', function () {
      var ctrl = start();
      expect(ctrl.events.map(function (event) { return event.status; }))
        .toEqual(['CREATE_COMPLETE', 'CREATE_IN_PROGRESS']);
    });

    it('follows the bay until it is done, then stops', function () {
      var ctrl = start();
      bay.status = 'CREATE_COMPLETE';
      progress.stack_status = 'CREATE_COMPLETE';
      progress.resources[3].status = 'CREATE_COMPLETE';
      progress.percent = 100;

      $timeout.flush(2000);

      expect(baysAPI.getBayProgress.calls.count()).toBe(2);
      expect(ctrl.state).toBe('complete');
      expect(ctrl.summary).toBe('All 3 nodes ready.');
      expect(ctrl.percent).toBe(100);
      verifyNoTimeouts();
    });

    it('says which resource failed and why', function () {
      var ctrl;
      bay.status = 'CREATE_FAILED';
      bay.status_reason = 'Resource CREATE failed: node 2';
      bay.faults = {'workers-2': 'dockerd did not answer'};
      progress.stack_status = 'CREATE_FAILED';
      progress.resources[3].status = 'CREATE_FAILED';
      progress.resources[3].status_reason = 'dockerd did not answer';
      delete progress.percent;

      ctrl = start();

      expect(ctrl.state).toBe('failed');
      expect(ctrl.summary).toBe('2 of 3 nodes created.');
      expect(ctrl.failures.map(function (resource) { return resource.name; })).toEqual(['2']);
      expect(ctrl.faults).toEqual([{key: 'workers-2', value: 'dockerd did not answer'}]);
      // Without a percent from the service: the share of resources done.
      expect(ctrl.percent).toBe(75);
      verifyNoTimeouts();
    });

    it('counts the nodes left while a bay is deleted', function () {
      var ctrl;
      bay.status = 'DELETE_IN_PROGRESS';
      progress.stack_status = 'DELETE_IN_PROGRESS';
      progress.resources[1].status = 'DELETE_COMPLETE';
      ctrl = start();
      expect(ctrl.summary).toBe('Deleting: 2 of 3 nodes left.');
    });

    it('counts the nodes ready during an update', function () {
      var ctrl;
      bay.status = 'UPDATE_IN_PROGRESS';
      bay.node_count = 3;
      progress.stack_status = 'UPDATE_IN_PROGRESS';
      ctrl = start();
      expect(ctrl.summary).toBe('2 of 4 nodes ready.');
    });

    it('takes the service\'s node count when it gives one', function () {
      var ctrl;
      progress = {stack_status: null, percent: 0, nodes: {complete: 0, target: 3},
                  resources: [], events: []};
      ctrl = start();
      expect(ctrl.summary).toBe('0 of 3 nodes created.');
      expect(ctrl.percent).toBe(0);
    });

    it('counts stack resources for a driver whose nodes it does not know', function () {
      var ctrl;
      progress.resources = [
        {name: 'a', type: 'Custom::Thing', status: 'CREATE_COMPLETE'},
        {name: 'b', type: 'Custom::Thing', status: 'INIT_COMPLETE'},
        {name: 'c', type: 'Custom::Thing', status: 'CREATE_IN_PROGRESS'}
      ];
      ctrl = start();
      expect(ctrl.summary).toBe('2 of 3 stack resources done.');
    });

    it('copes with a stack that has nothing to report yet', function () {
      var ctrl;
      progress = {stack_status: null};
      bay.master_count = undefined;
      bay.node_count = undefined;
      ctrl = start();
      expect(ctrl.resources).toEqual([]);
      expect(ctrl.events).toEqual([]);
      expect(ctrl.percent).toBe(0);
      expect(ctrl.summary).toBe('0 of 0 stack resources done.');
      // The bay is in progress: it keeps polling.
      $timeout.flush(2000);
      expect(baysAPI.getBayProgress.calls.count()).toBe(2);
    });

    it('copes with resources and a bay that leave fields out', function () {
      var ctrl;
      bay = {uuid: 'b1'};
      progress = {resources: [{name: 'x'}]};
      ctrl = start();
      expect(ctrl.state).toBe('complete');
      expect(ctrl.failures).toEqual([]);
      expect(ctrl.summary).toBe('0 of 1 stack resources done.');
      verifyNoTimeouts();
    });

    it('keeps what it read while Heat does not answer, and asks again later', function () {
      var ctrl = start();
      baysAPI.getBayProgress.and.callFake(function () {
        return $q.reject({status: 503});
      });
      $timeout.flush(2000);
      expect(ctrl.stale).toBe(true);
      expect(ctrl.unavailable).toBe(false);
      expect(ctrl.percent).toBe(40);

      baysAPI.getBayProgress.and.callFake(function () {
        return $q.resolve({data: angular.copy(progress)});
      });
      $timeout.flush(9999);
      expect(baysAPI.getBayProgress.calls.count()).toBe(2);
      $timeout.flush(1);
      expect(baysAPI.getBayProgress.calls.count()).toBe(3);
      expect(ctrl.stale).toBe(false);
    });

    it('says inline, without a toast, when the progress cannot be read after a few tries, and stops', function () {
      var ctrl;
      baysAPI.getBayProgress.and.returnValue($q.reject({status: 500}));
      ctrl = start();
      expect(ctrl.loaded).toBe(true);
      expect(ctrl.stale).toBe(false);
      expect(ctrl.unavailable).toBe(false);
      $timeout.flush(10000);
      $timeout.flush(10000);
      expect(baysAPI.getBayProgress.calls.count()).toBe(3);
      expect(ctrl.unavailable).toBe(true);
      verifyNoTimeouts();
      // Background reads (opening, polling) never toast: the view says it inline.
      expect(baysAPI.getBayProgress.calls.allArgs()).toEqual([['b1', true], ['b1', true], ['b1', true]]);
      expect(baysAPI.getBay.calls.mostRecent().args).toEqual(['b1', true]);

      baysAPI.getBayProgress.and.returnValue($q.resolve({data: progress}));
      ctrl.reload();
      $rootScope.$apply();
      // Try again is the person's own: it may toast.
      expect(baysAPI.getBayProgress.calls.mostRecent().args).toEqual(['b1', false]);
      expect(ctrl.unavailable).toBe(false);
      expect(ctrl.percent).toBe(40);
    });

    describe('names the resources', function () {
      // As the service gives them for a local bay (recorded from Heat, trimmed).
      var local = [
        {name: 'workers', type: 'OS::Heat::ResourceGroup', parent: null},
        {name: 'masters', type: 'OS::Heat::ResourceGroup', parent: null},
        {name: '0', type: 'local_node.yaml', parent: 'workers'},
        {name: '1', type: 'local_node.yaml', parent: 'workers'},
        {name: 'node', type: 'Magnum::Local::Node', parent: '0',
         physical_id: 'bay-560c92ac-worker-10'},
        {name: 'node', type: 'Magnum::Local::Node', parent: '1', physical_id: null},
        {name: '0', type: 'local_node.yaml', parent: 'masters'},
        {name: 'node', type: 'Magnum::Local::Node', parent: '0', physical_id: ''}
      ];

      function names(resources) {
        progress.resources = resources.map(function (resource) {
          return angular.extend({status: 'CREATE_IN_PROGRESS'}, resource);
        });
        return start().resources.map(function (resource) { return resource.displayName; });
      }

      it('by the node\'s own name, else its place in its group', function () {
        expect(names(local)).toEqual([
          'workers', 'masters', 'Worker 1 (stack)', 'Worker 2 (stack)',
          'bay-560c92ac-worker-10', 'Worker 2', 'Master 1 (stack)', 'Master 1'
        ]);
      });

      it('by its place for a Nova server, whose physical id is a uuid', function () {
        expect(names([
          {name: 'kube_minions', type: 'OS::Heat::ResourceGroup'},
          {name: '0', type: 'file:///kubeminion.yaml', parent: 'kube_minions'},
          {name: 'kube-minion', type: 'OS::Nova::Server', parent: '0',
           physical_id: '0e4f8a52-4c1d-4d3a-9a7e-2b7f3c1d5e6f'},
          {name: '3', type: 'OS::Nova::Server', parent: 'kube_masters'}
        ])).toEqual(['kube_minions', 'Worker 1 (stack)', 'Worker 1', 'Master 4']);
      });

      it('by Heat\'s name when its place is not known', function () {
        expect(names([
          {name: 'node', type: 'Magnum::Local::Node', parent: '0'},
          {name: '0'},
          {name: 'node', type: 'Magnum::Local::Node', parent: '0'},
          {name: 'node', type: 'Magnum::Local::Node'},
          {name: '0', type: 'Magnum::Local::Node', parent: 'pool'},
          {name: 'api_lb', type: 'OS::Octavia::LoadBalancer', parent: 'masters'},
          {name: 'x'}
        ])).toEqual(['node', '0', 'node', 'node', '0', 'api_lb', 'x']);
      });
    });

    it('stops following the bay when the view goes away', function () {
      start();
      scope.$destroy();
      verifyNoTimeouts();
    });
  });
})();
