/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.admin.quotas')
    .factory('horizon.dashboard.container-infra.admin.quotas.actions.update.service',
      updateService);

  updateService.$inject = [
    'horizon.app.core.openstack-service-api.magnum-quotas',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.dialog-action.factory',
    'horizon.dashboard.container-infra.admin.quotas.form.service',
    'horizon.dashboard.container-infra.admin.quotas.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.admin.quotas.actions.update.service
   * @param {Object} quotasAPI The quotas' API service
   * @param {Function} gettext
   * @param {Object} allowed The common allowed() builder
   * @param {Object} dialogAction The common dialog action factory
   * @param {Object} quotaForm The quota form
   * @param {string} resourceType OS::Magnum::Quota
   * @description
   * Row action "Update Quota" (`quota:update`): changes the hard limit of
   * a quota, and names it in its result.
   * @returns {Object} {initAction, allowed, perform}
   */
  function updateService(quotasAPI, gettext, allowed, dialogAction, quotaForm, resourceType) {
    return dialogAction.create({
      allowed: allowed.when('quota:update'),
      open: open,
      resourceType: resourceType,
      changes: 'updated',
      idOf: function updatedId(quota) { return quota.id; },
      success: function updated(quota, response) {
        return response ? gettext('Quota of %s updated.').replace('%s', function name() {
          return quota.project_name || quota.project_id;
        }) : '';
      }
    });

    /**
     * @name open
     * @param {Object} quota The row's quota
     * @description
     * Opens the form on the quota (project and resource fixed) and sends
     * the new hard limit; an unchanged limit sends nothing.
     * @returns {Promise} Resolves with the response, or null when unchanged
     */
    function open(quota) {
      return quotaForm.open({
        title: gettext('Update Quota'),
        submitText: gettext('Update Quota'),
        projects: [{id: quota.project_id, name: quota.project_name}],
        quota: quota
      }).then(function update(model) {
        if (model.hard_limit === quota.hard_limit) {
          return null;
        }
        return quotasAPI.updateQuota(quota.project_id, quota.resource,
          {hard_limit: model.hard_limit});
      });
    }
  }
})();
