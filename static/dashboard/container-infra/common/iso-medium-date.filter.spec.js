/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('isoMediumDate filter', function () {
    var isoMediumDate, $httpBackend;

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      isoMediumDate = $injector.get('$filter')('isoMediumDate');
      $httpBackend = $injector.get('$httpBackend');
      $httpBackend.whenGET('/api/timezones/')
        .respond({timezone_dict: {UTC: '+0000'}});
    }));

    function shown(input) {
      var text;
      isoMediumDate(input).then(function (value) { text = value; });
      $httpBackend.flush();
      return text;
    }

    it('shows a Magnum time with a UTC offset as a date', function () {
      expect(shown('2026-11-29T14:38:19.504381+00:00')).toBe('Nov 29, 2026 2:38:19 PM');
    });

    it('moves a time with another offset to UTC', function () {
      expect(shown('2026-11-29T16:38:19-0200')).toBe('Nov 29, 2026 6:38:19 PM');
    });

    it('shows a time without zone as Horizon does, in UTC', function () {
      expect(shown('2026-11-29T14:38:19')).toBe('Nov 29, 2026 2:38:19 PM');
    });

    it('shows a dash for no time', function () {
      expect(shown(null)).toBe('-');
    });

    it('leaves what it cannot read to mediumDate', function () {
      expect(shown('9999-99-99T99:99:99+00:00')).toBe('9999-99-99T99:99:99+00:00Z');
    });
  });
})();
