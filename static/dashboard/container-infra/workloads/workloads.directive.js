/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .directive('magnumWorkloads', magnumWorkloads);

  magnumWorkloads.$inject = ['horizon.dashboard.container-infra.common.basePath'];

  /**
   * @ngdoc directive
   * @name magnumWorkloads
   * @param {string} basePath Where this dashboard's templates are
   * @description
   * The workloads of one bay, kept up to date while shown:
   *
   *     <magnum-workloads bay-id="ctrl.bayId"></magnum-workloads>
   * @returns {Object} The directive
   */
  function magnumWorkloads(basePath) {
    return {
      restrict: 'E',
      scope: {},
      bindToController: {bayId: '<'},
      controller: 'horizon.dashboard.container-infra.workloads.WorkloadsController',
      controllerAs: 'ctrl',
      templateUrl: basePath + 'workloads/workloads.html'
    };
  }
})();
