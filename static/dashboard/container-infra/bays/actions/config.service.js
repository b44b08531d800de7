/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .factory('horizon.dashboard.container-infra.bays.actions.config', configAction);

  configAction.$inject = [
    '$q',
    '$window',
    'horizon.app.core.openstack-service-api.magnum',
    'horizon.dashboard.container-infra.bays.actions.helper'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.config
   * @param {Object} $q
   * @param {Object} $window
   * @param {Object} magnum The Magnum API service
   * @param {Object} helper The bay actions' helper
   * @description
   * Row action "Download Client Configuration" (`cluster:get_config`, on a
   * bay with an API address): the browser saves the tar.gz the dashboard
   * serves at magnum.bayConfigUrl(id), as from a plain link.
   * @returns {Object} The action service
   */
  function configAction($q, $window, magnum, helper) {
    var service = {
      initAction: angular.noop,
      allowed: helper.allowedWhen('cluster:get_config', helper.hasApi),
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
      return ($window.WEBROOT + magnum.bayConfigUrl(bay.uuid)).replace(/\/\/+/g, '/');
    }

    /**
     * @name perform
     * @param {Object} bay
     * @description Starts the download. Nothing to re-list.
     * @returns {Promise} Resolves at once
     */
    function perform(bay) {
      helper.saveAs(url(bay));
      return $q.resolve();
    }
  }
})();
