/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.bay-models.actions
   * @description
   * Registers the actions of the OS::Magnum::BayModel resource type: Create
   * (global), Delete (batch), Update and Delete (each row).
   */
  angular
    .module('horizon.dashboard.container-infra.bay-models.actions', [
      'horizon.framework',
      'horizon.dashboard.container-infra.common'
    ])
    .run(registerBayModelActions);

  registerBayModelActions.$inject = [
    'horizon.dashboard.container-infra.common.resource-types.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.bay-models.actions.dialogs',
    'horizon.dashboard.container-infra.bay-models.actions.delete.service',
    'horizon.dashboard.container-infra.bay-models.resourceType'
  ];

  function registerBayModelActions(resourceTypes, gettext, dialogs, deleteService, resourceType) {
    resourceTypes.addActions(resourceType, {
      global: [{id: 'createBayModelAction', service: dialogs.create,
        text: gettext('Create Bay Model')}],
      item: [{id: 'updateBayModelAction', service: dialogs.update,
        text: gettext('Update Bay Model'), icon: 'pencil'}],
      remove: {service: deleteService, item: gettext('Delete Bay Model'),
        batch: gettext('Delete Bay Models')}
    });
  }
})();
