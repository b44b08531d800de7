/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .directive('magnumLiveTable', magnumLiveTable);

  magnumLiveTable.$inject = ['horizon.dashboard.container-infra.common.basePath'];

  /**
   * @ngdoc directive
   * @name magnumLiveTable
   * @param {string} basePath Where this dashboard's templates are
   * @description
   * Horizon's resource table of a type whose list function is live (see
   * live-table.service.js), kept up to date by the common poller: while a
   * listed item is in progress the table lists again every poller
   * interval, and once more when one of its items changed elsewhere
   * (events.CHANGED). A failed listing is tried again later and later,
   * without a toast after the first, while a note says why the table is
   * stale. `on-change` is evaluated when the listed items change (not on
   * the first listing, nor on one that changes nothing):
   *
   *     <magnum-live-table resource-type-name="OS::Magnum::Bay"
   *                        on-change="panel.loadStats()"></magnum-live-table>
   *
   * The table re-lists when its list-function-extra-params becomes a new
   * object; they are undefined at first, so the first listing is the
   * table's own. Rows are tracked by `trackBy`.
   * @returns {Object} The directive
   */
  function magnumLiveTable(basePath) {
    return {
      restrict: 'E',
      scope: {},
      bindToController: {resourceTypeName: '@', onChange: '&'},
      controller: LiveTableController,
      controllerAs: 'table',
      templateUrl: basePath + 'common/live-table.html'
    };
  }

  LiveTableController.$inject = [
    '$scope',
    'horizon.dashboard.container-infra.common.events',
    'horizon.dashboard.container-infra.common.poller'
  ];

  function LiveTableController($scope, events, pollerService) {
    var table = this;
    var poller = pollerService.create($scope, relist);
    var listed = null;
    var polls = 0;

    table.params = undefined;
    table.note = '';

    $scope.$on(events.LISTED, onListed);
    $scope.$on(events.LIST_FAILED, onListFailed);
    $scope.$on(events.CHANGED, onChanged);

    ///////////////

    function relist() {
      polls += 1;
      table.params = {poll: polls, quiet: poller.quiet()};
    }

    function onListed(event, resourceType, items, busy) {
      var signature;
      if (resourceType !== table.resourceTypeName) {
        return;
      }
      signature = items.map(function key(item) {
        return item.trackBy;
      }).sort().join(',');
      table.note = '';
      poller.schedule(busy);
      if (listed !== null && signature !== listed) {
        table.onChange();
      }
      listed = signature;
    }

    function onListFailed(event, resourceType, response) {
      if (resourceType === table.resourceTypeName) {
        table.note = pollerService.failureNote(response);
        poller.retry();
      }
    }

    // The table dropped a deleted row; listing again shows the deletion going on.
    function onChanged(event, resourceType) {
      if (resourceType === table.resourceTypeName) {
        relist();
      }
    }
  }
})();
