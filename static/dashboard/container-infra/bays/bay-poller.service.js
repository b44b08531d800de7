/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .factory('horizon.dashboard.container-infra.bays.poller', bayPollerService);

  bayPollerService.$inject = [
    '$timeout',
    'horizon.app.core.openstack-service-api.magnum-error-reason',
    'horizon.framework.util.i18n.gettext'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.poller
   * @param {Function} $timeout
   * @param {Function} errorReason Reads the reason of a failed response
   * @param {Function} gettext
   * @description
   * Keeps a view up to date while Magnum works on a bay. A view creates
   * one poller, and tells it after every load whether something it shows
   * is still in progress; the poller then calls the view's `refresh` once,
   * `interval` milliseconds later. So there is at most one timer per view,
   * no request is sent while the previous one is pending (the next timer
   * starts when its data arrives), and polling ends by itself when nothing
   * is in progress or when the view's scope is destroyed. A view whose
   * load failed calls `retry()`: the next try comes later and later (2 s,
   * 4, 8, ... at most `maxDelay`) until a load succeeds and calls
   * `schedule` again; `failures()` tells how many loads failed in a row
   * (a view toasts the first only). Example:
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
  function bayPollerService($timeout, errorReason, gettext) {
    var service = {
      interval: 2000,
      maxDelay: 30000,
      create: create,
      failureNote: failureNote
    };

    return service;

    ///////////////

    /**
     * @name failureNote
     * @param {Object} response The failed HTTP response
     * @description The line a view shows while its refreshes fail.
     * @returns {string} "Could not refresh: <the server's reason>; retrying."
     */
    function failureNote(response) {
      return interpolate(gettext('Could not refresh: %(reason)s; retrying.'),
        {reason: errorReason(response).replace(/\.\s*$/, '')}, true);
    }

    /**
     * @name create
     * @param {Object} scope The view's scope: polling stops when it is destroyed
     * @param {Function} refresh Reloads the view's data (its result is ignored)
     * @description Builds a poller for one view.
     * @returns {Object} {schedule(busy), retry(), failures(), stop(), isScheduled()}
     */
    function create(scope, refresh) {
      var timer = null;
      var stopped = false;
      var failed = 0;
      var poller = {
        schedule: schedule,
        retry: retry,
        failures: failures,
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
        failed = 0;
        if (!busy) {
          cancel();
        } else if (!stopped && !timer) {
          timer = $timeout(tick, delay || service.interval);
        }
      }

      /**
       * @name retry
       * @description
       * A load failed: try again after a delay that doubles with each
       * failure in a row, from `interval` up to `maxDelay`.
       * @returns {number} The failures in a row, this one included
       */
      function retry() {
        var delay = Math.min(service.maxDelay, service.interval * Math.pow(2, failed));
        failed += 1;
        if (!stopped && !timer) {
          timer = $timeout(tick, delay);
        }
        return failed;
      }

      function failures() {
        return failed;
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
