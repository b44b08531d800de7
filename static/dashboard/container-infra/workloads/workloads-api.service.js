/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Client of the workload endpoints (/api/container_infra/bays/<id>/workloads/).
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.app.core.openstack-service-api')
    .factory('horizon.app.core.openstack-service-api.magnum-workloads', workloadsAPI);

  workloadsAPI.$inject = [
    '$q',
    '$window',
    'horizon.framework.util.http.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.widgets.toast.service'
  ];

  /**
   * @ngdoc service
   * @name horizon.app.core.openstack-service-api.magnum-workloads
   * @param {Object} $q
   * @param {Object} $window
   * @param {Object} apiService
   * @param {Function} gettext
   * @param {Object} toastService
   * @description
   * Reads and changes the workloads of a bay (services, tasks, pods, ...).
   * Reads and form submissions (create, scale) reject with the HTTP
   * response and toast nothing: the Workloads view polls, and shows the
   * reason (`reason(response)`) where it belongs, in the view or next to
   * the form field. `remove` toasts the reason unless `suppressError`.
   * @returns {Object} The service
   */
  function workloadsAPI($q, $window, apiService, gettext, toastService) {
    var service = {
      getSummary: getSummary,
      list: list,
      get: get,
      logs: logs,
      logsUrl: logsUrl,
      create: create,
      scale: scale,
      remove: remove,
      reason: reason
    };

    return service;

    ///////////////

    /**
     * @name getSummary
     * @param {string} bayId
     * @returns {Promise} Resolves with data {coe, kinds: [...]}
     */
    function getSummary(bayId) {
      return apiService.get(path(bayId));
    }

    /**
     * @name list
     * @param {string} bayId
     * @param {string} kind e.g. 'tasks', 'pods'
     * @param {Object} [params] namespace, name, limit
     * @returns {Promise} Resolves with data {items: [...]}
     */
    function list(bayId, kind, params) {
      return apiService.get(path(bayId, kind), {params: params || {}});
    }

    /**
     * @name get
     * @param {string} bayId
     * @param {string} kind
     * @param {string} name
     * @param {Object} [params] namespace (Kubernetes)
     * @returns {Promise} Resolves with data: the item and its `raw` object
     */
    function get(bayId, kind, name, params) {
      return apiService.get(path(bayId, kind, name), {params: params || {}});
    }

    /**
     * @name logs
     * @param {string} bayId
     * @param {string} kind 'tasks' or 'pods'
     * @param {string} name
     * @param {Object} [params] tail, since, namespace, container
     * @returns {Promise} Resolves with data {lines: [...], truncated}
     */
    function logs(bayId, kind, name, params) {
      return apiService.get(path(bayId, kind, name, 'logs'), {params: params || {}});
    }

    /**
     * @name logsUrl
     * @param {string} bayId
     * @param {string} kind
     * @param {string} name
     * @param {Object} [params] tail, namespace, container
     * @description A link that makes the browser save the logs as a file.
     * @returns {string} The URL
     */
    function logsUrl(bayId, kind, name, params) {
      var query = angular.extend({}, params || {}, {download: 1});
      var pairs = Object.keys(query).sort().filter(function given(key) {
        return query[key] !== undefined && query[key] !== null && query[key] !== '';
      }).map(function pair(key) {
        return encodeURIComponent(key) + '=' + encodeURIComponent(query[key]);
      });
      return $window.WEBROOT.replace(/\/$/, '') + path(bayId, kind, name, 'logs') +
        '?' + pairs.join('&');
    }

    /**
     * @name create
     * @param {string} bayId
     * @param {string} manifest YAML or JSON text
     * @returns {Promise} Resolves with data {created: [{kind, name, namespace}]}
     */
    function create(bayId, manifest) {
      return apiService.post(path(bayId), {manifest: manifest});
    }

    /**
     * @name scale
     * @param {string} bayId
     * @param {string} kind
     * @param {string} name
     * @param {number} replicas 0 or more
     * @param {Object} [params] namespace (Kubernetes)
     * @returns {Promise} Resolves with data: the item
     */
    function scale(bayId, kind, name, replicas, params) {
      return apiService.post(path(bayId, kind, name, 'scale'), {replicas: replicas},
        {params: params || {}});
    }

    /**
     * @name remove
     * @param {string} bayId
     * @param {string} kind
     * @param {string} name
     * @param {Object} [params] namespace (Kubernetes)
     * @param {boolean} [suppressError] true: reject without a toast
     * @returns {Promise} Resolves when deleted
     */
    function remove(bayId, kind, name, params, suppressError) {
      var call = apiService.delete(path(bayId, kind, name), undefined, {params: params || {}});
      if (suppressError) {
        return call;
      }
      return call.catch(function toastAndReject(response) {
        toastService.add('error', interpolate(gettext('Unable to delete %(name)s: %(reason)s'),
          {name: name, reason: reason(response)}, true));
        return $q.reject(response);
      });
    }

    /**
     * @name reason
     * @param {Object} response A rejected HTTP response
     * @description
     * The server's reason: Horizon's REST layer answers an error with a
     * JSON string. Other bodies (an HTML page from a proxy) give the
     * HTTP status instead.
     * @returns {string} The reason, never empty
     */
    function reason(response) {
      var data = response ? response.data : undefined;
      if (angular.isString(data) && data.trim() && data.trim().charAt(0) !== '<') {
        return data.trim();
      }
      if (angular.isObject(data) && angular.isString(data.detail || data.message)) {
        return data.detail || data.message;
      }
      if (response && response.status > 0) {
        return (response.status + ' ' + (response.statusText || '')).trim();
      }
      return gettext('No response from the server.');
    }

    function path(bayId) {
      var parts = Array.prototype.slice.call(arguments, 1).map(encodeURIComponent);
      return '/api/container_infra/bays/' + encodeURIComponent(bayId) + '/workloads/' +
        parts.map(function slash(part) { return part + '/'; }).join('');
    }
  }
})();
