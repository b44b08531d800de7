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

  describe('horizon.dashboard.container-infra.common.poller', function () {
    var pollerService, $timeout, $document, $rootScope, scope, refresh, poller, visibility;

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      pollerService = $injector.get('horizon.dashboard.container-infra.common.poller');
      $document = $injector.get('$document');
      $rootScope = $injector.get('$rootScope');
      $timeout = $injector.get('$timeout');
      scope = $rootScope.$new();
      visibility = 'visible';
      spyOnProperty($document[0], 'visibilityState', 'get').and.callFake(function () {
        return visibility;
      });
      refresh = jasmine.createSpy('refresh');
      poller = pollerService.create(scope, refresh);
    }));

    it('polls about every two seconds', function () {
      expect(pollerService.interval).toBe(2000);
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

    it('retries a failed load later and later, up to thirty seconds', function () {
      var delays = [];
      var waited = 0;
      refresh.and.callFake(function () {
        delays.push(waited);
        waited = 0;
        poller.retry();
      });
      expect(poller.retry()).toBe(1);
      while (delays.length < 6) {
        waited += 1000;
        $timeout.flush(1000);
      }
      expect(delays).toEqual([2000, 4000, 8000, 16000, 30000, 30000]);
      expect(poller.failures()).toBe(7);
    });

    it('counts the failures in a row until a load succeeds', function () {
      poller.retry();
      $timeout.flush();
      poller.retry();
      expect(poller.failures()).toBe(2);
      poller.schedule(true);
      expect(poller.failures()).toBe(0);
      $timeout.flush();
      expect(refresh.calls.count()).toBe(2);
    });

    it('does not retry once stopped, nor twice at once', function () {
      poller.retry();
      poller.retry();
      $timeout.flush();
      expect(refresh.calls.count()).toBe(1);
      poller.stop();
      poller.retry();
      verifyNoTimeouts();
    });

    it('words the note a view shows while its refreshes fail', function () {
      expect(pollerService.failureNote({status: 500, data: '"Database is busy."'}))
        .toBe('Could not refresh: Database is busy; retrying.');
    });

    it('stops when told to', function () {
      poller.schedule(true);
      poller.stop();
      poller.schedule(true);
      verifyNoTimeouts();
      expect(refresh).not.toHaveBeenCalled();
    });

    it('is quiet after a failure, until a load succeeds', function () {
      expect(poller.quiet()).toBe(false);
      poller.retry();
      expect(poller.quiet()).toBe(true);
      poller.schedule(false);
      expect(poller.quiet()).toBe(false);
    });

    it('refreshes at the idle interval when told so, busy or not', function () {
      var idle = pollerService.create(scope, refresh, {idle: 10000});
      idle.schedule(false);
      $timeout.flush(9999);
      expect(refresh).not.toHaveBeenCalled();
      $timeout.flush(1);
      expect(refresh.calls.count()).toBe(1);
      idle.schedule(true);
      $timeout.flush(2000);
      expect(refresh.calls.count()).toBe(2);
    });

    it('drops the refresh due when told to, and can be told again', function () {
      poller.schedule(true);
      poller.cancel();
      verifyNoTimeouts();
      poller.schedule(true);
      $timeout.flush();
      expect(refresh.calls.count()).toBe(1);
    });

    it('reads nothing while the tab is hidden, and reads once it shows', function () {
      poller.schedule(true);
      visibility = 'hidden';
      $timeout.flush();
      expect(refresh).not.toHaveBeenCalled();
      expect(poller.isScheduled()).toBe(true);
      poller.schedule(true);
      verifyNoTimeouts();
      $document.triggerHandler('visibilitychange');
      expect(refresh).not.toHaveBeenCalled();
      visibility = 'visible';
      $document.triggerHandler('visibilitychange');
      expect(refresh.calls.count()).toBe(1);
      expect(poller.isScheduled()).toBe(false);
      $document.triggerHandler('visibilitychange');
      expect(refresh.calls.count()).toBe(1);
    });

    it('forgets the hidden tab when stopped', function () {
      poller.schedule(true);
      visibility = 'hidden';
      $timeout.flush();
      scope.$destroy();
      visibility = 'visible';
      $document.triggerHandler('visibilitychange');
      expect(refresh).not.toHaveBeenCalled();
    });

    it('asks a view that is not on screen again an interval later', function () {
      var onScreen = false;
      var shown = pollerService.create(scope, refresh, {
        idle: 3000, shown: function () { return onScreen; }
      });
      shown.schedule(false);
      $timeout.flush(3000);
      expect(refresh).not.toHaveBeenCalled();
      onScreen = true;
      $timeout.flush(3000);
      expect(refresh.calls.count()).toBe(1);
    });
  });
})();
