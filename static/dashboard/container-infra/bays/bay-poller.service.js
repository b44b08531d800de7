/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .factory('horizon.dashboard.container-infra.bays.poller', bayPollerService);

  bayPollerService.$inject = ['$timeout'];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.poller
   * @param {Function} $timeout
   * @description
   * Keeps a view up to date while Magnum works on a bay. A view creates
   * one poller, and tells it after every load whether something it shows
   * is still in progress; the poller then calls the view's `refresh` once,
   * `interval` milliseconds later. So there is at most one timer per view,
   * no request is sent while the previous one is pending (the next timer
   * starts when its data arrives), and polling ends by itself when nothing
   * is in progress, when a load fails (no data, no next timer) or when the
   * view's scope is destroyed. Example:
   *
   *     var poller = bayPoller.create($scope, load);
   *     function load() {
   *       return magnum.getBay(id).then(function (response) {
   *         ctrl.bay = response.data;
   *         poller.schedule(bayStatus.isInTransition(ctrl.bay));
   *       });
   *     }
   * @returns {Object} The service
   */
  function bayPollerService($timeout) {
    var service = {
      interval: 2000,
      create: create
    };

    return service;

    ///////////////

    /**
     * @name create
     * @param {Object} scope The view's scope: polling stops when it is destroyed
     * @param {Function} refresh Reloads the view's data (its result is ignored)
     * @description Builds a poller for one view.
     * @returns {Object} {schedule(busy), stop(), isScheduled()}
     */
    function create(scope, refresh) {
      var timer = null;
      var stopped = false;
      var poller = {
        schedule: schedule,
        stop: stop,
        isScheduled: isScheduled
      };

      scope.$on('$destroy', stop);

      return poller;

      /**
       * @name schedule
       * @param {boolean} busy Whether something shown is in progress
       * @param {number} [delay] Milliseconds until the refresh (default: interval)
       * @description
       * Busy: make sure one refresh is due (a second call while one is due
       * changes nothing). Not busy: cancel the one due, if any.
       * @returns {undefined} Returns nothing
       */
      function schedule(busy, delay) {
        if (!busy) {
          cancel();
        } else if (!stopped && !timer) {
          timer = $timeout(tick, delay || service.interval);
        }
      }

      /**
       * @name stop
       * @description Stops for good (the view is gone).
       * @returns {undefined} Returns nothing
       */
      function stop() {
        stopped = true;
        cancel();
      }

      function isScheduled() {
        return timer !== null;
      }

      function tick() {
        timer = null;
        refresh();
      }

      function cancel() {
        if (timer) {
          $timeout.cancel(timer);
          timer = null;
        }
      }
    }
  }
})();
