/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .factory('horizon.dashboard.container-infra.bays.actions.certificate', certificateActions);

  certificateActions.$inject = [
    'horizon.dashboard.container-infra.bays.actions.helper'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.certificate
   * @param {Object} helper The bay actions' helper
   * @description
   * Row actions "Show CA Certificate" (`certificate:get`) and "Sign
   * Certificate Request" (`certificate:create`), both on a bay that has an
   * API address (its CA exists once the bay is up). They only read or
   * sign, so they change no bay: they resolve with nothing to re-list.
   * @returns {Object} {show, sign}: two action services
   */
  function certificateActions(helper) {
    return {
      show: action('show', 'certificate:get'),
      sign: action('sign', 'certificate:create')
    };

    function action(mode, rule) {
      return {
        initAction: angular.noop,
        allowed: helper.allowedWhen(rule, helper.hasApi),
        perform: function perform(bay) {
          return helper.openDialog('certificate.html',
            'horizon.dashboard.container-infra.bays.CertificateController',
            {bay: bay, mode: mode})
            .then(angular.noop);
        }
      };
    }
  }
})();
