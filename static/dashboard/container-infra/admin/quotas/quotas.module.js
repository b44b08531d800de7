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
    .run(run);

  run.$inject = [
    'horizon.framework.conf.resource-type-registry.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.common.delete-action.factory',
    'horizon.dashboard.container-infra.common.live-table.service',
    'horizon.dashboard.container-infra.admin.quotas.service',
    'horizon.dashboard.container-infra.admin.quotas.actions.create.service',
    'horizon.dashboard.container-infra.admin.quotas.actions.update.service',
    'horizon.dashboard.container-infra.admin.quotas.actions.delete.service',
    'horizon.dashboard.container-infra.admin.quotas.resourceType'
  ];

  function run(registry, gettext, ngettext, deleteActionFactory, liveTable, quotasService,
               createService, updateService, deleteService, resourceType) {
    var type = registry.getResourceType(resourceType);

    type
      .setNames(gettext('Quota'), gettext('Quotas'), ngettext('Quota', 'Quotas', 1))
      .setProperties({
        id: gettext('ID'),
        project_name: gettext('Project'),
        project_id: gettext('Project ID'),
        resource: {label: gettext('Resource'), filters: [quotasService.resourceLabel]},
        hard_limit: gettext('Hard Limit'),
        created_at: {label: gettext('Created'), filters: ['isoMediumDate']},
        updated_at: {label: gettext('Updated'), filters: ['isoMediumDate']}
      })
      .setListFunction(liveTable.listFunction(resourceType, quotasService.getQuotasPromise));

    type.tableColumns
      .append({id: 'project_name', priority: 1, sortDefault: true})
      .append({id: 'resource', priority: 1})
      .append({id: 'hard_limit', priority: 1})
      .append({id: 'created_at', priority: 2})
      .append({id: 'updated_at', priority: 2});

    type.filterFacets
      .append({label: gettext('Project'), name: 'project_name', singleton: true})
      .append({label: gettext('Project ID'), name: 'project_id', singleton: true});

    type.globalActions.append({
      id: 'createQuotaAction',
      service: createService,
      template: {text: gettext('Create Quota'), type: 'create'}
    });
    type.itemActions.append({
      id: 'updateQuotaAction',
      service: updateService,
      template: {text: gettext('Update Quota'), icon: 'pencil'}
    });
    deleteActionFactory.register(type, deleteService,
      {item: gettext('Delete Quota'), batch: gettext('Delete Quotas')});
  }
})();
