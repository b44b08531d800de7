/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bay-models.details')
    .controller('horizon.dashboard.container-infra.bay-models.details.OverviewController',
      OverviewController);

  OverviewController.$inject = [
    '$scope',
    'horizon.framework.conf.resource-type-registry.service',
    'horizon.dashboard.container-infra.common.labels.service',
    'horizon.dashboard.container-infra.bay-models.service',
    'horizon.dashboard.container-infra.bay-models.resourceType'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bay-models.details.OverviewController
   * @param {Object} $scope Holds `context.loadPromise` of the details page
   * @param {Object} registry Horizon's resource type registry
   * @param {Object} labels The labels service (key/value rows)
   * @param {Object} bayModelsService
   * @param {string} resourceType 'OS::Magnum::BayModel'
   * @description
   * The Overview of a bay model: its fields, its labels as rows and the
   * project's bays made from it.
   */
  function OverviewController($scope, registry, labels, bayModelsService, resourceType) {
    var ctrl = this;

    ctrl.resourceType = registry.getResourceType(resourceType);
    ctrl.bayModel = null;
    ctrl.labels = [];
    ctrl.bays = null;
    ctrl.baysUnknown = false;

    $scope.context.loadPromise.then(onLoad);

    function onLoad(response) {
      ctrl.bayModel = response.data;
      ctrl.labels = labels.rows(response.data.labels);
      bayModelsService.getBaysUsing(ctrl.bayModel).then(function found(bays) {
        ctrl.bays = bays;
      }, function failed() {
        ctrl.baysUnknown = true;
      });
    }
  }
})();
