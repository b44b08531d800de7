/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.details')
    .controller('horizon.dashboard.container-infra.bays.RegistryController',
      RegistryController);

  RegistryController.$inject = [
    '$scope',
    'horizon.app.core.openstack-service-api.magnum-bays'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.RegistryController
   * @param {Object} $scope Has `context.loadPromise` (Horizon's details view)
   * @param {Object} baysAPI The bays' API service
   * @description
   * The Images section of a bay's Overview tab: the cloud's registry, the
   * bay's project's namespace in it and the commands that push an image
   * there (`registry` is the service's document, null until it is read).
   * A background read: a failure toasts nothing and leaves the section out.
   */
  function RegistryController($scope, baysAPI) {
    var ctrl = this;
    ctrl.registry = null;

    $scope.context.loadPromise.then(function onLoad(response) {
      return baysAPI.getBayRegistry(response.data.uuid, true);
    }).then(function show(response) {
      ctrl.registry = response.data;
    }, function failed() {
      ctrl.registry = null;
    });
  }
})();
