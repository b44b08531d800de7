/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.node-groups.CreateController', function () {
    var specs = window.actionSpecs;
    var NAME = 'horizon.dashboard.container-infra.node-groups.CreateController';
    var nodeGroupsAPI, choices, $q, $controller, found, groups;
    var LOCAL = [
      {id: 'local.tiny', name: 'local.tiny', description: '0.5 vCPU, 512 MiB'},
      {id: 'local.small', name: 'local.small', description: '1 vCPU, 1024 MiB'}
    ];
    var bay = {uuid: 'b1', name: 'web', flavor_id: 'local.small',
               bay_model: {coe: 'swarm-mode', server_type: 'local', flavor_id: 'local.medium'}};

    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.node-groups'));

    beforeEach(inject(function ($injector) {
      nodeGroupsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-node-groups');
      choices = $injector.get('horizon.dashboard.container-infra.common.choices.service');
      $q = $injector.get('$q');
      $controller = $injector.get('$controller');
      found = {
        flavors: {items: [], unavailable: 'The compute service (Nova) is not in the catalog.'},
        drivers: [{name: 'local', coe: 'swarm-mode', server_type: 'local', os: 'docker',
                   flavors: LOCAL}]
      };
      groups = [
        {name: 'default-master', role: 'master', is_default: true, flavor_id: 'local.medium'},
        {name: 'default-worker', role: 'worker', is_default: true, flavor_id: 'local.tiny'}
      ];
      spyOn(choices, 'get').and.callFake(function () {
        return found ? $q.resolve(found) : $q.reject({status: 500});
      });
      spyOn(nodeGroupsAPI, 'getNodeGroups').and.callFake(function () {
        return groups ? $q.resolve({data: {items: groups}}) : $q.reject({status: 404});
      });
      spyOn(nodeGroupsAPI, 'createNodeGroup').and.returnValue(
        $q.resolve({data: {uuid: 'g9', name: 'extra', status: 'CREATE_IN_PROGRESS'}}));
    }));

    function open(context) {
      var ctrl = $controller(NAME, {context: context || {bay: bay}});
      expect(ctrl.ready()).toBe(false);
      specs.settle($q.resolve());
      return ctrl;
    }

    it('starts with one node, no bounds but 0, and the bay\'s worker flavor', function () {
      var ctrl = open();
      expect(choices.get).toHaveBeenCalledWith(true);
      expect(nodeGroupsAPI.getNodeGroups).toHaveBeenCalledWith('b1', true);
      expect(ctrl.model).toEqual({name: '', node_count: 1, flavor_id: 'local.tiny',
        min_node_count: 0, max_node_count: null, labels: ''});
      expect(ctrl.loading).toBe(false);
      expect(ctrl.ready()).toBe(true);
    });

    it('offers the flavors of the bay\'s driver, by name and what they give', function () {
      var ctrl = open();
      expect(ctrl.flavors).toEqual(LOCAL);
      expect(ctrl.flavorsUnavailable).toBe(null);
      expect(ctrl.flavorName(LOCAL[0])).toBe('local.tiny (0.5 vCPU, 512 MiB)');
      expect(ctrl.flavorName({id: 'f-1'})).toBe('f-1');
    });

    it('falls back on the bay\'s flavor, then its bay model\'s', function () {
      groups = null;
      expect(open().model.flavor_id).toBe('local.small');
      expect(open({bay: {uuid: 'b2', bay_model: {flavor_id: 'local.medium'}}}).model.flavor_id)
        .toBe('local.medium');
      expect(open({bay: {uuid: 'b3', bay_model: null}}).model.flavor_id).toBe(null);
    });

    it('keeps a worker flavor that is not among those offered', function () {
      groups[1].flavor_id = 'm1.large';
      expect(open().flavors.slice(-1)[0]).toEqual({id: 'm1.large', name: 'm1.large'});
    });

    it('asks for a typed flavor, saying why, when none can be offered', function () {
      var ctrl;
      found.drivers = [];
      ctrl = open();
      expect(ctrl.flavors).toEqual([]);
      expect(ctrl.flavorsUnavailable).toBe('The compute service (Nova) is not in the catalog.');
      found.flavors = {items: [], unavailable: null};
      expect(open().flavorsUnavailable).toBe('There are no flavors to choose from.');
      found = null;
      expect(open().flavorsUnavailable).toBe('The flavors could not be read.');
    });

    it('wants the count within the bounds', function () {
      var ctrl = open();
      ctrl.model.max_node_count = 2;
      ctrl.model.node_count = 3;
      expect(ctrl.countProblem()).toBe('The group starts with 3 nodes: give a count from the ' +
        'minimum (0) to the maximum (2).');
      expect(ctrl.ready()).toBe(false);
      ctrl.model.max_node_count = null;
      ctrl.model.min_node_count = 4;
      expect(ctrl.countProblem()).toContain('to the maximum (no limit)');
      ctrl.model.max_node_count = 3;
      expect(ctrl.countProblem()).toBe('The minimum is above the maximum.');
      ctrl.model.node_count = undefined;
      expect(ctrl.countProblem()).toBe('');
    });

    it('creates a worker group from what the form holds, nothing empty sent', function () {
      var ctrl = open();
      ctrl.model.name = 'extra';
      ctrl.model.node_count = 2;
      ctrl.model.max_node_count = 3;
      expect(specs.settle(ctrl.send()).resolved).toEqual({uuid: 'g9', name: 'extra'});
      expect(nodeGroupsAPI.createNodeGroup).toHaveBeenCalledWith('b1', {name: 'extra',
        node_count: 2, flavor_id: 'local.tiny', min_node_count: 0, max_node_count: 3,
        role: 'worker'});
    });

    it('adds its labels to the bay\'s', function () {
      var ctrl = open();
      ctrl.model.name = 'extra';
      ctrl.model.labels = 'team=ops';
      specs.settle(ctrl.send());
      expect(nodeGroupsAPI.createNodeGroup.calls.argsFor(0)[1]).toEqual(jasmine.objectContaining({
        labels: {team: 'ops'}, merge_labels: true
      }));
    });

    it('sends nothing while its labels are wrong, and says why next to them', function () {
      var ctrl = open();
      ctrl.model.labels = 'no equals sign';
      expect('rejected' in specs.settle(ctrl.send())).toBe(true);
      expect(ctrl.labelsError).toContain('Line 1');
      expect(nodeGroupsAPI.createNodeGroup).not.toHaveBeenCalled();
    });

    it('keeps the dialog open on a refusal, the reason next to the field named', function () {
      var ctrl = open();
      var refusal = {status: 409,
        data: 'A node group named \'extra\' already exists in cluster b1.'};
      nodeGroupsAPI.createNodeGroup.and.returnValue($q.reject(refusal));
      ctrl.model.name = 'extra';
      expect(specs.settle(ctrl.send()).rejected).toBe(refusal);
      expect(ctrl.errors.of('name')).toBe(refusal.data);
    });

    describe('its body', function () {
      var ctrl, element;

      beforeEach(function () {
        ctrl = open();
        element = specs.renderBody('node-groups/actions/create.html', ctrl,
          ['node-groups/actions/bounds-fields.html']);
      });

      function group(id) {
        return element.find('#' + id).closest('.form-group');
      }

      it('offers the flavors in a select, the worker flavor chosen', function () {
        var select = element.find('select#node-group-flavor');
        expect(select.find('option').length).toBe(3);
        expect(select.find('option:selected').text()).toContain('local.tiny');
        expect(element.find('input#node-group-flavor').length).toBe(0);
      });

      it('shows a refusal next to the field it names, until that field changes', function () {
        nodeGroupsAPI.createNodeGroup.and.callFake(function () {
          return $q.reject({status: 409,
            data: 'A node group named \'extra\' already exists in cluster b1.'});
        });
        element.find('#node-group-name').val('extra').triggerHandler('input');
        specs.settle(ctrl.send());
        expect(group('node-group-name').hasClass('has-error')).toBe(true);
        expect(group('node-group-name').find('.node-group-name-error').text())
          .toContain('already exists');
        element.find('#node-group-name').val('other').triggerHandler('input');
        expect(group('node-group-name').hasClass('has-error')).toBe(false);
      });

      it('shows a count outside the bounds next to the count', function () {
        element.find('#node-group-max').val('0').triggerHandler('input');
        expect(group('node-group-node-count').hasClass('has-error')).toBe(true);
        expect(group('node-group-node-count').text()).toContain('give a count from the minimum');
      });

      it('focuses the name, not the minimum it shares with Edit Bounds', function () {
        expect(element.find('#node-group-name').attr('autofocus')).toBeDefined();
        expect(element.find('#node-group-min').attr('autofocus')).toBeUndefined();
      });

      it('shows wrong labels next to them', function () {
        element.find('#node-group-labels').val('x').triggerHandler('input');
        expect(group('node-group-labels').hasClass('has-error')).toBe(true);
      });
    });

    it('offers a text field for the flavor when none can be listed', function () {
      var element;
      found.drivers = [];
      element = specs.renderBody('node-groups/actions/create.html', open(),
        ['node-groups/actions/bounds-fields.html']);
      expect(element.find('input#node-group-flavor').length).toBe(1);
      expect(element.text()).toContain('not in the catalog');
    });
  });
})();
