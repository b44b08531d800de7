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
   * details views. Its actions are registered in actions/actions.run.js.
   */
  angular
    .module('horizon.dashboard.container-infra.bays', [
      'ngRoute',
      'horizon.framework',
      'horizon.app.core.openstack-service-api',
      'horizon.dashboard.container-infra.common'
    ])
    .constant('horizon.dashboard.container-infra.bays.resourceType', 'OS::Magnum::Bay')
    .constant('horizon.dashboard.container-infra.bays.events', {
      // Broadcast on $rootScope with the bays each time the list is loaded.
      LISTED: 'horizon.dashboard.container-infra.bays.LISTED',
      // Broadcast on $rootScope with the failed response when listing fails.
      LIST_FAILED: 'horizon.dashboard.container-infra.bays.LIST_FAILED',
      // Broadcast on $rootScope with a bay's id once the service accepted its deletion.
      DELETED: 'horizon.dashboard.container-infra.bays.DELETED'
    })
    .config(config)
    .run(run);

  config.$inject = ['$provide', '$windowProvider'];

  /**
   * @name config
   * @param {Object} $provide
   * @param {Object} $windowProvider
   * @description Where the templates of this folder are served from.
   * @returns {undefined} Returns nothing
   */
  function config($provide, $windowProvider) {
    var path = $windowProvider.$get().STATIC_URL + 'dashboard/container-infra/bays/';
    $provide.constant('horizon.dashboard.container-infra.bays.basePath', path);
  }

  run.$inject = [
    'horizon.framework.conf.resource-type-registry.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.bays.basePath',
    'horizon.dashboard.container-infra.bays.service',
    'horizon.dashboard.container-infra.bays.status',
    'horizon.dashboard.container-infra.bays.resourceType'
  ];

  function run(registry, gettext, ngettext, basePath, baysService, bayStatus, resourceType) {
    var type = registry.getResourceType(resourceType);

    // No setItemInTransitionFunction on the type: Horizon's table would then
    // start its own re-list timer, next to the panel's bay poller. The status
    // column still shows the in-transition bar.
    type
      .setNames('Bay', 'Bays', ngettext('Bay', 'Bays', 1))
      .setProperties(properties())
      .setListFunction(baysService.getBaysPromise)
      .setLoadFunction(baysService.getBayPromise)
      .setDefaultIndexUrl('/project/bays/')
      .setSummaryTemplateUrl(basePath + 'details/drawer.html');

    type.tableColumns
      .append({
        id: 'name',
        priority: 1,
        sortDefault: true,
        urlFunction: baysService.getDetailsPath
      })
      .append({
        id: 'status',
        priority: 1,
        itemInTransitionFunction: bayStatus.isInTransition
      })
      .append({id: 'health_status', priority: 2})
      .append({id: 'coe', priority: 2})
      .append({id: 'node_count', priority: 2})
      .append({id: 'master_count', priority: 2})
      .append({id: 'bay_model_name', priority: 2})
      .append({id: 'created_at', priority: 2});

    type.filterFacets
      .append({
        label: gettext('Name'),
        name: 'name',
        singleton: true
      })
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
      })
      .append({
        label: gettext('COE'),
        name: 'coe',
        singleton: true,
        options: [
          {label: gettext('Kubernetes'), key: 'kubernetes'},
          {label: gettext('Docker Swarm'), key: 'swarm'},
          {label: gettext('Docker Swarm Mode'), key: 'swarm-mode'},
          {label: gettext('Mesos'), key: 'mesos'},
          {label: gettext('DC/OS'), key: 'dcos'}
        ]
      });

    type.detailsViews
      .append({
        id: 'bayDetailsOverview',
        name: gettext('Overview'),
        template: basePath + 'details/overview.html'
      })
      .append({
        id: 'bayDetailsProgress',
        name: gettext('Progress'),
        template: basePath + 'details/progress.html'
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
