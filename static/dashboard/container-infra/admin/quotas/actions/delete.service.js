/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.admin.quotas')
    .factory('horizon.dashboard.container-infra.admin.quotas.actions.delete.service',
      deleteService);

  deleteService.$inject = [
    'horizon.app.core.openstack-service-api.magnum-quotas',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.delete-action.factory',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.admin.quotas.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.admin.quotas.actions.delete.service
   * @param {Object} quotasAPI The quotas' API service
   * @param {Object} allowed The common allowed() builder
   * @param {Object} deleteActionFactory The shared delete action
   * @param {Function} ngettext
   * @param {string} resourceType OS::Magnum::Quota
   * @description
   * Deletes quotas after confirmation; their projects fall back to the
   * default limit. The confirmation names each quota by its project.
   * @returns {Object} {initAction, allowed, perform}
   */
  function deleteService(quotasAPI, allowed, deleteActionFactory, ngettext, resourceType) {
    return deleteActionFactory.create({
      resourceType: resourceType,
      allowed: allowed.when('quota:delete'),
      deleteFn: function deleteQuota(id, suppressError, quota) {
        return quotasAPI.deleteQuota(quota.project_id, quota.resource, suppressError);
      },
      idOf: function idOf(quota) {
        return quota.id;
      },
      labels: function labels(count) {
        return {
          title: ngettext('Confirm Delete Quota', 'Confirm Delete Quotas', count),
          message: ngettext(
            'You have selected the quota of "%s". Without it the project gets the ' +
              'default limit.',
            'You have selected the quotas of "%s". Without them the projects get the ' +
              'default limit.',
            count),
          submit: ngettext('Delete Quota', 'Delete Quotas', count),
          success: ngettext('Deleted the quota of %s.', 'Deleted the quotas of %s.', count),
          error: ngettext('Unable to delete the quota of %s.',
            'Unable to delete the quotas of %s.', count)
        };
      }
    });
  }
})();
