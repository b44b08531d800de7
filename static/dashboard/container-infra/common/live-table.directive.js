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
   * interval, otherwise every `IDLE_MS`, so rows made, changed or deleted
   * elsewhere (the CLI, a colleague) show up by themselves; an unchanged
   * list costs a 304 (the REST layer's `revalidated`), and a hidden tab
   * costs nothing. It also lists once more when one of its items changed
   * here (events.CHANGED). Those polls are background reads: one that
   * fails toasts nothing; it is tried again later and later while a note
   * says why the table is stale. `on-change` is evaluated when the listed items change (not on
   * the first listing, nor on one that changes nothing):
   *
   *     <magnum-live-table resource-type-name="OS::Magnum::Bay"
   *                        on-change="panel.loadStats()"></magnum-live-table>
   *
   * The table re-lists when its list-function-extra-params becomes a new
   * object; they are undefined at first, so the first listing is the
   * table's own. A table whose list function needs more (the bay of a
   * node group table) gives `list-params`: every listing gets them, and
   * the first one already does (Horizon's table lists twice at first
   * then, which the live list function answers with one request):
   *
   *     <magnum-live-table resource-type-name="OS::Magnum::NodeGroup"
   *                        list-params="tab.listParams"></magnum-live-table>
   *
   * The first listing brings the table's first page only, shown while
   * the whole list is read just after it (see the live list function).
   * A table page may have drawn that page before the scripts ran
   * (`.magnum-first-page`, templates/container_infra/table_page.html):
   * the table removes that drawing once it has drawn its own rows, or
   * failed to list.
   *
   * Rows are tracked by `trackBy`.
   * @returns {Object} The directive
   */
  function magnumLiveTable(basePath) {
    return {
      restrict: 'E',
      scope: {},
      bindToController: {resourceTypeName: '@', onChange: '&', listParams: '<?'},
      controller: LiveTableController,
      controllerAs: 'table',
      templateUrl: basePath + 'common/live-table.html'
    };
  }

  LiveTableController.$inject = [
    '$document',
    '$scope',
    'horizon.dashboard.container-infra.common.events',
    'horizon.dashboard.container-infra.common.poller'
  ];

  // Between two listings while nothing listed is in progress.
  var IDLE_MS = 10000;

  function LiveTableController($document, $scope, events, pollerService) {
    var table = this;
    var poller = pollerService.create($scope, poll, {idle: IDLE_MS});
    var listed = null;
    var polls = 0;

    table.params = undefined;
    table.note = '';
    table.$onInit = init;

    $scope.$on(events.LISTED, onListed);
    $scope.$on(events.LIST_FAILED, onListFailed);
    $scope.$on(events.CHANGED, onChanged);

    ///////////////

    // Bindings are there from $onInit on, before the resource table is made.
    function init() {
      if (table.listParams) {
        table.params = angular.extend({}, table.listParams);
      }
    }

    function poll() {
      relist(true);
    }

    function relist(quiet) {
      polls += 1;
      table.params = angular.extend({}, table.listParams, {poll: polls, quiet: quiet});
    }

    function onListed(event, resourceType, items, busy, more) {
      var signature;
      if (resourceType !== table.resourceTypeName) {
        return;
      }
      takeOver();
      if (more) {
        // The first page is on screen: the rest at once.
        relist(true);
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
        takeOver();
        table.note = pollerService.failureNote(response);
        poller.retry();
      }
    }

    // The table draws its rows in the digest that tells this, in the same
    // task: the browser paints either the page's drawing or the table's.
    function takeOver() {
      angular.element($document[0].querySelectorAll('.magnum-first-page')).remove();
    }

    // The table dropped a deleted row; listing again shows the deletion going on.
    function onChanged(event, resourceType) {
      if (resourceType === table.resourceTypeName) {
        relist(poller.quiet());
      }
    }
  }
})();
