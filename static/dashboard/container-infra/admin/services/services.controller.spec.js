/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.services.ServicesController', function () {
    var $controller, $timeout, $q, $rootScope, servicesAPI, scope, answers;

    var UP = {id: 1, host: 'h1', binary: 'magnum-conductor', state: 'up', report_count: 4,
      disabled: false, created_at: '2026-11-29T10:00:00+00:00',
      updated_at: '2026-11-29T10:05:00+00:00'};
    var DOWN = {id: 2, host: 'h2', binary: 'magnum-conductor', state: 'down', report_count: 0,
      disabled: true, created_at: '2026-11-29T09:00:00+00:00', updated_at: null};

    beforeEach(module('horizon.dashboard.container-infra.admin.services'));

    beforeEach(inject(function ($injector) {
      $controller = $injector.get('$controller');
      $timeout = $injector.get('$timeout');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      servicesAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-services');
      scope = $rootScope.$new();
      answers = [];
      spyOn(servicesAPI, 'getServices').and.callFake(function () {
        return answers.length ? answers.shift() : $q.resolve({data: {items: [UP]}});
      });
    }));

    function start() {
      var ctrl = $controller(
        'horizon.dashboard.container-infra.admin.services.ServicesController', {$scope: scope});
      $rootScope.$apply();
      return ctrl;
    }

    it('lists the conductors when the panel opens', function () {
      var ctrl;
      answers.push($q.resolve({data: {items: [UP, DOWN]}}));
      ctrl = start();
      expect(servicesAPI.getServices.calls.count()).toBe(1);
      expect(ctrl.services).toEqual([UP, DOWN]);
      expect(ctrl.loaded).toBe(true);
      expect(ctrl.refreshedAt).toEqual(jasmine.any(Date));
      expect(ctrl.refreshSeconds).toBe(10);
    });

    it('asks again every interval while the panel is open', function () {
      var ctrl = start();
      answers.push($q.resolve({data: {items: [DOWN]}}));
      $timeout.flush(10000);
      expect(servicesAPI.getServices.calls.count()).toBe(2);
      expect(ctrl.services).toEqual([DOWN]);
      $timeout.flush(10000);
      expect(servicesAPI.getServices.calls.count()).toBe(3);
    });

    it('stops asking when the panel is closed', function () {
      start();
      scope.$destroy();
      $timeout.flush(60000);
      expect(servicesAPI.getServices.calls.count()).toBe(1);
    });

    it('does not send a second request while one is pending', function () {
      var slow = $q.defer();
      answers.push(slow.promise);
      start();
      $timeout.flush(30000);
      expect(servicesAPI.getServices.calls.count()).toBe(1);
      slow.resolve({data: {items: []}});
      $rootScope.$apply();
      $timeout.flush(10000);
      expect(servicesAPI.getServices.calls.count()).toBe(2);
    });

    it('stops after a failure and starts again on demand', function () {
      var ctrl;
      answers.push($q.reject({status: 503}));
      ctrl = start();
      expect(ctrl.failed).toBe(true);
      expect(ctrl.loaded).toBe(false);
      $timeout.flush(60000);
      expect(servicesAPI.getServices.calls.count()).toBe(1);

      ctrl.refresh();
      $rootScope.$apply();
      expect(ctrl.failed).toBe(false);
      expect(ctrl.services).toEqual([UP]);
      $timeout.flush(10000);
      expect(servicesAPI.getServices.calls.count()).toBe(3);
    });

    it('reads quietly in the background: a failed refresh toasts nothing, the page says so',
      function () {
        var ctrl = start();
        var failing = $q.defer();
        expect(servicesAPI.getServices.calls.mostRecent().args).toEqual([false]);
        answers.push(failing.promise);
        $timeout.flush(10000);
        failing.reject({status: 503});
        $rootScope.$apply();
        expect(servicesAPI.getServices.calls.mostRecent().args).toEqual([true]);
        expect(ctrl.failed).toBe(true);
        expect(ctrl.services).toEqual([UP]);
      });

    it('closes cleanly after a failure stopped the timer', function () {
      answers.push($q.reject({status: 503}));
      start();
      scope.$destroy();
      $timeout.flush(60000);
      expect(servicesAPI.getServices.calls.count()).toBe(1);
    });

    it('refreshing by hand keeps a single timer', function () {
      var ctrl = start();
      ctrl.refresh();
      $rootScope.$apply();
      $timeout.flush(10000);
      expect(servicesAPI.getServices.calls.count()).toBe(3);
    });

    it('tells up from down and when each conductor was last seen', function () {
      var ctrl = start();
      expect(ctrl.isUp(UP)).toBe(true);
      expect(ctrl.isUp(DOWN)).toBe(false);
      expect(ctrl.lastSeen(UP)).toBe(UP.updated_at);
      expect(ctrl.lastSeen(DOWN)).toBe(DOWN.created_at);
      expect(ctrl.lastSeen({})).toBe('');
    });
  });
})();
