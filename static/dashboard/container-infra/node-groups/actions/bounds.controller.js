/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.node-groups.actions')
    .controller('horizon.dashboard.container-infra.node-groups.BoundsController',
      BoundsController);

  BoundsController.$inject = [
    'horizon.app.core.openstack-service-api.magnum-node-groups',
    'horizon.dashboard.container-infra.common.basePath',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.field-errors.service',
    'horizon.dashboard.container-infra.common.node-bounds.service',
    'context'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.node-groups.BoundsController
   * @param {Object} nodeGroupsAPI The node groups' API service
   * @param {string} basePath Where this dashboard's templates are
   * @param {Function} gettext
   * @param {Object} fieldErrors The common field errors
   * @param {Object} nodeBounds The common node bounds
   * @param {Object} context {bay, group}
   * @description
   * The body of the Edit Bounds dialog: the group's minimum and maximum
   * node counts (an empty maximum: no limit), which must hold its nodes
   * now. Sends what changed; the service saves it at once and gives the
   * group back. The fields are Create Node Group's (bounds-fields.html).
   */
  function BoundsController(nodeGroupsAPI, basePath, gettext, fieldErrors, nodeBounds, context) {
    var ctrl = this;
    var bounds = nodeBounds.of(context.group);

    ctrl.group = context.group;
    ctrl.model = {min_node_count: bounds.min, max_node_count: bounds.max};
    ctrl.prefix = 'node-group-bounds';
    ctrl.boundsColumns = 'col-xs-6';
    ctrl.focusBounds = true;
    ctrl.boundsFields = basePath + 'node-groups/actions/bounds-fields.html';
    ctrl.errors = fieldErrors.create(['min_node_count', 'max_node_count']);

    ctrl.minProblem = minProblem;
    ctrl.maxProblem = maxProblem;
    ctrl.ready = ready;
    ctrl.send = send;

    ///////////////

    /**
     * @name changes
     * @description The bounds that changed; a cleared maximum is null (no limit).
     * @returns {Object} {min_node_count, max_node_count}, those that changed
     */
    function changes() {
      var changed = {};
      var was = nodeBounds.of(ctrl.group);
      if (ctrl.model.min_node_count !== was.min) {
        changed.min_node_count = ctrl.model.min_node_count;
      }
      if (ctrl.model.max_node_count !== was.max) {
        changed.max_node_count = ctrl.model.max_node_count;
      }
      return changed;
    }

    /**
     * @name minProblem
     * @returns {string} Why the minimum cannot be; '' when it can
     */
    function minProblem() {
      var min = ctrl.model.min_node_count;
      if (angular.isNumber(min) && min > ctrl.group.node_count) {
        return interpolate(gettext('The group has %s nodes now: the minimum cannot be ' +
          'above that.'), [ctrl.group.node_count]);
      }
      return '';
    }

    /**
     * @name maxProblem
     * @returns {string} Why the maximum cannot be; '' when it can
     */
    function maxProblem() {
      var max = ctrl.model.max_node_count;
      if (angular.isNumber(max) && max < ctrl.group.node_count) {
        return interpolate(gettext('The group has %s nodes now: the maximum cannot be ' +
          'below that.'), [ctrl.group.node_count]);
      }
      return '';
    }

    /**
     * @name ready
     * @description Something changed, and the bounds hold the group's nodes.
     * @returns {boolean} Whether the dialog may send
     */
    function ready() {
      return Object.keys(changes()).length > 0 && !minProblem() && !maxProblem();
    }

    /**
     * @name send
     * @description Saves the new bounds.
     * @returns {Promise} Resolves with the group once saved
     */
    function send() {
      ctrl.errors.clear();
      return nodeGroupsAPI.updateNodeGroup(ctrl.group.bay.uuid, ctrl.group.uuid, changes())
        .then(function saved(response) {
          return response.data;
        }, ctrl.errors.take);
    }
  }
})();
