/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.actions.change', function () {
    var specs = window.actionSpecs;
    var made, actions;
    var bay = {uuid: 'b1', name: 'web', status: 'CREATE_COMPLETE'};

    beforeEach(module('horizon.dashboard.container-infra.bays'));
    made = specs.capture('horizon.dashboard.container-infra.common.dialog-action.factory');

    beforeEach(inject(function ($injector) {
      actions = $injector.get('horizon.dashboard.container-infra.bays.actions.change');
    }));

    [['resize', 'cluster:resize'], ['upgrade', 'cluster:upgrade']].forEach(function (pair) {
      it(pair[0] + ' is allowed by ' + pair[1] + ' on a bay at rest only', function () {
        var policy = specs.allowPolicy();
        expect(specs.isAllowed(actions[pair[0]], bay)).toBe(true);
        expect(policy).toHaveBeenCalledWith({rules: [['container-infra', pair[1]]]});
        expect(specs.isAllowed(actions[pair[0]], {status: 'UPDATE_IN_PROGRESS'})).toBe(false);
        expect(specs.isAllowed(actions[pair[0]], {status: 'CREATE_FAILED'})).toBe(false);
      });

      it(pair[0] + ' opens its dialog and reports the bay updated', function () {
        var options = made.optionsOf(actions[pair[0]]);
        var name = pair[0].charAt(0).toUpperCase() + pair[0].slice(1);
        expect(options.dialog.body)
          .toBe('bays/actions/' + pair[0] + '.html');
        expect(options.dialog.controller)
          .toBe('horizon.dashboard.container-infra.bays.' + name + 'Controller');
        expect(options.dialog.name).toBe('bay-' + pair[0]);
        expect([options.changes, options.resourceType]).toEqual(['updated', 'OS::Magnum::Bay']);
      });
    });

    describe('resize', function () {
      var nodeGroupsAPI, $q, bigger;
      var worker = {uuid: 'g-w', is_default: true, role: 'worker', node_count: 2};

      beforeEach(inject(function ($injector) {
        nodeGroupsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-node-groups');
        $q = $injector.get('$q');
        bigger = angular.extend({node_count: 5, node_addresses: ['10.0.0.1']}, bay);
      }));

      it('opens on the bay\'s default-worker group, read quietly first', function () {
        spyOn(nodeGroupsAPI, 'getNodeGroups').and.returnValue($q.resolve({data: {items: [
          {uuid: 'g-m', is_default: true, role: 'master', node_count: 1}, worker,
          {uuid: 'g-x', is_default: false, role: 'worker', node_count: 3}
        ]}}));
        expect(specs.settle(made.optionsOf(actions.resize).context(bigger)).resolved)
          .toEqual({bay: bigger, group: worker, ofBay: true});
        expect(nodeGroupsAPI.getNodeGroups).toHaveBeenCalledWith('b1', true);
      });

      it('opens on the bay\'s own counts when its groups cannot be read', function () {
        spyOn(nodeGroupsAPI, 'getNodeGroups').and.returnValue($q.reject({status: 406}));
        expect(specs.settle(made.optionsOf(actions.resize).context(bigger)).resolved)
          .toEqual({bay: bigger, ofBay: true,
            group: {node_count: 5, node_addresses: ['10.0.0.1']}});
      });
    });

    it('upgrade opens on the bay', function () {
      expect(made.optionsOf(actions.upgrade).context(bay)).toEqual({bay: bay});
    });

    it('says the new size, or the new bay model', function () {
      expect(made.optionsOf(actions.resize).success(bay, 4))
        .toBe('Bay "web" is being resized to 4 nodes.');
      expect(made.optionsOf(actions.upgrade).success(bay, {uuid: 'm2', name: 'swarm-v2'}))
        .toBe('Bay "web" is being upgraded to bay model "swarm-v2".');
    });
  });
})();
