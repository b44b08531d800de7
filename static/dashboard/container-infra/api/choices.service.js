/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.app.core.openstack-service-api')
    .factory('horizon.app.core.openstack-service-api.magnum-choices', choicesAPI);

  choicesAPI.$inject = [
    'horizon.app.core.openstack-service-api.magnum-http',
    'horizon.framework.util.i18n.gettext'
  ];

  /**
   * @ngdoc service
   * @name horizon.app.core.openstack-service-api.magnum-choices
   * @param {Object} http The dashboard's http helper
   * @param {Function} gettext
   * @description
   * What the forms choose from. Read it through the cached
   * horizon.dashboard.container-infra.common.choices service.
   * @returns {Object} The service
   */
  function choicesAPI(http, gettext) {
    var service = {
      getChoices: getChoices
    };

    return service;

    ///////////////

    /**
     * @name getChoices
     * @param {boolean=} suppressError True: reject without a toast
     * @returns {Promise} Resolves with {images, flavors, keypairs, networks,
     *   external_networks: {items, unavailable}, coes, drivers}
     */
    function getChoices(suppressError) {
      return http.get(http.url('choices'),
        gettext('Unable to retrieve the choices for the form: %s'), {suppressError: suppressError});
    }
  }
})();
