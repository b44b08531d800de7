/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.node-groups.actions')
    .factory('horizon.dashboard.container-infra.node-groups.actions.delete',
      deleteNodeGroupAction);

  deleteNodeGroupAction.$inject = [
    '$rootScope',
    'horizon.app.core.openstack-service-api.magnum-node-groups',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.delete-action.factory',
    'horizon.dashboard.container-infra.common.events',
    'horizon.dashboard.container-infra.bays.status',
    'horizon.dashboard.container-infra.node-groups.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.node-groups.actions.delete
   * @param {Object} $rootScope
   * @param {Object} nodeGroupsAPI The node groups' API service
   * @param {Function} gettext
   * @param {Object} allowed The common allowed() builder
   * @param {Object} deleteActionFactory The shared delete action
   * @param {Object} events The common events
   * @param {Object} bayStatus
   * @param {string} resourceType 'OS::Magnum::NodeGroup'
   * @description
   * Row action "Delete Node Group" (`nodegroup:delete`), after a
   * confirmation. Not offered on the default groups (the service keeps
   * them: the bay is resized or deleted instead), nor while the group or
   * its bay is busy. An accepted deletion is broadcast (events.CHANGED):
   * the table drops the row, lists again and follows the group until it
   * is gone.
   * @returns {Object} The action service {initAction, allowed, perform}
   */
  function deleteNodeGroupAction($rootScope, nodeGroupsAPI, gettext, allowed,
                                 deleteActionFactory, events, bayStatus, resourceType) {
    return deleteActionFactory.create({
      resourceType: resourceType,
      allowed: allowed.when('nodegroup:delete', function removable(group) {
        return !group.is_default && !bayStatus.isInTransition(group) &&
          group.status !== 'DELETE_COMPLETE' && bayStatus.canChange(group.bay);
      }),
      deleteFn: function deleteGroup(id, suppressError, group) {
        return nodeGroupsAPI.deleteNodeGroup(group.bay.uuid, id, suppressError)
          .then(function deleted(response) {
            $rootScope.$broadcast(events.CHANGED, resourceType, id);
            return response;
          });
      },
      labels: {
        title: gettext('Confirm Delete Node Group'),
        message: gettext('You have selected "%s". Its nodes, and the containers running on ' +
          'them, are removed from the bay; services with replicas on other nodes keep running.'),
        submit: gettext('Delete Node Group'),
        success: gettext('Deleting node group: %s.'),
        error: gettext('Unable to delete node group: %s.'),
        notAllowed: gettext('Not deleted (a default group, busy, or not allowed): %s.')
      }
    });
  }
})();
