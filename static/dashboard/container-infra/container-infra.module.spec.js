/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra', function () {
    var $route, basePath;

    beforeEach(module('horizon.dashboard.container-infra'));

    beforeEach(inject(function ($injector) {
      $route = $injector.get('$route');
      basePath = $injector.get('horizon.dashboard.container-infra.common.basePath');
    }));

    it('serves its templates from STATIC_URL', function () {
      expect(basePath).toBe('/static/dashboard/container-infra/');
    });

    it('routes the bay models panel to its template', function () {
      var route = $route.routes['/project/bay_models/'];
      expect(route).toBeDefined();
      expect(route.templateUrl)
        .toBe('/static/dashboard/container-infra/bay-models/panel.html');
    });

    it('routes the bays panel to its template', function () {
      var route = $route.routes['/project/bays/'];
      expect(route).toBeDefined();
      expect(route.templateUrl)
        .toBe('/static/dashboard/container-infra/bays/panel.html');
    });

    it('loads both feature modules', function () {
      var requires = angular.module('horizon.dashboard.container-infra').requires;
      expect(requires).toContain('horizon.dashboard.container-infra.bay-models');
      expect(requires).toContain('horizon.dashboard.container-infra.bays');
    });
  });

  describe('horizon.dashboard.container-infra under another WEBROOT', function () {
    var $route, saved;

    beforeEach(function () {
      // The config block reads both values from $window when the injector
      // is created, so they are swapped before inject() and put back after.
      saved = {staticUrl: window.STATIC_URL, webroot: window.WEBROOT};
      window.STATIC_URL = '/dashboard/static/';
      window.WEBROOT = '/dashboard/';
    });

    afterEach(function () {
      window.STATIC_URL = saved.staticUrl;
      window.WEBROOT = saved.webroot;
    });

    beforeEach(module('horizon.dashboard.container-infra'));

    beforeEach(inject(function (_$route_) {
      $route = _$route_;
    }));

    it('keeps the routes relative to WEBROOT and prefixes the templates', function () {
      expect($route.routes['/project/bays/'].templateUrl)
        .toBe('/dashboard/static/dashboard/container-infra/bays/panel.html');
      expect($route.routes['/project/bay_models/'].templateUrl)
        .toBe('/dashboard/static/dashboard/container-infra/bay-models/panel.html');
    });
  });
})();
