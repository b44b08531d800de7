/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .factory('horizon.dashboard.container-infra.bays.service', baysService);

  baysService.$inject = [
    'horizon.app.core.openstack-service-api.magnum'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.service
   * @param {Object} magnum The Magnum API service
   * @description Data of the bays panel.
   * @returns {Object} The service
   */
  function baysService(magnum) {
    var service = {
      getBaysPromise: getBaysPromise
    };

    return service;

    ///////////////

    /**
     * @name getBaysPromise
     * @description
     * List function of the OS::Magnum::Bay resource type. The search
     * parameters it gets are not sent: the table filters on the client.
     * Each item gets a `trackBy` key that changes whenever the bay does
     * (a status change updates `updated_at`), so the table redraws the row.
     * @returns {Promise} Resolves with the response, whose data is {items: [...]}
     */
    function getBaysPromise() {
      return magnum.getBays().then(addTrackBy);
    }

    function addTrackBy(response) {
      response.data.items.forEach(function setTrackBy(item) {
        item.trackBy = item.uuid + (item.updated_at || '');
      });
      return response;
    }
  }
})();
