/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.node-groups.actions')
    .factory('horizon.dashboard.container-infra.node-groups.actions.dialogs',
      nodeGroupDialogActions);

  nodeGroupDialogActions.$inject = [
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.dialog-action.factory',
    'horizon.dashboard.container-infra.bays.status',
    'horizon.dashboard.container-infra.node-groups.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.node-groups.actions.dialogs
   * @param {Function} gettext
   * @param {Object} allowed The common allowed() builder
   * @param {Object} dialogAction The common dialog action factory
   * @param {Object} bayStatus
   * @param {string} resourceType 'OS::Magnum::NodeGroup'
   * @description
   * Every action of OS::Magnum::NodeGroup that opens a dialog, declared in
   * one list (actions.module.js places the row actions; Delete is
   * delete.service.js):
   * - `create`, "Create Node Group" on a bay (`nodegroup:create`): a
   *   worker group of its own size and flavor, built by a conductor.
   *   Offered on a bay at rest that has its API address (the service
   *   needs both); the action result names the new group. The Node Groups
   *   tab of the bay offers it (perform(bay)).
   * The row actions, which change a worker group and report it updated:
   * - `resize`, "Resize Node Group": a new node count and, when
   *   shrinking, which nodes go (the Resize Bay dialog, for this group).
   *   The service resizes a group by the bay's resize, so the rule is
   *   `cluster:resize`; offered while the group and its bay are at rest.
   * - `bounds`, "Edit Bounds" (`nodegroup:update`): its minimum and
   *   maximum node counts, which the service changes at once (nothing
   *   runs), so the bay may be busy; not on a group being deleted.
   * Masters are neither resized nor bounded.
   * @returns {Object} {create, resize, bounds}: the action services
   */
  function nodeGroupDialogActions(gettext, allowed, dialogAction, bayStatus, resourceType) {
    return {
      create: dialogAction.create({
        allowed: allowed.when('nodegroup:create', function ready(bay) {
          return bayStatus.canChange(bay) && bayStatus.hasApi(bay);
        }),
        resourceType: resourceType,
        changes: 'created',
        idOf: function createdId(bay, group) { return group.uuid; },
        dialog: {title: gettext('Create Node Group in Bay'), submit: gettext('Create Node Group'),
          icon: 'fa-check', name: 'node-group-create', body: 'node-groups/actions/create.html',
          controller: 'horizon.dashboard.container-infra.node-groups.CreateController'},
        context: function inBay(bay) { return {bay: bay}; },
        success: function created(bay, group) {
          return interpolate(gettext('Node group "%(name)s" is being created in bay "%(bay)s".'),
            {name: group.name, bay: bay.name}, true);
        }
      }),
      resize: change(allowed.when('cluster:resize', resizable), {
        title: gettext('Resize Node Group'), submit: gettext('Resize'), icon: 'fa-arrows-v',
        name: 'node-group-resize', body: 'bays/actions/resize.html',
        controller: 'horizon.dashboard.container-infra.bays.ResizeController'
      }, function resized(group, count) {
        return interpolate(gettext('Node group "%(name)s" is being resized to %(count)s nodes.'),
          {name: group.name, count: count}, true);
      }),
      bounds: change(allowed.when('nodegroup:update', boundable), {
        title: gettext('Edit Bounds of Node Group'), submit: gettext('Save'), icon: 'fa-check',
        name: 'node-group-bounds', body: 'node-groups/actions/bounds.html',
        controller: 'horizon.dashboard.container-infra.node-groups.BoundsController'
      }, function bounded(group) {
        return interpolate(gettext('The bounds of node group "%s" are saved.'), [group.name]);
      })
    };

    function change(isAllowed, dialog, success) {
      return dialogAction.create({
        allowed: isAllowed,
        resourceType: resourceType,
        changes: 'updated',
        dialog: dialog,
        context: function changing(group) { return {bay: group.bay, group: group}; },
        success: success
      });
    }

    function resizable(group) {
      return group.role !== 'master' && bayStatus.canChange(group) &&
        bayStatus.canChange(group.bay);
    }

    function boundable(group) {
      return group.role !== 'master' && !/^DELETE_/.test(group.status || '');
    }
  }
})();
