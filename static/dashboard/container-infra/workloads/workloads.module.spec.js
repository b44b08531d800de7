/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.workloads', function () {
    it('adds a Workloads tab to the bay details', function () {
      var views;
      module('horizon.dashboard.container-infra');
      inject(function ($injector) {
        views = $injector.get('horizon.framework.conf.resource-type-registry.service')
          .getResourceType('OS::Magnum::Bay').detailsViews;
      });
      expect(views.filter(function (view) { return view.id === 'workloads'; })[0])
        .toEqual(jasmine.objectContaining({
        name: 'Workloads',
        template: '/static/dashboard/container-infra/workloads/details/bay-tab.html'
      }));
    });

    it('is loaded by the dashboard, which routes the panel to it', function () {
      var route;
      module('horizon.dashboard.container-infra');
      inject(function ($route) {
        route = $route.routes['/project/workloads/'];
      });
      expect(angular.module('horizon.dashboard.container-infra').requires)
        .toContain('horizon.dashboard.container-infra.workloads');
      expect(route.templateUrl).toBe('/static/dashboard/container-infra/workloads/panel.html');
      expect(route.reloadOnSearch).toBe(false);
    });

    it('shows the bay of the details page in its tab', function (done) {
      fetch('/base/static/dashboard/container-infra/workloads/details/bay-tab.html')
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          expect(doc.querySelector('magnum-workloads').getAttribute('bay-id'))
            .toBe('context.identifier');
        })
        .then(done, done.fail);
    });
  });
})();
