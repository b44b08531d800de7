/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.app.core.openstack-service-api')
    .factory('horizon.app.core.openstack-service-api.magnum-error-reason', errorReasonFactory);

  errorReasonFactory.$inject = ['horizon.framework.util.i18n.gettext'];

  /**
   * @ngdoc service
   * @name horizon.app.core.openstack-service-api.magnum-error-reason
   * @param {Function} gettext
   * @description
   * The reason a person reads when a call of the Magnum client failed.
   * Horizon's REST layer answers an error with a JSON string; other
   * layers may answer an object such as {"message": ...},
   * {"detail": ...} or {"error": {"message": ...}}. An HTML page (from a
   * proxy, say) or an empty body gives the HTTP status instead.
   * @returns {Function} errorReason(response) → the reason, never empty
   */
  function errorReasonFactory(gettext) {
    var KEYS = ['message', 'detail', 'error', 'reason', 'title'];

    return errorReason;

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
      var i, text;
      if (angular.isString(data)) {
        return stringText(data.trim());
      }
      if (!angular.isObject(data)) {
        return '';
      }
      for (i = 0; i < KEYS.length; i++) {
        text = bodyText(data[KEYS[i]]);
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
