/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .filter('isoMediumDate', isoMediumDateFilter);

  // A time that ends with its zone: "Z", "+00:00", "-0530".
  var ZONED = /(Z|[+-]\d\d:?\d\d)$/;
  // The offset in a time zone name as Intl gives it: "GMT+05:30" ("GMT" for UTC).
  var GMT_OFFSET = /GMT([+-]\d\d):(\d\d)/;

  isoMediumDateFilter.$inject = ['$cookies', '$filter', '$window'];

  /**
   * @ngdoc filter
   * @name isoMediumDate
   * @param {Object} $cookies
   * @param {Function} $filter
   * @param {Object} $window
   * @description
   * A time Magnum sends ("2026-11-29T14:38:19.504381+00:00"; one without
   * zone is UTC) as Horizon's `mediumDate` shows it ("Nov 29, 2026
   * 2:38:19 PM"), in the user's time zone (Horizon's `django_timezone`
   * setting, UTC by default); a dash for no time, the text itself when it
   * is no time. Unlike `mediumDate`, which asks the server for every time
   * zone's offset (a slow call every page waits for before it shows a
   * date), the browser's own time zone data gives the offset, at that time.
   * @returns {Function} input → the text to show
   */
  function isoMediumDateFilter($cookies, $filter, $window) {
    var formats = {};

    return function isoMediumDate(input) {
      var time = parse(input);
      if (time === null) {
        return $filter('noValue')(input);
      }
      return $filter('date')(time, 'medium', offset(userZone(), time));
    };

    function userZone() {
      return ($cookies.get('django_timezone') || 'UTC').replace(/^"(.*)"$/, '$1');
    }

    // "+0530" for the zone at that time; UTC for a zone the browser does not know.
    function offset(zone, time) {
      var named, found;
      if (!(zone in formats)) {
        formats[zone] = format(zone);
      }
      if (!formats[zone]) {
        return '+0000';
      }
      named = formats[zone].formatToParts(time).filter(function isZone(part) {
        return part.type === 'timeZoneName';
      })[0].value;
      // Intl names UTC "GMT", with no offset: the appended one is the first
      // match then, and only then.
      found = GMT_OFFSET.exec(named + '+00:00');
      return found[1] + found[2];
    }

    function format(zone) {
      try {
        return new $window.Intl.DateTimeFormat('en-US', {timeZone: zone, timeZoneName: 'longOffset'});
      } catch (ignoredUnknownZone) {
        return null;
      }
    }
  }

  function parse(input) {
    var time;
    if (!angular.isString(input) || input === '') {
      return null;
    }
    time = new Date(ZONED.test(input) ? input : input + 'Z');
    return isNaN(time.getTime()) ? null : time;
  }
})();
