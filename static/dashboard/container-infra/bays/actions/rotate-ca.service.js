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
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.dialog-action.factory',
    'horizon.dashboard.container-infra.bays.resourceType',
    'horizon.dashboard.container-infra.bays.status'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.rotate-ca
   * @param {Object} baysAPI The bays' API service
   * @param {Function} gettext
   * @param {Object} allowed The common allowed() builder
   * @param {Object} dialogAction The common dialog action factory
   * @param {string} resourceType 'OS::Magnum::Bay'
   * @param {Object} bayStatus
   * @description
   * Row action "Rotate CA Certificate" (`certificate:rotate_ca`), only on
   * a bay that has an API address and nothing running on it. Its dialog
   * says what happens before anything does (rotate-ca.html): a new CA,
   * every node's engine restarted with new TLS one node at a time, the
   * bay Update In Progress meanwhile, and every certificate and client
   * configuration of the old CA refused afterwards. Once the service has
   * accepted, the bay is reported updated: its table lists it again and,
   * as it is in progress, follows it to Update Complete.
   * @returns {Object} The action service
   */
  function rotateCaAction(baysAPI, gettext, allowed, dialogAction, resourceType, bayStatus) {
    return dialogAction.create({
      allowed: allowed.when('certificate:rotate_ca', function ready(bay) {
        return bayStatus.hasApi(bay) && bayStatus.canChange(bay);
      }),
      resourceType: resourceType,
      changes: 'updated',
      dialog: {title: gettext('Rotate the CA Certificate of Bay'),
        submit: gettext('Rotate CA Certificate'), icon: 'fa-refresh', name: 'bay-rotate-ca',
        body: 'bays/actions/rotate-ca.html'},
      // No controller: the body only reads; sending is one call.
      context: function rotating(bay) {
        return {bay: bay, send: function send() {
          return baysAPI.rotateBayCertificate(bay.uuid);
        }};
      },
      success: function rotated(bay) {
        return interpolate(gettext('The CA certificate of bay "%s" is being rotated.'),
          [bay.name]);
      }
    });
  }
})();
