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
    'horizon.app.core.openstack-service-api.magnum-bays',
    'context'
  ];

  // A manifest's top-level image line (a Swarm service names one image).
  var IMAGE_LINE = /^image:.*$/m;

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
   * @param {Object} baysAPI The bays' API service (the bay's registry)
   * @param {Object} context {bayId, coe}
   * @description
   * The body of the Create Workload dialog (in the common dialog frame):
   * a manifest (YAML or JSON) sent as is to the service, which answers
   * 400 with the field at fault; that reason stays next to the text area
   * until the manifest changes. For a Swarm bay, the images the project
   * may use (the registry's `library/` ones and its own, read in the
   * background) are offered: choosing one writes the manifest's image line.
   */
  function ManifestController(fieldErrors, api, baysAPI, context) {
    var ctrl = this;

    ctrl.coe = context.coe;
    ctrl.example = EXAMPLES[context.coe] || EXAMPLES.swarm;
    ctrl.manifest = '';
    ctrl.errors = fieldErrors.forField('manifest');
    ctrl.send = send;
    ctrl.useExample = useExample;
    ctrl.images = [];
    ctrl.useImage = useImage;

    if (context.coe !== 'kubernetes') {
      baysAPI.getBayRegistry(context.bayId, true).then(function listed(response) {
        ctrl.images = response.data.images || [];
      }, angular.noop);  // suggestions only: without them the form works as before
    }

    ///////////////

    function useImage(image) {
      var line = 'image: ' + image;
      if (IMAGE_LINE.test(ctrl.manifest)) {
        ctrl.manifest = ctrl.manifest.replace(IMAGE_LINE, line);
      } else {
        ctrl.manifest = (ctrl.manifest ? ctrl.manifest.replace(/\n*$/, '\n') : 'name: web\n') +
          line;
      }
      ctrl.errors.clear();
    }

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
