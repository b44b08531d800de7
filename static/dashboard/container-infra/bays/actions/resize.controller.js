/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.actions')
    .controller('horizon.dashboard.container-infra.bays.ResizeController', ResizeController);

  ResizeController.$inject = ['horizon.app.core.openstack-service-api.magnum-bays', 'context'];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.ResizeController
   * @param {Object} baysAPI The bays' API service
   * @param {Object} context {bay}
   * @description
   * The body of the Resize Bay dialog (in the common dialog frame). When
   * the new count is lower, the user may pick the worker nodes to remove
   * (by address), at most as many as go; Heat picks the others. Sends the
   * resize and gives the new count.
   */
  function ResizeController(baysAPI, context) {
    var ctrl = this;

    ctrl.bay = context.bay;
    ctrl.nodeCount = context.bay.node_count;
    ctrl.nodes = (context.bay.node_addresses || []).map(function node(address) {
      return {address: address, remove: false};
    });

    ctrl.removing = removing;
    ctrl.chosen = chosen;
    ctrl.tooMany = tooMany;
    ctrl.unchanged = unchanged;
    ctrl.ready = ready;
    ctrl.send = send;

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

    /**
     * @name ready
     * @description A new size, and no more nodes picked than it removes.
     * @returns {boolean} Whether the dialog may send
     */
    function ready() {
      return !unchanged() && !tooMany();
    }

    /**
     * @name send
     * @description Asks the service to resize.
     * @returns {Promise} Resolves with the new count once accepted
     */
    function send() {
      var body = {node_count: ctrl.nodeCount};
      if (removing() && chosen().length) {
        body.nodes_to_remove = chosen();
      }
      return baysAPI.resizeBay(ctrl.bay.uuid, body).then(function resized() {
        return ctrl.nodeCount;
      });
    }
  }
})();
