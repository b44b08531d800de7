/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Client of the Magnum REST endpoints that the Magnum UI plugin adds to
 * Horizon's /api/ namespace.
 */
(function () {
  'use strict';

  angular
    .module('horizon.app.core.openstack-service-api')
    .factory('horizon.app.core.openstack-service-api.magnum', magnumAPI);

  magnumAPI.$inject = [
    '$q',
    'horizon.framework.util.http.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.widgets.toast.service'
  ];

  /**
   * @ngdoc service
   * @name horizon.app.core.openstack-service-api.magnum
   * @param {Object} $q
   * @param {Object} apiService
   * @param {Function} gettext
   * @param {Object} toastService
   * @description
   * Calls the Magnum endpoints of Horizon's REST API. Every call resolves
   * with the HTTP response (the payload is in `response.data`). A failed
   * call shows an error toast that carries the server's reason, then
   * rejects with the same HTTP response.
   * @returns {Object} The service
   */
  function magnumAPI($q, apiService, gettext, toastService) {
    var service = {
      getBayModels: getBayModels,
      getBays: getBays
    };

    return service;

    ///////////////

    /**
     * @name getBayModels
     * @description
     * Lists the bay models (cluster templates) visible to the project.
     * @returns {Promise} Resolves with a response whose data is {items: [...]}
     */
    function getBayModels() {
      return apiService.get('/api/container_infra/bay_models/')
        .catch(onError(gettext('Unable to retrieve the bay models: %s')));
    }

    /**
     * @name getBays
     * @description
     * Lists the bays (clusters) of the project.
     * @returns {Promise} Resolves with a response whose data is {items: [...]}
     */
    function getBays() {
      return apiService.get('/api/container_infra/bays/')
        .catch(onError(gettext('Unable to retrieve the bays: %s')));
    }

    /**
     * @name onError
     * @param {string} message Translated message with one %s for the reason
     * @description
     * Builds a rejection handler that toasts `message` completed with the
     * server's reason and passes the rejection on.
     * @returns {Function} The handler
     */
    function onError(message) {
      return function toastAndReject(response) {
        var reason = errorReason(response);
        toastService.add('error', message.replace('%s', function () {
          return reason;
        }));
        return $q.reject(response);
      };
    }

    /**
     * @name errorReason
     * @param {Object} response The rejected HTTP response
     * @description
     * Horizon's REST layer answers an error with a JSON string; other
     * layers may answer an object such as {"message": ...},
     * {"detail": ...} or {"error": {"message": ...}}. An HTML page (from a
     * proxy, say) or an empty body gives the HTTP status instead.
     * @returns {string} The reason, never empty
     */
    function errorReason(response) {
      var text = bodyText(response ? response.data : undefined);
      if (text) {
        return text;
      }
      if (response && response.status > 0) {
        return (response.status + ' ' + (response.statusText || '')).trim();
      }
      return gettext('No response from the server.');
    }

    function bodyText(data) {
      var keys = ['message', 'detail', 'error', 'reason', 'title'];
      var i, text;
      if (angular.isString(data)) {
        return stringText(data.trim());
      }
      if (!angular.isObject(data)) {
        return '';
      }
      for (i = 0; i < keys.length; i++) {
        text = bodyText(data[keys[i]]);
        if (text) {
          return text;
        }
      }
      return Object.keys(data).length ? angular.toJson(data) : '';
    }

    // A body sent without a JSON content type arrives unparsed.
    function stringText(text) {
      if (text.charAt(0) === '<') {
        return '';
      }
      if (text.length > 1 && text.charAt(0) === '"' && text.slice(-1) === '"') {
        try {
          return stringText(String(angular.fromJson(text)).trim());
        } catch (ignoredSyntaxError) {
          return text;
        }
      }
      return text;
    }
  }
})();
