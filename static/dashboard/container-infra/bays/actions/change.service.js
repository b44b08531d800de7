/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.actions')
    .factory('horizon.dashboard.container-infra.bays.actions.change', changeActions);

  changeActions.$inject = [
    'horizon.app.core.openstack-service-api.magnum-node-groups',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.dialog-action.factory',
    'horizon.dashboard.container-infra.bays.resourceType',
    'horizon.dashboard.container-infra.bays.status'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.change
   * @param {Object} nodeGroupsAPI The node groups' API service
   * @param {Function} gettext
   * @param {Object} allowed The common allowed() builder
   * @param {Object} dialogAction The common dialog action factory
   * @param {string} resourceType 'OS::Magnum::Bay'
   * @param {Object} bayStatus
   * @description
   * The row actions that change a bay at rest through a dialog, each
   * allowed by its rule on a bay nothing runs on (bayStatus.canChange),
   * each reporting the bay updated:
   * - "Resize Bay" (`cluster:resize`): a new count of its default-worker
   *   group (read before the dialog opens: the bay's node_count sums
   *   every worker group) and, when shrinking, which of its nodes go;
   * - "Upgrade Bay" (`cluster:upgrade`): another bay model of its COE.
   * A node group's resize (node-groups/actions/change.service.js) uses
   * the same dialog on that group.
   * @returns {Object} {resize, upgrade}: two action services
   */
  function changeActions(nodeGroupsAPI, gettext, allowed, dialogAction, resourceType, bayStatus) {
    return {
      resize: change('cluster:resize', {title: gettext('Resize Bay'), submit: gettext('Resize'),
        icon: 'fa-arrows-v', name: 'bay-resize', body: 'bays/actions/resize.html',
        controller: 'horizon.dashboard.container-infra.bays.ResizeController'},
      function resized(bay, count) {
        return interpolate(gettext('Bay "%(name)s" is being resized to %(count)s nodes.'),
          {name: bay.name, count: count}, true);
      }, defaultWorker),
      upgrade: change('cluster:upgrade', {title: gettext('Upgrade Bay'),
        submit: gettext('Upgrade'), icon: 'fa-level-up', name: 'bay-upgrade',
        body: 'bays/actions/upgrade.html',
        controller: 'horizon.dashboard.container-infra.bays.UpgradeController'},
      function upgraded(bay, bayModel) {
        return interpolate(gettext('Bay "%(name)s" is being upgraded to bay model "%(model)s".'),
          {name: bay.name, model: bayModel.name}, true);
      }, function changing(bay) {
        return {bay: bay};
      })
    };

    function change(rule, dialog, success, context) {
      return dialogAction.create({
        allowed: allowed.when(rule, bayStatus.canChange),
        resourceType: resourceType,
        changes: 'updated',
        dialog: dialog,
        context: context,
        success: success
      });
    }

    // What Resize Bay changes: the bay's default-worker group; read quietly,
    // without it (a service older than node groups) the bay's own counts.
    function defaultWorker(bay) {
      return nodeGroupsAPI.getNodeGroups(bay.uuid, true).then(function found(response) {
        return response.data.items.filter(function isDefaultWorker(group) {
          return group.is_default && group.role !== 'master';
        })[0];
      }, angular.noop).then(function resizing(group) {
        return {bay: bay, ofBay: true,
          group: group || {node_count: bay.node_count, node_addresses: bay.node_addresses}};
      });
    }
  }
})();
