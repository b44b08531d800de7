/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .controller('horizon.dashboard.container-infra.bays.PanelController', PanelController);

  PanelController.$inject = [
    '$scope',
    'horizon.app.core.openstack-service-api.magnum',
    'horizon.dashboard.container-infra.bays.events',
    'horizon.dashboard.container-infra.bays.poller',
    'horizon.dashboard.container-infra.bays.status'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.PanelController
   * @param {Object} $scope
   * @param {Object} magnum The Magnum API service
   * @param {Object} events The bays' events
   * @param {Object} bayPoller
   * @param {Object} bayStatus
   * @description
   * The Bays panel around Horizon's resource table: the stats header
   * (bays, nodes, quota), reloaded whenever the listed bays change (after
   * an action, or as a bay in progress moves on), and the live table: while
   * a listed bay is in progress, the table re-lists every poller interval.
   * It re-lists when `listParams` (its list-function-extra-params) becomes
   * a new object; undefined at first, so the first load is the table's own.
   * A failed listing is tried again later and later, without a toast after
   * the first failure, while `refreshNote` says why the table is stale.
   */
  function PanelController($scope, magnum, events, bayPoller, bayStatus) {
    var ctrl = this;
    var poller = bayPoller.create($scope, relist);
    var listed = null;
    var polls = 0;

    ctrl.listParams = undefined;
    ctrl.refreshNote = '';
    ctrl.stats = null;
    ctrl.quotaPercent = quotaPercent;
    ctrl.loadStats = loadStats;

    $scope.$on(events.LISTED, onListed);
    $scope.$on(events.LIST_FAILED, onListFailed);
    // The table drops a deleted row; listing again shows the deletion going on.
    $scope.$on(events.DELETED, relist);
    loadStats();

    ///////////////

    function relist() {
      polls += 1;
      ctrl.listParams = {poll: polls, quiet: poller.failures() > 0};
    }

    function onListFailed(event, response) {
      ctrl.refreshNote = bayPoller.failureNote(response);
      poller.retry();
    }

    function onListed(event, bays) {
      var signature = bays.map(function key(bay) {
        return bay.trackBy;
      }).sort().join(',');
      ctrl.refreshNote = '';
      poller.schedule(bays.some(bayStatus.isInTransition));
      if (listed !== null && signature !== listed) {
        loadStats();
      }
      listed = signature;
    }

    /**
     * @name loadStats
     * @description Reads the project's bay and node counts and bay quota.
     * @returns {Promise} Resolves when they are shown
     */
    function loadStats() {
      return magnum.getStats().then(function show(response) {
        ctrl.stats = response.data;
      });
    }

    /**
     * @name quotaPercent
     * @description Width of the quota bar.
     * @returns {number} Bays in use as a percentage of the limit (0..100)
     */
    function quotaPercent() {
      var quota = ctrl.stats && ctrl.stats.quota;
      if (!quota || !(quota.hard_limit > 0)) {
        return 0;
      }
      return Math.min(100, Math.round(100 * quota.in_use / quota.hard_limit));
    }
  }
})();
