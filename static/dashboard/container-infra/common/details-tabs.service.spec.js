/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.details-tabs.service', function () {
    var detailsTabs, registry;

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      detailsTabs = $injector.get('horizon.dashboard.container-infra.common.details-tabs.service');
      registry = $injector.get('horizon.framework.conf.resource-type-registry.service');
    }));

    it('adds tabs in order, their templates under the dashboard folder', function () {
      var folder = '/static/dashboard/container-infra/things/';

      detailsTabs
        .add('OS::Test::Thing', 'first', 'First', 'things/first.html')
        .add('OS::Test::Thing', 'second', 'Second', 'things/second.html');

      expect(registry.getResourceType('OS::Test::Thing').detailsViews.slice()).toEqual([
        jasmine.objectContaining({id: 'first', name: 'First', template: folder + 'first.html'}),
        jasmine.objectContaining({id: 'second', name: 'Second', template: folder + 'second.html'})
      ]);
    });

    it('adds after the tabs another module gave the page', function () {
      registry.getResourceType('OS::Test::Other').detailsViews
        .append({id: 'theirs', name: 'Theirs', template: 'theirs.html'});

      detailsTabs.add('OS::Test::Other', 'ours', 'Ours', 'things/ours.html');

      expect(registry.getResourceType('OS::Test::Other').detailsViews.map(function (view) {
        return view.id;
      })).toEqual(['theirs', 'ours']);
    });
  });
})();
