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
    .run(registerActions);

  registerActions.$inject = [
    'horizon.framework.conf.resource-type-registry.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.bay-models.actions.create.service',
    'horizon.dashboard.container-infra.bay-models.actions.update.service',
    'horizon.dashboard.container-infra.bay-models.actions.delete.service',
    'horizon.dashboard.container-infra.bay-models.resourceType'
  ];

  function registerActions(registry, gettext, createService, updateService, deleteService,
                           resourceType) {
    var type = registry.getResourceType(resourceType);

    type.globalActions
      .append({
        id: 'createBayModelAction',
        service: createService,
        template: {
          type: 'create',
          text: gettext('Create Bay Model')
        }
      });

    type.batchActions
      .append({
        id: 'deleteBayModelsAction',
        service: deleteService,
        template: {
          type: 'delete-selected',
          text: gettext('Delete Bay Models')
        }
      });

    type.itemActions
      .append({
        id: 'updateBayModelAction',
        service: updateService,
        template: {
          text: gettext('Update Bay Model')
        }
      })
      .append({
        id: 'deleteBayModelAction',
        service: deleteService,
        template: {
          type: 'delete',
          text: gettext('Delete Bay Model')
        }
      });
  }
})();
