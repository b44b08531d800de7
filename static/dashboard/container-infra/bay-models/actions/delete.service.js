/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bay-models.actions')
    .factory('horizon.dashboard.container-infra.bay-models.actions.delete.service',
      deleteService);

  deleteService.$inject = [
    'horizon.app.core.openstack-service-api.magnum-bay-models',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.delete-action.factory',
    'horizon.dashboard.container-infra.bay-models.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bay-models.actions.delete.service
   * @param {Object} bayModelsAPI The bay models' API service
   * @param {Function} gettext
   * @param {Function} ngettext
   * @param {Object} allowed The common allowed() builder
   * @param {Object} deleteActionFactory The shared delete action
   * @param {string} resourceType 'OS::Magnum::BayModel'
   * @description
   * The Delete Bay Model(s) action, for one row or the selected rows. A
   * member may delete the bay models of their project only; the service
   * refuses to delete one that bays use, and its reason is toasted.
   * @returns {Object} The action service
   */
  function deleteService(bayModelsAPI, gettext, ngettext, allowed, deleteActionFactory,
                         resourceType) {
    return deleteActionFactory.create({
      resourceType: resourceType,
      allowed: allowed.inProject('clustertemplate:delete'),
      deleteFn: function deleteBayModel(id, suppressError) {
        return bayModelsAPI.deleteBayModel(id, suppressError);
      },
      labels: function labels(count) {
        return {
          title: ngettext('Confirm Delete Bay Model', 'Confirm Delete Bay Models', count),
          message: ngettext('You have selected "%s". A deleted bay model cannot be recovered.',
            'You have selected "%s". Deleted bay models cannot be recovered.', count),
          submit: ngettext('Delete Bay Model', 'Delete Bay Models', count),
          success: ngettext('Deleted bay model: %s.', 'Deleted bay models: %s.', count),
          error: ngettext('Unable to delete bay model: %s.',
            'Unable to delete bay models: %s.', count),
          notAllowed: gettext('You are not allowed to delete these bay models: %s.')
        };
      }
    });
  }
})();
