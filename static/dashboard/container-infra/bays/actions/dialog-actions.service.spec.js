/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.actions.dialogs', function () {
    var specs = window.actionSpecs;
    var made, actions;
    var bay = {uuid: 'b1', name: 'web', status: 'CREATE_COMPLETE'};
    var up = {uuid: 'b1', name: 'web', status: 'CREATE_COMPLETE', api_address: 'tcp://x'};
    var creating = {uuid: 'b2', status: 'CREATE_IN_PROGRESS', api_address: null};

    beforeEach(module('horizon.dashboard.container-infra.bays'));
    made = specs.capture('horizon.dashboard.container-infra.common.dialog-action.factory');

    beforeEach(inject(function ($injector) {
      actions = $injector.get('horizon.dashboard.container-infra.bays.actions.dialogs');
    }));

    describe('create', function () {
      it('is allowed by cluster:create', function () {
        var policy = specs.allowPolicy();
        expect(specs.isAllowed(actions.create)).toBe(true);
        expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'cluster:create']]});
      });

      it('opens the wide Create Bay dialog and names the created bay', function () {
        var options = made.optionsOf(actions.create);
        expect(options.dialog.size).toBe('lg');
        expect(options.dialog.body).toBe('bays/actions/create.html');
        expect(options.dialog.controller)
          .toBe('horizon.dashboard.container-infra.bays.CreateController');
        expect(options.changes).toBe('created');
        expect(options.idOf(undefined, {uuid: 'b1', name: 'web'})).toBe('b1');
        expect(options.success(undefined, {uuid: 'b1', name: 'web'}))
          .toBe('Bay "web" is being created.');
        expect(options.success(undefined, {uuid: 'b1'})).toBe('Bay "b1" is being created.');
      });
    });

    describe('progress', function () {
      it('shows the progress of a bay in progress or failed (cluster:get)', function () {
        var policy = specs.allowPolicy();
        expect(specs.isAllowed(actions.progress, {status: 'CREATE_IN_PROGRESS'})).toBe(true);
        expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'cluster:get']]});
        expect(specs.isAllowed(actions.progress, {status: 'CREATE_FAILED'})).toBe(true);
        expect(specs.isAllowed(actions.progress, {status: 'CREATE_COMPLETE'})).toBe(false);
      });

      it('is a wide dialog with a Close button only, that changes nothing', function () {
        var options = made.optionsOf(actions.progress);
        expect(options.dialog.size).toBe('lg');
        expect(options.dialog.submit).toBeUndefined();
        expect(options.dialog.body).toBe('bays/actions/progress.html');
        expect(options.context({uuid: 'b1'})).toEqual({bay: {uuid: 'b1'}});
        expect(options.changes).toBeUndefined();
      });
    });

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

    describe('rotateCa', function () {
      var baysAPI;

      beforeEach(inject(function ($injector) {
        baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
        spyOn(baysAPI, 'rotateBayCertificate')
          .and.returnValue($injector.get('$q').resolve({status: 202}));
      }));

      it('is allowed by certificate:rotate_ca on a bay with an API and at rest', function () {
        var policy = specs.allowPolicy();
        expect(specs.isAllowed(actions.rotateCa, up)).toBe(true);
        expect(policy)
          .toHaveBeenCalledWith({rules: [['container-infra', 'certificate:rotate_ca']]});
        expect(specs.isAllowed(actions.rotateCa, creating)).toBe(false);
        expect(specs.isAllowed(actions.rotateCa,
          {status: 'UPDATE_IN_PROGRESS', api_address: 'tcp://x'})).toBe(false);
        expect(actions.rotateCa.initAction).toBe(angular.noop);
      });

      it('confirms in a dialog of its own, which rotates once submitted', function () {
        var options = made.optionsOf(actions.rotateCa);
        var context = options.context(up);
        expect(options.dialog.body).toBe('bays/actions/rotate-ca.html');
        expect(options.dialog.name).toBe('bay-rotate-ca');
        expect(options.dialog.controller).toBeUndefined();
        expect(context.bay).toBe(up);
        expect(specs.settle(context.send()).resolved).toEqual({status: 202});
        expect(baysAPI.rotateBayCertificate).toHaveBeenCalledWith('b1');
      });

      it('reports the bay updated: its table follows it while in progress', function () {
        var options = made.optionsOf(actions.rotateCa);
        expect([options.changes, options.resourceType]).toEqual(['updated', 'OS::Magnum::Bay']);
        expect(options.success(up)).toBe('The CA certificate of bay "web" is being rotated.');
      });

      it('says what happens before anything does', function () {
        var text = specs.renderBody('bays/actions/rotate-ca.html', {bay: up}).text()
          .replace(/\s+/g, ' ');
        expect(text).toContain('new certificate authority');
        expect(text).toContain('restarted with a new TLS certificate');
        expect(text).toContain('One node at a time: services with replicas on other nodes ' +
          'keep running');
        expect(text).toContain('Update In Progress');
        expect(text).toContain('Every certificate and client configuration made before stops ' +
          'working');
        expect(text).toContain('Download a new client configuration');
      });
    });

    [['showCa', 'show', 'certificate:get'], ['signCsr', 'sign', 'certificate:create']]
      .forEach(function (names) {
        it(names[0] + ' ' + names[1] + 's a certificate of a bay with an API (' + names[2] + ')',
          function () {
            var action = actions[names[0]];
            var options = made.optionsOf(action);
            var policy = specs.allowPolicy();
            expect(specs.isAllowed(action, up)).toBe(true);
            expect(policy).toHaveBeenCalledWith({rules: [['container-infra', names[2]]]});
            expect(specs.isAllowed(action, creating)).toBe(false);
            expect(options.dialog.body).toBe('bays/actions/certificate.html');
            expect(options.dialog.name).toBe('bay-' + names[1]);
            expect(options.context(up)).toEqual({bay: up, mode: names[1]});
            expect(options.changes).toBeUndefined();
          });
      });

    it('keeps the sign dialog open to show the signed certificate', function () {
      var sign = made.optionsOf(actions.signCsr).dialog;
      expect([sign.submit, sign.stays]).toEqual(['Sign', true]);
      expect(made.optionsOf(actions.showCa).dialog.submit).toBeUndefined();
    });
  });
})();
