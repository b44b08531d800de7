/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .controller('horizon.dashboard.container-infra.common.DialogController', DialogController);

  DialogController.$inject = ['$controller', '$scope', '$uibModalInstance', 'context', 'dialog'];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.common.DialogController
   * @param {Function} $controller
   * @param {Object} $scope
   * @param {Object} $uibModalInstance
   * @param {Object} context What the body's controller gets
   * @param {Object} dialog The dialog's options (see the dialog-action factory)
   * @description
   * The frame of a dialog action (dialog.html, as `dialog`): it puts the
   * body's controller on the scope as `ctrl` (without one, `ctrl` is the
   * context), sends once on submit and closes with what was sent (or, for
   * a dialog that `stays`, shows it and stays open), stays open when
   * sending failed, and dismisses on cancel.
   */
  function DialogController($controller, $scope, $uibModalInstance, context, dialog) {
    var frame = this;

    frame.options = dialog;
    frame.submitting = false;
    frame.ready = ready;
    frame.submit = submit;
    frame.cancel = cancel;
    frame.close = close;

    $scope.ctrl = dialog.controller
      ? $controller(dialog.controller, {$scope: $scope, context: context}) : context;

    ///////////////

    /**
     * @name ready
     * @description Whether the body has what it needs to be sent.
     * @returns {boolean} The body controller's ready(), true without one
     */
    function ready() {
      return !$scope.ctrl.ready || $scope.ctrl.ready();
    }

    /**
     * @name submit
     * @description Sends once; closes with the value sent.
     * @returns {undefined} Returns nothing
     */
    function submit() {
      if (frame.submitting || !ready()) {
        return;
      }
      frame.submitting = true;
      $scope.ctrl.send().then(function sent(value) {
        if (!dialog.stays) {
          close(value);
        }
      }, angular.noop).finally(function done() {
        frame.submitting = false;
      });
    }

    function cancel() {
      $uibModalInstance.dismiss('cancel');
    }

    function close(value) {
      $uibModalInstance.close(value);
    }
  }
})();
