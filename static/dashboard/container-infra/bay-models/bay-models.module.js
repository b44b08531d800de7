/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Bay models (Magnum cluster templates): resource type registration.
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.bay-models
   * @description
   * Registers the OS::Magnum::BayModel resource type: its names, its
   * properties, how to list and load it, its table columns, its search
   * facets, its drawer and its details page. Its actions are registered
   * by the `actions` module; the page's controller is the `details`
   * module's.
   */
  angular
    .module('horizon.dashboard.container-infra.bay-models', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api',
      'horizon.dashboard.container-infra.common',
      'horizon.dashboard.container-infra.bay-models.actions',
      'horizon.dashboard.container-infra.bay-models.details'
    ])
    .constant('horizon.dashboard.container-infra.bay-models.resourceType',
      'OS::Magnum::BayModel')
    .run(registerBayModelType);

  registerBayModelType.$inject = [
    'horizon.dashboard.container-infra.common.resource-types.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.common.choices.service',
    'horizon.dashboard.container-infra.bay-models.service',
    'horizon.dashboard.container-infra.bay-models.resourceType'
  ];

  function registerBayModelType(resourceTypes, gettext, ngettext, choices, bayModelsService,
                                resourceType) {
    resourceTypes.define(resourceType, {
      names: ['Bay Model', 'Bay Models', ngettext('Bay Model', 'Bay Models', 1)],
      properties: properties(),
      list: bayModelsService.getBayModelsPromise,
      load: bayModelsService.getBayModelPromise,
      itemName: bayModelsService.itemName,
      drawer: 'bay-models/details/drawer.html',
      indexUrl: '/project/bay_models/',
      tabs: [{id: 'bayModelDetailsOverview', name: gettext('Overview'),
        template: 'bay-models/details/overview.html'}],
      columns: [
        {id: 'name', priority: 1, sortDefault: true},
        {id: 'coe', priority: 1},
        {id: 'image_id', priority: 2},
        {id: 'public', priority: 1},
        {id: 'hidden', priority: 2},
        {id: 'server_type', priority: 2},
        {id: 'created_at', priority: 2}
      ],
      facets: [
        {label: gettext('Name'), name: 'name', singleton: true},
        choices.coeFacet(gettext('COE')),
        {
          label: gettext('Public'),
          name: 'public',
          singleton: true,
          options: [
            {label: gettext('Yes'), key: 'true'},
            {label: gettext('No'), key: 'false'}
          ]
        }
      ]
    });

    /**
     * @name properties
     * @description Labels (and display filters) of a bay model's fields.
     * @returns {Object} The properties, by field name
     */
    function properties() {
      return {
        name: {label: gettext('Name'), filters: ['noName']},
        uuid: gettext('ID'),
        project_id: gettext('Project ID'),
        user_id: gettext('User ID'),
        coe: gettext('COE'),
        server_type: gettext('Server Type'),
        cluster_distro: {label: gettext('Operating System'), filters: ['noValue']},
        driver: {label: gettext('Driver'), filters: ['noValue']},
        image_id: {label: gettext('Image'), filters: ['noValue']},
        keypair_id: {label: gettext('Keypair'), filters: ['noValue']},
        tags: {label: gettext('Tags'), filters: ['noValue']},
        flavor_id: {label: gettext('Flavor'), filters: ['noValue']},
        master_flavor_id: {label: gettext('Master Flavor'), filters: ['noValue']},
        docker_volume_size: {label: gettext('Docker Volume Size (GB)'), filters: ['noValue']},
        docker_storage_driver: {label: gettext('Docker Storage Driver'), filters: ['noValue']},
        volume_driver: {label: gettext('Volume Driver'), filters: ['noValue']},
        network_driver: {label: gettext('Network Driver'), filters: ['noValue']},
        external_network_id: {label: gettext('External Network'), filters: ['noValue']},
        fixed_network: {label: gettext('Fixed Network'), filters: ['noValue']},
        fixed_subnet: {label: gettext('Fixed Subnet'), filters: ['noValue']},
        dns_nameserver: {label: gettext('DNS Nameserver'), filters: ['noValue']},
        apiserver_port: {label: gettext('API Server Port'), filters: ['noValue']},
        http_proxy: {label: gettext('HTTP Proxy'), filters: ['noValue']},
        https_proxy: {label: gettext('HTTPS Proxy'), filters: ['noValue']},
        no_proxy: {label: gettext('No Proxy'), filters: ['noValue']},
        insecure_registry: {label: gettext('Insecure Registry'), filters: ['noValue']},
        labels: gettext('Labels'),
        public: {label: gettext('Public'), filters: ['yesno']},
        hidden: {label: gettext('Hidden'), filters: ['yesno']},
        tls_disabled: {label: gettext('TLS Disabled'), filters: ['yesno']},
        registry_enabled: {label: gettext('Docker Registry'), filters: ['yesno']},
        master_lb_enabled: {label: gettext('Master Load Balancer'), filters: ['yesno']},
        floating_ip_enabled: {label: gettext('Floating IPs'), filters: ['yesno']},
        created_at: {label: gettext('Created'), filters: ['isoMediumDate']},
        updated_at: {label: gettext('Updated'), filters: ['isoMediumDate']}
      };
    }
  }
})();
