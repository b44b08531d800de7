/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .factory('horizon.dashboard.container-infra.common.live-table.service', liveTableService);

  liveTableService.$inject = [
    '$q',
    '$rootScope',
    '$timeout',
    '$window',
    'horizon.framework.conf.resource-type-registry.service',
    'horizon.framework.conf.tableOptions',
    'horizon.dashboard.container-infra.common.events'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.common.live-table.service
   * @param {Object} $q
   * @param {Object} $rootScope
   * @param {Function} $timeout
   * @param {Object} $window
   * @param {Object} registry Horizon's resource types (a table's default order)
   * @param {Object} tableOptions Horizon's table options (the page size)
   * @param {Object} events The common events
   * @description
   * The list side of a live table (the magnumLiveTable directive is the
   * other): the list function a resource type registers tells the table
   * what it listed and whether an item is in progress. Example:
   *
   *     type.setListFunction(liveTable.listFunction(resourceType,
   *       baysService.getBaysPromise, bayStatus.isInTransition));
   * @returns {Object} The service
   */
  // The most items the REST API lists at once (?limit=).
  var MOST = 1000;

  function liveTableService($q, $rootScope, $timeout, $window, registry, tableOptions,
    events) {
    var service = {
      listFunction: listFunction
    };

    return service;

    ///////////////

    /**
     * @name listFunction
     * @param {string} resourceType The type whose table lists
     * @param {Function} list params → promise of a response whose data is
     *   {items, more}; `params.quiet` asks it to toast no failure;
     *   `params.page`, when given, is the query of the first items only
     *   ({limit, sort_key, sort_dir}: the table's page in its first order),
     *   and `more` says whether there are others (a list that cannot page
     *   ignores it and gives every item)
     * @param {Function} [isBusy] item → whether it is in progress (without
     *   it, nothing listed ever is: the table lists again at the idle pace)
     * @description
     * Wraps `list`: broadcasts events.LISTED (resourceType, items, busy,
     * more) or events.LIST_FAILED (resourceType, response). The table's
     * first listing (before any poll) asks for one page, the one it shows
     * first, so its rows are there before the whole list has come; the
     * live table then lists everything at once (see magnumLiveTable). A
     * listing asked again with the same parameters in the same turn
     * shares the first (a table with list parameters asks twice as it
     * starts); one asked in a later turn (after an action) reads afresh.
     * @returns {Function} The list function to register
     */
    function listFunction(resourceType, list, isBusy) {
      var asked = {};

      return function liveList(params) {
        var given = firstPage(resourceType, params || {});
        var key = angular.toJson(given);
        if (!asked[key]) {
          asked[key] = list(given).then(function listed(response) {
            var items = response.data.items;
            var busy = Boolean(isBusy) && items.some(isBusy);
            $rootScope.$broadcast(events.LISTED, resourceType, items, busy,
              response.data.more === true);
            return response;
          }, function failed(response) {
            $rootScope.$broadcast(events.LIST_FAILED, resourceType, response);
            return $q.reject(response);
          });
          $timeout(function forget() { delete asked[key]; }, 0, false);
        }
        return asked[key];
      };
    }

    // The live table's polls have a count; the table's own first listing has
    // none. Its first page is the one it shows first: in the order its
    // table sorts by at first (the column with sortDefault: true, or
    // 'reverse' for descending).
    function firstPage(resourceType, params) {
      var page;
      if (angular.isDefined(params.poll)) {
        return params;
      }
      page = {limit: pageSize()};
      registry.getResourceType(resourceType).tableColumns.forEach(function order(column) {
        if (column.sortDefault) {
          page.sort_key = column.id;
          if (column.sortDefault === 'reverse') {
            page.sort_dir = 'desc';
          }
        }
      });
      return angular.extend({page: page}, params);
    }

    // As Horizon's table footer pages: the user's setting (a cookie Horizon's
    // app reads through horizon.cookies), else the default; at most what the
    // REST API gives at once. The table page's head reads the same
    // (magnum_ui/dashboard/content/table_page.py).
    function pageSize() {
      var cookies = $window.horizon && $window.horizon.cookies;
      var chosen = String(cookies ? cookies.get('API_RESULT_PAGE_SIZE') : '');
      return /^[1-9][0-9]*$/.test(chosen) ? Math.min(Number(chosen), MOST) : tableOptions.pageSize;
    }
  }
})();
