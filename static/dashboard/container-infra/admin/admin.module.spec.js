/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin', function () {
    it('gathers the three admin panel modules', function () {
      expect(angular.module('horizon.dashboard.container-infra.admin').requires).toEqual([
        'horizon.dashboard.container-infra.admin.bays',
        'horizon.dashboard.container-infra.admin.quotas',
        'horizon.dashboard.container-infra.admin.services'
      ]);
    });

    it('is loaded by the dashboard root module', function () {
      expect(angular.module('horizon.dashboard.container-infra').requires)
        .toContain('horizon.dashboard.container-infra.admin');
    });

    describe('routes', function () {
      var $route;

      beforeEach(module('horizon.dashboard.container-infra'));

      beforeEach(inject(function (_$route_) {
        $route = _$route_;
      }));

      // The Django panels' URLs (tests/dashboard/content checks that side).
      [
        ['/admin/container_infra/bays/', 'admin/bays/panel.html'],
        ['/admin/container_infra/quotas/', 'admin/quotas/panel.html'],
        ['/admin/container_infra/services/', 'admin/services/panel.html']
      ].forEach(function (pair) {
        it('maps ' + pair[0] + ' to its template', function () {
          expect($route.routes[pair[0]].templateUrl)
            .toBe('/static/dashboard/container-infra/' + pair[1]);
        });
      });
    });
  });
})();
