/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.admin.services')
    .controller('horizon.dashboard.container-infra.admin.services.ServicesController',
      ServicesController);

  ServicesController.$inject = [
    '$scope',
    '$interval',
    'horizon.app.core.openstack-service-api.magnum',
    'horizon.dashboard.container-infra.admin.services.refreshInterval'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.admin.services.ServicesController
   * @param {Object} $scope
   * @param {Function} $interval
   * @param {Object} magnum The Magnum API service
   * @param {number} refreshInterval Milliseconds between two refreshes
   * @description
   * Lists the conductors and asks again every `refreshInterval` while the
   * panel is open. A failed request (toasted with the server's reason by
   * the Magnum API service) stops the refresh, so one outage does not
   * raise a toast every few seconds; `refresh()` starts it again.
   */
  function ServicesController($scope, $interval, magnum, refreshInterval) {
    var ctrl = this;
    var timer = null;
    var inFlight = false;

    ctrl.services = [];
    ctrl.loaded = false;
    ctrl.failed = false;
    ctrl.refreshedAt = null;
    ctrl.refreshSeconds = refreshInterval / 1000;
    ctrl.refresh = refresh;
    ctrl.lastSeen = lastSeen;
    ctrl.isUp = isUp;

    $scope.$on('$destroy', stop);
    refresh();

    ///////////////

    /**
     * @name refresh
     * @description Loads the conductors now and (re)starts the timer.
     * @returns {undefined} Returns nothing
     */
    function refresh() {
      ctrl.failed = false;
      load();
      if (!timer) {
        timer = $interval(load, refreshInterval);
      }
    }

    function load() {
      if (inFlight) {
        return;
      }
      inFlight = true;
      magnum.getServices().then(onLoad, onFailure).finally(function done() {
        inFlight = false;
      });
    }

    function onLoad(response) {
      ctrl.services = response.data.items;
      ctrl.loaded = true;
      ctrl.refreshedAt = new Date();
    }

    function onFailure() {
      ctrl.failed = true;
      stop();
    }

    function stop() {
      if (timer) {
        $interval.cancel(timer);
        timer = null;
      }
    }

    /**
     * @name lastSeen
     * @param {Object} service A conductor
     * @description When the conductor last reported (or registered).
     * @returns {string} An ISO date, or '' if none is known
     */
    function lastSeen(service) {
      return service.updated_at || service.created_at || '';
    }

    /**
     * @name isUp
     * @param {Object} service A conductor
     * @description Whether the service API counts the conductor as up.
     * @returns {boolean} True for state 'up'
     */
    function isUp(service) {
      return service.state === 'up';
    }
  }
})();
