/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.actions')
    .factory('horizon.dashboard.container-infra.bays.actions.config', configAction);

  configAction.$inject = [
    '$document',
    '$q',
    'horizon.app.core.openstack-service-api.magnum-bays',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.bays.status'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.config
   * @param {Object} $document
   * @param {Object} $q
   * @param {Object} baysAPI The bays' API service
   * @param {Object} allowed The common allowed() builder
   * @param {Object} bayStatus
   * @description
   * Row action "Download Client Configuration" (`cluster:get_config`, on a
   * bay with an API address): the browser saves the tar.gz the dashboard
   * serves at baysAPI.bayConfigUrl(id), as from a plain link.
   * @returns {Object} The action service
   */
  function configAction($document, $q, baysAPI, allowed, bayStatus) {
    var service = {
      initAction: angular.noop,
      allowed: allowed.when('cluster:get_config', bayStatus.hasApi),
      perform: perform,
      url: url
    };

    return service;

    ///////////////

    /**
     * @name url
     * @param {Object} bay
     * @description The download's address, under WEBROOT.
     * @returns {string} The URL
     */
    function url(bay) {
      return baysAPI.bayConfigUrl(bay.uuid);
    }

    /**
     * @name perform
     * @param {Object} bay
     * @description
     * Starts the download through a link with `download`: Horizon's
     * text-download saves text it holds, this is a file the server sends.
     * The link's `target` keeps AngularJS's $location from routing it (its
     * router would leave the page for the file's address behind "Loading").
     * @returns {Promise} Resolves at once with false: a details page goes
     *   back to its list on no result, and a false one changes nothing
     */
    function perform(bay) {
      var body = $document[0].body;
      var link = $document[0].createElement('a');
      link.href = url(bay);
      link.setAttribute('download', '');
      link.setAttribute('target', '_self');
      link.style.display = 'none';
      body.appendChild(link);
      link.click();
      body.removeChild(link);
      return $q.resolve(false);
    }
  }
})();
