/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.services', function () {
    beforeEach(module('horizon.dashboard.container-infra.admin.services'));

    it('refreshes the conductors every 10 seconds', inject(function ($injector) {
      expect($injector.get('horizon.dashboard.container-infra.admin.services.refreshInterval'))
        .toBe(10000);
    }));

    it('refreshes with the common poller', function () {
      expect(angular.module('horizon.dashboard.container-infra.admin.services').requires)
        .toContain('horizon.dashboard.container-infra.common');
    });
  });
})();
