/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .controller('horizon.dashboard.container-infra.bays.BayProgressController',
      BayProgressController);

  BayProgressController.$inject = [
    '$q',
    '$scope',
    'horizon.app.core.openstack-service-api.magnum',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.bays.poller',
    'horizon.dashboard.container-infra.bays.status'
  ];

  var IN_PROGRESS = /_IN_PROGRESS$/;
  var FAILED = /_FAILED$/;
  // Heat resource types that are one node of a bay (local driver, Nova).
  var NODE_TYPE = /(::Node|::Server)$/;

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.BayProgressController
   * @param {Object} $q
   * @param {Object} $scope
   * @param {Object} magnum The Magnum API service
   * @param {Function} gettext
   * @param {Object} bayPoller
   * @param {Object} bayStatus
   * @description Controller of the bayProgress directive (bound: `bayId`).
   */
  function BayProgressController($q, $scope, magnum, gettext, bayPoller, bayStatus) {
    var ctrl = this;
    var poller = bayPoller.create($scope, load);

    ctrl.$onInit = load;
    ctrl.reload = load;
    ctrl.loaded = false;
    ctrl.unavailable = false;
    ctrl.bay = null;
    ctrl.progress = null;
    ctrl.percent = 0;
    ctrl.state = 'progress';
    ctrl.summary = '';
    ctrl.failures = [];
    ctrl.faults = [];
    ctrl.events = [];
    ctrl.label = bayStatus.label;

    ///////////////

    /**
     * @name load
     * @description Reads the bay and its stack's progress, and shows them.
     * @returns {Promise} Resolves when shown
     */
    function load() {
      return $q.all([magnum.getBay(ctrl.bayId), magnum.getBayProgress(ctrl.bayId)])
        .then(show, function unavailable() {
          ctrl.loaded = true;
          ctrl.unavailable = true;
        });
    }

    function show(responses) {
      var bay = responses[0].data;
      var progress = responses[1].data;
      var resources = progress.resources || [];
      var stackStatus = progress.stack_status || '';
      var busy = bayStatus.isInTransition(bay) || IN_PROGRESS.test(stackStatus);

      ctrl.loaded = true;
      ctrl.unavailable = false;
      ctrl.bay = bay;
      ctrl.progress = progress;
      ctrl.resources = resources;
      ctrl.state = stateOf(bay, stackStatus, busy);
      ctrl.percent = percentOf(progress, resources, ctrl.state);
      ctrl.summary = summarize(bay, progress, resources, ctrl.state);
      ctrl.failures = resources.filter(function failed(resource) {
        return FAILED.test(resource.status || '');
      });
      ctrl.faults = Object.keys(bay.faults || {}).sort().map(function fault(key) {
        return {key: key, value: bay.faults[key]};
      });
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
      if (state === 'failed') {
        message = gettext('Failed.') + ' ' + message;
      }
      return interpolate(message, counts, true);
    }

    function isDone(resource) {
      return /_COMPLETE$/.test(resource.status || '') && resource.status !== 'DELETE_COMPLETE';
    }
  }
})();
