/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.app.core.openstack-service-api')
    .factory('horizon.app.core.openstack-service-api.magnum-quotas', quotasAPI);

  quotasAPI.$inject = [
    'horizon.app.core.openstack-service-api.magnum-http',
    'horizon.framework.util.i18n.gettext'
  ];

  /**
   * @ngdoc service
   * @name horizon.app.core.openstack-service-api.magnum-quotas
   * @param {Object} http The dashboard's http helper
   * @param {Function} gettext
   * @description
   * The quotas of every project, each named by its project and resource
   * ("Cluster"). A failure is toasted with the server's reason (see
   * magnum-http), unless `suppressError`.
   * @returns {Object} The service
   */
  function quotasAPI(http, gettext) {
    var service = {
      getQuotas: getQuotas,
      getQuota: getQuota,
      createQuota: createQuota,
      updateQuota: updateQuota,
      deleteQuota: deleteQuota
    };

    return service;

    ///////////////

    /**
     * @name getQuotas
     * @param {boolean} [suppressError] No toast on failure (a background read)
     * @returns {Promise} Resolves with {items: every project's quotas}
     */
    function getQuotas(suppressError) {
      return http.get(http.url('quotas'), gettext('Unable to retrieve the quotas: %s'),
        {suppressError: suppressError});
    }

    /**
     * @name getQuota
     * @param {string} projectId The project's id
     * @param {string} resource The resource ("Cluster")
     * @returns {Promise} Resolves with the quota
     */
    function getQuota(projectId, resource) {
      return http.get(http.url('quotas', projectId, resource),
        gettext('Unable to retrieve the quota: %s'));
    }

    /**
     * @name createQuota
     * @param {Object} data {project_id, resource, hard_limit}
     * @returns {Promise} Resolves with the created quota
     */
    function createQuota(data) {
      return http.post(http.url('quotas'), data, gettext('Unable to create the quota: %s'));
    }

    /**
     * @name updateQuota
     * @param {string} projectId The project's id
     * @param {string} resource The resource ("Cluster")
     * @param {Object} changes {hard_limit: n}
     * @returns {Promise} Resolves with the quota
     */
    function updateQuota(projectId, resource, changes) {
      return http.patch(http.url('quotas', projectId, resource), changes,
        gettext('Unable to update the quota: %s'));
    }

    /**
     * @name deleteQuota
     * @param {string} projectId The project's id
     * @param {string} resource The resource ("Cluster")
     * @param {boolean} suppressError True: reject without a toast
     * @returns {Promise} Resolves with an empty response (204)
     */
    function deleteQuota(projectId, resource, suppressError) {
      return http.remove(http.url('quotas', projectId, resource),
        gettext('Unable to delete the quota: %s'), {suppressError: suppressError});
    }
  }
})();
