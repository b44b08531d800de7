/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bay-models')
    .factory('horizon.dashboard.container-infra.bay-models.service', bayModelsService);

  bayModelsService.$inject = [
    'horizon.app.core.openstack-service-api.magnum-bay-models',
    'horizon.app.core.openstack-service-api.magnum-bays'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bay-models.service
   * @param {Object} bayModelsAPI The bay models' API service
   * @param {Object} baysAPI The bays' API service
   * @description Data of the bay models panel, drawer and details page.
   * @returns {Object} The service
   */
  function bayModelsService(bayModelsAPI, baysAPI) {
    var service = {
      getBayModelsPromise: getBayModelsPromise,
      getBayModelPromise: getBayModelPromise,
      getBaysUsing: getBaysUsing,
      itemName: itemName
    };

    return service;

    ///////////////

    /**
     * @name getBayModelsPromise
     * @description
     * List function of the OS::Magnum::BayModel resource type. The search
     * parameters it gets are not sent: the table filters on the client.
     * @param {Object=} params The table's: `quiet: true` lists without an
     *   error toast (the live table's polls); `page: {limit, sort_key}` the first only
     *   (then `more` says whether there are others)
     * @returns {Promise} Resolves with the response, whose data is {items: [...], more}
     */
    function getBayModelsPromise(params) {
      var quiet = Boolean(params && params.quiet);
      var first = params && params.page;
      return bayModelsAPI.getBayModels(quiet, first).then(function prepareAll(response) {
        response.data.items.forEach(prepare);
        return response;
      });
    }

    /**
     * @name getBayModelPromise
     * @param {string} identifier The bay model's id (the details page's path)
     * @description Load function of the resource type, for the details page.
     * @returns {Promise} Resolves with the response, whose data is the bay model
     */
    function getBayModelPromise(identifier) {
      return bayModelsAPI.getBayModel(identifier).then(function prepareOne(response) {
        prepare(response.data);
        return response;
      });
    }

    /**
     * @name getBaysUsing
     * @param {Object} bayModel A bay model
     * @description The project's bays made from `bayModel`.
     * @returns {Promise} Resolves with the bays ([] when there are none)
     */
    function getBaysUsing(bayModel) {
      return baysAPI.getBays().then(function usingIt(response) {
        return response.data.items.filter(function madeFrom(bay) {
          return bay.cluster_template_id === bayModel.uuid;
        });
      });
    }

    /**
     * @name itemName
     * @param {Object} item A bay model
     * @description Its name, or its id for a bay model without name.
     * @returns {string} The name
     */
    function itemName(item) {
      return item.name || item.uuid;
    }

    // The table tracks rows by `trackBy` (it changes with the bay model, so
    // an updated row is redrawn) and drops deleted rows by `id`.
    function prepare(item) {
      item.id = item.uuid;
      item.trackBy = item.uuid + (item.updated_at || '');
    }
  }
})();
