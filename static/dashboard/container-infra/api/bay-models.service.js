/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.app.core.openstack-service-api')
    .factory('horizon.app.core.openstack-service-api.magnum-bay-models', bayModelsAPI);

  bayModelsAPI.$inject = [
    'horizon.app.core.openstack-service-api.magnum-http',
    'horizon.framework.util.i18n.gettext'
  ];

  /**
   * @ngdoc service
   * @name horizon.app.core.openstack-service-api.magnum-bay-models
   * @param {Object} http The dashboard's http helper
   * @param {Function} gettext
   * @description
   * The bay models (Magnum's cluster templates). A failure is toasted with
   * the server's reason (see magnum-http), unless `suppressError`.
   * @returns {Object} The service
   */
  function bayModelsAPI(http, gettext) {
    var service = {
      getBayModels: getBayModels,
      getBayModel: getBayModel,
      createBayModel: createBayModel,
      updateBayModel: updateBayModel,
      deleteBayModel: deleteBayModel
    };

    return service;

    ///////////////

    /**
     * @name getBayModels
     * @description The bay models visible to the project.
     * @param {boolean} [suppressError] No toast on failure (a background read)
     * @param {Object} [params] Query parameters: {limit: n} the first n only
     * @returns {Promise} Resolves with a response whose data is {items: [...], more}
     */
    function getBayModels(suppressError, params) {
      return http.get(http.url('bay_models'),
        gettext('Unable to retrieve the bay models: %s'),
        {once: true, suppressError: suppressError, params: params});
    }

    /**
     * @name getBayModel
     * @param {string} id The bay model's uuid
     * @returns {Promise} Resolves with the bay model
     */
    function getBayModel(id) {
      return http.get(http.url('bay_models', id), gettext('Unable to retrieve the bay model: %s'));
    }

    /**
     * @name createBayModel
     * @param {Object} data The cluster template's fields
     * @returns {Promise} Resolves with the created bay model
     */
    function createBayModel(data) {
      return http.post(http.url('bay_models'), data, gettext('Unable to create the bay model: %s'));
    }

    /**
     * @name updateBayModel
     * @param {string} id The bay model's uuid
     * @param {Object} changes {field: value}; a null value removes the field
     * @returns {Promise} Resolves with the updated bay model
     */
    function updateBayModel(id, changes) {
      return http.patch(http.url('bay_models', id), changes,
        gettext('Unable to update the bay model: %s'));
    }

    /**
     * @name deleteBayModel
     * @param {string} id The bay model's uuid
     * @param {boolean} suppressError True: reject without a toast
     * @returns {Promise} Resolves with an empty response (204)
     */
    function deleteBayModel(id, suppressError) {
      return http.remove(http.url('bay_models', id), gettext('Unable to delete the bay model: %s'),
        {suppressError: suppressError});
    }
  }
})();
