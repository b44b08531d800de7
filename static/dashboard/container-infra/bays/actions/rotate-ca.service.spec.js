/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.actions.rotate-ca', function () {
    var specs = window.actionSpecs;
    var made, action, baysAPI, $q;
    var up = {uuid: 'b1', name: 'web', status: 'CREATE_COMPLETE', api_address: 'tcp://x'};

    beforeEach(module('horizon.dashboard.container-infra.bays'));
    made = specs.capture('horizon.dashboard.container-infra.common.dialog-action.factory');

    beforeEach(inject(function ($injector) {
      action = $injector.get('horizon.dashboard.container-infra.bays.actions.rotate-ca');
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      $q = $injector.get('$q');
      spyOn(baysAPI, 'rotateBayCertificate').and.returnValue($q.resolve({status: 202}));
    }));

    it('is allowed by certificate:rotate_ca on a bay with an API and at rest', function () {
      var policy = specs.allowPolicy();
      expect(specs.isAllowed(action, up)).toBe(true);
      expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'certificate:rotate_ca']]});
      expect(specs.isAllowed(action, {status: 'CREATE_IN_PROGRESS', api_address: null}))
        .toBe(false);
      expect(specs.isAllowed(action, {status: 'UPDATE_IN_PROGRESS', api_address: 'tcp://x'}))
        .toBe(false);
      expect(action.initAction).toBe(angular.noop);
    });

    it('confirms in a dialog of its own, which rotates once submitted', function () {
      var options = made.optionsOf(action);
      var context = options.context(up);
      expect(options.dialog.body).toBe('bays/actions/rotate-ca.html');
      expect(options.dialog.name).toBe('bay-rotate-ca');
      expect(options.dialog.controller).toBeUndefined();
      expect(context.bay).toBe(up);
      expect(specs.settle(context.send()).resolved).toEqual({status: 202});
      expect(baysAPI.rotateBayCertificate).toHaveBeenCalledWith('b1');
    });

    it('reports the bay updated: its table follows it while in progress', function () {
      var options = made.optionsOf(action);
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
})();
