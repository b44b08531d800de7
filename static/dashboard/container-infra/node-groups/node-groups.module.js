/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Node groups of a bay: resource type registration and the bay's tab.
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.node-groups
   * @description
   * Registers the OS::Magnum::NodeGroup resource type (Magnum 1.9+: every
   * bay has default-master and default-worker, and may get worker groups
   * of other sizes and flavors): its names, properties, list function,
   * columns and drawer; and the "Node Groups" tab of OS::Magnum::Bay's
   * details, where its live table is. Its actions are registered by the
   * `actions` module.
   */
  angular
    .module('horizon.dashboard.container-infra.node-groups', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api',
      'horizon.dashboard.container-infra.common',
      'horizon.dashboard.container-infra.bays',
      'horizon.dashboard.container-infra.node-groups.actions'
    ])
    .constant('horizon.dashboard.container-infra.node-groups.resourceType',
      'OS::Magnum::NodeGroup')
    .run(run);

  run.$inject = [
    'horizon.framework.conf.resource-type-registry.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.common.basePath',
    'horizon.dashboard.container-infra.common.details-pages.service',
    'horizon.dashboard.container-infra.common.live-table.service',
    'horizon.dashboard.container-infra.bays.resourceType',
    'horizon.dashboard.container-infra.bays.status',
    'horizon.dashboard.container-infra.node-groups.service',
    'horizon.dashboard.container-infra.node-groups.resourceType'
  ];

  function run(registry, gettext, ngettext, basePath, detailsPages, liveTable, bayType, bayStatus,
               nodeGroupsService, resourceType) {
    var type = registry.getResourceType(resourceType);

    // As for bays: no setItemInTransitionFunction, the live table polls.
    type
      .setNames('Node Group', 'Node Groups', ngettext('Node Group', 'Node Groups', 1))
      .setProperties(properties())
      .setListFunction(liveTable.listFunction(resourceType,
        nodeGroupsService.getNodeGroupsPromise, nodeGroupsService.isBusy))
      .setSummaryTemplateUrl(basePath + 'node-groups/details/drawer.html');

    type.tableColumns
      .append({id: 'name', priority: 1, sortDefault: true})
      .append({id: 'role', priority: 1})
      .append({
        id: 'status',
        priority: 1,
        // The label, a bar while in progress, the reason once failed.
        template: '<magnum-node-group-status group="item"></magnum-node-group-status>'
      })
      .append({id: 'node_count', priority: 1})
      .append({id: 'bounds', priority: 2})
      .append({id: 'flavor_id', priority: 2});

    type.filterFacets
      .append({label: gettext('Name'), name: 'name', singleton: true})
      .append({label: gettext('Role'), name: 'role', singleton: true})
      .append({label: gettext('Status'), name: 'status', singleton: true,
        options: bayStatus.statusOptions()});

    detailsPages.addTab(bayType, 'bayDetailsNodeGroups', gettext('Node Groups'),
      'node-groups/details/bay-tab.html');

    /**
     * @name properties
     * @description Labels (and display filters) of a node group's fields.
     * @returns {Object} The properties, by field name
     */
    function properties() {
      return {
        uuid: gettext('ID'),
        name: gettext('Name'),
        role: {label: gettext('Role'), filters: [nodeGroupsService.roleLabel]},
        status: {label: gettext('Status'), filters: [bayStatus.label]},
        status_reason: {label: gettext('Status Reason'), filters: ['noValue']},
        node_count: gettext('Nodes'),
        bounds: gettext('Min / Max'),
        min_node_count: gettext('Minimum Nodes'),
        max_node_count: {label: gettext('Maximum Nodes'), filters: ['noValue']},
        flavor_id: {label: gettext('Flavor'), filters: ['noValue']},
        image_id: {label: gettext('Image'), filters: ['noValue']},
        docker_volume_size: {label: gettext('Docker Volume Size (GB)'), filters: ['noValue']},
        is_default: {label: gettext('Default Group'), filters: ['yesno']},
        created_at: {label: gettext('Created'), filters: ['isoMediumDate']},
        updated_at: {label: gettext('Updated'), filters: ['isoMediumDate']}
      };
    }
  }
})();
