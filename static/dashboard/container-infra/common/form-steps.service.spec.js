/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.form-steps.service', function () {
    var formSteps;
    var network = {title: 'Network', items: [{key: ['dns_nameserver']}, {key: 'apiserver_port'},
      {type: 'help', helpvalue: 'no field'}]};

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      formSteps = $injector.get('horizon.dashboard.container-infra.common.form-steps.service');
    }));

    it('makes the form item of the steps layout', function () {
      var item = formSteps.create([network]);
      expect(item.type).toBe('magnum-steps');
      expect(item.tabs).toEqual([network]);
      expect(item.invalidStep).toBe(formSteps.invalidStep);
    });

    it('marks a step holding a field in error once it was touched or the form sent', function () {
      var form = {dns_nameserver: {$invalid: true, $dirty: false}, apiserver_port: {$invalid: false}};
      expect(formSteps.invalidStep(form, network)).toBe(false);
      form.dns_nameserver.$dirty = true;
      expect(formSteps.invalidStep(form, network)).toBe(true);
      form.dns_nameserver.$dirty = false;
      form.$submitted = true;
      expect(formSteps.invalidStep(form, network)).toBe(true);
      form.dns_nameserver.$invalid = false;
      expect(formSteps.invalidStep(form, network)).toBe(false);
    });

    it('marks nothing without a form, nor for fields the form does not hold', function () {
      expect(formSteps.invalidStep(null, network)).toBe(false);
      expect(formSteps.invalidStep({}, network)).toBe(false);
    });
  });
})();
