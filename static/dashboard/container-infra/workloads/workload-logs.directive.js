/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .directive('magnumWorkloadLogs', magnumWorkloadLogs);

  magnumWorkloadLogs.$inject = ['$window'];

  /**
   * @ngdoc directive
   * @name magnumWorkloadLogs
   * @param {Object} $window
   * @description
   * The last lines of a task's or pod's log; while "Follow" is on, read
   * again every `logPollMs`:
   *
   *     <magnum-workload-logs bay-id="ctrl.bayId" target="ctrl.logsOf"
   *       on-close="ctrl.closeLogs()"></magnum-workload-logs>
   *
   * `target` is {kind, name, label, params}.
   * @returns {Object} The directive
   */
  function magnumWorkloadLogs($window) {
    return {
      restrict: 'E',
      scope: {},
      bindToController: {bayId: '<', target: '<', onClose: '&'},
      controller: WorkloadLogsController,
      controllerAs: 'logs',
      templateUrl: $window.STATIC_URL + 'dashboard/container-infra/workloads/workload-logs.html'
    };
  }

  WorkloadLogsController.$inject = [
    '$element',
    '$interval',
    '$timeout',
    'horizon.app.core.openstack-service-api.magnum-workloads',
    'horizon.dashboard.container-infra.workloads.logPollMs'
  ];

  function WorkloadLogsController($element, $interval, $timeout, api, logPollMs) {
    var logs = this;
    var timer = null;
    var busy = false;
    var generation = 0;

    logs.tails = [50, 200, 1000, 5000];
    logs.tail = 200;
    logs.follow = true;
    logs.lines = [];
    logs.text = '';
    logs.truncated = false;
    logs.error = null;
    logs.loaded = false;
    logs.$onChanges = onChanges;
    logs.$onDestroy = stop;
    logs.read = read;
    logs.setFollow = setFollow;
    logs.downloadUrl = downloadUrl;

    ///////////////

    function onChanges() {
      generation += 1;
      busy = false;
      logs.lines = [];
      logs.text = '';
      logs.loaded = false;
      logs.error = null;
      if (logs.target) {
        read();
      }
      setFollow();
    }

    /**
     * @name setFollow
     * @description Starts or stops reading every `logPollMs`.
     * @returns {undefined}
     */
    function setFollow() {
      stop();
      if (logs.follow && logs.target) {
        timer = $interval(function poll() {
          if (!busy) {
            read();
          }
        }, logPollMs);
      }
    }

    function stop() {
      if (timer) {
        $interval.cancel(timer);
        timer = null;
      }
    }

    /**
     * @name read
     * @description Reads the last `tail` lines.
     * @returns {Promise} Resolves when shown
     */
    function read() {
      var mine = generation;
      var target = logs.target;
      busy = true;
      return api.logs(logs.bayId, target.kind, target.name,
        angular.extend({tail: logs.tail}, target.params))
        .then(function shown(response) {
          if (mine !== generation) {
            return;
          }
          logs.error = null;
          logs.lines = response.data.lines;
          logs.text = response.data.lines.join('\n');
          logs.truncated = response.data.truncated;
          logs.loaded = true;
          if (logs.follow) {
            $timeout(scrollToEnd, 0, false);
          }
        }, function failed(response) {
          if (mine === generation) {
            logs.error = api.reason(response);
            logs.loaded = true;
          }
        })
        .finally(function done() {
          if (mine === generation) {
            busy = false;
          }
        });
    }

    function scrollToEnd() {
      var pre = $element[0].querySelector('pre');
      if (pre) {
        pre.scrollTop = pre.scrollHeight;
      }
    }

    function downloadUrl() {
      var target = logs.target;
      if (!target) {
        return '';
      }
      return api.logsUrl(logs.bayId, target.kind, target.name,
        angular.extend({tail: 5000}, target.params));
    }
  }
})();
