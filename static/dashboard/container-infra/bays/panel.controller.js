/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .controller('horizon.dashboard.container-infra.bays.PanelController', PanelController);

  PanelController.$inject = ['horizon.app.core.openstack-service-api.magnum-bays'];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.PanelController
   * @param {Object} baysAPI The bays' API service
   * @description
   * The Bays panel around its live table: the stats header (bays, nodes,
   * quota), read when the panel opens and again whenever the listed bays
   * change (after an action, or as a bay in progress moves on: the live
   * table's on-change). Only the first read may toast a failure; the
   * numbers shown stay until a read succeeds.
   */
  function PanelController(baysAPI) {
    var ctrl = this;

    ctrl.stats = null;
    ctrl.quotaPercent = quotaPercent;
    ctrl.loadStats = loadStats;

    read(false);

    ///////////////

    /**
     * @name loadStats
     * @description Reads the project's bay and node counts and bay quota again,
     *   in the background (a failure toasts nothing).
     * @returns {Promise} Resolves when they are shown, or kept
     */
    function loadStats() {
      return read(true);
    }

    function read(quiet) {
      return baysAPI.getStats(quiet).then(function show(response) {
        ctrl.stats = response.data;
      }, angular.noop);
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
