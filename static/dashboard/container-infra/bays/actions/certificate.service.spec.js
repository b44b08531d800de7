/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.actions.certificate', function () {
    var specs = window.actionSpecs;
    var made, actions;
    var up = {uuid: 'b1', status: 'CREATE_COMPLETE', api_address: 'tcp://10.0.0.2:2376'};
    var creating = {uuid: 'b2', status: 'CREATE_IN_PROGRESS', api_address: null};

    beforeEach(module('horizon.dashboard.container-infra.bays'));
    made = specs.capture('horizon.dashboard.container-infra.common.dialog-action.factory');

    beforeEach(inject(function ($injector) {
      actions = $injector.get('horizon.dashboard.container-infra.bays.actions.certificate');
    }));

    [['show', 'certificate:get'], ['sign', 'certificate:create']].forEach(function (pair) {
      it(pair[0] + 's a certificate of a bay with an API (' + pair[1] + ')', function () {
        var action = actions[pair[0]];
        var options = made.optionsOf(action);
        var policy = specs.allowPolicy();
        expect(specs.isAllowed(action, up)).toBe(true);
        expect(policy).toHaveBeenCalledWith({rules: [['container-infra', pair[1]]]});
        expect(specs.isAllowed(action, creating)).toBe(false);
        expect(options.dialog.body)
          .toBe('bays/actions/certificate.html');
        expect(options.dialog.name).toBe('bay-' + pair[0]);
        expect(options.context(up)).toEqual({bay: up, mode: pair[0]});
        expect(options.changes).toBeUndefined();
      });
    });

    it('keeps the sign dialog open to show the signed certificate', function () {
      var sign = made.optionsOf(actions.sign).dialog;
      expect([sign.submit, sign.stays]).toEqual(['Sign', true]);
      expect(made.optionsOf(actions.show).dialog.submit).toBeUndefined();
    });
  });
})();
