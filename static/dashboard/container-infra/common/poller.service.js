/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .factory('horizon.dashboard.container-infra.common.poller', pollerService);

  pollerService.$inject = [
    '$document',
    '$timeout',
    'horizon.app.core.openstack-service-api.magnum-error-reason',
    'horizon.framework.util.i18n.gettext'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.common.poller
   * @param {Object} $document
   * @param {Function} $timeout
   * @param {Function} errorReason Reads the reason of a failed response
   * @param {Function} gettext
   * @description
   * The one refresh mechanism of this dashboard's views: tables, details,
   * the workloads and their logs, the conductors. A view creates one
   * poller and tells it after every load whether something it shows is
   * still in progress; the poller then calls the view's `refresh` once,
   * later: `interval` ms while busy, `options.idle` ms while idle (none:
   * it waits to be told again). So there is at most one timer per view,
   * no request is sent while the previous one is pending (the next timer
   * starts when its data arrives), and polling ends with the view's scope.
   * While the browser tab is hidden nothing is read; the refresh due comes
   * as soon as the tab shows again (and a view that is not on screen,
   * `options.shown()` false, is asked again an interval later). A view
   * whose load failed calls `retry()`: the next try comes later and later
   * (2 s, 4, 8, ... at most `maxDelay`) until a load succeeds and calls
   * `schedule` again; meanwhile `quiet()` is true: those background reads
   * toast nothing (the first failure did). Example:
   *
   *     var poller = pollerService.create($scope, load);
   *     function load() {
   *       return baysAPI.getBay(id, poller.quiet()).then(function (response) {
   *         ctrl.bay = response.data;
   *         poller.schedule(bayStatus.isInTransition(ctrl.bay));
   *       }, poller.retry);
   *     }
   * @returns {Object} The service
   */
  function pollerService($document, $timeout, errorReason, gettext) {
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
     * @param {Object} [options] {idle: ms between refreshes while nothing
     *   is in progress, shown: () → whether the view is on screen}
     * @description Builds a poller for one view.
     * @returns {Object} {schedule(busy[, delay]), retry(), failures(), quiet(),
     *   cancel(), stop(), isScheduled()}
     */
    function create(scope, refresh, options) {
      var given = options || {};
      var timer = null;
      var waiting = false;
      var stopped = false;
      var failed = 0;
      var poller = {
        schedule: schedule,
        retry: retry,
        failures: failures,
        quiet: quiet,
        cancel: cancel,
        stop: stop,
        isScheduled: isScheduled
      };

      scope.$on('$destroy', stop);

      return poller;

      /**
       * @name schedule
       * @param {boolean} busy Whether something shown is in progress
       * @param {number} [delay] Milliseconds until the refresh (default:
       *   interval when busy, options.idle when not)
       * @description
       * Makes sure one refresh is due (a second call while one is due
       * changes nothing); idle without options.idle, cancels the one due.
       * A load that calls it succeeded: the failures are forgotten.
       * @returns {undefined} Returns nothing
       */
      function schedule(busy, delay) {
        var wait = delay || (busy ? service.interval : given.idle);
        failed = 0;
        if (!wait) {
          cancel();
        } else {
          due(wait);
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
        due(Math.min(service.maxDelay, service.interval * Math.pow(2, failed)));
        failed += 1;
        return failed;
      }

      function failures() {
        return failed;
      }

      /**
       * @name quiet
       * @description Whether the next read should toast nothing.
       * @returns {boolean} True after a failure, until a load succeeds
       */
      function quiet() {
        return failed > 0;
      }

      /**
       * @name cancel
       * @description Drops the refresh due, if any (a view reading now).
       * @returns {undefined} Returns nothing
       */
      function cancel() {
        if (timer) {
          $timeout.cancel(timer);
          timer = null;
        }
        listen(false);
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
        return timer !== null || waiting;
      }

      function due(wait) {
        if (!stopped && !isScheduled()) {
          timer = $timeout(function tick() {
            timer = null;
            if ($document[0].visibilityState === 'hidden') {
              listen(true);
            } else if (given.shown && !given.shown()) {
              due(wait);
            } else {
              refresh();
            }
          }, wait);
        }
      }

      // The refresh that came due while the tab was hidden runs once it shows.
      function listen(on) {
        waiting = on;
        $document[on ? 'on' : 'off']('visibilitychange', onVisibility);
      }

      function onVisibility() {
        if ($document[0].visibilityState !== 'hidden') {
          listen(false);
          scope.$apply(refresh);
        }
      }
    }
  }
})();
