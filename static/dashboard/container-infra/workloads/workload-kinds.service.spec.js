/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.workloads.kinds', function () {
    var kinds;

    beforeEach(module('horizon.dashboard.container-infra.workloads'));
    beforeEach(inject(function ($injector) {
      kinds = $injector.get('horizon.dashboard.container-infra.workloads.kinds');
    }));

    function byKind(summary) {
      var found = {};
      kinds.forSummary(summary).forEach(function (definition) {
        found[definition.kind] = definition;
      });
      return found;
    }

    function cells(definition, item) {
      return definition.columns.map(function (column) { return column.value(item); });
    }

    it('gives a Swarm bay its services, tasks and nodes, in the service order', function () {
      var defs = kinds.forSummary({coe: 'swarm', kinds: ['services', 'tasks', 'nodes']});
      expect(defs.map(function (d) { return d.label; })).toEqual(['Services', 'Tasks', 'Nodes']);
      expect(defs.map(function (d) { return d.one; })).toEqual(['Service', 'Task', 'Node']);
      expect(defs.map(function (d) { return [d.logs, d.scale, d.remove]; }))
        .toEqual([[false, true, true], [true, false, false], [false, false, false]]);
    });

    it('writes a Swarm service row', function () {
      var services = byKind({coe: 'swarm', kinds: ['services']}).services;
      expect(cells(services, {
        name: 'web', image: 'busybox', mode: 'replicated', replicas: {running: 2, desired: 3},
        ports: [{published: 8080, target: 80, protocol: 'tcp'}, {target: 53, protocol: 'udp'},
          {target: 9}],
        update_status: null, created_at: '2026-11-29T14:00:01.123456+00:00', problem: null
      })).toEqual(['web', 'busybox', 'replicated', '2 / 3', '8080:80/tcp, 53/udp, 9/tcp', '',
        '2026-11-29 14:00:01 UTC', '']);
      expect(cells(services, {name: 'x', problem: 'image x is not in R — push it with …'})[7])
        .toBe('image x is not in R — push it with …');
      expect(cells(services, {name: 'g', mode: 'global', replicas: {running: 2}})[3])
        .toBe('2 running (global)');
      expect(cells(services, {name: 'g', mode: 'global'})[3]).toBe('0 running (global)');
      expect(cells(services, {name: 'n'}).slice(3)).toEqual(['0 / 0', '', '', '', '']);
      expect(services.status({update_status: 'updating'})).toBe('updating');
    });

    it('writes Swarm task and node rows, tasks referred to by id', function () {
      var defs = byKind({coe: 'swarm', kinds: ['tasks', 'nodes']});
      var task = {id: 't1', name: 'web.1', node: 'n0', state: 'running', desired_state: 'running',
        message: 'started', image: 'busybox', started_at: '2026-11-29T14:00:01Z'};
      expect(cells(defs.tasks, task)).toEqual(['web.1', 'n0', 'running', 'started', 'busybox',
        '2026-11-29 14:00:01 UTC']);
      expect(cells(defs.tasks, {state: 'running', desired_state: 'shutdown', error: 'oom'})
        .slice(2, 4)).toEqual(['running (wanted: shutdown)', 'oom']);
      expect(cells(defs.tasks, {})[2]).toBe('');
      expect(defs.tasks.ref(task)).toBe('t1');
      expect(defs.tasks.ref({name: 'web.1'})).toBe('web.1');
      expect(cells(defs.nodes, {name: 'm', role: 'manager', leader: true, state: 'ready'})[1])
        .toBe('manager (leader)');
      expect(cells(defs.nodes, {name: 'w', role: 'worker'})[1]).toBe('worker');
      expect(cells(defs.nodes, {name: 'x'})[1]).toBe('');
      expect(defs.nodes.status({state: 'down'})).toBe('down');
    });

    it('gives a Kubernetes bay its six kinds with their rows', function () {
      var defs = byKind({coe: 'kubernetes', kinds: ['namespaces', 'pods', 'services',
        'replicationcontrollers', 'deployments', 'nodes']});
      expect(Object.keys(defs).length).toBe(6);
      expect(Object.keys(defs).map(function (kind) { return defs[kind].one; })).toEqual([
        'Namespace', 'Pod', 'Service', 'Replication Controller', 'Deployment', 'Node']);
      expect(cells(defs.namespaces, {name: 'default', status: 'Active'}).slice(0, 2))
        .toEqual(['default', 'Active']);
      expect(cells(defs.pods, {namespace: 'd', name: 'p', phase: 'Running', ready: '1/1',
        restarts: 0, node: 'n', ip: '10.1.0.2', images: ['a', 'b'], created_at: null}))
        .toEqual(['d', 'p', 'Running', '1/1', '0', 'n', '10.1.0.2', 'a, b', '']);
      expect(cells(defs.services, {namespace: 'd', name: 's', type: 'NodePort',
        cluster_ip: '10.0.0.1', ports: [{port: 80, target_port: 8080, node_port: 30080,
          protocol: 'TCP'}, {port: 53, target_port: 53}], endpoints: ['10.1.0.2:8080']}).slice(4))
        .toEqual(['80:30080→8080/TCP, 53→53/TCP', '10.1.0.2:8080']);
      expect(cells(defs.services, {name: 's'}).slice(4)).toEqual(['', '']);
      expect(cells(defs.deployments, {namespace: 'd', name: 'web',
        replicas: {desired: 3, ready: 1}, images: ['nginx']}).slice(2, 4))
        .toEqual(['1 / 3', 'nginx']);
      expect(defs.replicationcontrollers.status({})).toBe('0 / 0');
      expect(defs.replicationcontrollers.namespaced).toBe(true);
      expect(cells(defs.nodes, {name: 'n', role: 'master', ready: true})[2]).toBe('Ready');
      expect(defs.nodes.status({ready: false})).toBe('Not ready');
      expect(defs.pods.logs && defs.pods.remove && !defs.pods.scale).toBe(true);
      expect(defs.deployments.scale && defs.services.remove && !defs.services.scale).toBe(true);
      expect(defs.services.status({type: 'ClusterIP'})).toBe('ClusterIP');
      expect(defs.namespaces.status({status: 'Active'})).toBe('Active');
      expect(defs.pods.status({phase: 'Pending'})).toBe('Pending');
    });

    it('shows a kind it does not know by name and id', function () {
      var defs = kinds.forSummary({coe: 'mesos', kinds: ['apps']});
      expect([defs[0].label, defs[0].one]).toEqual(['apps', 'apps']);
      expect(cells(defs[0], {name: 'a', id: 'i'})).toEqual(['a', 'i']);
      expect(defs[0].status({status: 'up'})).toBe('up');
      expect(kinds.forSummary({coe: 'swarm'})).toEqual([]);
    });

    it('colours states', function () {
      expect(['running', 'Ready', 'true'].map(kinds.stateClass))
        .toEqual(['success', 'success', 'success']);
      expect(['failed', 'rejected', 'down', 'false'].map(kinds.stateClass))
        .toEqual(['danger', 'danger', 'danger', 'danger']);
      expect(['shutdown', 'complete', 'stopping', '', null].map(kinds.stateClass))
        .toEqual(['default', 'default', 'default', 'default', 'default']);
      expect(['pending', 'preparing', 'Pending'].map(kinds.stateClass))
        .toEqual(['warning', 'warning', 'warning']);
    });
  });
})();
