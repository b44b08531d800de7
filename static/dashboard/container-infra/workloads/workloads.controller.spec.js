/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('magnum-workloads (the Workloads view)', function () {
    var $compile, $rootScope, $q, $timeout, api, actions, scope, element, ctrl, data, failWith;
    var PATH = '/static/dashboard/container-infra/workloads/';
    var SWARM = {coe: 'swarm', kinds: ['services', 'tasks', 'nodes']};
    var K8S = {coe: 'kubernetes', kinds: ['namespaces', 'pods', 'services',
      'replicationcontrollers', 'deployments', 'nodes']};

    function template(name) {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', '/base/static/dashboard/container-infra/workloads/' + name, false);
      xhr.send();
      return xhr.responseText;
    }

    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.workloads'));

    beforeEach(inject(function ($injector, $templateCache) {
      $compile = $injector.get('$compile');
      $rootScope = $injector.get('$rootScope');
      $q = $injector.get('$q');
      $timeout = $injector.get('$timeout');
      api = $injector.get('horizon.app.core.openstack-service-api.magnum-workloads');
      actions = $injector.get('horizon.dashboard.container-infra.workloads.actions');
      $templateCache.put(PATH + 'workloads.html', template('workloads.html'));
      $templateCache.put(PATH + 'details/workload-logs.html', template('details/workload-logs.html'));

      failWith = null;
      data = {
        summary: SWARM,
        services: [{id: 's1', name: 'web', image: 'busybox', mode: 'replicated',
          replicas: {running: 2, desired: 2}}, {id: 's2', name: 'api', mode: 'replicated',
          update_status: 'updating'}],
        tasks: [
          {id: 't1', name: 'web.1', service: 'web', slot: 1, node_id: 'n1', node: 'node-1',
            state: 'running', desired_state: 'running'},
          {id: 't2', name: 'web.2', service: 'web', slot: 2, node_id: 'n2', node: 'node-2',
            state: 'running', desired_state: 'running'}
        ],
        nodes: [{id: 'n1', name: 'node-1', role: 'manager', leader: true, state: 'ready'},
          {id: 'n2', name: 'node-2', role: 'worker', state: 'ready'}],
        namespaces: [{name: 'kube-system'}, {name: 'default'}],
        pods: [{namespace: 'default', name: 'web-1', phase: 'Running', node: 'm'}]
      };
      spyOn(api, 'getSummary').and.callFake(function () {
        return failWith ? $q.reject(failWith) : $q.when({data: data.summary});
      });
      spyOn(api, 'list').and.callFake(listed);
      spyOn(api, 'get').and.returnValue($q.when({data: {name: 'web', raw: {Spec: {Name: 'web'}}}}));
      spyOn(api, 'logs').and.returnValue($q.when({data: {lines: [], truncated: false}}));
      spyOn(actions, 'permissions').and.returnValue($q.when(
        {create: true, scale: true, remove: true}));
      spyOn(actions, 'create').and.returnValue($q.when({created: []}));
      spyOn(actions, 'scale').and.returnValue($q.when({}));
      spyOn(actions, 'remove').and.returnValue($q.when({}));
    }));

    afterEach(function () {
      if (element) {
        element.remove();
      }
      if (scope) {
        scope.$destroy();
      }
    });

    function listed(bayId, kind) {
      return failWith ? $q.reject(failWith) : $q.when({data: {items: data[kind] || []}});
    }

    function render(bayId) {
      scope = $rootScope.$new();
      scope.bayId = bayId;
      element = $compile('<magnum-workloads bay-id="bayId"></magnum-workloads>')(scope);
      angular.element(document.body).append(element);
      scope.$digest();
      ctrl = element.controller('magnumWorkloads');
      return element;
    }

    function texts(selector) {
      return Array.prototype.map.call(element[0].querySelectorAll(selector), function (node) {
        return node.textContent.replace(/\s+/g, ' ').trim();
      });
    }

    function listedKinds() {
      return api.list.calls.allArgs().map(function (args) { return args[1]; });
    }

    it('shows the picture, a tab per kind and the first kind\'s table', function () {
      render('bay-1');
      expect(api.getSummary).toHaveBeenCalledWith('bay-1');
      expect(texts('.workloads-kinds a')).toEqual(['Services', 'Tasks', 'Nodes']);
      expect(texts('.workload-node-name')).toEqual(['node-1', 'node-2']);
      expect(texts('.workload-replica')).toEqual(['web.1 running', 'web.2 running']);
      expect(texts('.workload-row td:first-child')).toEqual(['web', 'api']);
      expect(texts('.workload-scale-button').length).toBe(2);
      expect(texts('.workload-delete-button').length).toBe(2);
      expect(texts('.workload-logs-button').length).toBe(0);
      expect(texts('.workloads-create')).toEqual(['Create from Manifest']);
      expect(ctrl.statuses).toEqual(['updating']);
      expect(listedKinds().sort()).toEqual(['nodes', 'services', 'tasks']);
      expect(texts('.workloads-problems')).toEqual([]);
    });

    it('says above the picture which service cannot get its image', function () {
      data.tasks.push({id: 't3', name: 'api.1', service: 'api', slot: 1, node_id: 'n1',
        node: 'node-1', state: 'rejected', desired_state: 'shutdown',
        error: 'No such image: api:1', service_problem: 'image api:1 is not in R — push it'});
      render('bay-1');
      expect(ctrl.problems).toEqual(['image api:1 is not in R — push it']);
      expect(texts('.workloads-problems div')).toEqual(['image api:1 is not in R — push it']);
    });

    it('reads again every 3 s while shown, never twice at once, and stops on destroy', function () {
      var pending = $q.defer();
      render('bay-1');
      api.list.calls.reset();
      $timeout.flush(3000);
      expect(listedKinds().length).toBe(3);
      api.list.and.returnValue(pending.promise);
      $timeout.flush(3000);
      $timeout.flush(3000);
      expect(listedKinds().length).toBe(6);
      pending.resolve({data: {items: []}});
      scope.$digest();
      element.css('display', 'none');
      $timeout.flush(3000);
      expect(listedKinds().length).toBe(6);
      element.css('display', '');
      scope.$destroy();
      scope = null;
      $timeout.flush(9000);
      expect(listedKinds().length).toBe(6);
    });

    it('shows a kind when its tab is chosen, reusing its list for the picture', function () {
      render('bay-1');
      api.list.calls.reset();
      element[0].querySelector('.workloads-kind-tasks').click();
      expect(listedKinds()).toEqual(['tasks', 'nodes']);
      expect(texts('.workload-row td:first-child')).toEqual(['web.1', 'web.2']);
      expect(texts('.workload-row .label-success')).toEqual(['running', 'running']);
      expect(texts('.workload-logs-button').length).toBe(2);
      expect(texts('.workload-scale-button').length).toBe(0);
    });

    it('filters by name and status in the browser', function () {
      render('bay-1');
      ctrl.filters.name = 'WE';
      ctrl.applyFilters();
      scope.$digest();
      expect(texts('.workload-row td:first-child')).toEqual(['web']);
      ctrl.filters.name = '';
      ctrl.filters.status = 'updating';
      ctrl.applyFilters();
      scope.$digest();
      expect(texts('.workload-row td:first-child')).toEqual(['api']);
      ctrl.filters.name = 'zzz';
      ctrl.applyFilters();
      scope.$digest();
      expect(texts('.workloads-empty')).toEqual(['Nothing matches the filters.']);
    });

    it('says so when a kind has nothing yet', function () {
      data.services = [];
      render('bay-1');
      expect(texts('.workloads-empty')).toEqual(['No services yet.']);
    });

    it('shows the reason of an unreachable bay instead of a table, then recovers', function () {
      failWith = {status: 503, data: 'The bay\'s Docker API did not answer within 5 s.'};
      render('bay-1');
      expect(texts('.workloads-error span')).toEqual([
        'The bay\'s Docker API did not answer within 5 s.']);
      expect(element[0].querySelector('.workloads-table')).toBeNull();
      expect(ctrl.error.status).toBe(503);
      failWith = null;
      $timeout.flush(3000);
      expect(element[0].querySelector('.workloads-error')).toBeNull();
      expect(texts('.workload-row').length).toBe(2);
      failWith = {status: 503, data: 'gone again'};
      $timeout.flush(3000);
      expect(texts('.workloads-error span')).toEqual(['gone again']);
      expect(api.getSummary.calls.count()).toBe(2);
    });

    it('opens the details with the raw object as YAML text', function () {
      render('bay-1');
      element[0].querySelector('.workload-details-button').click();
      expect(api.get).toHaveBeenCalledWith('bay-1', 'services', 'web', {});
      expect(texts('.workload-yaml')).toEqual(['Spec: Name: web']);
      expect(ctrl.detail.raw).toBe(true);
      element[0].querySelector('.workload-details-close').click();
      expect(element[0].querySelector('.workload-details')).toBeNull();
    });

    it('keeps the summary in the details when the full object cannot be read', function () {
      api.get.and.callFake(function () { return $q.reject({status: 404, data: 'gone'}); });
      render('bay-1');
      ctrl.showDetails(ctrl.current, {name: '<b>x</b>', namespace: 'ns'});
      scope.$digest();
      expect(api.get).toHaveBeenCalledWith('bay-1', 'services', '<b>x</b>', {namespace: 'ns'});
      expect(ctrl.detail.error).toBe('gone');
      expect(texts('.workload-yaml')).toEqual(['name: <b>x</b> namespace: ns']);
      expect(element[0].querySelector('.workload-yaml b')).toBeNull();
    });

    it('reads the details again when a poll shows their item changed, closes them once gone',
      function () {
        render('bay-1');
        ctrl.showDetails(ctrl.current, data.services[0]);
        scope.$digest();
        expect(api.get.calls.count()).toBe(1);
        $timeout.flush(3000);
        expect(api.get.calls.count()).toBe(1);

        // Scaled to 1 (here or elsewhere): the drawer does not stay at 2.
        data.services = [angular.extend({}, data.services[0], {replicas: {running: 1, desired: 1}})];
        api.get.and.returnValue($q.when({data: {raw: {Spec: {Mode: {Replicated: {Replicas: 1}}}}}}));
        $timeout.flush(3000);
        expect(api.get.calls.count()).toBe(2);
        expect(ctrl.detail.item.replicas.desired).toBe(1);
        expect(texts('.workload-yaml')).toEqual(['Spec: Mode: Replicated: Replicas: 1']);

        data.services = [];
        $timeout.flush(3000);
        expect(ctrl.detail).toBeNull();
      });

    it('follows the details of a replica or a node, not those of a kind it does not read',
      function () {
        render('bay-1');
        ctrl.showDetails(ctrl.placedKind, data.tasks[0]);
        data.tasks = [data.tasks[1]];
        $timeout.flush(3000);
        expect(ctrl.detail).toBeNull();

        ctrl.showDetails({kind: 'nodes', ref: function (item) { return item.id; }}, data.nodes[0]);
        $timeout.flush(3000);
        expect(ctrl.detail.item).toEqual(data.nodes[0]);

        ctrl.showDetails({kind: 'configs', ref: function (item) { return item.name; }}, {name: 'c'});
        $timeout.flush(3000);
        expect(ctrl.detail.item).toEqual({name: 'c'});
      });

    it('leaves out the tasks of a deleted service that Docker is still stopping', function () {
      data.tasks.push({id: 't9', name: 'x9z8.1', service: 'x9z8', service_id: 'x9z8', slot: 1,
        node_id: 'n1', node: 'node-1', state: 'running', desired_state: 'shutdown'});
      data.tasks[0].service_id = 's1';
      render('bay-1');
      expect(texts('.workload-replica')).toEqual(['web.1 running', 'web.2 running']);
    });

    it('opens the details of a replica from the picture, and its logs', function () {
      api.get.and.returnValue($q.when({data: {name: 'web.1'}}));
      render('bay-1');
      element[0].querySelector('.workload-replica').click();
      expect(api.get).toHaveBeenCalledWith('bay-1', 'tasks', 't1', {});
      expect(ctrl.detail.raw).toBe(false);
      element[0].querySelector('.workload-details .btn').click();
      expect(ctrl.logsOf).toEqual({kind: 'tasks', name: 't1', label: 'web.1', params: {}});
      expect(element[0].querySelector('magnum-workload-logs')).not.toBeNull();
      element[0].querySelector('.workload-logs-close').click();
      expect(ctrl.logsOf).toBeNull();
    });

    it('creates, scales and deletes through the actions, then reads again', function () {
      var item;
      render('bay-1');
      api.list.calls.reset();
      element[0].querySelector('.workloads-create').click();
      expect(actions.create).toHaveBeenCalledWith('bay-1', 'swarm');
      element[0].querySelector('.workload-scale-button').click();
      item = actions.scale.calls.argsFor(0)[2];
      expect(item.name).toBe('web');
      expect(actions.scale.calls.argsFor(0)[3]).toEqual({});
      ctrl.showDetails(ctrl.current, item);
      scope.$digest();
      element[0].querySelector('.workload-delete-button').click();
      expect(actions.remove.calls.argsFor(0)[2]).toBe(item);
      expect(ctrl.detail).toBeNull();
      expect(listedKinds().length).toBe(9);
      ctrl.showDetails(ctrl.current, item);
      ctrl.remove(ctrl.current, {name: 'other'});
      scope.$digest();
      expect(ctrl.detail).not.toBeNull();
    });

    it('keeps the details and reads nothing again when a deletion is cancelled', function () {
      var item;
      render('bay-1');
      item = ctrl.items[0];
      ctrl.showDetails(ctrl.current, item);
      scope.$digest();
      api.list.calls.reset();
      actions.remove.and.returnValue($q.when(false));
      ctrl.remove(ctrl.current, item);
      scope.$digest();
      expect(ctrl.detail).not.toBeNull();
      expect(api.list).not.toHaveBeenCalled();
    });

    it('hides the write buttons that policy refuses', function () {
      actions.permissions.and.returnValue($q.when({create: false, scale: false, remove: false}));
      render('bay-1');
      expect(texts('.workloads-create').length).toBe(0);
      expect(texts('.workload-scale-button').length).toBe(0);
      expect(texts('.workload-delete-button').length).toBe(0);
    });

    it('filters a Kubernetes kind by namespace on the server', function () {
      data.summary = K8S;
      data.nodes = [{name: 'm', role: 'master', ready: true}];
      render('bay-1');
      expect(ctrl.namespaces).toEqual(['default', 'kube-system']);
      expect(texts('.workload-node-name')).toEqual(['m']);
      expect(texts('.workload-replica')).toEqual(['web-1 Running']);
      element[0].querySelector('.workloads-kind-pods').click();
      expect(element[0].querySelector('#workloads-namespace')).not.toBeNull();
      api.list.calls.reset();
      ctrl.filters.namespace = 'default';
      ctrl.refresh();
      scope.$digest();
      expect(api.list.calls.allArgs()).toContain(['bay-1', 'pods', {namespace: 'default'}]);
      expect(api.list.calls.allArgs()).toContain(['bay-1', 'pods', {}]);
      ctrl.showDetails(ctrl.current, data.pods[0]);
      expect(api.get).toHaveBeenCalledWith('bay-1', 'pods', 'web-1', {namespace: 'default'});
      element[0].querySelector('.workloads-kind-nodes').click();
      expect(ctrl.filters.namespace).toBe('');
    });

    it('starts again for another bay and ignores the old bay\'s late answers', function () {
      var late = $q.defer();
      render('bay-1');
      api.getSummary.and.returnValue(late.promise);
      scope.bayId = 'bay-2';
      scope.$digest();
      expect(ctrl.summary).toBeNull();
      expect(api.getSummary).toHaveBeenCalledWith('bay-2');
      api.getSummary.and.returnValue($q.when({data: K8S}));
      scope.bayId = 'bay-3';
      scope.$digest();
      late.resolve({data: SWARM});
      scope.$digest();
      expect(ctrl.summary).toBe(K8S);
      scope.bayId = null;
      scope.$digest();
      expect(ctrl.summary).toBeNull();
    });

    it('drops a late answer to a read made before another tab was chosen', function () {
      var late = $q.defer();
      render('bay-1');
      api.list.and.returnValue(late.promise);
      ctrl.refresh();
      api.list.and.callFake(listed);
      ctrl.selectKind(ctrl.kinds[2]);
      scope.$digest();
      late.resolve({data: {items: [{id: 'x', name: 'late'}]}});
      scope.$digest();
      expect(texts('.workload-row td:first-child')).toEqual(['node-1', 'node-2']);
    });

    it('shows a bay with no kinds as empty', function () {
      data.summary = {coe: 'swarm', kinds: []};
      render('bay-1');
      expect(ctrl.current).toBeNull();
      expect(element[0].querySelector('.workloads-table')).toBeNull();
      expect(texts('.workloads-picture p')).toEqual(['No nodes.']);
    });
  });
})();
