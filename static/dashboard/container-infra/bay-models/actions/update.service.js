/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bay-models.actions')
    .factory('horizon.dashboard.container-infra.bay-models.actions.update.service',
      updateService);

  updateService.$inject = [
    'horizon.framework.util.actions.action-result.service',
    'horizon.dashboard.container-infra.bay-models.service',
    'horizon.dashboard.container-infra.bay-models.workflow.service',
    'horizon.dashboard.container-infra.bay-models.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bay-models.actions.update.service
   * @param {Object} actionResultService
   * @param {Object} bayModelsService
   * @param {Object} workflow The bay model forms
   * @param {string} resourceType 'OS::Magnum::BayModel'
   * @description The Update Bay Model action.
   * @returns {Object} The action service
   */
  function updateService(actionResultService, bayModelsService, workflow, resourceType) {
    var service = {
      allowed: allowed,
      perform: perform
    };

    return service;

    ///////////////

    /**
     * @name allowed
     * @param {Object} item The bay model
     * @description
     * Whether the policy lets the user update this bay model: a member
     * may change those of their project, not a public one of another.
     * @returns {Promise} Resolves if allowed
     */
    function allowed(item) {
      return bayModelsService.ifAllowedOn('clustertemplate:update', item);
    }

    /**
     * @name perform
     * @param {Object} item The bay model
     * @description Opens the form and sends the changes.
     * @returns {Promise} The action result naming the updated bay model
     */
    function perform(item) {
      return workflow.update(item).then(function updated(bayModel) {
        return actionResultService.getActionResult()
          .updated(resourceType, bayModel.uuid)
          .result;
      });
    }
  }
})();
