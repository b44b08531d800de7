/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .controller('horizon.dashboard.container-infra.bays.CertificateController',
      CertificateController);

  CertificateController.$inject = [
    '$document',
    '$timeout',
    '$window',
    '$uibModalInstance',
    'horizon.app.core.openstack-service-api.magnum',
    'horizon.dashboard.container-infra.bays.actions.helper',
    'context'
  ];

  var CSR = /-----BEGIN (NEW )?CERTIFICATE REQUEST-----[\s\S]+-----END (NEW )?CERTIFICATE REQUEST-----/;

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.CertificateController
   * @param {Object} $document
   * @param {Function} $timeout
   * @param {Object} $window
   * @param {Object} $uibModalInstance
   * @param {Object} magnum The Magnum API service
   * @param {Object} helper The bay actions' helper
   * @param {Object} context {bay, mode: 'show' (the CA certificate) or 'sign' (a CSR)}
   * @description
   * The certificate dialog of a bay: shows its CA certificate, or takes a
   * certificate signing request and shows the certificate the bay's CA
   * signed. Either certificate can be copied or saved as a file.
   */
  function CertificateController($document, $timeout, $window, $uibModalInstance, magnum,
                                 helper, context) {
    var ctrl = this;

    ctrl.bay = context.bay;
    ctrl.mode = context.mode;
    ctrl.csr = '';
    ctrl.pem = '';
    ctrl.busy = false;
    ctrl.copied = false;
    ctrl.csrPattern = CSR;
    ctrl.fileName = fileName();

    ctrl.sign = sign;
    ctrl.copy = copy;
    ctrl.download = download;
    ctrl.close = close;

    if (ctrl.mode === 'show') {
      ctrl.busy = true;
      magnum.getBayCertificate(ctrl.bay.uuid).then(showPem, angular.noop).finally(done);
    }

    ///////////////

    /**
     * @name sign
     * @description Has the bay's CA sign the pasted request.
     * @returns {undefined} Returns nothing
     */
    function sign() {
      if (ctrl.busy || !CSR.test(ctrl.csr)) {
        return;
      }
      ctrl.busy = true;
      ctrl.pem = '';
      magnum.signBayCertificate(ctrl.bay.uuid, ctrl.csr).then(showPem, angular.noop).finally(done);
    }

    /**
     * @name copy
     * @description
     * Copies the certificate: through the Clipboard API where the page may
     * use it (HTTPS or localhost), else by selecting the text field.
     * @returns {undefined} Returns nothing
     */
    function copy() {
      var clipboard = $window.navigator.clipboard;
      if (clipboard && clipboard.writeText) {
        clipboard.writeText(ctrl.pem).then(copied, copyBySelection);
      } else {
        copyBySelection();
      }
    }

    function copyBySelection() {
      var field = $document[0].getElementById('bay-certificate-pem');
      field.select();
      if ($document[0].execCommand('copy')) {
        copied();
      }
    }

    function copied() {
      // A promise outside Angular's digest may resolve this: $timeout applies it.
      $timeout(function showCopied() {
        ctrl.copied = true;
      });
    }

    /**
     * @name download
     * @description Saves the certificate as a .pem file.
     * @returns {undefined} Returns nothing
     */
    function download() {
      var url = $window.URL.createObjectURL(
        new $window.Blob([ctrl.pem], {type: 'application/x-pem-file'}));
      helper.saveAs(url, ctrl.fileName);
      $window.URL.revokeObjectURL(url);
    }

    function close() {
      $uibModalInstance.close();
    }

    function showPem(response) {
      ctrl.pem = response.data.pem;
      ctrl.copied = false;
    }

    function done() {
      ctrl.busy = false;
    }

    function fileName() {
      var base = (ctrl.bay.name || ctrl.bay.uuid).replace(/[^A-Za-z0-9_.-]/g, '_');
      return base + (ctrl.mode === 'show' ? '-ca.pem' : '-cert.pem');
    }
  }
})();
