/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .factory('horizon.dashboard.container-infra.common.model-cleaner.service',
      modelCleaner);

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.common.model-cleaner.service
   * @description
   * Turns what a form holds into what the REST API expects: a create
   * body without the fields left empty, and an update body with only the
   * fields that changed.
   * @returns {Object} The service
   */
  function modelCleaner() {
    var service = {
      clean: clean,
      changes: changes,
      isEmpty: isEmpty
    };

    return service;

    ///////////////

    /**
     * @name clean
     * @param {Object} model A form's model
     * @description
     * A copy of `model` without the fields that hold nothing: null,
     * undefined, '' (a cleared text field), [] or {}. `false` and `0`
     * are values and stay.
     * @returns {Object} The cleaned copy
     */
    function clean(model) {
      var cleaned = {};
      angular.forEach(model, function keepValue(value, key) {
        if (!isEmpty(value)) {
          cleaned[key] = angular.copy(value);
        }
      });
      return cleaned;
    }

    /**
     * @name changes
     * @param {Object} original The object as the server gave it
     * @param {Object} edited The form's model, started from `original`
     * @description
     * The PATCH body of an edit: each field of `edited` whose value
     * differs from `original` with its new value, and null for a field
     * that was emptied (the server then removes it). Fields that are
     * not in `edited` were not in the form and are left alone; an empty
     * field that was empty before is no change.
     * @returns {Object} {field: value|null}; {} when nothing changed
     */
    function changes(original, edited) {
      var body = {};
      var before = original || {};
      angular.forEach(edited, function compare(value, key) {
        if (isEmpty(value)) {
          if (!isEmpty(before[key])) {
            body[key] = null;
          }
        } else if (!angular.equals(value, before[key])) {
          body[key] = angular.copy(value);
        }
      });
      return body;
    }

    /**
     * @name isEmpty
     * @param {*} value Any value
     * @description Whether a form field holding `value` holds nothing.
     * @returns {boolean} True for null, undefined, '', [] and {}
     */
    function isEmpty(value) {
      if (value === null || angular.isUndefined(value) || value === '') {
        return true;
      }
      if (angular.isArray(value)) {
        return value.length === 0;
      }
      if (angular.isObject(value) && !angular.isDate(value)) {
        return Object.keys(value).length === 0;
      }
      return false;
    }
  }
})();
