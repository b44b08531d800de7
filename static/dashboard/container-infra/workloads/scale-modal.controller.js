/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .controller('horizon.dashboard.container-infra.workloads.ScaleModalController',
      ScaleModalController);

  ScaleModalController.$inject = [
    '$uibModalInstance',
    'horizon.app.core.openstack-service-api.magnum-workloads',
    'target'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.workloads.ScaleModalController
   * @description
   * The wanted number of replicas (a whole number, 0 or more), checked as
   * it is typed; the server's refusal shows under the field. Closes with
   * {replicas, item}.
   */
  function ScaleModalController($uibModalInstance, api, target) {
    var modal = this;

    modal.target = target;
    modal.replicas = angular.isNumber(target.replicas) ? target.replicas : 1;
    modal.error = null;
    modal.busy = false;
    modal.submit = submit;
    modal.cancel = function cancel() {
      $uibModalInstance.dismiss('cancel');
    };

    ///////////////

    function submit() {
      modal.busy = true;
      modal.error = null;
      return api.scale(target.bayId, target.kind, target.name, modal.replicas, target.params)
        .then(function scaled(response) {
          $uibModalInstance.close({replicas: modal.replicas, item: response.data});
        }, function refused(response) {
          modal.error = api.reason(response);
        }).finally(function done() {
          modal.busy = false;
        });
    }
  }
})();
