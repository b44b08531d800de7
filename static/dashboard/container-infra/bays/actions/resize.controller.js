/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .controller('horizon.dashboard.container-infra.bays.ResizeController', ResizeController);

  ResizeController.$inject = [
    '$uibModalInstance',
    'horizon.app.core.openstack-service-api.magnum',
    'context'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.ResizeController
   * @param {Object} $uibModalInstance
   * @param {Object} magnum The Magnum API service
   * @param {Object} context {bay}
   * @description
   * The Resize Bay dialog. When the new count is lower, the user may pick
   * the worker nodes to remove (by address), at most as many as go; Heat
   * picks the others. Closes with the new count once the service accepted.
   */
  function ResizeController($uibModalInstance, magnum, context) {
    var ctrl = this;

    ctrl.bay = context.bay;
    ctrl.nodeCount = context.bay.node_count;
    ctrl.nodes = (context.bay.node_addresses || []).map(function node(address) {
      return {address: address, remove: false};
    });
    ctrl.submitting = false;

    ctrl.removing = removing;
    ctrl.chosen = chosen;
    ctrl.tooMany = tooMany;
    ctrl.unchanged = unchanged;
    ctrl.submit = submit;
    ctrl.cancel = cancel;

    ///////////////

    /**
     * @name removing
     * @description How many nodes the new count removes.
     * @returns {number} 0 when growing or unchanged
     */
    function removing() {
      return angular.isNumber(ctrl.nodeCount) ? Math.max(0, ctrl.bay.node_count - ctrl.nodeCount) : 0;
    }

    function chosen() {
      return ctrl.nodes.filter(function picked(node) {
        return node.remove;
      }).map(function address(node) {
        return node.address;
      });
    }

    function tooMany() {
      return chosen().length > removing();
    }

    function unchanged() {
      return ctrl.nodeCount === ctrl.bay.node_count;
    }

    function submit() {
      var body = {node_count: ctrl.nodeCount};
      if (tooMany() || unchanged() || ctrl.submitting) {
        return;
      }
      if (removing() && chosen().length) {
        body.nodes_to_remove = chosen();
      }
      ctrl.submitting = true;
      magnum.resizeBay(ctrl.bay.uuid, body).then(function resized() {
        $uibModalInstance.close(ctrl.nodeCount);
      }, function failed() {
        ctrl.submitting = false;
      });
    }

    function cancel() {
      $uibModalInstance.dismiss('cancel');
    }
  }
})();
