/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Client of the Magnum REST endpoints that the Magnum UI plugin adds to
 * Horizon's /api/ namespace.
 */
(function () {
  'use strict';

  angular
    .module('horizon.app.core.openstack-service-api')
    .factory('horizon.app.core.openstack-service-api.magnum', magnumAPI);

  magnumAPI.$inject = [
    '$q',
    '$timeout',
    'horizon.app.core.openstack-service-api.magnum-error-reason',
    'horizon.framework.util.http.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.widgets.toast.service'
  ];

  var BASE = '/api/container_infra/';

  /**
   * @ngdoc service
   * @name horizon.app.core.openstack-service-api.magnum
   * @param {Object} $q
   * @param {Function} $timeout
   * @param {Function} errorReason Reads the reason of a failed response
   * @param {Object} apiService
   * @param {Function} gettext
   * @param {Object} toastService
   * @description
   * Calls the Magnum endpoints of Horizon's REST API. Every call resolves
   * with the HTTP response (the payload is in `response.data`). A failed
   * call shows an error toast that carries the server's reason, then
   * rejects with the same HTTP response; the calls that take
   * `suppressError` reject without a toast when it is true (batch actions
   * report their failures themselves).
   * @returns {Object} The service
   */
  function magnumAPI($q, $timeout, errorReason, apiService, gettext, toastService) {
    var asked = {};
    var service = {
      getBayModels: getBayModels,
      getBayModel: getBayModel,
      createBayModel: createBayModel,
      updateBayModel: updateBayModel,
      deleteBayModel: deleteBayModel,
      getBays: getBays,
      getBay: getBay,
      createBay: createBay,
      updateBay: updateBay,
      resizeBay: resizeBay,
      upgradeBay: upgradeBay,
      deleteBay: deleteBay,
      getBayProgress: getBayProgress,
      getBayCertificate: getBayCertificate,
      signBayCertificate: signBayCertificate,
      rotateBayCertificate: rotateBayCertificate,
      bayConfigUrl: bayConfigUrl,
      getBayNodes: getBayNodes,
      getChoices: getChoices,
      getQuotas: getQuotas,
      getQuota: getQuota,
      createQuota: createQuota,
      updateQuota: updateQuota,
      deleteQuota: deleteQuota,
      getServices: getServices,
      getStats: getStats
    };

    return service;

    ///////////////

    // Bay models (cluster templates)

    /**
     * Lists the bay models (cluster templates) visible to the project.
     * @returns {Promise} Resolves with a response whose data is {items: [...]}
     */
    function getBayModels() {
      return once('bay_models', function ask() {
        return apiService.get(BASE + 'bay_models/', quiet())
          .catch(onError(gettext('Unable to retrieve the bay models: %s')));
      });
    }

    /**
     * @param {string} id The bay model's uuid
     * @returns {Promise} Resolves with the bay model
     */
    function getBayModel(id) {
      return apiService.get(bayModelUrl(id), quiet())
        .catch(onError(gettext('Unable to retrieve the bay model: %s')));
    }

    /**
     * @param {Object} data The cluster template's fields
     * @returns {Promise} Resolves with the created bay model
     */
    function createBayModel(data) {
      return apiService.post(BASE + 'bay_models/', data, quiet())
        .catch(onError(gettext('Unable to create the bay model: %s')));
    }

    /**
     * @param {string} id The bay model's uuid
     * @param {Object} changes {field: value}; a null value removes the field
     * @returns {Promise} Resolves with the updated bay model
     */
    function updateBayModel(id, changes) {
      return apiService.patch(bayModelUrl(id), changes, quiet())
        .catch(onError(gettext('Unable to update the bay model: %s')));
    }

    /**
     * @param {string} id The bay model's uuid
     * @param {boolean} suppressError True: reject without a toast
     * @returns {Promise} Resolves with an empty response (204)
     */
    function deleteBayModel(id, suppressError) {
      return apiService.delete(bayModelUrl(id), null, quiet())
        .catch(onError(gettext('Unable to delete the bay model: %s'), suppressError));
    }

    // Bays (clusters)

    /**
     * @param {Object=} params Query parameters: {all_projects: true} lists
     *   every project's bays (admin panel); without it, the project's own
     * @param {boolean=} suppressError True: reject without a toast (polling)
     * @returns {Promise} Resolves with a response whose data is {items: [...]}
     */
    function getBays(params, suppressError) {
      var config = angular.extend(quiet(), params ? {params: params} : {});
      return once('bays' + angular.toJson(params || {}), function ask() {
        return apiService.get(BASE + 'bays/', config)
          .catch(onError(gettext('Unable to retrieve the bays: %s'), suppressError));
      });
    }

    /**
     * @param {string} id The bay's uuid
     * @param {boolean=} suppressError True: reject without a toast (polling)
     * @returns {Promise} Resolves with the bay
     */
    function getBay(id, suppressError) {
      return apiService.get(bayUrl(id), quiet())
        .catch(onError(gettext('Unable to retrieve the bay: %s'), suppressError));
    }

    /**
     * @param {Object} data The cluster's fields (cluster_template_id, ...)
     * @returns {Promise} Resolves with the created bay (CREATE_IN_PROGRESS)
     */
    function createBay(data) {
      return apiService.post(BASE + 'bays/', data, quiet())
        .catch(onError(gettext('Unable to create the bay: %s')));
    }

    /**
     * @param {string} id The bay's uuid
     * @param {Object} changes {field: value}; a null value removes the field
     * @returns {Promise} Resolves with the bay
     */
    function updateBay(id, changes) {
      return apiService.patch(bayUrl(id), changes, quiet())
        .catch(onError(gettext('Unable to update the bay: %s')));
    }

    /**
     * @param {string} id The bay's uuid
     * @param {Object} data {node_count, nodes_to_remove, nodegroup}
     * @returns {Promise} Resolves with the bay
     */
    function resizeBay(id, data) {
      return apiService.post(bayUrl(id) + 'resize/', data, quiet())
        .catch(onError(gettext('Unable to resize the bay: %s')));
    }

    /**
     * @param {string} id The bay's uuid
     * @param {Object} data {cluster_template, max_batch_size, nodegroup}
     * @returns {Promise} Resolves with the bay
     */
    function upgradeBay(id, data) {
      return apiService.post(bayUrl(id) + 'upgrade/', data, quiet())
        .catch(onError(gettext('Unable to upgrade the bay: %s')));
    }

    /**
     * @param {string} id The bay's uuid
     * @param {boolean} suppressError True: reject without a toast
     * @returns {Promise} Resolves with an empty response (204)
     */
    function deleteBay(id, suppressError) {
      return apiService.delete(bayUrl(id), null, quiet())
        .catch(onError(gettext('Unable to delete the bay: %s'), suppressError));
    }

    /**
     * @param {string} id The bay's uuid
     * @param {boolean=} suppressError True: reject without a toast (polling)
     * @returns {Promise} Resolves with {stack_status, stack_status_reason,
     *   percent, resources: [...], events: [...]}
     */
    function getBayProgress(id, suppressError) {
      return apiService.get(bayUrl(id) + 'progress/', quiet())
        .catch(onError(gettext('Unable to retrieve the progress of the bay: %s'), suppressError));
    }

    /**
     * @param {string} id The bay's uuid
     * @returns {Promise} Resolves with {pem: the bay's CA certificate}
     */
    function getBayCertificate(id) {
      return apiService.get(bayUrl(id) + 'certificate/', quiet())
        .catch(onError(gettext('Unable to retrieve the certificate of the bay: %s')));
    }

    /**
     * @param {string} id The bay's uuid
     * @param {string} csr A certificate signing request (PEM)
     * @returns {Promise} Resolves with {pem: the signed certificate}
     */
    function signBayCertificate(id, csr) {
      return apiService.post(bayUrl(id) + 'certificate/', {csr: csr}, quiet())
        .catch(onError(gettext('Unable to sign the certificate: %s')));
    }

    /**
     * @param {string} id The bay's uuid
     * @returns {Promise} Resolves once the service accepted the rotation (202)
     */
    function rotateBayCertificate(id) {
      return apiService.post(bayUrl(id) + 'certificate/rotate/', null, quiet())
        .catch(onError(gettext('Unable to rotate the certificate of the bay: %s')));
    }

    /**
     * @name bayConfigUrl
     * @param {string} id The bay's uuid
     * @description
     * The download URL of the bay's client configuration (a tar.gz), relative
     * to WEBROOT like Horizon's other download URLs: a link's href is
     * `$window.WEBROOT + url` with the doubled slash removed.
     * @returns {string} The URL
     */
    function bayConfigUrl(id) {
      return bayUrl(id) + 'config/';
    }

    /**
     * @param {string} id The bay's uuid
     * @returns {Promise} Resolves with {items: the bay's node groups}
     */
    function getBayNodes(id) {
      return apiService.get(bayUrl(id) + 'nodes/', quiet())
        .catch(onError(gettext('Unable to retrieve the nodes of the bay: %s')));
    }

    // Choices, quotas, services, stats

    /**
     * @returns {Promise} Resolves with {images, flavors, keypairs, networks,
     *   external_networks: {items, unavailable}, coes, drivers}
     */
    function getChoices() {
      return apiService.get(BASE + 'choices/', quiet())
        .catch(onError(gettext('Unable to retrieve the choices for the form: %s')));
    }

    /**
     * @returns {Promise} Resolves with {items: every project's quotas}
     */
    function getQuotas() {
      return apiService.get(BASE + 'quotas/', quiet())
        .catch(onError(gettext('Unable to retrieve the quotas: %s')));
    }

    /**
     * @param {string} projectId The project's id
     * @param {string} resource The resource ("Cluster")
     * @returns {Promise} Resolves with the quota
     */
    function getQuota(projectId, resource) {
      return apiService.get(quotaUrl(projectId, resource), quiet())
        .catch(onError(gettext('Unable to retrieve the quota: %s')));
    }

    /**
     * @param {Object} data {project_id, resource, hard_limit}
     * @returns {Promise} Resolves with the created quota
     */
    function createQuota(data) {
      return apiService.post(BASE + 'quotas/', data, quiet())
        .catch(onError(gettext('Unable to create the quota: %s')));
    }

    /**
     * @param {string} projectId The project's id
     * @param {string} resource The resource ("Cluster")
     * @param {Object} changes {hard_limit: n}
     * @returns {Promise} Resolves with the quota
     */
    function updateQuota(projectId, resource, changes) {
      return apiService.patch(quotaUrl(projectId, resource), changes, quiet())
        .catch(onError(gettext('Unable to update the quota: %s')));
    }

    /**
     * @param {string} projectId The project's id
     * @param {string} resource The resource ("Cluster")
     * @param {boolean} suppressError True: reject without a toast
     * @returns {Promise} Resolves with an empty response (204)
     */
    function deleteQuota(projectId, resource, suppressError) {
      return apiService.delete(quotaUrl(projectId, resource), null, quiet())
        .catch(onError(gettext('Unable to delete the quota: %s'), suppressError));
    }

    /**
     * @returns {Promise} Resolves with {items: the service's conductors}
     */
    function getServices() {
      return apiService.get(BASE + 'services/', quiet())
        .catch(onError(gettext('Unable to retrieve the container infra services: %s')));
    }

    /**
     * @returns {Promise} Resolves with {bays, nodes, quota: {hard_limit, in_use} | null}
     */
    function getStats() {
      return once('stats', function ask() {
        return apiService.get(BASE + 'stats/', quiet())
          .catch(onError(gettext('Unable to retrieve the bay statistics: %s')));
      });
    }

    // Horizon's app module reloads the route once it has started, so the
    // first panel of a page is built twice at once and asks for its lists
    // twice: what is asked again in the same turn shares the first request.
    function once(key, request) {
      if (!asked[key]) {
        asked[key] = request();
        $timeout(function forget() { delete asked[key]; }, 0, false);
      }
      return asked[key];
    }

    // URLs

    function bayModelUrl(id) {
      return BASE + 'bay_models/' + encodeURIComponent(id) + '/';
    }

    function bayUrl(id) {
      return BASE + 'bays/' + encodeURIComponent(id) + '/';
    }

    function quotaUrl(projectId, resource) {
      return BASE + 'quotas/' + encodeURIComponent(projectId) + '/' +
        encodeURIComponent(resource) + '/';
    }

    // Errors

    // Our toast carries the server's reason: Horizon's generic 403 toast
    // would only repeat it, and would defeat suppressError.
    function quiet() {
      return {suppress403Toast: true};
    }

    /**
     * @name onError
     * @param {string} message Translated message with one %s for the reason
     * @param {boolean=} suppressError True: reject without a toast
     * @description
     * Builds a rejection handler that toasts `message` completed with the
     * server's reason (unless `suppressError`) and passes the rejection on.
     * @returns {Function} The handler
     */
    function onError(message, suppressError) {
      return function toastAndReject(response) {
        if (!suppressError) {
          var reason = errorReason(response);
          toastService.add('error', message.replace('%s', function () {
            return reason;
          }));
        }
        return $q.reject(response);
      };
    }
  }
})();
