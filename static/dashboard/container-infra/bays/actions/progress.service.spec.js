/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.actions.progress', function () {
    var specs = window.actionSpecs;
    var made, action;

    beforeEach(module('horizon.dashboard.container-infra.bays'));
    made = specs.capture('horizon.dashboard.container-infra.common.dialog-action.factory');

    beforeEach(inject(function ($injector) {
      action = $injector.get('horizon.dashboard.container-infra.bays.actions.progress');
    }));

    it('shows the progress of a bay in progress or failed (cluster:get)', function () {
      var policy = specs.allowPolicy();
      expect(specs.isAllowed(action, {status: 'CREATE_IN_PROGRESS'})).toBe(true);
      expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'cluster:get']]});
      expect(specs.isAllowed(action, {status: 'CREATE_FAILED'})).toBe(true);
      expect(specs.isAllowed(action, {status: 'CREATE_COMPLETE'})).toBe(false);
    });

    it('is a wide dialog with a Close button only, that changes nothing', function () {
      var options = made.optionsOf(action);
      expect(options.dialog.size).toBe('lg');
      expect(options.dialog.submit).toBeUndefined();
      expect(options.dialog.body).toBe('bays/actions/progress.html');
      expect(options.context({uuid: 'b1'})).toEqual({bay: {uuid: 'b1'}});
      expect(options.changes).toBeUndefined();
    });
  });
})();
