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
    .run(registerNodeGroupType);

  registerNodeGroupType.$inject = [
    'horizon.dashboard.container-infra.common.resource-types.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.common.details-pages.service',
    'horizon.dashboard.container-infra.bays.resourceType',
    'horizon.dashboard.container-infra.bays.status',
    'horizon.dashboard.container-infra.node-groups.service',
    'horizon.dashboard.container-infra.node-groups.resourceType'
  ];

  function registerNodeGroupType(resourceTypes, gettext, ngettext, detailsPages, bayType,
                                 bayStatus, nodeGroupsService, resourceType) {
    // As for bays: no setItemInTransitionFunction, the live table polls.
    resourceTypes.define(resourceType, {
      names: ['Node Group', 'Node Groups', ngettext('Node Group', 'Node Groups', 1)],
      properties: properties(),
      list: nodeGroupsService.getNodeGroupsPromise,
      busy: nodeGroupsService.isBusy,
      drawer: 'node-groups/details/drawer.html',
      columns: [
        {id: 'name', priority: 1, sortDefault: true},
        {id: 'role', priority: 1},
        {
          id: 'status',
          priority: 1,
          // The label, a bar while in progress, the reason once failed.
          template: '<magnum-node-group-status group="item"></magnum-node-group-status>'
        },
        {id: 'node_count', priority: 1},
        {id: 'bounds', priority: 2},
        {id: 'flavor_id', priority: 2}
      ],
      facets: [
        {label: gettext('Name'), name: 'name', singleton: true},
        {label: gettext('Role'), name: 'role', singleton: true},
        {label: gettext('Status'), name: 'status', singleton: true,
          options: bayStatus.statusOptions()}
      ]
    });

    // Not a details page of its own: a tab of the bay's.
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
