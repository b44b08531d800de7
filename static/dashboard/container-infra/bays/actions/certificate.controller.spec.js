/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.CertificateController', function () {
    var magnum, helper, $q, $rootScope, $controller, $timeout, $window, $document, modal;
    var CSR = '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----';
    var bay = {uuid: 'b1', name: 'web 1'};

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
      helper = $injector.get('horizon.dashboard.container-infra.bays.actions.helper');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      $controller = $injector.get('$controller');
      $timeout = $injector.get('$timeout');
      $window = $injector.get('$window');
      $document = $injector.get('$document');
      modal = jasmine.createSpyObj('modal', ['close']);
      spyOn(magnum, 'getBayCertificate').and.returnValue($q.resolve({data: {pem: 'CA PEM'}}));
      spyOn(magnum, 'signBayCertificate').and.returnValue($q.resolve({data: {pem: 'SIGNED'}}));
    }));

    function start(mode, other) {
      var ctrl = $controller('horizon.dashboard.container-infra.bays.CertificateController', {
        $uibModalInstance: modal, context: {bay: other || bay, mode: mode}
      });
      $rootScope.$apply();
      return ctrl;
    }

    it('shows the bay\'s CA certificate', function () {
      var ctrl = start('show');
      expect(magnum.getBayCertificate).toHaveBeenCalledWith('b1');
      expect(ctrl.pem).toBe('CA PEM');
      expect(ctrl.busy).toBe(false);
      expect(ctrl.fileName).toBe('web_1-ca.pem');
    });

    it('signs a pasted request', function () {
      var ctrl = start('sign');
      expect(magnum.getBayCertificate).not.toHaveBeenCalled();
      expect(ctrl.fileName).toBe('web_1-cert.pem');
      ctrl.csr = 'not a request';
      ctrl.sign();
      expect(magnum.signBayCertificate).not.toHaveBeenCalled();
      ctrl.csr = CSR;
      ctrl.sign();
      expect(ctrl.busy).toBe(true);
      ctrl.sign();
      $rootScope.$apply();
      expect(magnum.signBayCertificate.calls.count()).toBe(1);
      expect(magnum.signBayCertificate).toHaveBeenCalledWith('b1', CSR);
      expect(ctrl.pem).toBe('SIGNED');
      expect(ctrl.busy).toBe(false);
    });

    it('lets the user try again when signing fails', function () {
      var ctrl = start('sign');
      magnum.signBayCertificate.and.returnValue($q.reject({status: 400}));
      ctrl.csr = CSR;
      ctrl.sign();
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
      spyOn(helper, 'saveAs');
      spyOn($window.URL, 'createObjectURL').and.returnValue('blob:pem');
      spyOn($window.URL, 'revokeObjectURL');
      ctrl.download();
      expect($window.URL.createObjectURL.calls.argsFor(0)[0] instanceof Blob).toBe(true);
      expect(helper.saveAs).toHaveBeenCalledWith('blob:pem', 'web_1-ca.pem');
      expect($window.URL.revokeObjectURL).toHaveBeenCalledWith('blob:pem');
    });

    it('closes', function () {
      start('show').close();
      expect(modal.close).toHaveBeenCalled();
    });

    it('names the file after the bay\'s id when it has no name', function () {
      expect(start('show', {uuid: 'b2'}).fileName).toBe('b2-ca.pem');
    });
  });
})();
