/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .factory('horizon.dashboard.container-infra.bays.actions.progress', progressAction);

  progressAction.$inject = [
    'horizon.dashboard.container-infra.bays.actions.helper',
    'horizon.dashboard.container-infra.bays.status'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.progress
   * @param {Object} helper The bay actions' helper
   * @param {Object} bayStatus
   * @description
   * Row action "Show Progress" (`cluster:get`) on a bay in progress or
   * whose last operation failed: the same view as the details page's
   * Progress tab, in a dialog.
   * @returns {Object} The action service
   */
  function progressAction(helper, bayStatus) {
    var service = {
      initAction: angular.noop,
      allowed: helper.allowedWhen('cluster:get', function worthShowing(bay) {
        return bayStatus.isInTransition(bay) || bayStatus.isFailed(bay);
      }),
      perform: perform
    };

    return service;

    ///////////////

    /**
     * @name perform
     * @param {Object} bay
     * @description Opens the progress dialog; closing it re-lists the bays.
     * @returns {Promise} Resolves when the dialog is closed
     */
    function perform(bay) {
      return helper.openDialog('progress.html',
        'horizon.dashboard.container-infra.bays.ProgressDialogController', {bay: bay}, 'lg')
        .then(angular.noop);
    }
  }
})();
