/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.actions')
    .controller('horizon.dashboard.container-infra.bays.CertificateController',
      CertificateController);

  CertificateController.$inject = [
    '$document',
    '$timeout',
    '$window',
    'horizon.app.core.openstack-service-api.magnum-bays',
    'horizon.framework.util.file.text-download',
    'context'
  ];

  var CSR = /-----BEGIN (NEW )?CERTIFICATE REQUEST-----[\s\S]+-----END (NEW )?CERTIFICATE REQUEST-----/;

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.CertificateController
   * @param {Object} $document
   * @param {Function} $timeout
   * @param {Object} $window
   * @param {Object} baysAPI The bays' API service
   * @param {Object} textDownload Horizon's text file download
   * @param {Object} context {bay, mode: 'show' (the CA certificate) or 'sign' (a CSR)}
   * @description
   * The body of a bay's certificate dialog (in the common dialog frame):
   * shows its CA certificate, or takes a certificate signing request and
   * shows the certificate the bay's CA signed (the dialog stays open).
   * Either certificate can be copied or saved as a file.
   */
  function CertificateController($document, $timeout, $window, baysAPI, textDownload, context) {
    var ctrl = this;

    ctrl.bay = context.bay;
    ctrl.mode = context.mode;
    ctrl.csr = '';
    ctrl.pem = '';
    ctrl.busy = false;
    ctrl.copied = false;
    ctrl.csrPattern = CSR;
    ctrl.fileName = fileName();

    ctrl.ready = ready;
    ctrl.send = sign;
    ctrl.copy = copy;
    ctrl.download = download;

    if (ctrl.mode === 'show') {
      ctrl.busy = true;
      baysAPI.getBayCertificate(ctrl.bay.uuid).then(showPem, angular.noop).finally(done);
    }

    ///////////////

    /**
     * @name ready
     * @description A whole request is pasted, and nothing is being asked.
     * @returns {boolean} Whether the dialog may send
     */
    function ready() {
      return !ctrl.busy && CSR.test(ctrl.csr);
    }

    /**
     * @name sign
     * @description Has the bay's CA sign the pasted request.
     * @returns {Promise} Resolves once the signed certificate is shown
     */
    function sign() {
      ctrl.busy = true;
      ctrl.pem = '';
      return baysAPI.signBayCertificate(ctrl.bay.uuid, ctrl.csr).then(showPem).finally(done);
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
     * @returns {Promise} Resolves once the browser was given the file
     */
    function download() {
      return textDownload.downloadTextFile(ctrl.pem, ctrl.fileName);
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
