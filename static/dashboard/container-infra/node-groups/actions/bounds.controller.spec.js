/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.node-groups.BoundsController', function () {
    var specs = window.actionSpecs;
    var NAME = 'horizon.dashboard.container-infra.node-groups.BoundsController';
    var nodeGroupsAPI, $q, $controller, ctrl;
    var group = {uuid: 'g1', name: 'extra', node_count: 2, min_node_count: 0,
                 max_node_count: null, bay: {uuid: 'b1'}};

    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.node-groups'));

    beforeEach(inject(function ($injector) {
      nodeGroupsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-node-groups');
      $q = $injector.get('$q');
      $controller = $injector.get('$controller');
      spyOn(nodeGroupsAPI, 'updateNodeGroup').and.returnValue(
        $q.resolve({data: {uuid: 'g1', min_node_count: 1, max_node_count: 3}}));
      ctrl = $controller(NAME, {context: {bay: group.bay, group: group}});
    }));

    it('starts from the group\'s bounds, with nothing to send', function () {
      expect(ctrl.model).toEqual({min_node_count: 0, max_node_count: null});
      expect(ctrl.ready()).toBe(false);
      expect($controller(NAME, {context: {group: {node_count: 1, max_node_count: 4}}})
        .model.max_node_count)
        .toBe(4);
    });

    it('sends the bounds that changed, and gives the group back', function () {
      ctrl.model.min_node_count = 1;
      ctrl.model.max_node_count = 3;
      expect(ctrl.ready()).toBe(true);
      expect(specs.settle(ctrl.send()).resolved).toEqual(
        {uuid: 'g1', min_node_count: 1, max_node_count: 3});
      expect(nodeGroupsAPI.updateNodeGroup).toHaveBeenCalledWith('b1', 'g1',
        {min_node_count: 1, max_node_count: 3});
    });

    it('sends a cleared maximum as null: no limit', function () {
      var bounded = $controller(NAME, {context: {group: angular.extend({}, group,
        {max_node_count: 5})}});
      bounded.model.max_node_count = null;
      specs.settle(bounded.send());
      expect(nodeGroupsAPI.updateNodeGroup)
        .toHaveBeenCalledWith('b1', 'g1', {max_node_count: null});
    });

    it('wants bounds that hold the group\'s nodes now', function () {
      ctrl.model.min_node_count = 3;
      expect(ctrl.minProblem()).toBe('The group has 2 nodes now: the minimum cannot be above ' +
        'that.');
      expect(ctrl.ready()).toBe(false);
      ctrl.model.min_node_count = 0;
      ctrl.model.max_node_count = 1;
      expect(ctrl.maxProblem()).toBe('The group has 2 nodes now: the maximum cannot be below ' +
        'that.');
      expect(ctrl.ready()).toBe(false);
      ctrl.model.max_node_count = 2;
      expect([ctrl.minProblem(), ctrl.maxProblem(), ctrl.ready()]).toEqual(['', '', true]);
    });

    it('keeps the dialog open on a refusal, its reason next to the bound named', function () {
      var refusal = {status: 409, data: 'Node group extra: min_node_count (2) must not exceed ' +
        'max_node_count (1).'};
      var element = specs.renderBody('node-groups/actions/bounds.html', ctrl,
        ['node-groups/actions/bounds-fields.html']);
      nodeGroupsAPI.updateNodeGroup.and.returnValue($q.reject(refusal));
      ctrl.model.min_node_count = 1;
      expect(specs.settle(ctrl.send()).rejected).toBe(refusal);
      expect(element.find('#node-group-bounds-min').closest('.form-group').text())
        .toContain('must not exceed');
      expect(element.find('#node-group-bounds-min').attr('autofocus')).toBeDefined();
    });
  });
})();
