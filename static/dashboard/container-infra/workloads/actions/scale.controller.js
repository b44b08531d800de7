/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .controller('horizon.dashboard.container-infra.workloads.ScaleController', ScaleController);

  ScaleController.$inject = [
    'horizon.dashboard.container-infra.common.field-errors.service',
    'horizon.app.core.openstack-service-api.magnum-workloads',
    'context'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.workloads.ScaleController
   * @param {Object} fieldErrors The common field errors
   * @param {Object} api The workloads' API service
   * @param {Object} context {bayId, kind, name, replicas (wanted now), params}
   * @description
   * The body of the Scale dialog (in the common dialog frame): the wanted
   * number of replicas (a whole number, 0 or more), checked as it is
   * typed; the server's refusal shows under the field.
   */
  function ScaleController(fieldErrors, api, context) {
    var ctrl = this;

    ctrl.target = context;
    ctrl.replicas = angular.isNumber(context.replicas) ? context.replicas : 1;
    ctrl.errors = fieldErrors.forField('replicas');
    ctrl.send = send;

    ///////////////

    /**
     * @name send
     * @description Asks for the number of replicas.
     * @returns {Promise} Resolves with it; rejects with the reason shown
     */
    function send() {
      ctrl.errors.clear();
      return api.scale(context.bayId, context.kind, context.name, ctrl.replicas, context.params)
        .then(function scaled() {
          return ctrl.replicas;
        }, ctrl.errors.take);
    }
  }
})();
