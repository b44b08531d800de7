/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.details')
    .directive('bayProgress', bayProgress);

  bayProgress.$inject = ['horizon.dashboard.container-infra.common.basePath'];

  /**
   * @ngdoc directive
   * @name bayProgress
   * @param {string} basePath Where this dashboard's templates are
   * @description
   * The progress of Magnum's work on a bay, read from its Heat stack and
   * kept up to date while it lasts: a bar with the percentage, a summary
   * ("2 of 3 nodes created"), the failed resources with their reasons, the
   * stack's resources and its events, newest first. Used by the Progress
   * tab of the details page and by the "Show Progress" row action. Example:
   *
   *     <bay-progress bay-id="context.identifier"></bay-progress>
   * @returns {Object} The directive
   */
  function bayProgress(basePath) {
    return {
      restrict: 'E',
      scope: {
        bayId: '<'
      },
      bindToController: true,
      controller: 'horizon.dashboard.container-infra.bays.BayProgressController',
      controllerAs: 'ctrl',
      templateUrl: basePath + 'bays/details/bay-progress.html'
    };
  }
})();
