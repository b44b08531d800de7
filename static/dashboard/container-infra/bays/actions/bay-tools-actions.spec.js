/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  // The actions that read from a bay: certificates, configuration, progress.
  describe('the bay tool actions', function () {
    var helper, policy, magnum, $q, $rootScope, $injector;
    var up = {uuid: 'b1', name: 'web', status: 'CREATE_COMPLETE', api_address: 'tcp://10.0.0.2:2376'};
    var creating = {uuid: 'b2', name: 'new', status: 'CREATE_IN_PROGRESS', api_address: null};
    var failed = {uuid: 'b3', name: 'bad', status: 'CREATE_FAILED', api_address: null};

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function (_$injector_) {
      $injector = _$injector_;
      helper = $injector.get('horizon.dashboard.container-infra.bays.actions.helper');
      policy = $injector.get('horizon.app.core.openstack-service-api.policy');
      magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      spyOn(policy, 'ifAllowed').and.returnValue($q.resolve());
    }));

    function get(name) {
      return $injector.get('horizon.dashboard.container-infra.bays.actions.' + name);
    }

    function allowed(action, bay) {
      var result;
      action.allowed(bay).then(function () { result = true; }, function () { result = false; });
      $rootScope.$apply();
      return result;
    }

    function lastRule() {
      return policy.ifAllowed.calls.mostRecent().args[0].rules[0][1];
    }

    describe('certificates', function () {
      it('shows the CA certificate of a bay with an API (certificate:get)', function () {
        var action = get('certificate').show;
        expect(allowed(action, up)).toBe(true);
        expect(lastRule()).toBe('certificate:get');
        expect(allowed(action, creating)).toBe(false);
        spyOn(helper, 'openDialog').and.returnValue($q.resolve());
        action.perform(up);
        expect(helper.openDialog).toHaveBeenCalledWith('certificate.html',
          'horizon.dashboard.container-infra.bays.CertificateController', {bay: up, mode: 'show'});
        expect(action.initAction).toBe(angular.noop);
      });

      it('signs requests for a bay with an API (certificate:create)', function () {
        var action = get('certificate').sign;
        var result = 'pending';
        expect(allowed(action, up)).toBe(true);
        expect(lastRule()).toBe('certificate:create');
        spyOn(helper, 'openDialog').and.returnValue($q.resolve('ignored'));
        action.perform(up).then(function (value) { result = value; });
        $rootScope.$apply();
        expect(helper.openDialog.calls.argsFor(0)[2]).toEqual({bay: up, mode: 'sign'});
        // Nothing changed: nothing to re-list.
        expect(result).toBeUndefined();
      });
    });

    describe('rotate CA', function () {
      var action, simpleModal, toast;

      beforeEach(function () {
        action = get('rotate-ca');
        simpleModal = $injector.get('horizon.framework.widgets.modal.simple-modal.service');
        toast = $injector.get('horizon.framework.widgets.toast.service');
        spyOn(toast, 'add');
        spyOn(magnum, 'rotateBayCertificate').and.returnValue($q.resolve({status: 202}));
      });

      it('is allowed by certificate:rotate_ca on a bay with an API and at rest', function () {
        expect(allowed(action, up)).toBe(true);
        expect(lastRule()).toBe('certificate:rotate_ca');
        expect(allowed(action, creating)).toBe(false);
        expect(allowed(action, {status: 'UPDATE_IN_PROGRESS', api_address: 'tcp://x'})).toBe(false);
      });

      it('rotates after a confirmation', function () {
        var result;
        spyOn(simpleModal, 'modal').and.returnValue({result: $q.resolve()});
        action.perform(up).then(function (value) { result = value; });
        $rootScope.$apply();
        expect(simpleModal.modal.calls.argsFor(0)[0].title)
          .toBe('Rotate the CA certificate of bay "web"?');
        expect(magnum.rotateBayCertificate).toHaveBeenCalledWith('b1');
        expect(toast.add).toHaveBeenCalledWith('success',
          'The CA certificate of bay "web" is being rotated.');
        expect(result.updated).toEqual([{type: 'OS::Magnum::Bay', id: 'b1'}]);
      });

      it('does not rotate when not confirmed', function () {
        spyOn(simpleModal, 'modal').and.returnValue({result: $q.reject()});
        action.perform(up).catch(angular.noop);
        $rootScope.$apply();
        expect(magnum.rotateBayCertificate).not.toHaveBeenCalled();
      });
    });

    describe('client configuration', function () {
      it('downloads the configuration of a bay with an API (cluster:get_config)', function () {
        var action = get('config');
        var done = false;
        expect(allowed(action, up)).toBe(true);
        expect(lastRule()).toBe('cluster:get_config');
        expect(allowed(action, creating)).toBe(false);
        spyOn(helper, 'saveAs');
        action.perform(up).then(function () { done = true; });
        $rootScope.$apply();
        expect(helper.saveAs).toHaveBeenCalledWith('/api/container_infra/bays/b1/config/');
        expect(done).toBe(true);
      });
    });

    describe('progress', function () {
      it('shows the progress of a bay in progress or failed (cluster:get)', function () {
        var action = get('progress');
        expect(allowed(action, creating)).toBe(true);
        expect(lastRule()).toBe('cluster:get');
        expect(allowed(action, failed)).toBe(true);
        expect(allowed(action, up)).toBe(false);
        spyOn(helper, 'openDialog').and.returnValue($q.resolve());
        action.perform(creating);
        expect(helper.openDialog).toHaveBeenCalledWith('progress.html',
          'horizon.dashboard.container-infra.bays.ProgressDialogController', {bay: creating}, 'lg');
      });

      it('has a dialog that closes', inject(function ($controller) {
        var modal = jasmine.createSpyObj('modal', ['close']);
        var ctrl = $controller('horizon.dashboard.container-infra.bays.ProgressDialogController', {
          $uibModalInstance: modal, context: {bay: creating}
        });
        expect(ctrl.bay).toBe(creating);
        ctrl.close();
        expect(modal.close).toHaveBeenCalled();
      }));
    });
  });
})();
