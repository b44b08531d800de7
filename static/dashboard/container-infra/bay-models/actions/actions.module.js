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
    'horizon.dashboard.container-infra.common.delete-action.factory',
    'horizon.dashboard.container-infra.bay-models.actions.form',
    'horizon.dashboard.container-infra.bay-models.actions.delete.service',
    'horizon.dashboard.container-infra.bay-models.resourceType'
  ];

  function registerActions(registry, gettext, deleteActionFactory, form, deleteService,
                           resourceType) {
    var type = registry.getResourceType(resourceType);

    type.globalActions.append({
      id: 'createBayModelAction',
      service: form.create,
      template: {type: 'create', text: gettext('Create Bay Model')}
    });
    type.itemActions.append({
      id: 'updateBayModelAction',
      service: form.update,
      template: {text: gettext('Update Bay Model'), icon: 'pencil'}
    });
    deleteActionFactory.register(type, deleteService,
      {item: gettext('Delete Bay Model'), batch: gettext('Delete Bay Models')});
  }
})();
