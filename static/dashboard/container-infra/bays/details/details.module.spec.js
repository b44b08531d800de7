/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.details', function () {
    beforeEach(module('horizon.dashboard.container-infra.bays'));

    it('gives the details page an Overview and a Progress tab', inject(function ($injector) {
      var type = $injector.get('horizon.framework.conf.resource-type-registry.service')
        .getResourceType('OS::Magnum::Bay');
      expect(type.detailsViews.map(function (view) { return view.id; }))
        .toEqual(['bayDetailsOverview', 'bayDetailsProgress']);
      expect(type.detailsViews.map(function (view) { return view.name; }))
        .toEqual(['Overview', 'Progress']);
      expect(type.detailsViews[0].template)
        .toBe('/static/dashboard/container-infra/bays/details/overview.html');
      expect(type.detailsViews[1].template)
        .toBe('/static/dashboard/container-infra/bays/details/progress.html');
    }));

    it('shows the bay of the page in the Progress tab', function (done) {
      fetch('/base/static/dashboard/container-infra/bays/details/progress.html')
        .then(function (response) { return response.text(); })
        .then(function (html) {
          expect(new DOMParser().parseFromString(html, 'text/html')
            .querySelector('bay-progress').getAttribute('bay-id')).toBe('context.identifier');
        })
        .then(done, done.fail);
    });
  });
})();
