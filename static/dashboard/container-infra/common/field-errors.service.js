/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .factory('horizon.dashboard.container-infra.common.field-errors.service', fieldErrors);

  fieldErrors.$inject = ['$q', 'horizon.app.core.openstack-service-api.magnum-error-reason'];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.common.field-errors.service
   * @param {Object} $q
   * @param {Function} errorReason Reads the reason of a failed response
   * @description
   * The service names the field a refusal is about ("node_count 3 is
   * outside node group extra's range 0..2.", "A node group named 'extra'
   * already exists ..."): a form shows that reason next to the field it
   * names, beside the API service's toast. Each form field is known by
   * its name and by any other words the service uses for it; the field
   * named first in the reason gets it. Example:
   *
   *     ctrl.errors = fieldErrors.create(['name', 'node_count'], {name: ['named']});
   *     function send() {
   *       ctrl.errors.clear();
   *       return api.createNodeGroup(bayId, body).catch(ctrl.errors.take);
   *     }
   *     // <span class="help-block" ng-if="ctrl.errors.of('name')">
   *     //   {$ ctrl.errors.of('name') $}</span>
   * @returns {Object} The service
   */
  function fieldErrors($q, errorReason) {
    var service = {
      create: create,
      forField: forField
    };

    return service;

    ///////////////

    /**
     * @name create
     * @param {string[]} fields The form's fields, by the names the service
     *   gives them
     * @param {Object=} otherWords {field: [other words the service names it by]}
     * @description The errors of one form.
     * @returns {Object} {take(response), of(field), clear([field])}
     */
    function create(fields, otherWords) {
      var words = {};
      fields.forEach(function wordsOf(field) {
        words[field] = [field].concat((otherWords || {})[field] || []);
      });
      return errorsOf(function firstNamed(reason) {
        var first = null;
        var at = reason.length;
        fields.forEach(function find(field) {
          words[field].forEach(function word(name) {
            var found = new RegExp('(^|[^A-Za-z0-9_])' + name + '($|[^A-Za-z0-9_])').exec(reason);
            if (found && found.index < at) {
              first = field;
              at = found.index;
            }
          });
        });
        return first;
      });
    }

    /**
     * @name forField
     * @param {string} field The one field of a form (a manifest, a number
     *   of replicas)
     * @description
     * The errors of a form with one field: every refusal is about it,
     * whether or not the reason names it.
     * @returns {Object} {take(response), of(field), clear([field])}
     */
    function forField(field) {
      return errorsOf(function always() {
        return field;
      });
    }

    /**
     * @name errorsOf
     * @param {Function} fieldOf reason → the field it is about, or null
     * @returns {Object} {take(response), of(field), clear([field])}
     */
    function errorsOf(fieldOf) {
      var messages = {};
      var errors = {
        take: take,
        of: of,
        clear: clear
      };

      return errors;

      /**
       * @name take
       * @param {Object} response A failed response of the service
       * @description
       * Puts its reason next to the field it names first (none: the toast
       * says it alone), in place of any shown before.
       * @returns {Promise} Rejected with the response (a dialog stays open)
       */
      function take(response) {
        var reason = errorReason(response);
        var field = fieldOf(reason);
        messages = {};
        if (field) {
          messages[field] = reason;
        }
        return $q.reject(response);
      }

      /**
       * @name of
       * @param {string} field A form field
       * @returns {string} The reason shown next to it; '' for none
       */
      function of(field) {
        return messages[field] || '';
      }

      /**
       * @name clear
       * @param {string} [field] A form field (one the user changed); none: all
       * @returns {undefined} Returns nothing
       */
      function clear(field) {
        if (field) {
          delete messages[field];
        } else {
          messages = {};
        }
      }
    }
  }
})();
