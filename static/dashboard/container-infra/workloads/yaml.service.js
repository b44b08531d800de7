/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * A small JSON → YAML writer for showing orchestrator objects.
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .factory('horizon.dashboard.container-infra.workloads.yaml', yamlService);

  // Plain scalars that a YAML reader would take for something else.
  var AMBIGUOUS = /^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\d[\d_]*)?\.?\d*(?:e[-+]?\d+)?|\.inf|\.nan)$/i;
  // Control characters are escaped by JSON.stringify, so they force quotes.
  // eslint-disable-next-line no-control-regex -- matching them is the point
  var UNSAFE = /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s$|[:]$|[\u0000-\u001f\u007f]/;

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.workloads.yaml
   * @description
   * `dump(value)` writes a JSON value as block-style YAML, keys in their
   * order, so a person reads an orchestrator's object the way its own
   * tools print it:
   *
   *     dump({Spec: {Name: 'web', Args: ['sh', '-c', 'echo hi']}})
   *     // Spec:\n  Name: web\n  Args:\n    - sh\n    - -c\n    - echo hi\n
   *
   * The result is text for `ng-bind` or `<pre>`: never insert it as HTML.
   * @returns {Object} The service
   */
  function yamlService() {
    var service = {
      dump: dump
    };

    return service;

    ///////////////

    /**
     * @name dump
     * @param {*} value Any JSON value
     * @returns {string} YAML text ending with a newline
     */
    function dump(value) {
      return block(value, '').join('\n') + '\n';
    }

    // The lines of a value written at `indent` (a value that fits on one
    // line gives one line with no indent: the caller places it).
    function block(value, indent) {
      if (angular.isArray(value)) {
        return value.length ? sequence(value, indent) : ['[]'];
      }
      if (angular.isObject(value)) {
        return Object.keys(value).length ? mapping(value, indent) : ['{}'];
      }
      return scalar(value, indent);
    }

    function sequence(items, indent) {
      var lines = [];
      items.forEach(function item(value) {
        var inner = block(value, indent + '  ');
        if (isCollection(value)) {
          // The first key of a mapping (or item of a list) shares the dash's line.
          lines.push(indent + '- ' + inner[0].slice(indent.length + 2));
          lines.push.apply(lines, inner.slice(1));
        } else {
          lines.push(indent + '- ' + inner[0]);
          lines.push.apply(lines, inner.slice(1));
        }
      });
      return lines;
    }

    function mapping(object, indent) {
      var lines = [];
      Object.keys(object).forEach(function entry(key) {
        var value = object[key];
        var inner;
        if (isCollection(value)) {
          lines.push(indent + text(key) + ':');
          lines.push.apply(lines, block(value, indent + '  '));
          return;
        }
        inner = block(value, indent + '  ');
        lines.push(indent + text(key) + ': ' + inner[0]);
        lines.push.apply(lines, inner.slice(1));
      });
      return lines;
    }

    function scalar(value, indent) {
      if (value === null || value === undefined) {
        return ['null'];
      }
      if (!angular.isString(value)) {
        return [String(value)];
      }
      // eslint-disable-next-line no-control-regex -- a block cannot show them
      if (value.indexOf('\n') >= 0 && !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(value)) {
        // A literal block keeps a multi-line string readable.
        return [value.slice(-1) === '\n' ? '|' : '|-'].concat(
          value.replace(/\n$/, '').split('\n').map(function line(part) {
            return part ? indent + part : '';
          }));
      }
      return [text(value)];
    }

    function text(value) {
      var string = String(value);
      if (string === '' || AMBIGUOUS.test(string) || UNSAFE.test(string)) {
        return JSON.stringify(string);
      }
      return string;
    }

    function isCollection(value) {
      return angular.isObject(value) && Object.keys(value).length > 0;
    }
  }
})();
