/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .controller('horizon.dashboard.container-infra.bays.OverviewController',
      OverviewController);

  OverviewController.$inject = [
    '$route',
    '$scope',
    'horizon.app.core.openstack-service-api.magnum',
    'horizon.dashboard.container-infra.bays.actions.config',
    'horizon.dashboard.container-infra.bays.poller',
    'horizon.dashboard.container-infra.bays.service',
    'horizon.dashboard.container-infra.bays.status',
    'horizon.framework.util.i18n.gettext'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.OverviewController
   * @param {Object} $route
   * @param {Object} $scope Has `context.loadPromise` (Horizon's details view)
   * @param {Object} magnum The Magnum API service
   * @param {Object} configAction The "Download Client Configuration" action
   * @param {Object} bayPoller
   * @param {Object} baysService
   * @param {Object} bayStatus
   * @param {Function} gettext
   * @description
   * Overview tab of a bay's details page. While the bay is in progress it
   * re-reads the bay every poller interval and updates the page in place
   * (the header shares the same bay object). When the bay settles, the
   * route is reloaded once: Horizon draws the header's actions once, and
   * they must be checked again against the new state. A failed read is
   * tried again later and later; only the first of a row toasts, and
   * `refreshNote` says why the page is stale until a read succeeds. A bay
   * that is not found any more (the end of a deletion) is not asked again.
   */
  function OverviewController($route, $scope, magnum, configAction, bayPoller, baysService,
                              bayStatus, gettext) {
    var ctrl = this;
    var poller = bayPoller.create($scope, refresh);

    ctrl.bay = null;
    ctrl.labels = [];
    ctrl.faults = [];
    ctrl.configUrl = '';
    ctrl.refreshNote = '';
    ctrl.isInTransition = bayStatus.isInTransition;
    ctrl.isFailed = bayStatus.isFailed;
    ctrl.statusLabel = bayStatus.label;

    $scope.context.loadPromise.then(function onLoad(response) {
      show(response.data);
    });

    ///////////////

    function show(bay) {
      ctrl.bay = bay;
      ctrl.labels = pairs(bay.labels);
      ctrl.faults = pairs(bay.faults);
      ctrl.configUrl = configAction.url(bay);
      poller.schedule(bayStatus.isInTransition(bay));
    }

    function refresh() {
      return magnum.getBay(ctrl.bay.uuid, poller.failures() > 0).then(function update(response) {
        ctrl.refreshNote = '';
        if (!bayStatus.isInTransition(response.data)) {
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
        ctrl.refreshNote = bayPoller.failureNote(response);
        poller.retry();
      });
    }

    function pairs(map) {
      return Object.keys(map || {}).sort().map(function pair(key) {
        var value = map[key];
        return {key: key, value: angular.isString(value) ? value : angular.toJson(value)};
      });
    }
  }
})();
