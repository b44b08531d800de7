/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.node-groups.actions.dialogs', function () {
    var specs = window.actionSpecs;
    var made, actions;
    var bay = {uuid: 'b1', name: 'web', status: 'CREATE_COMPLETE', api_address: 'tcp://x'};
    var atRest = {uuid: 'b1', status: 'UPDATE_COMPLETE'};
    var group = {uuid: 'g1', name: 'extra', role: 'worker', status: 'CREATE_COMPLETE',
                 bay: atRest};

    beforeEach(module('horizon.dashboard.container-infra.node-groups'));
    made = specs.capture('horizon.dashboard.container-infra.common.dialog-action.factory');

    beforeEach(inject(function ($injector) {
      actions = $injector.get('horizon.dashboard.container-infra.node-groups.actions.dialogs');
    }));

    function with_(changes) {
      return angular.extend({}, group, changes);
    }

    it('create is allowed by nodegroup:create on a bay at rest that has its API', function () {
      var policy = specs.allowPolicy();
      expect(specs.isAllowed(actions.create, bay)).toBe(true);
      expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'nodegroup:create']]});
      expect(specs.isAllowed(actions.create,
        angular.extend({}, bay, {status: 'UPDATE_IN_PROGRESS'}))).toBe(false);
      expect(specs.isAllowed(actions.create, angular.extend({}, bay, {api_address: null})))
        .toBe(false);
    });

    it('opens each action\'s own dialog', function () {
      expect(['create', 'resize', 'bounds'].map(function (name) {
        var dialog = made.optionsOf(actions[name]).dialog;
        return [dialog.name, dialog.body, dialog.controller];
      })).toEqual([
        ['node-group-create', 'node-groups/actions/create.html',
          'horizon.dashboard.container-infra.node-groups.CreateController'],
        ['node-group-resize', 'bays/actions/resize.html',
          'horizon.dashboard.container-infra.bays.ResizeController'],
        ['node-group-bounds', 'node-groups/actions/bounds.html',
          'horizon.dashboard.container-infra.node-groups.BoundsController']
      ]);
    });

    it('create opens on the bay and names the group it created', function () {
      var options = made.optionsOf(actions.create);
      expect(options.context(bay)).toEqual({bay: bay});
      expect([options.changes, options.resourceType]).toEqual(['created', 'OS::Magnum::NodeGroup']);
      expect(options.idOf(bay, {uuid: 'g9', name: 'extra'})).toBe('g9');
      expect(options.success(bay, {uuid: 'g9', name: 'extra'}))
        .toBe('Node group "extra" is being created in bay "web".');
    });

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

    it('bounds reports the group updated', function () {
      var options = made.optionsOf(actions.bounds);
      expect(options.changes).toBe('updated');
      expect(options.success(group)).toBe('The bounds of node group "extra" are saved.');
    });
  });
})();
