/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * What the Workloads view shows of each kind: columns, status, actions.
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .factory('horizon.dashboard.container-infra.workloads.kinds', workloadKinds);

  workloadKinds.$inject = ['horizon.framework.util.i18n.gettext'];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.workloads.kinds
   * @param {Function} gettext
   * @description
   * One definition per kind of workload and orchestrator (Swarm
   * "services" are not Kubernetes "services"). A definition:
   *
   *     {kind: 'tasks', label: 'Tasks', one: 'Task', namespaced: false,
   *      columns: [{id: 'node', label: 'Node', value: function (item) {...}}],
   *      status: function (item) { return item.state; },
   *      logs: true, scale: false, remove: false}
   *
   * `forSummary({coe, kinds})` gives the definitions of a bay, in the
   * order its orchestrator lists them.
   * @returns {Object} The service
   */
  function workloadKinds(gettext) {
    var DEFINITIONS = {
      swarm: {
        services: definition(gettext('Services'), gettext('Service'), [
          column('name', gettext('Name')),
          column('image', gettext('Image')),
          column('mode', gettext('Mode')),
          column('replicas', gettext('Replicas'), runningOfDesired),
          column('ports', gettext('Ports'), swarmPorts),
          column('update_status', gettext('Update')),
          column('created_at', gettext('Created'), date('created_at')),
          // The service's own sentence when no node can get its image (what to push where).
          column('problem', gettext('Problem'))
        ], {status: field('update_status'), scale: true, remove: true}),
        tasks: definition(gettext('Tasks'), gettext('Task'), [
          column('name', gettext('Name')),
          column('node', gettext('Node')),
          column('state', gettext('State'), taskState, 'state'),
          column('message', gettext('Message'), taskMessage),
          column('image', gettext('Image')),
          column('started_at', gettext('Started'), date('started_at'))
        ], {
          status: field('state'),
          logs: true,
          // A slot keeps its name across restarts; the id is the one task.
          ref: function taskRef(item) { return item.id || item.name; }
        }),
        nodes: definition(gettext('Nodes'), gettext('Node'), [
          column('name', gettext('Hostname')),
          column('role', gettext('Role'), swarmRole),
          column('availability', gettext('Availability')),
          column('state', gettext('State'), null, 'state'),
          column('engine_version', gettext('Engine')),
          column('address', gettext('Address'))
        ], {status: field('state')})
      },
      kubernetes: {
        namespaces: definition(gettext('Namespaces'), gettext('Namespace'), [
          column('name', gettext('Name')),
          column('status', gettext('Status'), null, 'status'),
          column('created_at', gettext('Created'), date('created_at'))
        ], {status: field('status')}),
        pods: definition(gettext('Pods'), gettext('Pod'), [
          column('namespace', gettext('Namespace')),
          column('name', gettext('Name')),
          column('phase', gettext('Phase'), null, 'phase'),
          column('ready', gettext('Ready')),
          column('restarts', gettext('Restarts')),
          column('node', gettext('Node')),
          column('ip', gettext('IP')),
          column('images', gettext('Images'), joined('images')),
          column('created_at', gettext('Created'), date('created_at'))
        ], {namespaced: true, status: field('phase'), logs: true, remove: true}),
        services: definition(gettext('Services'), gettext('Service'), [
          column('namespace', gettext('Namespace')),
          column('name', gettext('Name')),
          column('type', gettext('Type')),
          column('cluster_ip', gettext('Cluster IP')),
          column('ports', gettext('Ports'), kubernetesPorts),
          column('endpoints', gettext('Endpoints'), joined('endpoints'))
        ], {namespaced: true, status: field('type'), remove: true}),
        replicationcontrollers: controllers(gettext('Replication Controllers'),
          gettext('Replication Controller')),
        deployments: controllers(gettext('Deployments'), gettext('Deployment')),
        nodes: definition(gettext('Nodes'), gettext('Node'), [
          column('name', gettext('Name')),
          column('role', gettext('Role')),
          column('ready', gettext('Ready'), readyText, 'ready'),
          column('kubelet_version', gettext('Kubelet')),
          column('address', gettext('Address'))
        ], {status: readyText})
      }
    };

    var service = {
      forSummary: forSummary,
      stateClass: stateClass
    };

    return service;

    ///////////////

    /**
     * @name forSummary
     * @param {Object} summary {coe, kinds} as the service answers it
     * @description Unknown kinds get the name and id columns only.
     * @returns {Object[]} The bay's kind definitions
     */
    function forSummary(summary) {
      var known = DEFINITIONS[summary.coe] || {};
      return (summary.kinds || []).map(function definitionOf(kind) {
        var found = known[kind] || definition(kind, kind,
          [column('name', gettext('Name')), column('id', gettext('ID'))],
          {status: field('status')});
        return angular.extend({kind: kind}, found);
      });
    }

    /**
     * @name stateClass
     * @param {string} state A task state, pod phase, node state...
     * @description Bootstrap's colour of a state, for labels and cards.
     * @returns {string} 'success', 'info', 'warning', 'danger' or 'default'
     */
    function stateClass(state) {
      var value = String(state || '').toLowerCase();
      if (['running', 'ready', 'active', 'succeeded', 'completed', 'true'].indexOf(value) >= 0) {
        return 'success';
      }
      if (['failed', 'rejected', 'orphaned', 'down', 'notready', 'unknown',
        'crashloopbackoff', 'rollback_paused', 'paused', 'false'].indexOf(value) >= 0) {
        return 'danger';
      }
      if (['shutdown', 'complete', 'remove', 'drain', 'terminating', 'stopping']
        .indexOf(value) >= 0) {
        return 'default';
      }
      return value ? 'warning' : 'default';
    }

    function controllers(label, one) {
      return definition(label, one, [
        column('namespace', gettext('Namespace')),
        column('name', gettext('Name')),
        column('replicas', gettext('Ready'), readyOfDesired),
        column('images', gettext('Images'), joined('images')),
        column('created_at', gettext('Created'), date('created_at'))
      ], {namespaced: true, status: readyOfDesired, scale: true, remove: true});
    }

    // A kind of workload: `traits` override what a kind does not do by
    // default (namespaced, logs, scale, remove) and how a row is named (ref).
    function definition(label, one, columns, traits) {
      return angular.extend({
        label: label,
        one: one,
        columns: columns,
        namespaced: false,
        logs: false,
        scale: false,
        remove: false,
        ref: field('name')
      }, traits);
    }

    // `badge` names the field whose state colours the cell.
    function column(id, label, value, badge) {
      return {id: id, label: label, value: value || field(id), badge: badge};
    }

    function field(name) {
      return function fieldText(item) {
        var value = item[name];
        return value === undefined || value === null ? '' : String(value);
      };
    }

    function joined(name) {
      return function joinedText(item) {
        return (item[name] || []).join(', ');
      };
    }

    function date(name) {
      return function dateText(item) {
        return item[name] ? String(item[name]).replace('T', ' ').replace(/\.\d+/, '')
          .replace(/(Z|\+00:00)$/, ' UTC') : '';
      };
    }

    function runningOfDesired(item) {
      var replicas = item.replicas || {};
      if (item.mode === 'global') {
        return interpolate(gettext('%s running (global)'), [replicas.running || 0]);
      }
      return (replicas.running || 0) + ' / ' + (replicas.desired || 0);
    }

    function readyOfDesired(item) {
      var replicas = item.replicas || {};
      return (replicas.ready || 0) + ' / ' + (replicas.desired || 0);
    }

    function swarmPorts(item) {
      return (item.ports || []).map(function port(p) {
        return (p.published ? p.published + ':' : '') + p.target + '/' + (p.protocol || 'tcp');
      }).join(', ');
    }

    function kubernetesPorts(item) {
      return (item.ports || []).map(function port(p) {
        return p.port + (p.node_port ? ':' + p.node_port : '') + '→' + p.target_port +
          '/' + (p.protocol || 'TCP');
      }).join(', ');
    }

    function taskState(item) {
      var state = item.state || '';
      return item.desired_state && item.desired_state !== state
        ? interpolate(gettext('%s (wanted: %s)'), [state, item.desired_state]) : state;
    }

    function taskMessage(item) {
      return item.error || item.message || '';
    }

    function swarmRole(item) {
      return item.leader ? interpolate(gettext('%s (leader)'), [item.role]) : item.role || '';
    }

    function readyText(item) {
      return item.ready ? gettext('Ready') : gettext('Not ready');
    }
  }
})();
