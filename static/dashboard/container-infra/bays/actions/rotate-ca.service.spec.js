/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.actions.rotate-ca', function () {
    var specs = window.actionSpecs;
    var action, baysAPI, simpleModal, toast, $q;
    var up = {uuid: 'b1', name: 'web', status: 'CREATE_COMPLETE', api_address: 'tcp://x'};

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      action = $injector.get('horizon.dashboard.container-infra.bays.actions.rotate-ca');
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      simpleModal = $injector.get('horizon.framework.widgets.modal.simple-modal.service');
      toast = $injector.get('horizon.framework.widgets.toast.service');
      $q = $injector.get('$q');
      spyOn(toast, 'add');
      spyOn(baysAPI, 'rotateBayCertificate').and.returnValue($q.resolve({status: 202}));
    }));

    it('is allowed by certificate:rotate_ca on a bay with an API and at rest', function () {
      var policy = specs.allowPolicy();
      expect(specs.isAllowed(action, up)).toBe(true);
      expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'certificate:rotate_ca']]});
      expect(specs.isAllowed(action, {status: 'CREATE_IN_PROGRESS', api_address: null}))
        .toBe(false);
      expect(specs.isAllowed(action, {status: 'UPDATE_IN_PROGRESS', api_address: 'tcp://x'}))
        .toBe(false);
      expect(action.initAction).toBe(angular.noop);
    });

    it('rotates after a confirmation', function () {
      var outcome;
      spyOn(simpleModal, 'modal').and.returnValue({result: $q.resolve()});
      outcome = specs.settle(action.perform(up));
      expect(simpleModal.modal.calls.argsFor(0)[0].title)
        .toBe('Rotate the CA certificate of bay "web"?');
      expect(baysAPI.rotateBayCertificate).toHaveBeenCalledWith('b1');
      expect(toast.add).toHaveBeenCalledWith('success',
        'The CA certificate of bay "web" is being rotated.');
      expect(outcome.resolved.updated).toEqual([{type: 'OS::Magnum::Bay', id: 'b1'}]);
    });

    it('does not rotate when not confirmed', function () {
      spyOn(simpleModal, 'modal').and.returnValue({result: $q.reject()});
      expect('rejected' in specs.settle(action.perform(up))).toBe(true);
      expect(baysAPI.rotateBayCertificate).not.toHaveBeenCalled();
    });
  });
})();
