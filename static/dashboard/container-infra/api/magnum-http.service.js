/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * What every client of the /api/container_infra/ endpoints shares: the
 * URLs, the request options and the error toast.
 */
(function () {
  'use strict';

  angular
    .module('horizon.app.core.openstack-service-api')
    .factory('horizon.app.core.openstack-service-api.magnum-http', magnumHttp);

  magnumHttp.$inject = [
    '$q',
    '$timeout',
    '$window',
    'horizon.app.core.openstack-service-api.magnum-error-reason',
    'horizon.framework.util.http.service',
    'horizon.framework.widgets.toast.service'
  ];

  var BASE = '/api/container_infra/';

  /**
   * @ngdoc service
   * @name horizon.app.core.openstack-service-api.magnum-http
   * @param {Object} $q
   * @param {Function} $timeout
   * @param {Object} $window
   * @param {Function} errorReason Reads the reason of a failed response
   * @param {Object} apiService Horizon's http service
   * @param {Object} toastService
   * @description
   * The one place the API services of this dashboard (api/*.service.js)
   * call Horizon's http service. Every call resolves with the HTTP
   * response (the payload is in `response.data`). A failed call shows an
   * error toast that carries the server's reason, then rejects with the
   * same response; with `suppressError` (batch actions, polling) or no
   * message it rejects without a toast. Horizon's own 403 toast is always
   * left out: ours carries the reason. Example:
   *
   *     function getBay(id, suppressError) {
   *       return http.get(http.url('bays', id),
   *         gettext('Unable to retrieve the bay: %s'), {suppressError: suppressError});
   *     }
   * @returns {Object} The service
   */
  function magnumHttp($q, $timeout, $window, errorReason, apiService, toastService) {
    var asked = {};
    var service = {
      url: url,
      link: link,
      get: get,
      post: post,
      patch: patch,
      remove: remove
    };

    return service;

    ///////////////

    /**
     * @name url
     * @param {...string} parts The path's parts, each escaped
     * @description The URL of an endpoint: url('bays', 'a/b', 'resize').
     * @returns {string} '/api/container_infra/bays/a%2Fb/resize/'
     */
    function url() {
      return BASE + Array.prototype.map.call(arguments, function part(piece) {
        return encodeURIComponent(piece) + '/';
      }).join('');
    }

    /**
     * @name link
     * @param {string} path An endpoint's URL, from url()
     * @param {Object} [query] Its query; empty values are left out
     * @description
     * The address of a plain link to the endpoint (a download the browser
     * saves): under WEBROOT, which Horizon's http service adds to its own
     * requests, with the query by key.
     * @returns {string} '/dashboard/api/container_infra/bays/b1/config/'
     */
    function link(path, query) {
      var given = query || {};
      var pairs = Object.keys(given).sort().filter(function isGiven(key) {
        return given[key] !== undefined && given[key] !== null && given[key] !== '';
      }).map(function pair(key) {
        return encodeURIComponent(key) + '=' + encodeURIComponent(given[key]);
      });
      return ($window.WEBROOT + path).replace(/\/\/+/g, '/') +
        (pairs.length ? '?' + pairs.join('&') : '');
    }

    /**
     * @name get
     * @param {string} path The URL
     * @param {string|Function|null} message The toast of a failure: '%s'
     *   stands for the reason, or a function of the reason; null: no toast
     * @param {Object} [options] {params, suppressError, once}: `once`
     *   shares one request among the calls of the same turn (see below)
     * @returns {Promise} Resolves with the response
     */
    function get(path, message, options) {
      var given = options || {};
      var request = function ask() {
        return send(early(path, given) || apiService.get(path, config(given)), message, given);
      };
      return given.once ? once(path + angular.toJson(given.params || {}), request) : request();
    }

    /**
     * @name post
     * @param {string} path The URL
     * @param {*} data The body
     * @param {string|Function|null} message The toast, as for get()
     * @param {Object} [options] {params, suppressError}
     * @returns {Promise} Resolves with the response
     */
    function post(path, data, message, options) {
      return send(apiService.post(path, data, config(options)), message, options);
    }

    /**
     * @name patch
     * @param {string} path The URL
     * @param {Object} data The changes
     * @param {string|Function|null} message The toast, as for get()
     * @param {Object} [options] {params, suppressError}
     * @returns {Promise} Resolves with the response
     */
    function patch(path, data, message, options) {
      return send(apiService.patch(path, data, config(options)), message, options);
    }

    /**
     * @name remove
     * @param {string} path The URL
     * @param {string|Function|null} message The toast, as for get()
     * @param {Object} [options] {params, suppressError}
     * @returns {Promise} Resolves with the response (204)
     */
    function remove(path, message, options) {
      return send(apiService.delete(path, null, config(options)), message, options);
    }

    // A table page's head holds its table's first page, read by the server,
    // or asks for it before the scripts run (templates/container_infra/
    // table_page.html): the first get of that URL takes that answer; should
    // it have failed, it asks.
    function early(path, options) {
      var first = $window.magnumFirstPage;
      if (!first || first.url !== link(path, options.params)) {
        return null;
      }
      $window.magnumFirstPage = null;
      return $q.when(first.answer).then(function answered(data) {
        return {data: data, status: 200};
      }, function askAgain() {
        return apiService.get(path, config(options));
      });
    }

    function config(options) {
      var given = {suppress403Toast: true};
      if (options && options.params) {
        given.params = options.params;
      }
      return given;
    }

    function send(call, message, options) {
      return call.catch(function toastAndReject(response) {
        if (message && !(options && options.suppressError)) {
          toastService.add('error', text(message, errorReason(response)));
        }
        return $q.reject(response);
      });
    }

    // A function of the reason, or '%s' replaced by it ($& and $1 in the
    // reason stay as they are: the replacement is a function).
    function text(message, reason) {
      if (angular.isFunction(message)) {
        return message(reason);
      }
      return message.replace('%s', function theReason() {
        return reason;
      });
    }

    // Horizon's app module reloads the route once it has started, so the
    // first panel of a page is built twice at once and asks for its lists
    // twice: what is asked again in the same turn shares the first request.
    function once(key, request) {
      if (!asked[key]) {
        asked[key] = request();
        $timeout(function forget() { delete asked[key]; }, 0, false);
      }
      return asked[key];
    }
  }
})();
