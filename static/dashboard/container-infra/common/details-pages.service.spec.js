/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.details-pages.service', function () {
    var detailsPages, registry;

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      detailsPages = $injector.get(
        'horizon.dashboard.container-infra.common.details-pages.service');
      registry = $injector.get('horizon.framework.conf.resource-type-registry.service');
    }));

    it('adds tabs in order, their templates under the dashboard folder', function () {
      var folder = '/static/dashboard/container-infra/things/';

      detailsPages
        .addTab('OS::Test::Thing', 'first', 'First', 'things/first.html')
        .addTab('OS::Test::Thing', 'second', 'Second', 'things/second.html');

      expect(registry.getResourceType('OS::Test::Thing').detailsViews.slice()).toEqual([
        jasmine.objectContaining({id: 'first', name: 'First', template: folder + 'first.html'}),
        jasmine.objectContaining({id: 'second', name: 'Second', template: folder + 'second.html'})
      ]);
    });

    it('shows again, once, the tab kept for the page, and copes without tabs', function () {
      var page = angular.element('<div><div></div></div>');
      var inside = page.children();
      var tabset = {active: 3};
      page.data('$uibTabsetController', tabset);

      detailsPages.keepTab(inside);
      tabset.active = 0;
      detailsPages.restoreTab(inside);
      expect(tabset.active).toBe(3);
      tabset.active = 0;
      detailsPages.restoreTab(inside);
      expect(tabset.active).toBe(0);

      detailsPages.keepTab(angular.element('<div></div>'));
      detailsPages.restoreTab(angular.element('<div></div>'));
      detailsPages.restoreTab(inside);
      expect(tabset.active).toBe(0);
    });

    it('adds after the tabs another module gave the page', function () {
      registry.getResourceType('OS::Test::Other').detailsViews
        .append({id: 'theirs', name: 'Theirs', template: 'theirs.html'});

      detailsPages.addTab('OS::Test::Other', 'ours', 'Ours', 'things/ours.html');

      expect(registry.getResourceType('OS::Test::Other').detailsViews.map(function (view) {
        return view.id;
      })).toEqual(['theirs', 'ours']);
    });

    it('gives the path of an item\'s page, for a table\'s links', function () {
      expect(detailsPages.pathFunction('OS::Magnum::Bay')({uuid: 'x1', id: 'x1'}))
        .toBe('ngdetails/OS::Magnum::Bay/x1');
    });
  });
})();
