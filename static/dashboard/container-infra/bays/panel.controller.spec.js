/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.PanelController', function () {
    var ctrl, baysAPI, $q, $rootScope;
    var stats = {bays: 2, nodes: 5, quota: {hard_limit: 10, in_use: 2}};

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector, $controller) {
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      spyOn(baysAPI, 'getStats').and.returnValue($q.resolve({data: stats}));
      ctrl = $controller('horizon.dashboard.container-infra.bays.PanelController');
      $rootScope.$apply();
    }));

    it('shows the project\'s bay, node and quota numbers', function () {
      expect(baysAPI.getStats.calls.count()).toBe(1);
      expect(ctrl.stats).toEqual(stats);
      expect(ctrl.quotaPercent()).toBe(20);
    });

    it('reads the numbers again when asked (the table\'s bays changed)', function () {
      baysAPI.getStats.and.returnValue($q.resolve({data: {bays: 3, nodes: 7, quota: null}}));
      ctrl.loadStats();
      $rootScope.$apply();
      expect(ctrl.stats.bays).toBe(3);
    });

    it('keeps the numbers when a read fails, toasting only on the first read', function () {
      var outcome = {};
      expect(baysAPI.getStats.calls.argsFor(0)).toEqual([false]);
      baysAPI.getStats.and.returnValue($q.reject({status: 403}));
      ctrl.loadStats().then(function () { outcome.resolved = true; });
      $rootScope.$apply();
      expect(baysAPI.getStats.calls.mostRecent().args).toEqual([true]);
      expect(outcome.resolved).toBe(true);
      expect(ctrl.stats).toEqual(stats);
    });

    it('draws no quota bar without a limit', function () {
      ctrl.stats = {bays: 1, nodes: 1, quota: null};
      expect(ctrl.quotaPercent()).toBe(0);
      ctrl.stats = {bays: 1, nodes: 1, quota: {hard_limit: 0, in_use: 0}};
      expect(ctrl.quotaPercent()).toBe(0);
      ctrl.stats = {bays: 1, nodes: 1, quota: {hard_limit: 2, in_use: 3}};
      expect(ctrl.quotaPercent()).toBe(100);
      ctrl.stats = null;
      expect(ctrl.quotaPercent()).toBe(0);
    });

    it('has a panel template with a live table of bays that reloads the numbers', function (done) {
      fetch('/base/static/dashboard/container-infra/bays/panel.html')
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var table = doc.querySelector('hz-resource-panel magnum-live-table');
          expect(doc.querySelector('hz-resource-panel').getAttribute('resource-type-name'))
            .toBe('OS::Magnum::Bay');
          expect(table.getAttribute('resource-type-name')).toBe('OS::Magnum::Bay');
          expect(table.getAttribute('on-change')).toBe('panel.loadStats()');
          expect(doc.querySelector('[ng-controller]').getAttribute('ng-controller'))
            .toBe('horizon.dashboard.container-infra.bays.PanelController as panel');
        })
        .then(done, done.fail);
    });
  });
})();
