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
   * how to list it, its table columns and its search facets.
   */
  angular
    .module('horizon.dashboard.container-infra.bays', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api'
    ])
    .constant('horizon.dashboard.container-infra.bays.resourceType', 'OS::Magnum::Bay')
    .run(run);

  run.$inject = [
    'horizon.framework.conf.resource-type-registry.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.bays.service',
    'horizon.dashboard.container-infra.bays.status',
    'horizon.dashboard.container-infra.bays.resourceType'
  ];

  function run(registry, gettext, ngettext, baysService, bayStatus, resourceType) {
    var type = registry.getResourceType(resourceType);

    type
      .setNames('Bay', 'Bays', ngettext('Bay', 'Bays', 1))
      .setProperties(properties())
      .setListFunction(baysService.getBaysPromise)
      .setItemInTransitionFunction(bayStatus.isInTransition);

    type.tableColumns
      .append({id: 'name', priority: 1, sortDefault: true})
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
        status_reason: gettext('Status Reason'),
        health_status: {label: gettext('Health Status'), filters: [bayStatus.label]},
        health_status_reason: gettext('Health Status Reason'),
        cluster_template_id: gettext('Bay Model'),
        node_count: gettext('Nodes'),
        master_count: gettext('Masters'),
        keypair: gettext('Keypair'),
        create_timeout: gettext('Creation Timeout (minutes)'),
        discovery_url: gettext('Discovery URL'),
        api_address: gettext('API Address'),
        coe_version: gettext('COE Version'),
        stack_id: gettext('Stack ID'),
        created_at: {label: gettext('Created'), filters: ['mediumDate']},
        updated_at: {label: gettext('Updated'), filters: ['mediumDate']}
      };
    }
  }
})();
