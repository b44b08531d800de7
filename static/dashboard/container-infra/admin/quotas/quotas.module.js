/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Admin → Container Infra → Quotas: how many bays each project may have.
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.admin.quotas
   * @description
   * Registers the OS::Magnum::Quota resource type: its names, properties,
   * list function, columns, search facets and actions. A quota is named by
   * its project and its resource (Magnum's only one is Cluster: bays).
   */
  angular
    .module('horizon.dashboard.container-infra.admin.quotas', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api',
      'horizon.dashboard.container-infra.common',
      'horizon.dashboard.container-infra.admin.projects'
    ])
    .constant('horizon.dashboard.container-infra.admin.quotas.resourceType',
      'OS::Magnum::Quota')
    .run(registerQuotaType);

  registerQuotaType.$inject = [
    'horizon.dashboard.container-infra.common.resource-types.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.admin.quotas.service',
    'horizon.dashboard.container-infra.admin.quotas.actions.dialogs',
    'horizon.dashboard.container-infra.admin.quotas.actions.delete.service',
    'horizon.dashboard.container-infra.admin.quotas.resourceType'
  ];

  function registerQuotaType(resourceTypes, gettext, ngettext, quotasService, dialogs,
                             deleteService, resourceType) {
    resourceTypes.define(resourceType, {
      names: [gettext('Quota'), gettext('Quotas'), ngettext('Quota', 'Quotas', 1)],
      properties: {
        id: gettext('ID'),
        project_name: gettext('Project'),
        project_id: gettext('Project ID'),
        resource: {label: gettext('Resource'), filters: [quotasService.resourceLabel]},
        hard_limit: gettext('Hard Limit'),
        created_at: {label: gettext('Created'), filters: ['isoMediumDate']},
        updated_at: {label: gettext('Updated'), filters: ['isoMediumDate']}
      },
      list: quotasService.getQuotasPromise,
      columns: [
        {id: 'project_name', priority: 1, sortDefault: true},
        {id: 'resource', priority: 1},
        {id: 'hard_limit', priority: 1},
        {id: 'created_at', priority: 2},
        {id: 'updated_at', priority: 2}
      ],
      facets: [
        {label: gettext('Project'), name: 'project_name', singleton: true},
        {label: gettext('Project ID'), name: 'project_id', singleton: true}
      ]
    });

    resourceTypes.addActions(resourceType, {
      global: [{id: 'createQuotaAction', service: dialogs.create, text: gettext('Create Quota')}],
      item: [{id: 'updateQuotaAction', service: dialogs.update, text: gettext('Update Quota'),
        icon: 'pencil'}],
      remove: {service: deleteService, item: gettext('Delete Quota'),
        batch: gettext('Delete Quotas')}
    });
  }
})();
