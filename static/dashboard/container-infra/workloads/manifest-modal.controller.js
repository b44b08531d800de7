/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .controller('horizon.dashboard.container-infra.workloads.ManifestModalController',
      ManifestModalController);

  ManifestModalController.$inject = [
    '$uibModalInstance',
    'horizon.app.core.openstack-service-api.magnum-workloads',
    'bayId',
    'coe'
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
   * @name horizon.dashboard.container-infra.workloads.ManifestModalController
   * @description
   * A manifest (YAML or JSON) sent as is to the service, which answers
   * 400 with the field at fault: that reason stays next to the text area
   * until the manifest changes.
   */
  function ManifestModalController($uibModalInstance, api, bayId, coe) {
    var modal = this;

    modal.coe = coe;
    modal.example = EXAMPLES[coe] || EXAMPLES.swarm;
    modal.manifest = '';
    modal.error = null;
    modal.busy = false;
    modal.submit = submit;
    modal.useExample = useExample;
    modal.cancel = function cancel() {
      $uibModalInstance.dismiss('cancel');
    };

    ///////////////

    function useExample() {
      modal.manifest = modal.example;
      modal.error = null;
    }

    function submit() {
      modal.busy = true;
      modal.error = null;
      return api.create(bayId, modal.manifest).then(function created(response) {
        $uibModalInstance.close(response.data);
      }, function refused(response) {
        modal.error = api.reason(response);
      }).finally(function done() {
        modal.busy = false;
      });
    }
  }
})();
