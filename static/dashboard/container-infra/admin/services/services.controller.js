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
    'horizon.app.core.openstack-service-api.magnum-services',
    'horizon.dashboard.container-infra.common.poller',
    'horizon.dashboard.container-infra.admin.services.refreshInterval'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.admin.services.ServicesController
   * @param {Object} $scope
   * @param {Object} servicesAPI The conductors' API service
   * @param {Object} pollerService The common poller
   * @param {number} refreshInterval Milliseconds between two refreshes
   * @description
   * Lists the conductors and asks again every `refreshInterval` while the
   * panel is open (the common poller's idle interval: one request at a
   * time, none while the tab is hidden). A failed request (toasted with
   * the server's reason by the API service) stops the refresh, so one
   * outage does not raise a toast every few seconds; `refresh()` starts
   * it again.
   */
  function ServicesController($scope, servicesAPI, pollerService, refreshInterval) {
    var ctrl = this;
    var poller = pollerService.create($scope, poll, {idle: refreshInterval});

    ctrl.services = [];
    ctrl.loaded = false;
    ctrl.failed = false;
    ctrl.refreshedAt = null;
    ctrl.refreshSeconds = refreshInterval / 1000;
    ctrl.refresh = refresh;
    ctrl.lastSeen = lastSeen;
    ctrl.isUp = isUp;

    refresh();

    ///////////////

    /**
     * @name refresh
     * @description Loads the conductors now, then every refreshInterval.
     * @returns {Promise} Resolves when they are shown
     */
    function refresh() {
      ctrl.failed = false;
      poller.cancel();
      return load(false);
    }

    // A background read: its failure is said on the page (with Try again), never toasted.
    function poll() {
      return load(true);
    }

    function load(quiet) {
      return servicesAPI.getServices(quiet).then(onLoad, onFailure);
    }

    function onLoad(response) {
      ctrl.services = response.data.items;
      ctrl.loaded = true;
      ctrl.refreshedAt = new Date();
      poller.schedule(false);
    }

    function onFailure() {
      ctrl.failed = true;
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
