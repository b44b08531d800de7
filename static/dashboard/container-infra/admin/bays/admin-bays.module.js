/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Admin → Container Infra → Bays: the bays of every project.
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.admin.bays
   * @description
   * Registers the resource type of the admin Bays table.
   *
   * It is a type of its own, not OS::Magnum::Bay, because Horizon's
   * registry keeps one list function, one set of columns and one set of
   * actions per type: this table lists every project's bays
   * (all_projects) and has a Project column, and the resource table drops
   * a deleted row only when the action result names the table's own type.
   * The labels, the status rendering and the transition test are taken
   * from OS::Magnum::Bay, so both tables show a bay the same way.
   */
  angular
    .module('horizon.dashboard.container-infra.admin.bays', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api',
      'horizon.dashboard.container-infra.common',
      'horizon.dashboard.container-infra.bays',
      'horizon.dashboard.container-infra.admin.projects'
    ])
    .constant('horizon.dashboard.container-infra.admin.bays.resourceType',
      'OS::Magnum::AdminBay')
    .run(run);

  run.$inject = [
    'horizon.framework.conf.resource-type-registry.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.bays.resourceType',
    'horizon.dashboard.container-infra.bays.service',
    'horizon.dashboard.container-infra.bays.status',
    'horizon.dashboard.container-infra.admin.bays.service',
    'horizon.dashboard.container-infra.admin.bays.actions.delete.service',
    'horizon.dashboard.container-infra.admin.bays.resourceType'
  ];

  function run(registry, gettext, ngettext, bayTypeName, baysService, bayStatus,
               adminBaysService, deleteService, resourceType) {
    // The module depends on the bays module, whose run block has already
    // given OS::Magnum::Bay its properties and summary.
    var bayType = registry.getResourceType(bayTypeName);
    var type = registry.getResourceType(resourceType);

    type
      .setNames(gettext('Bay'), gettext('Bays'), ngettext('Bay', 'Bays', 1))
      .setProperties(bayType.getProperties())
      .setProperty('project_name', {label: gettext('Project')})
      .setProperty('project_id', {label: gettext('Project ID')})
      // Magnum's times end with their UTC offset, which Horizon's mediumDate
      // (still on OS::Magnum::Bay) cannot read.
      .setProperty('created_at', {label: gettext('Created'), filters: ['isoMediumDate']})
      .setProperty('updated_at', {label: gettext('Updated'), filters: ['isoMediumDate']})
      .setListFunction(adminBaysService.getBaysPromise)
      // A row opens on the project panel's summary (status reason included).
      .setSummaryTemplateUrl(bayType.summaryTemplateUrl)
      .setItemInTransitionFunction(bayStatus.isInTransition);

    type.tableColumns
      // A bay's name opens the bay's details page, which admins may see
      // for any project's bay.
      .append({
        id: 'name',
        priority: 1,
        sortDefault: true,
        urlFunction: baysService.getDetailsPath
      })
      .append({id: 'project_name', priority: 1})
      .append({
        id: 'status',
        priority: 1,
        itemInTransitionFunction: bayStatus.isInTransition
      })
      .append({id: 'health_status', priority: 2})
      .append({id: 'node_count', priority: 2})
      .append({id: 'master_count', priority: 2})
      .append({id: 'created_at', priority: 2});

    type.filterFacets
      .append({label: gettext('Name'), name: 'name', singleton: true})
      .append({label: gettext('Project'), name: 'project_name', singleton: true})
      .append({
        label: gettext('Status'),
        name: 'status',
        singleton: true,
        options: bayStatus.statusOptions()
      })
      .append({
        label: gettext('Health Status'),
        name: 'health_status',
        singleton: true,
        options: bayStatus.healthOptions()
      });

    type.itemActions.append({
      id: 'deleteAdminBayAction',
      service: deleteService,
      template: {text: gettext('Delete Bay'), type: 'delete'}
    });
    type.batchActions.append({
      id: 'batchDeleteAdminBayAction',
      service: deleteService,
      template: {text: gettext('Delete Bays'), type: 'delete-selected'}
    });
  }
})();
