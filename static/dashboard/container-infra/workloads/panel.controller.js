/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .controller('horizon.dashboard.container-infra.workloads.PanelController',
      WorkloadsPanelController);

  WorkloadsPanelController.$inject = [
    '$location',
    'horizon.app.core.openstack-service-api.magnum-bays',
    'horizon.dashboard.container-infra.bays.status'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.workloads.PanelController
   * @description
   * The Workloads panel: pick a bay (kept in the URL as `?bay=<id>`, so a
   * reload or a shared link shows the same bay), then its workloads.
   * Without a choice, the first bay that is ready is shown.
   */
  function WorkloadsPanelController($location, baysAPI, bayStatus) {
    var panel = this;

    panel.bays = [];
    panel.bayId = $location.search().bay || null;
    panel.loaded = false;
    panel.choose = choose;
    panel.optionLabel = optionLabel;

    baysAPI.getBays().then(function listed(response) {
      panel.bays = response.data.items.slice().sort(function byName(a, b) {
        return String(a.name).localeCompare(String(b.name));
      });
      if (!panel.bayId) {
        panel.bays.some(function firstReady(bay) {
          if (/_COMPLETE$/.test(bay.status) && bay.status.indexOf('DELETE') !== 0) {
            choose(bay.uuid);
            return true;
          }
          return false;
        });
      }
    }).catch(angular.noop).finally(function done() {
      // A failed list was toasted with its reason by the API service.
      panel.loaded = true;
    });

    ///////////////

    /**
     * @name choose
     * @param {string} bayId
     * @description Shows that bay and writes it into the URL.
     * @returns {undefined}
     */
    function choose(bayId) {
      panel.bayId = bayId || null;
      $location.search('bay', panel.bayId);
    }

    /**
     * @name optionLabel
     * @param {Object} bay
     * @description A bay in the picker: its name and readable status, as elsewhere.
     * @returns {string} 'web (Update Complete)'
     */
    function optionLabel(bay) {
      return bay.name + ' (' + bayStatus.label(bay.status) + ')';
    }
  }
})();
