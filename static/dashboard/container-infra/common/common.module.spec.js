/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common', function () {
    beforeEach(module('horizon.dashboard.container-infra.common'));

    it('serves the dashboard\'s templates from STATIC_URL', inject(function ($injector) {
      expect($injector.get('horizon.dashboard.container-infra.common.basePath'))
        .toBe('/static/dashboard/container-infra/');
    }));

    it('names its events in its own namespace, once each', inject(function ($injector) {
      var events = $injector.get('horizon.dashboard.container-infra.common.events');
      var names = Object.keys(events).map(function (key) { return events[key]; });
      expect(Object.keys(events).sort()).toEqual(['CHANGED', 'LISTED', 'LIST_FAILED']);
      names.forEach(function (name, index) {
        expect(name.indexOf('horizon.dashboard.container-infra.common.')).toBe(0);
        expect(names.indexOf(name)).toBe(index);
      });
    }));
  });
})();
