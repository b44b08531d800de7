/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bay-models.actions')
    .factory('horizon.dashboard.container-infra.bay-models.actions.create.service',
      createService);

  createService.$inject = [
    'horizon.app.core.openstack-service-api.policy',
    'horizon.framework.util.actions.action-result.service',
    'horizon.dashboard.container-infra.bay-models.workflow.service',
    'horizon.dashboard.container-infra.bay-models.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bay-models.actions.create.service
   * @param {Object} policy Horizon's policy API
   * @param {Object} actionResultService
   * @param {Object} workflow The bay model forms
   * @param {string} resourceType 'OS::Magnum::BayModel'
   * @description The Create Bay Model action.
   * @returns {Object} The action service
   */
  function createService(policy, actionResultService, workflow, resourceType) {
    var service = {
      allowed: allowed,
      perform: perform
    };

    return service;

    ///////////////

    /**
     * @name allowed
     * @description Whether the policy lets the user create bay models.
     * @returns {Promise} Resolves if allowed
     */
    function allowed() {
      return policy.ifAllowed({rules: [['container-infra', 'clustertemplate:create']]});
    }

    /**
     * @name perform
     * @description Opens the form and creates the bay model.
     * @returns {Promise} The action result naming the created bay model
     */
    function perform() {
      return workflow.create().then(function created(bayModel) {
        return actionResultService.getActionResult()
          .created(resourceType, bayModel.uuid)
          .result;
      });
    }
  }
})();
