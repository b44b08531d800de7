/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.actions.create', function () {
    var specs = window.actionSpecs;
    var made, action, options;

    beforeEach(module('horizon.dashboard.container-infra.bays'));
    made = specs.capture('horizon.dashboard.container-infra.common.dialog-action.factory');

    beforeEach(inject(function ($injector) {
      action = $injector.get('horizon.dashboard.container-infra.bays.actions.create');
      options = made.optionsOf(action);
    }));

    it('is allowed by cluster:create', function () {
      var policy = specs.allowPolicy();
      expect(specs.isAllowed(action)).toBe(true);
      expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'cluster:create']]});
    });

    it('opens the wide Create Bay dialog and names the created bay', function () {
      expect(options.dialog.size).toBe('lg');
      expect(options.dialog.body).toBe('bays/actions/create.html');
      expect(options.dialog.controller).toBe('horizon.dashboard.container-infra.bays.CreateController');
      expect(options.changes).toBe('created');
      expect(options.idOf(undefined, {uuid: 'b1', name: 'web'})).toBe('b1');
      expect(options.success(undefined, {uuid: 'b1', name: 'web'}))
        .toBe('Bay "web" is being created.');
      expect(options.success(undefined, {uuid: 'b1'})).toBe('Bay "b1" is being created.');
    });
  });
})();
