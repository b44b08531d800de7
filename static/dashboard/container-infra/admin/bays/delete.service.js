/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.admin.bays')
    .factory('horizon.dashboard.container-infra.admin.bays.actions.delete.service',
      deleteService);

  deleteService.$inject = [
    'horizon.app.core.openstack-service-api.magnum',
    'horizon.dashboard.container-infra.common.delete-action.factory',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.admin.bays.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.admin.bays.actions.delete.service
   * @param {Object} magnum The Magnum API service
   * @param {Object} deleteActionFactory The shared delete action
   * @param {Function} gettext
   * @param {Function} ngettext
   * @param {string} resourceType The admin bays type
   * @description
   * Deletes bays of any project, after confirmation. Allowed when the
   * policy lets the admin delete bays and the bay is not already being
   * deleted.
   * @returns {Object} {initAction, allowed, perform}
   */
  function deleteService(magnum, deleteActionFactory, gettext, ngettext, resourceType) {
    return deleteActionFactory.create({
      resourceType: resourceType,
      policyRule: 'cluster:delete',
      deleteFn: magnum.deleteBay,
      allowedFn: function notBeingDeleted(bay) {
        return bay.status !== 'DELETE_IN_PROGRESS';
      },
      labels: {
        title: function title(count) {
          return ngettext('Confirm Delete Bay', 'Confirm Delete Bays', count);
        },
        message: function message(count) {
          return ngettext(
            'You have selected "%s". The bay is deleted for everyone in its project, ' +
              'with its nodes and workloads. This cannot be undone.',
            'You have selected "%s". The bays are deleted for everyone in their projects, ' +
              'with their nodes and workloads. This cannot be undone.',
            count);
        },
        submit: function submit(count) {
          return ngettext('Delete Bay', 'Delete Bays', count);
        },
        success: function success(count) {
          return ngettext('Deletion of bay %s started.', 'Deletion of bays %s started.', count);
        },
        error: function error(count) {
          return ngettext('Unable to delete bay: %s.', 'Unable to delete bays: %s.', count);
        },
        notAllowed: gettext('These bays are already being deleted: %s.')
      }
    });
  }
})();
