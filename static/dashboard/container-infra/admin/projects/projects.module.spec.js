/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.projects', function () {
    it('is what the admin bays and quotas panels name projects with', function () {
      expect(angular.module('horizon.dashboard.container-infra.admin.bays').requires)
        .toContain('horizon.dashboard.container-infra.admin.projects');
      expect(angular.module('horizon.dashboard.container-infra.admin.quotas').requires)
        .toContain('horizon.dashboard.container-infra.admin.projects');
    });

    it('asks Keystone through Horizon\'s API services', function () {
      expect(angular.module('horizon.dashboard.container-infra.admin.projects').requires)
        .toEqual(['horizon.framework', 'horizon.app.core.openstack-service-api']);
    });
  });
})();
