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
    'horizon.app.core.openstack-service-api.magnum',
    'horizon.app.core.openstack-service-api.policy',
    'horizon.framework.util.actions.action-result.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.widgets.toast.service',
    'horizon.dashboard.container-infra.admin.quotas.form.service',
    'horizon.dashboard.container-infra.admin.quotas.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.admin.quotas.actions.update.service
   * @param {Object} magnum The Magnum API service
   * @param {Object} policy Horizon's policy API
   * @param {Object} actionResult Horizon's action result builder
   * @param {Function} gettext
   * @param {Object} toast
   * @param {Object} quotaForm The quota form
   * @param {string} resourceType OS::Magnum::Quota
   * @description Changes the hard limit of a quota.
   * @returns {Object} {initAction, allowed, perform}
   */
  function updateService(magnum, policy, actionResult, gettext, toast, quotaForm,
                         resourceType) {
    var service = {
      initAction: angular.noop,
      allowed: allowed,
      perform: perform
    };

    return service;

    ///////////////

    /**
     * @name allowed
     * @description Resolves when the policy lets the user change quotas.
     * @returns {Promise} Resolves if allowed
     */
    function allowed() {
      return policy.ifAllowed({rules: [['container-infra', 'quota:update']]});
    }

    /**
     * @name perform
     * @param {Object} quota The row's quota
     * @description
     * Opens the form on the quota (project and resource fixed) and sends
     * the new hard limit; an unchanged limit sends nothing.
     * @returns {Promise} Resolves with the action result naming the quota
     */
    function perform(quota) {
      return quotaForm.open({
        title: gettext('Update Quota'),
        submitText: gettext('Update Quota'),
        projects: [{id: quota.project_id, name: quota.project_name}],
        quota: quota
      }).then(function update(model) {
        var result = actionResult.getActionResult().updated(resourceType, quota.id);
        if (model.hard_limit === quota.hard_limit) {
          return result.result;
        }
        return magnum.updateQuota(quota.project_id, quota.resource, {hard_limit: model.hard_limit})
          .then(function updated() {
            toast.add('success', gettext('Quota of %s updated.').replace('%s', function name() {
              return quota.project_name || quota.project_id;
            }));
            return result.result;
          });
      });
    }
  }
})();
