/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bay-models')
    .factory('horizon.dashboard.container-infra.bay-models.service', bayModelsService);

  bayModelsService.$inject = [
    'horizon.app.core.openstack-service-api.magnum'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bay-models.service
   * @param {Object} magnum The Magnum API service
   * @description Data of the bay models panel.
   * @returns {Object} The service
   */
  function bayModelsService(magnum) {
    var service = {
      getBayModelsPromise: getBayModelsPromise
    };

    return service;

    ///////////////

    /**
     * @name getBayModelsPromise
     * @description
     * List function of the OS::Magnum::BayModel resource type. The search
     * parameters it gets are not sent: the table filters on the client.
     * Each item gets a `trackBy` key that changes whenever the bay model
     * does, so that the table redraws the row.
     * @returns {Promise} Resolves with the response, whose data is {items: [...]}
     */
    function getBayModelsPromise() {
      return magnum.getBayModels().then(addTrackBy);
    }

    function addTrackBy(response) {
      response.data.items.forEach(function setTrackBy(item) {
        item.trackBy = item.uuid + (item.updated_at || '');
      });
      return response;
    }
  }
})();
