/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.node-groups.actions.change', function () {
    var specs = window.actionSpecs;
    var made, actions;
    var atRest = {uuid: 'b1', status: 'UPDATE_COMPLETE'};
    var group = {uuid: 'g1', name: 'extra', role: 'worker', status: 'CREATE_COMPLETE',
                 bay: atRest};

    beforeEach(module('horizon.dashboard.container-infra.node-groups'));
    made = specs.capture('horizon.dashboard.container-infra.common.dialog-action.factory');

    beforeEach(inject(function ($injector) {
      actions = $injector.get('horizon.dashboard.container-infra.node-groups.actions.change');
    }));

    function with_(changes) {
      return angular.extend({}, group, changes);
    }

    it('resize is allowed by cluster:resize on a worker group whose bay is at rest', function () {
      var policy = specs.allowPolicy();
      expect(specs.isAllowed(actions.resize, group)).toBe(true);
      expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'cluster:resize']]});
      expect(specs.isAllowed(actions.resize, with_({role: 'master'}))).toBe(false);
      expect(specs.isAllowed(actions.resize, with_({status: 'UPDATE_IN_PROGRESS'}))).toBe(false);
      expect(specs.isAllowed(actions.resize, with_({status: 'CREATE_FAILED'}))).toBe(false);
      expect(specs.isAllowed(actions.resize, with_({bay: {status: 'UPDATE_IN_PROGRESS'}})))
        .toBe(false);
    });

    it('resize opens the Resize dialog on the group, and reports it updated', function () {
      var options = made.optionsOf(actions.resize);
      expect(options.dialog.body).toBe('bays/actions/resize.html');
      expect(options.dialog.controller).toBe('horizon.dashboard.container-infra.bays.ResizeController');
      expect(options.dialog.name).toBe('node-group-resize');
      expect(options.context(group)).toEqual({bay: atRest, group: group});
      expect([options.changes, options.resourceType]).toEqual(['updated', 'OS::Magnum::NodeGroup']);
      expect(options.success(group, 2)).toBe('Node group "extra" is being resized to 2 nodes.');
    });

    it('bounds are allowed by nodegroup:update on a worker group not being deleted, ' +
      'the bay busy or not', function () {
      var policy = specs.allowPolicy();
      expect(specs.isAllowed(actions.bounds, with_({bay: {status: 'UPDATE_IN_PROGRESS'}})))
        .toBe(true);
      expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'nodegroup:update']]});
      expect(specs.isAllowed(actions.bounds, with_({role: 'master'}))).toBe(false);
      expect(specs.isAllowed(actions.bounds, with_({status: 'DELETE_IN_PROGRESS'}))).toBe(false);
      expect(specs.isAllowed(actions.bounds, with_({status: undefined}))).toBe(true);
    });

    it('bounds opens its own dialog, and reports the group updated', function () {
      var options = made.optionsOf(actions.bounds);
      expect(options.dialog.body)
        .toBe('node-groups/actions/bounds.html');
      expect(options.dialog.controller)
        .toBe('horizon.dashboard.container-infra.node-groups.BoundsController');
      expect(options.dialog.name).toBe('node-group-bounds');
      expect(options.changes).toBe('updated');
      expect(options.success(group)).toBe('The bounds of node group "extra" are saved.');
    });
  });
})();
