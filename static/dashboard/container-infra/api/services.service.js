/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.app.core.openstack-service-api')
    .factory('horizon.app.core.openstack-service-api.magnum-services', servicesAPI);

  servicesAPI.$inject = [
    'horizon.app.core.openstack-service-api.magnum-http',
    'horizon.framework.util.i18n.gettext'
  ];

  /**
   * @ngdoc service
   * @name horizon.app.core.openstack-service-api.magnum-services
   * @param {Object} http The dashboard's http helper
   * @param {Function} gettext
   * @description The service's conductors (Magnum's `mservices`).
   * @returns {Object} The service
   */
  function servicesAPI(http, gettext) {
    var service = {
      getServices: getServices
    };

    return service;

    ///////////////

    /**
     * @name getServices
     * @description Toasts a failure with the server's reason.
     * @param {boolean} [suppressError] No toast on failure (a background read)
     * @returns {Promise} Resolves with {items: the service's conductors}
     */
    function getServices(suppressError) {
      return http.get(http.url('services'),
        gettext('Unable to retrieve the container infra services: %s'),
        {suppressError: suppressError});
    }
  }
})();
