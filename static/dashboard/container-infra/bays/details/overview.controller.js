/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.details')
    .controller('horizon.dashboard.container-infra.bays.OverviewController',
      OverviewController);

  OverviewController.$inject = [
    '$element',
    '$route',
    '$scope',
    'horizon.app.core.openstack-service-api.magnum-bays',
    'horizon.dashboard.container-infra.bays.actions.config',
    'horizon.dashboard.container-infra.common.labels.service',
    'horizon.dashboard.container-infra.common.poller',
    'horizon.dashboard.container-infra.bays.service',
    'horizon.dashboard.container-infra.bays.status',
    'horizon.dashboard.container-infra.common.details-pages.service',
    'horizon.framework.util.i18n.gettext'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.OverviewController
   * @param {Object} $element The tab's element
   * @param {Object} $route
   * @param {Object} $scope Has `context.loadPromise` (Horizon's details view)
   * @param {Object} baysAPI The bays' API service
   * @param {Object} configAction The "Download Client Configuration" action
   * @param {Object} labels The labels service (key/value rows)
   * @param {Object} pollerService The common poller
   * @param {Object} baysService
   * @param {Object} bayStatus
   * @param {Object} detailsPages The common details-pages service
   * @param {Function} gettext
   * @description
   * Overview tab of a bay's details page. While the bay is in progress it
   * re-reads the bay every poller interval, and at rest every 15 s (its
   * health changes), and updates the page in place (the header shares the
   * same bay object). When the bay settles, or work on it begins, the
   * route is reloaded once: Horizon draws the header's actions once, and
   * they must be checked again against the new state; the reloaded page
   * shows the tab that was shown (the Progress tab stays). A failed read is
   * tried again later and later, without a toast: `refreshNote` says why
   * the page is stale until a read succeeds. A bay
   * that is not found any more (the end of a deletion) is not asked again.
   */
  // How often a resting bay is read again: its health, kept by the conductor, may change.
  var IDLE_MS = 15000;

  function OverviewController($element, $route, $scope, baysAPI, configAction, labels,
                              pollerService, baysService, bayStatus, detailsPages, gettext) {
    var ctrl = this;
    var poller = pollerService.create($scope, refresh, {idle: IDLE_MS});

    ctrl.bay = null;
    ctrl.labels = [];
    ctrl.faults = [];
    ctrl.health = [];
    ctrl.configUrl = '';
    ctrl.refreshNote = '';
    ctrl.isInTransition = bayStatus.isInTransition;
    ctrl.isFailed = bayStatus.isFailed;
    ctrl.statusLabel = bayStatus.label;

    detailsPages.restoreTab($element);
    $scope.context.loadPromise.then(function onLoad(response) {
      show(response.data);
    });

    ///////////////

    function show(bay) {
      ctrl.bay = bay;
      ctrl.labels = labels.rows(bay.labels);
      ctrl.faults = labels.rows(bay.faults);
      ctrl.health = bayStatus.healthRows(bay.health_status_reason);
      ctrl.configUrl = configAction.url(bay);
      poller.schedule(bayStatus.isInTransition(bay));
    }

    function refresh() {
      // A background read: a failure toasts nothing, refreshNote says it inline.
      return baysAPI.getBay(ctrl.bay.uuid, true).then(function update(response) {
        ctrl.refreshNote = '';
        if (bayStatus.isInTransition(response.data) !== bayStatus.isInTransition(ctrl.bay)) {
          // Work ended, or began (from elsewhere too): the header's actions are checked again.
          detailsPages.keepTab($element);
          $route.reload();
          return;
        }
        // Keep the bay model read at load; the rest is fresh.
        show(baysService.decorate(angular.extend(ctrl.bay, response.data), ctrl.bay.bay_model));
      }, function failed(response) {
        if (response && response.status === 404) {
          ctrl.refreshNote = gettext('This bay no longer exists: it has been deleted.');
          return;
        }
        ctrl.refreshNote = pollerService.failureNote(response);
        poller.retry();
      });
    }
  }
})();
