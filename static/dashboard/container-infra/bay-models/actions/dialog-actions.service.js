/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bay-models.actions')
    .factory('horizon.dashboard.container-infra.bay-models.actions.dialogs', bayModelDialogActions);

  bayModelDialogActions.$inject = [
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.dialog-action.factory',
    'horizon.dashboard.container-infra.bay-models.workflow.service',
    'horizon.dashboard.container-infra.bay-models.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bay-models.actions.dialogs
   * @param {Object} allowed The common allowed() builder
   * @param {Object} dialogAction The common dialog action factory
   * @param {Object} workflow The bay model forms
   * @param {string} resourceType 'OS::Magnum::BayModel'
   * @description
   * The actions that open the bay model form, each naming the bay model it
   * saved in its result (the table lists it again):
   * - "Create Bay Model" (`clustertemplate:create`), above the table;
   * - "Update Bay Model" (`clustertemplate:update`) on each row, asked
   *   with the bay model's project: a member may change the bay models of
   *   their project, not a public one of another.
   * @returns {Object} {create, update}: two action services
   */
  function bayModelDialogActions(allowed, dialogAction, workflow, resourceType) {
    return {
      create: form(allowed.when('clustertemplate:create'), 'create', 'created'),
      update: form(allowed.inProject('clustertemplate:update'), 'update', 'updated')
    };

    function form(allowedFn, method, changes) {
      return dialogAction.create({
        allowed: allowedFn,
        open: function open(item) { return workflow[method](item); },
        resourceType: resourceType,
        changes: changes,
        idOf: function saved(item, bayModel) { return bayModel.uuid; }
      });
    }
  }
})();
