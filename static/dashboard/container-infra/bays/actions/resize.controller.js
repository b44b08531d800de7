/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.actions')
    .controller('horizon.dashboard.container-infra.bays.ResizeController', ResizeController);

  ResizeController.$inject = [
    'horizon.app.core.openstack-service-api.magnum-bays',
    'horizon.app.core.openstack-service-api.magnum-node-groups',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.field-errors.service',
    'horizon.dashboard.container-infra.common.node-bounds.service',
    'context'
  ];

  // A worker group's size when neither it nor the driver says more.
  var MOST_NODES = 1000;

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.ResizeController
   * @param {Object} baysAPI The bays' API service
   * @param {Object} nodeGroupsAPI The node groups' API service
   * @param {Function} gettext
   * @param {Object} fieldErrors The common field errors
   * @param {Object} nodeBounds The common node bounds
   * @param {Object} context {bay, group, ofBay}: the worker group resized;
   *   `ofBay` for Resize Bay (its default-worker group), none for a node
   *   group's Resize
   * @description
   * The body of the Resize dialogs (in the common dialog frame): a new
   * count for one worker group, within its bounds. When it is lower, the
   * user may pick the nodes to remove (by address), at most as many as
   * go; Magnum picks the others. Sends the resize (the bay's, or the
   * group's) and gives the new count; a refusal keeps the dialog open,
   * with the service's reason next to the field it names.
   */
  function ResizeController(baysAPI, nodeGroupsAPI, gettext, fieldErrors, nodeBounds,
                            context) {
    var ctrl = this;
    var group = context.group;
    var bounds = nodeBounds.of(group);

    ctrl.bay = context.bay;
    ctrl.group = group;
    ctrl.ofBay = Boolean(context.ofBay);
    // Ids of the fields: the two dialogs may be open one after the other.
    ctrl.prefix = ctrl.ofBay ? 'bay-resize' : 'node-group-resize';
    ctrl.nodeCount = group.node_count;
    ctrl.min = bounds.min;
    ctrl.max = bounds.max === null ? MOST_NODES : bounds.max;
    ctrl.nodes = (group.node_addresses || []).map(function node(address) {
      return {address: address, remove: false};
    });
    ctrl.errors = fieldErrors.create(['node_count', 'nodes_to_remove']);

    ctrl.range = range;
    ctrl.removing = removing;
    ctrl.chosen = chosen;
    ctrl.tooMany = tooMany;
    ctrl.unchanged = unchanged;
    ctrl.ready = ready;
    ctrl.send = send;

    ///////////////

    /**
     * @name range
     * @description The counts the group may have, in words.
     * @returns {string} "A whole number from 0 to 1000."
     */
    function range() {
      return interpolate(gettext('A whole number from %(min)s to %(max)s.'),
        {min: ctrl.min, max: ctrl.max}, true);
    }

    /**
     * @name removing
     * @description How many nodes the new count removes.
     * @returns {number} 0 when growing or unchanged
     */
    function removing() {
      return angular.isNumber(ctrl.nodeCount) ? Math.max(0, group.node_count - ctrl.nodeCount) : 0;
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
      return ctrl.nodeCount === group.node_count;
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
      var sent;
      if (removing() && chosen().length) {
        body.nodes_to_remove = chosen();
      }
      ctrl.errors.clear();
      // A bay's resize names no group: the service resizes default-worker.
      sent = ctrl.ofBay
        ? baysAPI.resizeBay(ctrl.bay.uuid, body)
        : nodeGroupsAPI.resizeNodeGroup(ctrl.bay.uuid, group.uuid, body);
      return sent.then(function resized() {
        return ctrl.nodeCount;
      }, ctrl.errors.take);
    }
  }
})();
