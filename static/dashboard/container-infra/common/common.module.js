/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Pieces shared by the feature folders of the Container Infra dashboard.
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.common
   * @description
   * What bay models, bays, workloads and the admin panels all use: the
   * allowed() builder, the dialog and delete action factories, the poller
   * and the live table, the choices (COEs, drivers), the model cleaner and
   * the labels parser.
   */
  angular
    .module('horizon.dashboard.container-infra.common', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api',
      // Horizon's forms (its app loads it): the steps layout is added to it.
      'schemaForm'
    ])
    .config(config)
    .constant('horizon.dashboard.container-infra.common.events', {
      // Broadcast on $rootScope with (resourceType, items, busy) by a live
      // list function (live-table.service.js) each time it listed.
      LISTED: 'horizon.dashboard.container-infra.common.LISTED',
      // Broadcast on $rootScope with (resourceType, response) when it failed.
      LIST_FAILED: 'horizon.dashboard.container-infra.common.LIST_FAILED',
      // Broadcast on $rootScope with (resourceType, id) when an item changed
      // outside the table's reach (a deletion the service accepted): the
      // live table of that type lists again to follow it.
      CHANGED: 'horizon.dashboard.container-infra.common.CHANGED'
    });

  config.$inject = ['$provide', '$windowProvider'];

  /**
   * @name config
   * @param {Object} $provide
   * @param {Object} $windowProvider
   * @description
   * Defines `basePath`: where this dashboard's templates are served from
   * (Django's STATIC_URL, which the page sets), for every feature folder.
   * @returns {undefined} Returns nothing
   */
  function config($provide, $windowProvider) {
    $provide.constant('horizon.dashboard.container-infra.common.basePath',
      $windowProvider.$get().STATIC_URL + 'dashboard/container-infra/');
  }
})();
