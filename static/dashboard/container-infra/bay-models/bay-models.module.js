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
   * properties, how to list it, its table columns and its search facets.
   */
  angular
    .module('horizon.dashboard.container-infra.bay-models', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api'
    ])
    .constant('horizon.dashboard.container-infra.bay-models.resourceType',
      'OS::Magnum::BayModel')
    .run(run);

  run.$inject = [
    'horizon.framework.conf.resource-type-registry.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.bay-models.service',
    'horizon.dashboard.container-infra.bay-models.resourceType'
  ];

  function run(registry, gettext, ngettext, bayModelsService, resourceType) {
    var type = registry.getResourceType(resourceType);

    type
      .setNames('Bay Model', 'Bay Models', ngettext('Bay Model', 'Bay Models', 1))
      .setProperties(properties())
      .setListFunction(bayModelsService.getBayModelsPromise);

    type.tableColumns
      .append({id: 'name', priority: 1, sortDefault: true})
      .append({id: 'coe', priority: 1})
      .append({id: 'public', priority: 2})
      .append({id: 'created_at', priority: 2});

    type.filterFacets
      .append({
        label: gettext('Name'),
        name: 'name',
        singleton: true
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

    /**
     * @name properties
     * @description Labels (and display filters) of a bay model's fields.
     * @returns {Object} The properties, by field name
     */
    function properties() {
      return {
        name: gettext('Name'),
        uuid: gettext('ID'),
        coe: gettext('COE'),
        image_id: gettext('Image'),
        keypair_id: gettext('Keypair'),
        flavor_id: gettext('Flavor'),
        master_flavor_id: gettext('Master Flavor'),
        network_driver: gettext('Network Driver'),
        volume_driver: gettext('Volume Driver'),
        docker_volume_size: gettext('Docker Volume Size (GB)'),
        docker_storage_driver: gettext('Docker Storage Driver'),
        external_network_id: gettext('External Network'),
        fixed_network: gettext('Fixed Network'),
        fixed_subnet: gettext('Fixed Subnet'),
        dns_nameserver: gettext('DNS Nameserver'),
        server_type: gettext('Server Type'),
        labels: gettext('Labels'),
        public: {label: gettext('Public'), filters: ['yesno']},
        hidden: {label: gettext('Hidden'), filters: ['yesno']},
        tls_disabled: {label: gettext('TLS Disabled'), filters: ['yesno']},
        registry_enabled: {label: gettext('Registry Enabled'), filters: ['yesno']},
        master_lb_enabled: {label: gettext('Master LB Enabled'), filters: ['yesno']},
        floating_ip_enabled: {label: gettext('Floating IP Enabled'), filters: ['yesno']},
        created_at: {label: gettext('Created'), filters: ['mediumDate']},
        updated_at: {label: gettext('Updated'), filters: ['mediumDate']}
      };
    }
  }
})();
