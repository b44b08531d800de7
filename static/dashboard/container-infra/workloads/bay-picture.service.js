/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Where each replica runs: the bay's nodes with their tasks or pods.
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .factory('horizon.dashboard.container-infra.workloads.bay-picture', bayPicture);

  bayPicture.$inject = [
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.workloads.kinds'
  ];

  // Task states of replicas that are gone or going: not drawn.
  var FINISHED = ['shutdown', 'complete', 'remove', 'orphaned'];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.workloads.bay-picture
   * @param {Function} gettext
   * @param {Object} kinds The kind definitions (for state colours)
   * @description
   * `problems(placed)` lists what keeps services from running at all (see
   * below). `build(coe, nodes, placed)` turns the node list and the task (Swarm)
   * or pod (Kubernetes) list into cards, managers and masters first:
   *
   *     [{name: 'node-0', role: 'manager', leader: true, state: 'ready',
   *       stateClass: 'success',
   *       replicas: [{label: 'web.1', state: 'running', stateClass: 'success',
   *                   item: {...the task...}}]}]
   *
   * Swarm tasks that are shut down or complete are left out, and those
   * being stopped are drawn as "stopping": the picture shows where replicas
   * run now, the Tasks table keeps the history. A
   * replica on no known node lands on a last card, "Not placed".
   * @returns {Object} The service
   */
  function bayPicture(gettext, kinds) {
    var service = {
      build: build,
      placedKind: placedKind,
      problems: problems
    };

    return service;

    ///////////////

    /**
     * @name problems
     * @param {Array} placed The tasks (Swarm) or pods (Kubernetes)
     * @returns {Array} The distinct sentences of services whose image no node
     *   can get (a task's `service_problem`), to be said above the picture
     *   instead of letting rejected replicas pile up on the nodes
     */
    function problems(placed) {
      var said = (placed || []).map(function sentence(item) { return item.service_problem; });
      return said.filter(function firstTime(one, index) {
        return one && said.indexOf(one) === index;
      });
    }

    /**
     * @name placedKind
     * @param {string} coe 'swarm' or 'kubernetes'
     * @returns {string} The kind whose items run on nodes
     */
    function placedKind(coe) {
      return coe === 'kubernetes' ? 'pods' : 'tasks';
    }

    /**
     * @name build
     * @param {string} coe
     * @param {Object[]} nodes The bay's nodes as listed
     * @param {Object[]} placed Its tasks or pods as listed
     * @returns {Object[]} The cards
     */
    function build(coe, nodes, placed) {
      var swarm = coe !== 'kubernetes';
      var cards = (nodes || []).map(function card(node) {
        var state = swarm ? node.state : (node.ready ? 'ready' : 'notready');
        return {
          key: swarm ? node.id : node.name,
          name: node.name,
          role: node.role || '',
          leader: Boolean(node.leader),
          control: ['manager', 'master'].indexOf(node.role) >= 0,
          state: state,
          stateClass: kinds.stateClass(state),
          replicas: []
        };
      });
      var byKey = {};
      var unplaced = {key: '', name: gettext('Not placed'), role: '', control: false,
        state: '', stateClass: 'default', replicas: [], unplaced: true};

      cards.forEach(function index(card) {
        byKey[card.key] = card;
      });
      (placed || []).filter(function current(item) {
        return !swarm || FINISHED.indexOf(item.state) < 0 || item.desired_state === 'running';
      }).forEach(function place(item) {
        var state = swarm ? swarmState(item) : item.phase;
        var key = swarm ? item.node_id : item.node;
        (byKey[key] || unplaced).replicas.push({
          label: item.name,
          group: swarm ? item.service : item.namespace,
          slot: swarm ? Number(item.slot) || 0 : 0,
          state: state,
          stateClass: kinds.stateClass(state),
          item: item
        });
      });
      if (unplaced.replicas.length) {
        cards.push(unplaced);
      }
      cards.forEach(function sortReplicas(card) {
        card.replicas.sort(byGroupThenSlot);
      });
      return cards.sort(controlFirst);
    }

    // A task Swarm is stopping (its service deleted or scaled down) still
    // says "running" until its container exits: say "stopping" instead.
    function swarmState(task) {
      var stopping = task.desired_state && task.desired_state !== 'running' &&
        FINISHED.indexOf(task.state) < 0;
      return stopping ? 'stopping' : task.state;
    }

    function byGroupThenSlot(a, b) {
      return compare(a.group, b.group) || a.slot - b.slot || compare(a.label, b.label);
    }

    function controlFirst(a, b) {
      return Number(Boolean(a.unplaced)) - Number(Boolean(b.unplaced)) ||
        Number(b.control) - Number(a.control) || compare(a.name, b.name);
    }

    function compare(a, b) {
      return String(a || '').localeCompare(String(b || ''));
    }
  }
})();
