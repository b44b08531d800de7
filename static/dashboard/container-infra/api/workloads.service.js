/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.app.core.openstack-service-api')
    .factory('horizon.app.core.openstack-service-api.magnum-workloads', workloadsAPI);

  workloadsAPI.$inject = [
    'horizon.app.core.openstack-service-api.magnum-http',
    'horizon.framework.util.i18n.gettext'
  ];

  /**
   * @ngdoc service
   * @name horizon.app.core.openstack-service-api.magnum-workloads
   * @param {Object} http The dashboard's http helper
   * @param {Function} gettext
   * @description
   * Reads and changes the workloads of a bay (services, tasks, pods, ...),
   * under /api/container_infra/bays/<id>/workloads/. Reads and form
   * submissions (create, scale) reject with the HTTP response and toast
   * nothing: the Workloads view polls, and shows the reason where it
   * belongs, in the view or next to the form field. `remove` toasts the
   * reason unless `suppressError`.
   * @returns {Object} The service
   */
  function workloadsAPI(http, gettext) {
    var service = {
      getSummary: getSummary,
      list: list,
      get: get,
      logs: logs,
      logsUrl: logsUrl,
      create: create,
      scale: scale,
      remove: remove
    };

    return service;

    ///////////////

    /**
     * @name getSummary
     * @param {string} bayId
     * @returns {Promise} Resolves with data {coe, kinds: [...]}
     */
    function getSummary(bayId) {
      return http.get(url(bayId), null);
    }

    /**
     * @name list
     * @param {string} bayId
     * @param {string} kind e.g. 'tasks', 'pods'
     * @param {Object} [params] namespace, name, limit
     * @returns {Promise} Resolves with data {items: [...]}
     */
    function list(bayId, kind, params) {
      return http.get(url(bayId, kind), null, {params: params});
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
      return http.get(url(bayId, kind, name), null, {params: params});
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
      return http.get(url(bayId, kind, name, 'logs'), null, {params: params});
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
      return http.link(url(bayId, kind, name, 'logs'),
        angular.extend({}, params || {}, {download: 1}));
    }

    /**
     * @name create
     * @param {string} bayId
     * @param {string} manifest YAML or JSON text
     * @returns {Promise} Resolves with data {created: [{kind, name, namespace}]}
     */
    function create(bayId, manifest) {
      return http.post(url(bayId), {manifest: manifest}, null);
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
      return http.post(url(bayId, kind, name, 'scale'), {replicas: replicas}, null,
        {params: params});
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
      return http.remove(url(bayId, kind, name), function message(reason) {
        return interpolate(gettext('Unable to delete %(name)s: %(reason)s'),
          {name: name, reason: reason}, true);
      }, {params: params, suppressError: suppressError});
    }

    function url(bayId) {
      var parts = ['bays', bayId, 'workloads'].concat(Array.prototype.slice.call(arguments, 1));
      return http.url.apply(null, parts);
    }
  }
})();
