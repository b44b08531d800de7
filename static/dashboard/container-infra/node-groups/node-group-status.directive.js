/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.node-groups')
    .directive('magnumNodeGroupStatus', magnumNodeGroupStatus);

  magnumNodeGroupStatus.$inject = ['horizon.dashboard.container-infra.common.basePath'];

  /**
   * @ngdoc directive
   * @name magnumNodeGroupStatus
   * @param {string} basePath Where this dashboard's templates are
   * @description
   * The status cell of a node group: its label, Horizon's striped bar
   * while it is in progress, and once it failed the reason the service
   * gives (the failed resource and Heat's words):
   *
   *     <magnum-node-group-status group="item"></magnum-node-group-status>
   * @returns {Object} The directive
   */
  function magnumNodeGroupStatus(basePath) {
    return {
      restrict: 'E',
      scope: {},
      bindToController: {group: '<'},
      controller: NodeGroupStatusController,
      controllerAs: 'status',
      templateUrl: basePath + 'node-groups/node-group-status.html'
    };
  }

  NodeGroupStatusController.$inject = ['horizon.dashboard.container-infra.bays.status'];

  function NodeGroupStatusController(bayStatus) {
    var status = this;

    status.label = function label() {
      return bayStatus.label(status.group.status);
    };
    status.busy = function busy() {
      return bayStatus.isInTransition(status.group);
    };
    status.failed = function failed() {
      return bayStatus.isFailed(status.group);
    };
  }
})();
