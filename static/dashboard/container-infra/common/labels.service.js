/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .factory('horizon.dashboard.container-infra.common.labels.service', labelsService);

  labelsService.$inject = ['horizon.framework.util.i18n.gettext'];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.common.labels.service
   * @param {Function} gettext Horizon's translation function
   * @description
   * Labels of bay models and bays are a string-to-string map; forms edit
   * them as text, one `key=value` a line.
   * @returns {Object} The service
   */
  function labelsService(gettext) {
    var service = {
      toText: toText,
      parse: parse,
      check: check,
      validate: validate,
      rows: rows
    };

    return service;

    ///////////////

    /**
     * @name toText
     * @param {Object} labels {key: value, ...}; null or undefined for none
     * @description The labels as `key=value` lines, in the map's order.
     * @returns {string} The text; '' for no labels
     */
    function toText(labels) {
      return Object.keys(labels || {}).map(function line(key) {
        return key + '=' + labels[key];
      }).join('\n');
    }

    /**
     * @name parse
     * @param {string} text `key=value` lines
     * @description
     * The labels written in `text`. Blank lines are skipped and spaces
     * around keys and values dropped; a value may itself contain '='.
     * A line without '=', with an empty key or repeating a key throws an
     * Error whose message names the line, and whose `line` property is
     * its number (from 1).
     * @returns {Object} {key: value, ...}; {} for blank text
     */
    function parse(text) {
      var labels = {};
      String(text || '').split(/\r?\n/).forEach(function parseLine(raw, index) {
        var line = raw.trim();
        var equals = line.indexOf('=');
        var key;
        if (!line) {
          return;
        }
        if (equals < 0) {
          fail(index, raw, gettext('Line %(line)s ("%(text)s") is not key=value.'));
        }
        key = line.slice(0, equals).trim();
        if (!key) {
          fail(index, raw, gettext('Line %(line)s ("%(text)s") has no key before "=".'));
        }
        if (Object.prototype.hasOwnProperty.call(labels, key)) {
          fail(index, raw, gettext('Line %(line)s ("%(text)s") repeats a key.'));
        }
        labels[key] = line.slice(equals + 1).trim();
      });
      return labels;
    }

    /**
     * @name check
     * @param {string} text `key=value` lines
     * @description What is wrong with `text`, for a form's validator.
     * @returns {string|null} The message of parse()'s error, or null
     */
    function check(text) {
      try {
        parse(text);
        return null;
      } catch (err) {
        return err.message;
      }
    }

    /**
     * @name validate
     * @param {string} text `key=value` lines, as typed in a form's field
     * @param {Object=} field That field's ngModelController, once the form
     *   is there: it is marked invalid (its form cannot be submitted) while
     *   the text does not parse
     * @description Reads a labels field of a dialog, for its controller.
     * @returns {Object} {labels, error}: the labels parsed and '', or null
     *   and the message of parse()'s error
     */
    function validate(text, field) {
      var result = {labels: null, error: ''};
      try {
        result.labels = parse(text);
      } catch (err) {
        result.error = err.message;
      }
      if (field) {
        field.$setValidity('labels', result.labels !== null);
      }
      return result;
    }

    /**
     * @name rows
     * @param {Object} map {key: value, ...} (labels, a bay's faults); null
     *   or undefined for none
     * @description
     * The map as rows of a key/value list, by key; a value that is not a
     * string is shown as JSON.
     * @returns {Object[]} [{key, value}, ...]
     */
    function rows(map) {
      return Object.keys(map || {}).sort().map(function row(key) {
        var value = map[key];
        return {key: key, value: angular.isString(value) ? value : angular.toJson(value)};
      });
    }

    function fail(index, raw, message) {
      var error = new Error(interpolate(message, {line: index + 1, text: raw.trim()}, true));
      error.line = index + 1;
      throw error;
    }
  }
})();
