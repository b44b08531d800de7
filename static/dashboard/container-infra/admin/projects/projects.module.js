/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Project names for the admin panels, which list objects of every project.
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.admin.projects
   * @description
   * Looks up the names of Keystone projects.
   */
  angular
    .module('horizon.dashboard.container-infra.admin.projects', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api'
    ]);
})();
