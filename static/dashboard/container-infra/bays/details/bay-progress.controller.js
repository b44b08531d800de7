/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.details')
    .controller('horizon.dashboard.container-infra.bays.BayProgressController',
      BayProgressController);

  BayProgressController.$inject = [
    '$q',
    '$scope',
    'horizon.app.core.openstack-service-api.magnum-bays',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.labels.service',
    'horizon.dashboard.container-infra.common.poller',
    'horizon.dashboard.container-infra.bays.status'
  ];

  var IN_PROGRESS = /_IN_PROGRESS$/;
  var FAILED = /_FAILED$/;
  // Heat resource types that are one node of a bay (local driver, Nova).
  var NODE_TYPE = /(::Node|::Server)$/;
  // A physical id that is a uuid (a Nova server's) is no name for a person.
  var UUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
  // Group (ResourceGroup) names of the masters and of the workers.
  var MASTERS = /master/i;
  var WORKERS = /worker|minion|node/i;
  // Reading the progress: tries in a row before giving up, and the wait between.
  var RETRIES = 3;
  var RETRY_DELAY = 10000;

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.BayProgressController
   * @param {Object} $q
   * @param {Object} $scope
   * @param {Object} baysAPI The bays' API service
   * @param {Function} gettext
   * @param {Object} labels The labels service (key/value rows)
   * @param {Object} pollerService The common poller
   * @param {Object} bayStatus
   * @description Controller of the bayProgress directive (bound: `bayId`).
   */
  function BayProgressController($q, $scope, baysAPI, gettext, labels, pollerService, bayStatus) {
    var ctrl = this;
    var poller = pollerService.create($scope, load);
    var failures = 0;

    ctrl.$onInit = load;
    ctrl.reload = reload;
    ctrl.loaded = false;
    ctrl.unavailable = false;
    ctrl.stale = false;
    ctrl.bay = null;
    ctrl.progress = null;
    ctrl.percent = 0;
    ctrl.state = 'progress';
    ctrl.summary = '';
    ctrl.failures = [];
    ctrl.faults = [];
    ctrl.events = [];
    ctrl.label = bayStatus.label;
    ctrl.hasFailed = hasFailed;
    ctrl.isWorking = isWorking;

    ///////////////

    /**
     * @name load
     * @param {boolean} [asked] The person asked (Try again): a failure may toast
     * @description
     * Reads the bay and its stack's progress, and shows them. The reads
     * of the view itself (opening, polling) are background reads: they
     * toast nothing, the view says inline what it could not read.
     * @returns {Promise} Resolves when shown
     */
    function load(asked) {
      var quiet = asked !== true;
      return $q.all([baysAPI.getBay(ctrl.bayId, quiet), baysAPI.getBayProgress(ctrl.bayId, quiet)])
        .then(show, failed);
    }

    // Heat may be slow to answer while it works hard: what was read stays
    // shown, marked stale, and reading is tried again a little later, a few
    // times, before the view says it cannot read the progress.
    function failed() {
      failures += 1;
      ctrl.loaded = true;
      ctrl.stale = ctrl.progress !== null;
      if (failures < RETRIES) {
        poller.schedule(true, RETRY_DELAY);
      } else {
        ctrl.unavailable = true;
      }
    }

    function reload() {
      failures = 0;
      ctrl.unavailable = false;
      return load(true);
    }

    function show(responses) {
      var bay = responses[0].data;
      var progress = responses[1].data;
      var resources = progress.resources || [];
      var stackStatus = progress.stack_status || '';
      var busy = bayStatus.isInTransition(bay) || IN_PROGRESS.test(stackStatus);

      failures = 0;
      ctrl.loaded = true;
      ctrl.unavailable = false;
      ctrl.stale = false;
      ctrl.bay = bay;
      ctrl.progress = progress;
      ctrl.resources = resources;
      resources.forEach(function name(resource, index) {
        resource.displayName = readableName(resources, resource, index);
      });
      ctrl.state = stateOf(bay, stackStatus, busy);
      ctrl.percent = percentOf(progress, resources, ctrl.state);
      ctrl.summary = summarize(bay, progress, resources, ctrl.state);
      ctrl.failures = resources.filter(hasFailed);
      ctrl.faults = labels.rows(bay.faults);
      ctrl.events = (progress.events || []).slice().sort(function newestFirst(a, b) {
        return String(b.time).localeCompare(String(a.time));
      });
      poller.schedule(busy);
    }

    function stateOf(bay, stackStatus, busy) {
      if (busy) {
        return 'progress';
      }
      if (bayStatus.isFailed(bay) || FAILED.test(stackStatus)) {
        return 'failed';
      }
      return 'complete';
    }

    function percentOf(progress, resources, state) {
      var value = progress.percent;
      if (!angular.isNumber(value)) {
        value = resources.length ? 100 * resources.filter(isDone).length / resources.length : 0;
      }
      if (state === 'complete') {
        value = 100;
      }
      return Math.max(0, Math.min(100, Math.round(value)));
    }

    /**
     * @name summarize
     * @description
     * One sentence an operator reads at a glance: how many nodes of the
     * bay are up (or still to delete), or, for a driver whose nodes are
     * not recognised, how many stack resources are done. The service's
     * own node count (`nodes`: {complete, target}) wins when it gives one.
     * @returns {string} The summary
     */
    function summarize(bay, progress, resources, state) {
      var nodes = resources.filter(function isNode(resource) {
        return NODE_TYPE.test(resource.type || '');
      });
      var known = progress.nodes;
      var action = (progress.stack_status || bay.status || '').split('_')[0];
      var counts = {
        ready: known ? known.complete : nodes.filter(isDone).length,
        total: known ? known.target : (bay.master_count || 0) + (bay.node_count || 0),
        left: nodes.filter(function notDeleted(resource) {
          return resource.status !== 'DELETE_COMPLETE';
        }).length,
        done: resources.filter(isDone).length,
        count: resources.length
      };
      var message;
      if (!nodes.length && !known) {
        message = gettext('%(done)s of %(count)s stack resources done.');
      } else if (action === 'DELETE' && state !== 'complete') {
        message = gettext('Deleting: %(left)s of %(total)s nodes left.');
      } else if (state === 'complete') {
        message = gettext('All %(total)s nodes ready.');
      } else if (action === 'CREATE') {
        message = gettext('%(ready)s of %(total)s nodes created.');
      } else {
        message = gettext('%(ready)s of %(total)s nodes ready.');
      }
      return interpolate(message, counts, true);
    }

    /**
     * @name readableName
     * @description
     * Heat names a bay's nested resources "masters" > "0" > "node". A
     * node is shown by its own name when its resource carries one (the
     * local driver's physical id), else as "Master 1" / "Worker 2" from
     * its place in its group; a group member as "Worker 2 (stack)". The
     * parent of a resource is named only, and "0" is in both groups: it
     * is the nearest resource of that name listed before it (Heat lists
     * a stack's resources before those nested in them).
     * @returns {string} The name, or Heat's when no better one is known
     */
    function readableName(resources, resource, index) {
      var isNode = NODE_TYPE.test(resource.type || '');
      var inGroup = !isNode || /^\d+$/.test(resource.name);
      var member = inGroup ? resource : listedBefore(resources, index, resource.parent);
      var physicalId = resource.physical_id || '';
      var position = member && /^\d+$/.test(member.name) ? Number(member.name) + 1 : 0;
      var group = member ? member.parent || '' : '';
      var message;
      if (isNode && physicalId && !UUID.test(physicalId)) {
        return physicalId;
      }
      if (!position || (!MASTERS.test(group) && !WORKERS.test(group))) {
        return resource.name;
      }
      if (MASTERS.test(group)) {
        message = isNode ? gettext('Master %(n)s') : gettext('Master %(n)s (stack)');
      } else {
        message = isNode ? gettext('Worker %(n)s') : gettext('Worker %(n)s (stack)');
      }
      return interpolate(message, {n: position}, true);
    }

    function listedBefore(resources, index, name) {
      var i;
      for (i = index - 1; name && i >= 0; i--) {
        if (resources[i].name === name && !NODE_TYPE.test(resources[i].type || '')) {
          return resources[i];
        }
      }
      return null;
    }

    /**
     * @name hasFailed
     * @param {Object} item A resource or an event of the stack
     * @description Its status is a failure (the row stands out).
     * @returns {boolean} Whether it failed
     */
    function hasFailed(item) {
      return FAILED.test(item.status || '');
    }

    /**
     * @name isWorking
     * @param {Object} resource A resource of the stack
     * @description Heat is working on it now.
     * @returns {boolean} Whether it is in progress
     */
    function isWorking(resource) {
      return IN_PROGRESS.test(resource.status || '');
    }

    function isDone(resource) {
      return /_COMPLETE$/.test(resource.status || '') && resource.status !== 'DELETE_COMPLETE';
    }
  }
})();
