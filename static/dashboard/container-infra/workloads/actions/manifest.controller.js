/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .controller('horizon.dashboard.container-infra.workloads.ManifestController',
      ManifestController);

  ManifestController.$inject = [
    'horizon.dashboard.container-infra.common.field-errors.service',
    'horizon.app.core.openstack-service-api.magnum-workloads',
    'context'
  ];

  var EXAMPLES = {
    swarm: [
      'name: web',
      'image: magnum-ui/busybox:latest',
      'replicas: 2',
      'command: ["sh", "-c", "while true; do echo hello; sleep 1; done"]'
    ].join('\n'),
    kubernetes: [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  replicas: 2',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec:',
      '      containers:',
      '        - {name: web, image: nginx}'
    ].join('\n')
  };

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.workloads.ManifestController
   * @param {Object} fieldErrors The common field errors
   * @param {Object} api The workloads' API service
   * @param {Object} context {bayId, coe}
   * @description
   * The body of the Create Workload dialog (in the common dialog frame):
   * a manifest (YAML or JSON) sent as is to the service, which answers
   * 400 with the field at fault; that reason stays next to the text area
   * until the manifest changes.
   */
  function ManifestController(fieldErrors, api, context) {
    var ctrl = this;

    ctrl.coe = context.coe;
    ctrl.example = EXAMPLES[context.coe] || EXAMPLES.swarm;
    ctrl.manifest = '';
    ctrl.errors = fieldErrors.forField('manifest');
    ctrl.send = send;
    ctrl.useExample = useExample;

    ///////////////

    function useExample() {
      ctrl.manifest = ctrl.example;
      ctrl.errors.clear();
    }

    /**
     * @name send
     * @description Creates what the manifest describes.
     * @returns {Promise} Resolves with {created: [...]}; rejects with the reason shown
     */
    function send() {
      ctrl.errors.clear();
      return api.create(context.bayId, ctrl.manifest).then(function created(response) {
        return response.data;
      }, ctrl.errors.take);
    }
  }
})();
