/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .factory('horizon.dashboard.container-infra.bays.service', baysService);

  baysService.$inject = [
    'horizon.app.core.openstack-service-api.magnum-bay-models',
    'horizon.app.core.openstack-service-api.magnum-bays'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.service
   * @param {Object} bayModelsAPI The bay models' API service
   * @param {Object} baysAPI The bays' API service
   * @description Data of the bays panel and of a bay's details page.
   * @returns {Object} The service
   */
  function baysService(bayModelsAPI, baysAPI) {
    var service = {
      getBaysPromise: getBaysPromise,
      getAllBaysPromise: getAllBaysPromise,
      getBayPromise: getBayPromise,
      decorate: decorate
    };

    return service;

    ///////////////

    /**
     * @name getBaysPromise
     * @description
     * List function of the OS::Magnum::Bay resource type. The search
     * parameters it gets are not sent: the table filters on the client.
     * Each bay comes with its bay model's name and COE (`bay_model_name`,
     * `coe`: the server names them, reading each bay model once).
     * @param {Object=} params The table's: `quiet: true` lists without an
     *   error toast (the live table's poller, once a refresh has failed);
     *   `page: {limit, sort_key}` the first bays only (then `more` says if
     *   there are others)
     * @returns {Promise} Resolves with the response, whose data is {items: [...], more}
     */
    function getBaysPromise(params) {
      return baysAPI.getBays(firstPage(params), isQuiet(params)).then(decorateAll);
    }

    /**
     * @name getAllBaysPromise
     * @description
     * The bays of every project (the admin Bays panel), with the keys the
     * project's list gives them (bay models of other projects the admin
     * cannot read are named by their id).
     * @param {Object=} params As for getBaysPromise
     * @returns {Promise} Resolves with the response, whose data is {items: [...], more}
     */
    function getAllBaysPromise(params) {
      return baysAPI.getBays(angular.extend({all_projects: true}, firstPage(params)), isQuiet(params))
        .then(decorateAll);
    }

    /**
     * @name getBayPromise
     * @param {string} id The bay's uuid
     * @description
     * Load function of the resource type (details page): the bay, with its
     * bay model in `bay_model` (null when it cannot be read).
     * @returns {Promise} Resolves with the response, whose data is the bay
     */
    function getBayPromise(id) {
      return baysAPI.getBay(id).then(function addBayModel(response) {
        return bayModelsAPI.getBayModel(response.data.cluster_template_id)
          .then(function found(model) {
            return model.data;
          }, function notFound() {
            return null;
          })
          .then(function combine(model) {
            decorate(response.data, model);
            return response;
          });
      });
    }

    /**
     * @name decorate
     * @param {Object} bay A bay as the API gives it
     * @param {Object} [model] Its bay model, if known
     * @description
     * Adds what the views need: `id` (the table drops deleted rows by
     * id), `trackBy` (changes whenever the bay does, so the table redraws
     * the row and re-checks its actions), the bay model's name and COE.
     * @returns {Object} The same bay
     */
    function decorate(bay, model) {
      bay.id = bay.uuid;
      bay.trackBy = trackBy(bay);
      bay.bay_model = model || null;
      bay.bay_model_name = model ? model.name || model.uuid : bay.cluster_template_id;
      bay.coe = model ? model.coe : null;
      return bay;
    }

    function decorateAll(response) {
      response.data.items.forEach(function decorateListed(bay) {
        bay.id = bay.uuid;
        bay.trackBy = trackBy(bay);
      });
      return response;
    }

    function trackBy(bay) {
      return [bay.uuid, bay.status, bay.updated_at || '', bay.node_count].join('|');
    }

    // The live table's first listing asks for one page (see live-table.service.js).
    function firstPage(params) {
      return params && params.page;
    }

    function isQuiet(params) {
      return Boolean(params && params.quiet);
    }
  }
})();
