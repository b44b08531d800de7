/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.actions')
    .factory('horizon.dashboard.container-infra.bays.actions.progress', progressAction);

  progressAction.$inject = [
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.dialog-action.factory',
    'horizon.dashboard.container-infra.bays.status'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.progress
   * @param {Function} gettext
   * @param {Object} allowed The common allowed() builder
   * @param {Object} dialogAction The common dialog action factory
   * @param {Object} bayStatus
   * @description
   * Row action "Show Progress" (`cluster:get`) on a bay in progress or
   * whose last operation failed: the same view as the details page's
   * Progress tab, in a dialog with a Close button. Closing it re-lists.
   * @returns {Object} The action service
   */
  function progressAction(gettext, allowed, dialogAction, bayStatus) {
    return dialogAction.create({
      allowed: allowed.when('cluster:get', function worthShowing(bay) {
        return bayStatus.isInTransition(bay) || bayStatus.isFailed(bay);
      }),
      dialog: {title: gettext('Progress of Bay'), name: 'bay-progress', size: 'lg',
        body: 'bays/actions/progress.html'},
      context: function shown(bay) { return {bay: bay}; }
    });
  }
})();
