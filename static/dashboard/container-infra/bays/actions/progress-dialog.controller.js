/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .controller('horizon.dashboard.container-infra.bays.ProgressDialogController',
      ProgressDialogController);

  ProgressDialogController.$inject = ['$uibModalInstance', 'context'];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.ProgressDialogController
   * @param {Object} $uibModalInstance
   * @param {Object} context {bay}
   * @description The "Show Progress" dialog around the bayProgress directive.
   */
  function ProgressDialogController($uibModalInstance, context) {
    var ctrl = this;
    ctrl.bay = context.bay;
    ctrl.close = function close() {
      $uibModalInstance.close();
    };
  }
})();
