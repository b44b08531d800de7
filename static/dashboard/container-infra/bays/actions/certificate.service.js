/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.actions')
    .factory('horizon.dashboard.container-infra.bays.actions.certificate', certificateActions);

  certificateActions.$inject = [
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.dialog-action.factory',
    'horizon.dashboard.container-infra.bays.status'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.certificate
   * @param {Function} gettext
   * @param {Object} allowed The common allowed() builder
   * @param {Object} dialogAction The common dialog action factory
   * @param {Object} bayStatus
   * @description
   * Row actions "Show CA Certificate" (`certificate:get`) and "Sign
   * Certificate Request" (`certificate:create`), both on a bay that has an
   * API address (its CA exists once the bay is up). They only read or
   * sign: they change no bay. Signing keeps the dialog open to show the
   * signed certificate.
   * @returns {Object} {show, sign}: two action services
   */
  function certificateActions(gettext, allowed, dialogAction, bayStatus) {
    return {
      show: action('show', 'certificate:get', {title: gettext('CA Certificate of Bay')}),
      sign: action('sign', 'certificate:create', {
        title: gettext('Sign a Certificate Request for Bay'), submit: gettext('Sign'),
        icon: 'fa-certificate', stays: true
      })
    };

    function action(mode, rule, dialog) {
      return dialogAction.create({
        allowed: allowed.when(rule, bayStatus.hasApi),
        dialog: angular.extend({name: 'bay-' + mode, body: 'bays/actions/certificate.html',
          controller: 'horizon.dashboard.container-infra.bays.CertificateController'}, dialog),
        context: function certificateOf(bay) { return {bay: bay, mode: mode}; }
      });
    }
  }
})();
