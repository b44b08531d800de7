/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.admin.bays')
    .factory('horizon.dashboard.container-infra.admin.bays.service', adminBaysService);

  adminBaysService.$inject = [
    'horizon.app.core.openstack-service-api.magnum-bays',
    'horizon.dashboard.container-infra.bays.service',
    'horizon.dashboard.container-infra.admin.projects.service'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.admin.bays.service
   * @param {Object} baysAPI The bays' API service
   * @param {Object} baysService The project Bays panel's data service
   * @param {Object} projects Project names
   * @description Data of the admin Bays panel.
   * @returns {Object} The service
   */
  function adminBaysService(baysAPI, baysService, projects) {
    var service = {
      getBaysPromise: getBaysPromise
    };

    return service;

    ///////////////

    /**
     * @name getBaysPromise
     * @description
     * List function of the admin bays type: the bays of every project,
     * each with its project's name. The table filters on the client, so
     * search parameters are not sent. Each bay gets the keys the project
     * panel gives it (`id`, `trackBy`: see the bays service's decorate);
     * its bay model is named by id, as the admin table does not show it.
     * @param {Object=} params The table's: `quiet: true` lists without an
     *   error toast (the live table's poller, once a refresh has failed)
     * @returns {Promise} Resolves with the response, whose data is {items: [...]}
     */
    function getBaysPromise(params) {
      var quiet = Boolean(params && params.quiet);
      return baysAPI.getBays({all_projects: true}, quiet).then(function decorateAll(response) {
        response.data.items.forEach(function decorate(bay) {
          baysService.decorate(bay);
        });
        return response;
      }).then(projects.withProjectNames);
    }
  }
})();
