/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.ResizeController', function () {
    var specs = window.actionSpecs;
    var NAME = 'horizon.dashboard.container-infra.bays.ResizeController';
    var baysAPI, nodeGroupsAPI, $q, $controller;
    var bay = {uuid: 'b1', name: 'web', master_count: 1, node_count: 5};
    var defaultWorker = {uuid: 'g-w', name: 'default-worker', role: 'worker', is_default: true,
                         node_count: 3, min_node_count: 0, max_node_count: null,
                         node_addresses: ['10.1.0.11', '10.1.0.12', '10.1.0.13']};
    var extra = {uuid: 'g-x', name: 'extra', role: 'worker', node_count: 2, min_node_count: 1,
                 max_node_count: 3, flavor_id: 'local.tiny',
                 node_addresses: ['10.1.1.1', '10.1.1.2'], bay: {uuid: 'b1'}};

    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      nodeGroupsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-node-groups');
      $q = $injector.get('$q');
      $controller = $injector.get('$controller');
      spyOn(baysAPI, 'resizeBay').and.returnValue($q.resolve({data: {uuid: 'b1'}}));
      spyOn(nodeGroupsAPI, 'resizeNodeGroup').and.returnValue($q.resolve({data: {uuid: 'b1'}}));
    }));

    function ofBay() {
      return $controller(NAME, {context: {bay: bay, group: defaultWorker, ofBay: true}});
    }

    describe('of a bay', function () {
      var ctrl;

      beforeEach(function () {
        ctrl = ofBay();
      });

      it('starts from its default-worker group, which it is not ready to send as is',
        function () {
          expect(ctrl.nodeCount).toBe(3);
          expect(ctrl.nodes.map(function (node) { return node.address; }))
            .toEqual(defaultWorker.node_addresses);
          expect(ctrl.prefix).toBe('bay-resize');
          expect(ctrl.range()).toBe('A whole number from 0 to 1000.');
          expect(ctrl.unchanged()).toBe(true);
          expect(ctrl.ready()).toBe(false);
        });

      it('grows the group by the bay\'s resize and gives the new size', function () {
        ctrl.nodeCount = 5;
        expect(ctrl.removing()).toBe(0);
        expect(ctrl.ready()).toBe(true);
        expect(specs.settle(ctrl.send()).resolved).toBe(5);
        expect(baysAPI.resizeBay).toHaveBeenCalledWith('b1', {node_count: 5});
        expect(nodeGroupsAPI.resizeNodeGroup).not.toHaveBeenCalled();
      });

      it('shrinks the group removing the nodes picked', function () {
        ctrl.nodeCount = 1;
        ctrl.nodes[2].remove = true;
        expect(ctrl.removing()).toBe(2);
        expect(ctrl.chosen()).toEqual(['10.1.0.13']);
        specs.settle(ctrl.send());
        expect(baysAPI.resizeBay).toHaveBeenCalledWith('b1', {
          node_count: 1, nodes_to_remove: ['10.1.0.13']
        });
      });

      it('shrinks the group leaving the choice to Magnum when none is picked', function () {
        ctrl.nodeCount = 2;
        ctrl.send();
        expect(baysAPI.resizeBay).toHaveBeenCalledWith('b1', {node_count: 2});
      });

      it('is not ready with more nodes picked than the new size removes', function () {
        ctrl.nodeCount = 2;
        ctrl.nodes[0].remove = true;
        ctrl.nodes[1].remove = true;
        expect(ctrl.tooMany()).toBe(true);
        expect(ctrl.ready()).toBe(false);
      });

      it('removes nothing while the count is not a number', function () {
        ctrl.nodeCount = undefined;
        expect(ctrl.removing()).toBe(0);
      });

      it('keeps the dialog open on a refusal, its reason next to the field it names',
        function () {
          var refusal = {status: 400, data: 'node_count 9 is outside node group ' +
            'default-worker\'s range 0..4.'};
          baysAPI.resizeBay.and.returnValue($q.reject(refusal));
          ctrl.nodeCount = 9;
          expect(specs.settle(ctrl.send()).rejected).toBe(refusal);
          expect(ctrl.errors.of('node_count')).toBe(refusal.data);
        });
    });

    it('has no nodes to pick from a group without addresses', function () {
      var other = $controller(NAME, {context: {bay: {uuid: 'b2'}, group: {node_count: 1},
        ofBay: true}});
      expect(other.nodes).toEqual([]);
    });

    describe('of a node group', function () {
      var ctrl;

      beforeEach(function () {
        ctrl = $controller(NAME, {context: {bay: extra.bay, group: extra}});
      });

      it('starts from the group, within its bounds', function () {
        expect(ctrl.ofBay).toBe(false);
        expect(ctrl.prefix).toBe('node-group-resize');
        expect([ctrl.nodeCount, ctrl.min, ctrl.max]).toEqual([2, 1, 3]);
        expect(ctrl.range()).toBe('A whole number from 1 to 3.');
      });

      it('sends the group\'s resize, with the nodes picked', function () {
        ctrl.nodeCount = 1;
        ctrl.nodes[1].remove = true;
        expect(specs.settle(ctrl.send()).resolved).toBe(1);
        expect(nodeGroupsAPI.resizeNodeGroup).toHaveBeenCalledWith('b1', 'g-x', {
          node_count: 1, nodes_to_remove: ['10.1.1.2']
        });
        expect(baysAPI.resizeBay).not.toHaveBeenCalled();
      });
    });

    describe('its body', function () {
      it('names its fields after the dialog and says what a bay\'s resize changes', function () {
        var element = specs.renderBody('bays/actions/resize.html', ofBay());
        expect(element.find('#bay-resize-node-count').length).toBe(1);
        expect(element.find('label[for="bay-resize-node-count"]').text().trim())
          .toBe('Worker Nodes');
        expect(element.text().replace(/\s+/g, ' ')).toContain('3 in its default-worker group');
      });

      it('says which group a node group\'s resize changes, and its range', function () {
        var ctrl = $controller(NAME, {context: {bay: extra.bay, group: extra}});
        var element = specs.renderBody('bays/actions/resize.html', ctrl);
        var input = element.find('#node-group-resize-node-count');
        expect(element.text()).toContain('extra');
        expect(element.find('label[for="node-group-resize-node-count"]').text().trim())
          .toBe('Nodes');
        input.val('7').triggerHandler('input');
        expect(input.closest('.form-group').text()).toContain('A whole number from 1 to 3.');
      });

      it('shows a refusal next to the count until the count changes', function () {
        var ctrl = $controller(NAME, {context: {bay: extra.bay, group: extra}});
        var element = specs.renderBody('bays/actions/resize.html', ctrl);
        var input = element.find('#node-group-resize-node-count');
        nodeGroupsAPI.resizeNodeGroup.and.returnValue($q.reject({status: 400,
          data: 'node_count: no.'}));
        ctrl.nodeCount = 3;
        specs.settle(ctrl.send());
        expect(input.closest('.form-group').hasClass('has-error')).toBe(true);
        expect(input.closest('.form-group').text()).toContain('node_count: no.');
        input.val('2').triggerHandler('input');
        expect(input.closest('.form-group').hasClass('has-error')).toBe(false);
      });

      it('shows a refusal of the nodes picked under them', function () {
        var ctrl = ofBay();
        var element = specs.renderBody('bays/actions/resize.html', ctrl);
        baysAPI.resizeBay.and.returnValue($q.reject({status: 400,
          data: 'nodes_to_remove: \'x\' is not a node of node group default-worker.'}));
        ctrl.nodeCount = 2;
        specs.settle(ctrl.send());
        expect(element.find('.bay-resize-remove .text-danger').text())
          .toContain('is not a node');
      });
    });
  });
})();
