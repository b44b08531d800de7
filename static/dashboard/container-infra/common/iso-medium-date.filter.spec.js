/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('isoMediumDate filter', function () {
    var isoMediumDate, $cookies;

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      isoMediumDate = $injector.get('$filter')('isoMediumDate');
      $cookies = $injector.get('$cookies');
      $cookies.remove('django_timezone');
    }));

    afterEach(function () {
      $cookies.remove('django_timezone');
    });

    it('shows a Magnum time with a UTC offset as a date, at once (no server call)',
      inject(function ($httpBackend) {
        expect(isoMediumDate('2026-11-29T14:38:19.504381+00:00')).toBe('Nov 29, 2026 2:38:19 PM');
        $httpBackend.verifyNoOutstandingRequest();
      }));

    it('moves a time with another offset to UTC', function () {
      expect(isoMediumDate('2026-11-29T16:38:19-0200')).toBe('Nov 29, 2026 6:38:19 PM');
    });

    it('reads a time without zone as UTC, as Horizon does', function () {
      expect(isoMediumDate('2026-11-29T14:38:19')).toBe('Nov 29, 2026 2:38:19 PM');
      expect(isoMediumDate('2026-11-29T14:38:19Z')).toBe('Nov 29, 2026 2:38:19 PM');
    });

    it('shows the time in the user\'s time zone, with its offset at that time', function () {
      $cookies.put('django_timezone', '"Asia/Kolkata"');
      expect(isoMediumDate('2026-11-29T14:38:19+00:00')).toBe('Nov 29, 2026 8:08:19 PM');
      $cookies.put('django_timezone', 'America/New_York');
      expect(isoMediumDate('2026-07-01T14:00:00+00:00')).toBe('Jul 1, 2026 10:00:00 AM');
      expect(isoMediumDate('2026-12-01T14:00:00+00:00')).toBe('Dec 1, 2026 9:00:00 AM');
    });

    it('falls back to UTC for a time zone the browser does not know', function () {
      $cookies.put('django_timezone', 'Mars/Olympus_Mons');
      expect(isoMediumDate('2026-11-29T14:38:19+00:00')).toBe('Nov 29, 2026 2:38:19 PM');
    });

    it('shows a dash for no time, and text that is no time as it is', function () {
      expect(isoMediumDate(null)).toBe('-');
      expect(isoMediumDate('')).toBe('-');
      expect(isoMediumDate('9999-99-99T99:99:99+00:00')).toBe('9999-99-99T99:99:99+00:00');
    });
  });
})();
