/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .directive('magnumWorkloads', magnumWorkloads);

  magnumWorkloads.$inject = ['$window'];

  /**
   * @ngdoc directive
   * @name magnumWorkloads
   * @param {Object} $window
   * @description
   * The workloads of one bay, kept up to date while shown:
   *
   *     <magnum-workloads bay-id="ctrl.bayId"></magnum-workloads>
   * @returns {Object} The directive
   */
  function magnumWorkloads($window) {
    return {
      restrict: 'E',
      scope: {},
      bindToController: {bayId: '<'},
      controller: 'horizon.dashboard.container-infra.workloads.WorkloadsController',
      controllerAs: 'ctrl',
      templateUrl: $window.STATIC_URL + 'dashboard/container-infra/workloads/workloads.html'
    };
  }
})();
