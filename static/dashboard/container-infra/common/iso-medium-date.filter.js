/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .filter('isoMediumDate', isoMediumDateFilter);

  // A time that ends with its offset from UTC: "+00:00", "-0530".
  var OFFSET = /[+-]\d\d:?\d\d$/;

  isoMediumDateFilter.$inject = ['$filter'];

  /**
   * @ngdoc filter
   * @name isoMediumDate
   * @param {Function} $filter
   * @description
   * Horizon's `mediumDate` for the times Magnum sends. `mediumDate`
   * expects a UTC time without zone and appends "Z"; Magnum's times carry
   * an offset ("2026-11-29T14:38:19.504381+00:00"), which that turns
   * into something no date parser reads, so the raw text was shown. Like
   * `mediumDate`, it returns a promise of the text (property lists and
   * tables wait for it when it is the last filter).
   * @returns {Function} input → promise of the date in the user's time zone
   */
  function isoMediumDateFilter($filter) {
    return function isoMediumDate(input) {
      return $filter('mediumDate')(inUtc(input));
    };
  }

  function inUtc(input) {
    var time;
    if (!angular.isString(input) || !OFFSET.test(input)) {
      return input;
    }
    time = new Date(input);
    return isNaN(time.getTime()) ? input : time.toISOString();
  }
})();
