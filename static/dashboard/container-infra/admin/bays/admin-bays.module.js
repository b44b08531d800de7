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
   * The labels, columns, facets, status rendering, transition test and
   * delete action are OS::Magnum::Bay's, so both tables show a bay the
   * same way; the panel's live table follows bays in progress as the
   * project's does.
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
    .run(registerAdminBayType);

  registerAdminBayType.$inject = [
    'horizon.framework.conf.resource-type-registry.service',
    'horizon.dashboard.container-infra.common.resource-types.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.bays.resourceType',
    'horizon.dashboard.container-infra.bays.service',
    'horizon.dashboard.container-infra.bays.status',
    'horizon.dashboard.container-infra.bays.actions.delete',
    'horizon.dashboard.container-infra.admin.projects.service',
    'horizon.dashboard.container-infra.admin.bays.resourceType'
  ];

  // What the project table shows and this one leaves out: the bay model
  // (the admin list does not read every project's bay models).
  var LEFT_OUT = ['coe', 'bay_model_name'];

  function registerAdminBayType(registry, resourceTypes, gettext, ngettext, bayTypeName,
                                baysService, bayStatus, deleteBays, projects, resourceType) {
    // The module depends on the bays module, whose run block has already
    // registered OS::Magnum::Bay.
    var bayType = registry.getResourceType(bayTypeName);
    var type = resourceTypes.define(resourceType, {
      names: [gettext('Bay'), gettext('Bays'), ngettext('Bay', 'Bays', 1)],
      properties: angular.extend(bayType.getProperties(),
        {project_name: {label: gettext('Project')}}),
      list: listAll,
      busy: bayStatus.isInTransition
    });
    var project = {
      column: {id: 'project_name', priority: 1},
      facet: {label: gettext('Project'), name: 'project_name', singleton: true}
    };

    // A row opens on the project panel's summary (status reason included).
    type.setSummaryTemplateUrl(bayType.summaryTemplateUrl);

    // The project table's columns and facets (a bay's name opens its
    // details page, which admins may see for any project's bay), with the
    // project next to the name.
    copy(bayType.tableColumns, type.tableColumns, 'id', project.column);
    copy(bayType.filterFacets, type.filterFacets, 'name', project.facet);

    resourceTypes.addActions(resourceType, {
      remove: {service: deleteBays.forType(resourceType), item: gettext('Delete Bay'),
        batch: gettext('Delete Bays')}
    });

    /**
     * @name listAll
     * @param {Object=} params The table's (see the bays service)
     * @description List function: every project's bays, each with its project's name.
     * @returns {Promise} Resolves with the response, whose data is {items: [...]}
     */
    function listAll(params) {
      return baysService.getAllBaysPromise(params).then(projects.withProjectNames)
        .then(bayStatus.withHealth);
    }
  }

  function copy(from, to, key, afterName) {
    from.forEach(function add(entry) {
      if (LEFT_OUT.indexOf(entry[key]) < 0) {
        to.append(angular.extend({}, entry));
      }
      if (entry[key] === 'name') {
        to.append(afterName);
      }
    });
  }
})();
