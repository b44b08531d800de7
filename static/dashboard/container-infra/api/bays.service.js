/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.app.core.openstack-service-api')
    .factory('horizon.app.core.openstack-service-api.magnum-bays', baysAPI);

  baysAPI.$inject = [
    'horizon.app.core.openstack-service-api.magnum-http',
    'horizon.framework.util.i18n.gettext'
  ];

  /**
   * @ngdoc service
   * @name horizon.app.core.openstack-service-api.magnum-bays
   * @param {Object} http The dashboard's http helper
   * @param {Function} gettext
   * @description
   * The bays (Magnum's clusters), what is done to them (resize, upgrade,
   * certificates) and read from them (progress, nodes, configuration,
   * statistics). A failure is toasted with the server's reason (see
   * magnum-http), unless `suppressError`.
   * @returns {Object} The service
   */
  function baysAPI(http, gettext) {
    var service = {
      getBays: getBays,
      getBay: getBay,
      createBay: createBay,
      updateBay: updateBay,
      resizeBay: resizeBay,
      upgradeBay: upgradeBay,
      deleteBay: deleteBay,
      getBayProgress: getBayProgress,
      getBayRegistry: getBayRegistry,
      getBayCertificate: getBayCertificate,
      signBayCertificate: signBayCertificate,
      rotateBayCertificate: rotateBayCertificate,
      bayConfigUrl: bayConfigUrl,
      getStats: getStats
    };

    return service;

    ///////////////

    /**
     * @name getBays
     * @param {Object=} params Query parameters: {all_projects: true} lists
     *   every project's bays (admin panel); without it, the project's own
     * @param {boolean=} suppressError True: reject without a toast (polling)
     * @returns {Promise} Resolves with a response whose data is {items: [...]}
     */
    function getBays(params, suppressError) {
      return http.get(http.url('bays'), gettext('Unable to retrieve the bays: %s'),
        {params: params, suppressError: suppressError, once: true});
    }

    /**
     * @name getBay
     * @param {string} id The bay's uuid
     * @param {boolean=} suppressError True: reject without a toast (polling)
     * @returns {Promise} Resolves with the bay
     */
    function getBay(id, suppressError) {
      return http.get(http.url('bays', id), gettext('Unable to retrieve the bay: %s'),
        {suppressError: suppressError});
    }

    /**
     * @name createBay
     * @param {Object} data The cluster's fields (cluster_template_id, ...)
     * @returns {Promise} Resolves with the created bay (CREATE_IN_PROGRESS)
     */
    function createBay(data) {
      return http.post(http.url('bays'), data, gettext('Unable to create the bay: %s'));
    }

    /**
     * @name updateBay
     * @param {string} id The bay's uuid
     * @param {Object} changes {field: value}; a null value removes the field
     * @returns {Promise} Resolves with the bay
     */
    function updateBay(id, changes) {
      return http.patch(http.url('bays', id), changes, gettext('Unable to update the bay: %s'));
    }

    /**
     * @name resizeBay
     * @param {string} id The bay's uuid
     * @param {Object} data {node_count, nodes_to_remove, nodegroup}
     * @returns {Promise} Resolves with the bay
     */
    function resizeBay(id, data) {
      return http.post(http.url('bays', id, 'resize'), data,
        gettext('Unable to resize the bay: %s'));
    }

    /**
     * @name upgradeBay
     * @param {string} id The bay's uuid
     * @param {Object} data {cluster_template, max_batch_size, nodegroup}
     * @returns {Promise} Resolves with the bay
     */
    function upgradeBay(id, data) {
      return http.post(http.url('bays', id, 'upgrade'), data,
        gettext('Unable to upgrade the bay: %s'));
    }

    /**
     * @name deleteBay
     * @param {string} id The bay's uuid
     * @param {boolean} suppressError True: reject without a toast
     * @returns {Promise} Resolves with an empty response (204)
     */
    function deleteBay(id, suppressError) {
      return http.remove(http.url('bays', id), gettext('Unable to delete the bay: %s'),
        {suppressError: suppressError});
    }

    /**
     * @name getBayProgress
     * @param {string} id The bay's uuid
     * @param {boolean=} suppressError True: reject without a toast (polling)
     * @returns {Promise} Resolves with {stack_status, stack_status_reason,
     *   percent, resources: [...], events: [...]}
     */
    function getBayProgress(id, suppressError) {
      return http.get(http.url('bays', id, 'progress'),
        gettext('Unable to retrieve the progress of the bay: %s'), {suppressError: suppressError});
    }

    /**
     * @name getBayRegistry
     * @param {string} id The bay's uuid
     * @param {boolean=} suppressError True: reject without a toast (a background read)
     * @returns {Promise} Resolves with {address, namespace, library, commands: [...],
     *   insecure_registry}; address is null when the cloud has no registry
     */
    function getBayRegistry(id, suppressError) {
      return http.get(http.url('bays', id, 'registry'),
        gettext('Unable to retrieve the image registry of the bay: %s'),
        {suppressError: suppressError});
    }

    /**
     * @name getBayCertificate
     * @param {string} id The bay's uuid
     * @returns {Promise} Resolves with {pem: the bay's CA certificate}
     */
    function getBayCertificate(id) {
      return http.get(http.url('bays', id, 'certificate'),
        gettext('Unable to retrieve the certificate of the bay: %s'));
    }

    /**
     * @name signBayCertificate
     * @param {string} id The bay's uuid
     * @param {string} csr A certificate signing request (PEM)
     * @returns {Promise} Resolves with {pem: the signed certificate}
     */
    function signBayCertificate(id, csr) {
      return http.post(http.url('bays', id, 'certificate'), {csr: csr},
        gettext('Unable to sign the certificate: %s'));
    }

    /**
     * @name rotateBayCertificate
     * @param {string} id The bay's uuid
     * @returns {Promise} Resolves once the service accepted the rotation (202)
     */
    function rotateBayCertificate(id) {
      return http.post(http.url('bays', id, 'certificate', 'rotate'), null,
        gettext('Unable to rotate the certificate of the bay: %s'));
    }

    /**
     * @name bayConfigUrl
     * @param {string} id The bay's uuid
     * @description
     * The download address of the bay's client configuration (a tar.gz),
     * under WEBROOT: a link's href.
     * @returns {string} The URL
     */
    function bayConfigUrl(id) {
      return http.link(http.url('bays', id, 'config'));
    }

    /**
     * @name getStats
     * @param {boolean=} suppressError True: reject without a toast (a background read)
     * @returns {Promise} Resolves with {bays, nodes, quota: {hard_limit, in_use} | null}
     */
    function getStats(suppressError) {
      return http.get(http.url('stats'), gettext('Unable to retrieve the bay statistics: %s'),
        {once: true, suppressError: suppressError});
    }
  }
})();
