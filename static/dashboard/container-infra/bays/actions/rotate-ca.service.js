/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.actions')
    .factory('horizon.dashboard.container-infra.bays.actions.rotate-ca', rotateCaAction);

  rotateCaAction.$inject = [
    'horizon.app.core.openstack-service-api.magnum-bays',
    'horizon.framework.util.actions.action-result.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.widgets.modal.simple-modal.service',
    'horizon.framework.widgets.toast.service',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.bays.resourceType',
    'horizon.dashboard.container-infra.bays.status'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.rotate-ca
   * @param {Object} baysAPI The bays' API service
   * @param {Object} actionResult
   * @param {Function} gettext
   * @param {Object} simpleModal Horizon's confirmation dialog
   * @param {Object} toast
   * @param {Object} allowed The common allowed() builder
   * @param {string} resourceType 'OS::Magnum::Bay'
   * @param {Object} bayStatus
   * @description
   * Row action "Rotate CA Certificate" (`certificate:rotate_ca`), after a
   * confirmation: certificates the old CA signed stop being trusted. Only
   * on a bay that has an API address and nothing running on it.
   * @returns {Object} The action service
   */
  function rotateCaAction(baysAPI, actionResult, gettext, simpleModal, toast, allowed,
                          resourceType, bayStatus) {
    var service = {
      initAction: angular.noop,
      allowed: allowed.when('certificate:rotate_ca', function ready(bay) {
        return bayStatus.hasApi(bay) && bayStatus.canChange(bay);
      }),
      perform: perform
    };

    return service;

    ///////////////

    /**
     * @name perform
     * @param {Object} bay
     * @description Confirms, then asks the service to rotate the bay's CA.
     * @returns {Promise} The action result (the bay updated); rejects when cancelled
     */
    function perform(bay) {
      return simpleModal.modal({
        title: interpolate(gettext('Rotate the CA certificate of bay "%s"?'), [bay.name]),
        body: gettext('The bay gets a new certificate authority. Client certificates and ' +
          'configurations made before stop working: download the client configuration ' +
          'again afterwards.'),
        submit: gettext('Rotate CA Certificate')
      }).result.then(function rotate() {
        return baysAPI.rotateBayCertificate(bay.uuid);
      }).then(function rotated() {
        toast.add('success', interpolate(
          gettext('The CA certificate of bay "%s" is being rotated.'), [bay.name]));
        return actionResult.getActionResult().updated(resourceType, bay.uuid).result;
      });
    }
  }
})();
