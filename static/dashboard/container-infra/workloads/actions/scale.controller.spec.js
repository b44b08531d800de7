/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.workloads.ScaleController', function () {
    var specs = window.actionSpecs;
    var NAME = 'horizon.dashboard.container-infra.workloads.ScaleController';
    var $q, api, ctrl, element;
    var target = {bayId: 'b1', kind: 'services', name: 'web', replicas: 3, params: {}};

    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.workloads'));

    beforeEach(inject(function ($injector) {
      var body = specs.dialogBody(NAME, target, 'workloads/actions/scale.html');
      ctrl = body.ctrl;
      element = body.element;
      $q = $injector.get('$q');
      api = $injector.get('horizon.app.core.openstack-service-api.magnum-workloads');
    }));

    function type(value) {
      angular.element(element[0].querySelector('input')).val(value).triggerHandler('input');
    }

    it('starts from the wanted count and checks the number as it is typed', function () {
      expect(ctrl.replicas).toBe(3);
      expect(ctrl.form.$invalid).toBe(false);
      type('-1');
      expect(ctrl.form.$invalid).toBe(true);
      expect(element[0].textContent).toContain('Give a whole number of 0 or more.');
      type('1.5');
      expect(ctrl.form.$invalid).toBe(true);
      type('');
      expect(ctrl.form.$invalid).toBe(true);
      type('0');
      expect(ctrl.form.$invalid).toBe(false);
      expect(ctrl.replicas).toBe(0);
    });

    it('scales and gives the count', function () {
      spyOn(api, 'scale').and.returnValue($q.when({data: {name: 'web'}}));
      type('1');
      expect(specs.settle(ctrl.send()).resolved).toBe(1);
      expect(api.scale).toHaveBeenCalledWith('b1', 'services', 'web', 1, {});
    });

    it('shows the server\'s refusal under the field', function () {
      spyOn(api, 'scale').and.returnValue($q.reject({status: 409, data: 'Bay is updating.'}));
      expect(specs.settle(ctrl.send()).rejected.status).toBe(409);
      expect(element[0].querySelector('.workload-scale-error').textContent)
        .toBe('Bay is updating.');
    });

    it('starts from 1 when the wanted count is unknown', function () {
      expect(specs.dialogBody(NAME, {name: 'x'}, 'workloads/actions/scale.html').ctrl.replicas)
        .toBe(1);
    });
  });
})();
