/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Admin → Container Infra → Services: the conductors and their heartbeat.
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.admin.services
   * @description
   * The Services panel: a table of the conductors that refreshes itself.
   * The list is not a resource type: it has no actions, and it must
   * refresh on a timer, which Horizon's resource table does not do.
   */
  angular
    .module('horizon.dashboard.container-infra.admin.services', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api',
      'horizon.dashboard.container-infra.common'
    ])
    // How often the panel asks for the conductors again, in milliseconds.
    .constant('horizon.dashboard.container-infra.admin.services.refreshInterval', 10000);
})();
