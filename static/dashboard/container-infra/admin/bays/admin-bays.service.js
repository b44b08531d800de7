/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.admin.bays')
    .factory('horizon.dashboard.container-infra.admin.bays.service', adminBaysService);

  adminBaysService.$inject = [
    'horizon.app.core.openstack-service-api.magnum',
    'horizon.dashboard.container-infra.admin.projects.service'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.admin.bays.service
   * @param {Object} magnum The Magnum API service
   * @param {Object} projects Project names
   * @description Data of the admin Bays panel.
   * @returns {Object} The service
   */
  function adminBaysService(magnum, projects) {
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
     * search parameters are not sent. Each bay gets an `id` (its uuid: the
     * table drops deleted rows by `id`) and a `trackBy` key that changes
     * with the bay, so the table redraws a row whose bay changed.
     * @returns {Promise} Resolves with the response, whose data is {items: [...]}
     */
    function getBaysPromise() {
      return magnum.getBays({all_projects: true}).then(function withNames(response) {
        response.data.items.forEach(function setKeys(bay) {
          bay.id = bay.uuid;
          bay.trackBy = bay.uuid + (bay.status || '') + (bay.updated_at || '');
        });
        return projects.addProjectNames(response.data.items).then(function done() {
          return response;
        });
      });
    }
  }
})();
