/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.CertificateController', function () {
    var baysAPI, textDownload, $q, $rootScope, $controller, $timeout, $window, $document;
    var CSR = '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----';
    var bay = {uuid: 'b1', name: 'web 1'};

    // The translate filter of the field labels.
    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      textDownload = $injector.get('horizon.framework.util.file.text-download');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      $controller = $injector.get('$controller');
      $timeout = $injector.get('$timeout');
      $window = $injector.get('$window');
      $document = $injector.get('$document');
      spyOn(baysAPI, 'getBayCertificate').and.returnValue($q.resolve({data: {pem: 'CA PEM'}}));
      spyOn(baysAPI, 'signBayCertificate').and.returnValue($q.resolve({data: {pem: 'SIGNED'}}));
    }));

    function start(mode, other) {
      var ctrl = $controller('horizon.dashboard.container-infra.bays.CertificateController', {
        context: {bay: other || bay, mode: mode}
      });
      $rootScope.$apply();
      return ctrl;
    }

    it('shows the bay\'s CA certificate', function () {
      var ctrl = start('show');
      expect(baysAPI.getBayCertificate).toHaveBeenCalledWith('b1');
      expect(ctrl.pem).toBe('CA PEM');
      expect(ctrl.busy).toBe(false);
      expect(ctrl.fileName).toBe('web_1-ca.pem');
    });

    it('signs a pasted request', function () {
      var ctrl = start('sign');
      expect(baysAPI.getBayCertificate).not.toHaveBeenCalled();
      expect(ctrl.fileName).toBe('web_1-cert.pem');
      ctrl.csr = 'not a request';
      expect(ctrl.ready()).toBe(false);
      ctrl.csr = CSR;
      expect(ctrl.ready()).toBe(true);
      ctrl.send();
      expect(ctrl.busy).toBe(true);
      expect(ctrl.ready()).toBe(false);
      $rootScope.$apply();
      expect(baysAPI.signBayCertificate.calls.count()).toBe(1);
      expect(baysAPI.signBayCertificate).toHaveBeenCalledWith('b1', CSR);
      expect(ctrl.pem).toBe('SIGNED');
      expect(ctrl.busy).toBe(false);
    });

    it('frames the request field, in error once a wrong request is typed', function () {
      var element = window.actionSpecs.renderBody('bays/actions/certificate.html', start('sign'));
      var group = element.find('#bay-csr').closest('.form-group');
      expect(group.find('label[for="bay-csr"]').text().trim())
        .toBe('Certificate Signing Request (PEM)');
      expect(group.hasClass('has-error')).toBe(false);
      element.find('#bay-csr').val('not a request').triggerHandler('input');
      expect(group.hasClass('has-error')).toBe(true);
      expect(group.text()).toContain('Paste a whole request');
    });

    it('lets the user try again when signing fails', function () {
      var ctrl = start('sign');
      baysAPI.signBayCertificate.and.returnValue($q.reject({status: 400}));
      ctrl.csr = CSR;
      ctrl.send().catch(angular.noop);
      $rootScope.$apply();
      expect(ctrl.pem).toBe('');
      expect(ctrl.busy).toBe(false);
    });

    it('copies through the Clipboard API', function () {
      var ctrl = start('show');
      var clipboard = {writeText: jasmine.createSpy('writeText').and.returnValue($q.resolve())};
      spyOnProperty($window.navigator, 'clipboard', 'get').and.returnValue(clipboard);
      ctrl.copy();
      $rootScope.$apply();
      $timeout.flush();
      expect(clipboard.writeText).toHaveBeenCalledWith('CA PEM');
      expect(ctrl.copied).toBe(true);
    });

    it('copies by selecting the text where the Clipboard API is not allowed', function () {
      var ctrl = start('show');
      var field = jasmine.createSpyObj('field', ['select']);
      spyOnProperty($window.navigator, 'clipboard', 'get').and.returnValue(undefined);
      spyOn($document[0], 'getElementById').and.returnValue(field);
      spyOn($document[0], 'execCommand').and.returnValue(true);
      ctrl.copy();
      $timeout.flush();
      expect($document[0].getElementById).toHaveBeenCalledWith('bay-certificate-pem');
      expect(field.select).toHaveBeenCalled();
      expect($document[0].execCommand).toHaveBeenCalledWith('copy');
      expect(ctrl.copied).toBe(true);
    });

    it('falls back to selecting when the Clipboard API refuses, and says nothing if that fails', function () {
      var ctrl = start('show');
      var clipboard = {writeText: jasmine.createSpy('writeText').and.returnValue($q.reject())};
      spyOnProperty($window.navigator, 'clipboard', 'get').and.returnValue(clipboard);
      spyOn($document[0], 'getElementById').and.returnValue({select: angular.noop});
      spyOn($document[0], 'execCommand').and.returnValue(false);
      ctrl.copy();
      $rootScope.$apply();
      expect($document[0].execCommand).toHaveBeenCalledWith('copy');
      expect(ctrl.copied).toBe(false);
    });

    it('saves the certificate as a .pem file', function () {
      var ctrl = start('show');
      spyOn(textDownload, 'downloadTextFile').and.returnValue($q.resolve('web_1-ca.pem'));
      ctrl.download();
      expect(textDownload.downloadTextFile).toHaveBeenCalledWith('CA PEM', 'web_1-ca.pem');
    });

    it('names the file after the bay\'s id when it has no name', function () {
      expect(start('show', {uuid: 'b2'}).fileName).toBe('b2-ca.pem');
    });
  });
})();
