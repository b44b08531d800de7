/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * The Admin → Container Infra panels: every project's bays, the quotas and
 * the conductor services.
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.admin
   * @description
   * Gathers the modules of the admin panels.
   */
  angular
    .module('horizon.dashboard.container-infra.admin', [
      'horizon.dashboard.container-infra.admin.bays',
      'horizon.dashboard.container-infra.admin.quotas',
      'horizon.dashboard.container-infra.admin.services'
    ]);
})();
