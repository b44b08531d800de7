/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Admin → Container Infra → Services: the conductors and their heartbeat.
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.admin.services
   * @description
   * Registers the OS::Magnum::Service resource type: the conductors the
   * service API knows (Magnum's `mservices`), read-only. The panel shows
   * them in a live table like every other table of this dashboard, so a
   * conductor that stops reporting turns Down by itself, and a failed
   * read says why the table is stale and is tried again later.
   */
  angular
    .module('horizon.dashboard.container-infra.admin.services', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api',
      'horizon.dashboard.container-infra.common'
    ])
    .constant('horizon.dashboard.container-infra.admin.services.resourceType',
      'OS::Magnum::Service')
    .run(registerServiceType);

  registerServiceType.$inject = [
    'horizon.dashboard.container-infra.common.resource-types.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.app.core.openstack-service-api.magnum-services',
    'horizon.dashboard.container-infra.admin.services.resourceType'
  ];

  // A Down conductor must stand out in a column of Up ones.
  var STATE_TEMPLATE =
    '<span class="label" ng-class="item.state === \'up\' ? \'label-success\' : \'label-danger\'">' +
    '<span class="fa" ng-class="item.state === \'up\' ? \'fa-check\' : \'fa-times\'"></span> ' +
    '{$ item.state_label $}</span>';

  function registerServiceType(resourceTypes, gettext, ngettext, servicesAPI, resourceType) {
    var states = {up: gettext('Up'), down: gettext('Down')};

    resourceTypes.define(resourceType, {
      names: [gettext('Service'), gettext('Services'), ngettext('Service', 'Services', 1)],
      properties: {
        id: gettext('ID'),
        host: gettext('Host'),
        binary: gettext('Binary'),
        state: gettext('State'),
        disabled_label: gettext('Disabled'),
        last_seen: {label: gettext('Last Seen'), filters: ['isoMediumDate']}
      },
      list: list,
      columns: [
        {id: 'host', priority: 1, sortDefault: true},
        {id: 'binary', priority: 1},
        {id: 'state', priority: 1, template: STATE_TEMPLATE},
        {id: 'disabled_label', priority: 1},
        {id: 'last_seen', priority: 1}
      ],
      facets: [
        {label: gettext('Host'), name: 'host', singleton: true},
        {label: gettext('State'), name: 'state', singleton: true,
          options: [{key: 'up', label: states.up}, {key: 'down', label: states.down}]}
      ]
    });

    /**
     * @name list
     * @param {Object=} params The table's: `quiet: true` lists without an
     *   error toast (the live table's polls)
     * @description
     * List function: every conductor, each with the labels of its state
     * and of whether it is disabled (with the reason), when it last
     * reported (or registered) as `last_seen`, and a `trackBy` key that
     * changes with each heartbeat.
     * @returns {Promise} Resolves with the response, whose data is {items: [...]}
     */
    function list(params) {
      return servicesAPI.getServices(Boolean(params && params.quiet)).then(function keys(response) {
        response.data.items.forEach(function prepare(service) {
          service.state_label = states[service.state] || service.state;
          service.disabled_label = disabledLabel(service);
          service.last_seen = service.updated_at || service.created_at || '';
          service.trackBy = [service.id, service.state, service.report_count,
            service.disabled_label, service.last_seen].join(':');
        });
        return response;
      });
    }

    function disabledLabel(service) {
      if (!service.disabled) {
        return gettext('No');
      }
      return service.disabled_reason
        ? interpolate(gettext('Yes: %s'), [service.disabled_reason])
        : gettext('Yes');
    }
  }
})();
