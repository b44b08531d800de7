/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.node-groups.actions')
    .factory('horizon.dashboard.container-infra.node-groups.actions.create',
      createNodeGroupAction);

  createNodeGroupAction.$inject = [
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.dialog-action.factory',
    'horizon.dashboard.container-infra.bays.status',
    'horizon.dashboard.container-infra.node-groups.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.node-groups.actions.create
   * @param {Function} gettext
   * @param {Object} allowed The common allowed() builder
   * @param {Object} dialogAction The common dialog action factory
   * @param {Object} bayStatus
   * @param {string} resourceType 'OS::Magnum::NodeGroup'
   * @description
   * "Create Node Group" on a bay (`nodegroup:create`): a worker group of
   * its own size and flavor, built by a conductor. Offered on a bay at
   * rest that has its API address (the service needs both); the action
   * result names the new group.
   * @returns {Object} The action service; perform(bay)
   */
  function createNodeGroupAction(gettext, allowed, dialogAction, bayStatus, resourceType) {
    return dialogAction.create({
      allowed: allowed.when('nodegroup:create', function ready(bay) {
        return bayStatus.canChange(bay) && bayStatus.hasApi(bay);
      }),
      resourceType: resourceType,
      changes: 'created',
      idOf: function createdId(bay, group) { return group.uuid; },
      dialog: {title: gettext('Create Node Group in Bay'), submit: gettext('Create Node Group'),
        icon: 'fa-check', name: 'node-group-create',
        body: 'node-groups/actions/create.html',
        controller: 'horizon.dashboard.container-infra.node-groups.CreateController'},
      context: function inBay(bay) { return {bay: bay}; },
      success: function created(bay, group) {
        return interpolate(gettext('Node group "%(name)s" is being created in bay "%(bay)s".'),
          {name: group.name, bay: bay.name}, true);
      }
    });
  }
})();
