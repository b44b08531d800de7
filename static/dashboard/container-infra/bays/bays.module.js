/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Bays (Magnum clusters): resource type registration.
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.bays
   * @description
   * Registers the OS::Magnum::Bay resource type: its names, its properties,
   * how to list and load it, its table columns, search facets, drawer and
   * the tabs of its details page. Its actions are registered by the
   * `actions` module; the tabs' controllers are the `details` module's.
   */
  angular
    .module('horizon.dashboard.container-infra.bays', [
      'ngRoute',
      'horizon.framework',
      'horizon.app.core.openstack-service-api',
      'horizon.dashboard.container-infra.common',
      'horizon.dashboard.container-infra.bays.actions',
      'horizon.dashboard.container-infra.bays.details'
    ])
    .constant('horizon.dashboard.container-infra.bays.resourceType', 'OS::Magnum::Bay')
    .run(registerBayType);

  registerBayType.$inject = [
    'horizon.dashboard.container-infra.common.resource-types.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.common.choices.service',
    'horizon.dashboard.container-infra.bays.service',
    'horizon.dashboard.container-infra.bays.status',
    'horizon.dashboard.container-infra.bays.resourceType'
  ];

  // An Unhealthy bay must stand out in a column of Healthy ones; the title says what is wrong.
  var HEALTH_TEMPLATE =
    '<span ng-if="item.health" class="label" ng-class="item.health.cls" ' +
    'title="{$ item.health.note $}">{$ item.health.label $}</span>' +
    '<span ng-if="!item.health">-</span>';

  function registerBayType(resourceTypes, gettext, ngettext, choices, baysService, bayStatus,
                           resourceType) {
    // No setItemInTransitionFunction on the type: Horizon's table would then
    // start its own re-list timer, next to the live table's poller. The
    // status column still shows the in-transition bar.
    resourceTypes.define(resourceType, {
      names: ['Bay', 'Bays', ngettext('Bay', 'Bays', 1)],
      properties: properties(),
      list: function listBays(params) {
        return baysService.getBaysPromise(params).then(bayStatus.withHealth);
      },
      busy: bayStatus.isInTransition,
      load: baysService.getBayPromise,
      indexUrl: '/project/bays/',
      drawer: 'bays/details/drawer.html',
      tabs: [
        {id: 'bayDetailsOverview', name: gettext('Overview'),
          template: 'bays/details/overview.html'},
        {id: 'bayDetailsProgress', name: gettext('Progress'),
          template: 'bays/details/progress.html'}
      ],
      columns: [
        {id: 'name', priority: 1, sortDefault: true},
        {id: 'status', priority: 1, itemInTransitionFunction: bayStatus.isInTransition},
        {id: 'health_status', priority: 2, template: HEALTH_TEMPLATE},
        {id: 'coe', priority: 2},
        {id: 'node_count', priority: 2},
        {id: 'master_count', priority: 2},
        {id: 'bay_model_name', priority: 2},
        {id: 'created_at', priority: 2}
      ],
      facets: [
        {label: gettext('Name'), name: 'name', singleton: true},
        {label: gettext('Status'), name: 'status', singleton: true,
          options: bayStatus.statusOptions()},
        {label: gettext('Health Status'), name: 'health_status', singleton: true,
          options: bayStatus.healthOptions()},
        choices.coeFacet(gettext('COE'))
      ]
    });

    /**
     * @name properties
     * @description Labels (and display filters) of a bay's fields.
     * @returns {Object} The properties, by field name
     */
    function properties() {
      return {
        uuid: gettext('ID'),
        name: gettext('Name'),
        status: {label: gettext('Status'), filters: [bayStatus.label]},
        status_reason: {label: gettext('Status Reason'), filters: ['noValue']},
        health_status: {
          label: gettext('Health Status'),
          filters: [bayStatus.label, 'noValue']
        },
        health_status_reason: gettext('Health Status Reason'),
        cluster_template_id: gettext('Bay Model ID'),
        bay_model_name: {label: gettext('Bay Model'), filters: ['noValue']},
        coe: {label: gettext('COE'), filters: ['noValue']},
        node_count: gettext('Worker Nodes'),
        master_count: gettext('Masters'),
        keypair: {label: gettext('Keypair'), filters: ['noValue']},
        create_timeout: gettext('Timeout (minutes)'),
        discovery_url: {label: gettext('Discovery URL'), filters: ['noValue']},
        api_address: {label: gettext('API Address'), filters: ['noValue']},
        master_addresses: gettext('Master Addresses'),
        node_addresses: gettext('Node Addresses'),
        coe_version: {label: gettext('COE Version'), filters: ['noValue']},
        container_version: {label: gettext('Container Version'), filters: ['noValue']},
        docker_volume_size: {label: gettext('Docker Volume Size (GB)'), filters: ['noValue']},
        flavor_id: {label: gettext('Flavor'), filters: ['noValue']},
        master_flavor_id: {label: gettext('Master Flavor'), filters: ['noValue']},
        stack_id: {label: gettext('Stack ID'), filters: ['noValue']},
        project_id: gettext('Project ID'),
        created_at: {label: gettext('Created'), filters: ['isoMediumDate']},
        updated_at: {label: gettext('Updated'), filters: ['isoMediumDate']}
      };
    }
  }
})();
