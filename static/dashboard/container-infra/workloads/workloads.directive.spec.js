/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('magnumWorkloads', function () {
    var directive;

    beforeEach(module('horizon.dashboard.container-infra.workloads'));

    beforeEach(inject(function ($injector) {
      directive = $injector.get('magnumWorkloadsDirective')[0];
    }));

    it('is an element of its own scope, bound to one bay', function () {
      expect(directive.restrict).toBe('E');
      expect(directive.scope).toEqual({});
      expect(directive.bindToController).toEqual({bayId: '<'});
    });

    it('shows the Workloads view with its controller', function () {
      expect(directive.controller)
        .toBe('horizon.dashboard.container-infra.workloads.WorkloadsController');
      expect(directive.controllerAs).toBe('ctrl');
      expect(directive.templateUrl)
        .toBe('/static/dashboard/container-infra/workloads/workloads.html');
    });
  });
})();
