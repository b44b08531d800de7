/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  function verifyNoTimeouts() {
    inject(function ($verifyNoPendingTasks) {
      $verifyNoPendingTasks('$timeout');
    });
  }

  describe('horizon.dashboard.container-infra.bays.poller', function () {
    var bayPoller, $timeout, scope, refresh, poller;

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      bayPoller = $injector.get('horizon.dashboard.container-infra.bays.poller');
      $timeout = $injector.get('$timeout');
      scope = $injector.get('$rootScope').$new();
      refresh = jasmine.createSpy('refresh');
      poller = bayPoller.create(scope, refresh);
    }));

    it('polls about every two seconds', function () {
      expect(bayPoller.interval).toBe(2000);
    });

    it('refreshes once, an interval after being told something is busy', function () {
      poller.schedule(true);
      expect(poller.isScheduled()).toBe(true);
      $timeout.flush(1999);
      expect(refresh).not.toHaveBeenCalled();
      $timeout.flush(1);
      expect(refresh.calls.count()).toBe(1);
      expect(poller.isScheduled()).toBe(false);
      verifyNoTimeouts();
    });

    it('waits longer when told to', function () {
      poller.schedule(true, 10000);
      $timeout.flush(9999);
      expect(refresh).not.toHaveBeenCalled();
      $timeout.flush(1);
      expect(refresh.calls.count()).toBe(1);
    });

    it('never runs two timers for one view', function () {
      poller.schedule(true);
      poller.schedule(true);
      poller.schedule(true);
      $timeout.flush();
      expect(refresh.calls.count()).toBe(1);
    });

    it('does nothing when nothing is busy, and cancels a due refresh', function () {
      poller.schedule(false);
      expect(poller.isScheduled()).toBe(false);
      poller.schedule(true);
      poller.schedule(false);
      expect(poller.isScheduled()).toBe(false);
      verifyNoTimeouts();
      expect(refresh).not.toHaveBeenCalled();
    });

    it('keeps polling as long as each load says busy', function () {
      refresh.and.callFake(function () {
        poller.schedule(refresh.calls.count() < 3);
      });
      poller.schedule(true);
      $timeout.flush();
      $timeout.flush();
      $timeout.flush();
      expect(refresh.calls.count()).toBe(3);
      verifyNoTimeouts();
    });

    it('stops for good when the view is destroyed', function () {
      poller.schedule(true);
      scope.$destroy();
      verifyNoTimeouts();
      poller.schedule(true);
      expect(poller.isScheduled()).toBe(false);
      expect(refresh).not.toHaveBeenCalled();
    });

    it('stops when told to', function () {
      poller.schedule(true);
      poller.stop();
      poller.schedule(true);
      verifyNoTimeouts();
      expect(refresh).not.toHaveBeenCalled();
    });
  });
})();
