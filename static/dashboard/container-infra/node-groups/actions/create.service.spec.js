/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.node-groups.actions.create', function () {
    var specs = window.actionSpecs;
    var made, action;
    var bay = {uuid: 'b1', name: 'web', status: 'CREATE_COMPLETE', api_address: 'tcp://x'};

    beforeEach(module('horizon.dashboard.container-infra.node-groups'));
    made = specs.capture('horizon.dashboard.container-infra.common.dialog-action.factory');

    beforeEach(inject(function ($injector) {
      action = $injector.get('horizon.dashboard.container-infra.node-groups.actions.create');
    }));

    it('is allowed by nodegroup:create on a bay at rest that has its API', function () {
      var policy = specs.allowPolicy();
      expect(specs.isAllowed(action, bay)).toBe(true);
      expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'nodegroup:create']]});
      expect(specs.isAllowed(action, angular.extend({}, bay, {status: 'UPDATE_IN_PROGRESS'})))
        .toBe(false);
      expect(specs.isAllowed(action, angular.extend({}, bay, {api_address: null}))).toBe(false);
    });

    it('opens its dialog on the bay and names the group it created', function () {
      var options = made.optionsOf(action);
      expect(options.dialog.body)
        .toBe('node-groups/actions/create.html');
      expect(options.dialog.controller)
        .toBe('horizon.dashboard.container-infra.node-groups.CreateController');
      expect(options.dialog.name).toBe('node-group-create');
      expect(options.context(bay)).toEqual({bay: bay});
      expect([options.changes, options.resourceType]).toEqual(['created', 'OS::Magnum::NodeGroup']);
      expect(options.idOf(bay, {uuid: 'g9', name: 'extra'})).toBe('g9');
      expect(options.success(bay, {uuid: 'g9', name: 'extra'}))
        .toBe('Node group "extra" is being created in bay "web".');
    });
  });
})();
