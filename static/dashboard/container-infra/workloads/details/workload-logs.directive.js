/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .directive('magnumWorkloadLogs', magnumWorkloadLogs);

  magnumWorkloadLogs.$inject = ['horizon.dashboard.container-infra.common.basePath'];

  /**
   * @ngdoc directive
   * @name magnumWorkloadLogs
   * @param {string} basePath Where this dashboard's templates are
   * @description
   * The last lines of a task's or pod's log; while "Follow" is on, read
   * again every `logPollMs` (the common poller's idle interval):
   *
   *     <magnum-workload-logs bay-id="ctrl.bayId" target="ctrl.logsOf"
   *       on-close="ctrl.closeLogs()"></magnum-workload-logs>
   *
   * `target` is {kind, name, label, params}.
   * @returns {Object} The directive
   */
  function magnumWorkloadLogs(basePath) {
    return {
      restrict: 'E',
      scope: {},
      bindToController: {bayId: '<', target: '<', onClose: '&'},
      controller: WorkloadLogsController,
      controllerAs: 'logs',
      templateUrl: basePath + 'workloads/details/workload-logs.html'
    };
  }

  WorkloadLogsController.$inject = [
    '$element',
    '$scope',
    '$timeout',
    'horizon.dashboard.container-infra.common.poller',
    'horizon.app.core.openstack-service-api.magnum-workloads',
    'horizon.app.core.openstack-service-api.magnum-error-reason',
    'horizon.dashboard.container-infra.workloads.logPollMs'
  ];

  function WorkloadLogsController($element, $scope, $timeout, pollerService, api, errorReason,
                                  logPollMs) {
    var logs = this;
    var poller = pollerService.create($scope, read, {idle: logPollMs});
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
    logs.read = read;
    logs.setFollow = setFollow;
    logs.downloadUrl = downloadUrl;

    ///////////////

    function onChanges() {
      generation += 1;
      logs.lines = [];
      logs.text = '';
      logs.loaded = false;
      logs.error = null;
      if (logs.target) {
        read();
      } else {
        poller.cancel();
      }
    }

    /**
     * @name setFollow
     * @description Starts or stops reading every `logPollMs`.
     * @returns {undefined}
     */
    function setFollow() {
      if (logs.follow && logs.target) {
        poller.schedule(false);
      } else {
        poller.cancel();
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
      poller.cancel();
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
            logs.error = errorReason(response);
            logs.loaded = true;
          }
        })
        .finally(function done() {
          if (mine === generation) {
            setFollow();
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
