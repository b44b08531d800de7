/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Root module of the Container Infra dashboard: it gathers the feature
 * modules and maps the Horizon panel URLs to their Angular templates.
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra
   * @description
   * Container Infra dashboard: bay models, bays and their node groups of OpenStack Magnum.
   */
  angular
    .module('horizon.dashboard.container-infra', [
      'ngRoute',
      'horizon.dashboard.container-infra.common',
      'horizon.dashboard.container-infra.bay-models',
      'horizon.dashboard.container-infra.bays',
      'horizon.dashboard.container-infra.node-groups',
      'horizon.dashboard.container-infra.workloads',
      'horizon.dashboard.container-infra.admin'
    ])
    .config(config);

  config.$inject = ['$routeProvider', 'horizon.dashboard.container-infra.common.basePath'];

  /**
   * @name config
   * @param {Object} $routeProvider
   * @param {string} basePath Where this dashboard's templates are (common module)
   * @description The routes of its panels to their templates.
   * @returns {undefined} Returns nothing
   */
  function config($routeProvider, basePath) {
    // Horizon serves its pages with <base href="WEBROOT">, so Angular routes
    // are relative to WEBROOT and must not repeat it.
    $routeProvider
      .when('/project/bay_models/', {
        templateUrl: basePath + 'bay-models/panel.html'
      })
      .when('/project/bays/', {
        templateUrl: basePath + 'bays/panel.html'
      })
      .when('/project/workloads/', {
        templateUrl: basePath + 'workloads/panel.html',
        // The panel keeps the chosen bay in ?bay=: no reload when it changes.
        reloadOnSearch: false
      })
      .when('/admin/container_infra/bays/', {
        templateUrl: basePath + 'admin/bays/panel.html'
      })
      .when('/admin/container_infra/quotas/', {
        templateUrl: basePath + 'admin/quotas/panel.html'
      })
      .when('/admin/container_infra/services/', {
        templateUrl: basePath + 'admin/services/panel.html'
      });
  }
})();
