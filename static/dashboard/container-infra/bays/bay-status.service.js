/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .factory('horizon.dashboard.container-infra.bays.status', bayStatusService);

  bayStatusService.$inject = ['horizon.framework.util.i18n.gettext'];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.status
   * @param {Function} gettext
   * @description
   * Readable labels of the codes Magnum gives in a bay's `status` and
   * `health_status` fields, and what a bay's state allows.
   * @returns {Object} The service
   */
  function bayStatusService(gettext) {
    var statusLabels = {
      CREATE_IN_PROGRESS: gettext('Create In Progress'),
      CREATE_FAILED: gettext('Create Failed'),
      CREATE_COMPLETE: gettext('Create Complete'),
      UPDATE_IN_PROGRESS: gettext('Update In Progress'),
      UPDATE_FAILED: gettext('Update Failed'),
      UPDATE_COMPLETE: gettext('Update Complete'),
      DELETE_IN_PROGRESS: gettext('Delete In Progress'),
      DELETE_FAILED: gettext('Delete Failed'),
      DELETE_COMPLETE: gettext('Delete Complete'),
      RESUME_COMPLETE: gettext('Resume Complete'),
      RESUME_FAILED: gettext('Resume Failed'),
      RESTORE_COMPLETE: gettext('Restore Complete'),
      ROLLBACK_IN_PROGRESS: gettext('Rollback In Progress'),
      ROLLBACK_FAILED: gettext('Rollback Failed'),
      ROLLBACK_COMPLETE: gettext('Rollback Complete'),
      SNAPSHOT_COMPLETE: gettext('Snapshot Complete'),
      CHECK_COMPLETE: gettext('Check Complete'),
      ADOPT_COMPLETE: gettext('Adopt Complete')
    };
    var healthLabels = {
      HEALTHY: gettext('Healthy'),
      UNHEALTHY: gettext('Unhealthy'),
      UNKNOWN: gettext('Unknown')
    };

    var service = {
      label: label,
      statusOptions: statusOptions,
      healthOptions: healthOptions,
      isFailed: isFailed,
      isInTransition: isInTransition,
      canChange: canChange,
      hasApi: hasApi,
      healthRows: healthRows,
      healthBadge: healthBadge,
      withHealth: withHealth
    };

    return service;

    ///////////////

    /**
     * @name label
     * @param {string} code A status or health status code
     * @description
     * Known codes get their translated label; an unknown code is shown in
     * words (SOME_NEW_STATE becomes 'Some New State'); no code gives ''.
     * @returns {string} The label
     */
    function label(code) {
      if (!angular.isString(code) || !code) {
        return '';
      }
      if (has(statusLabels, code)) {
        return statusLabels[code];
      }
      if (has(healthLabels, code)) {
        return healthLabels[code];
      }
      return code.toLowerCase().split('_').filter(Boolean).map(capitalize).join(' ');
    }

    /**
     * @name statusOptions
     * @description Options of the search facet on `status`.
     * @returns {Array} [{key: code, label: label}, ...]
     */
    function statusOptions() {
      return options(statusLabels);
    }

    /**
     * @name healthOptions
     * @description Options of the search facet on `health_status`.
     * @returns {Array} [{key: code, label: label}, ...]
     */
    function healthOptions() {
      return options(healthLabels);
    }

    /**
     * @name isFailed
     * @param {Object} bay
     * @description True when Magnum's last operation on the bay failed.
     * @returns {boolean} Whether the status ends in _FAILED
     */
    function isFailed(bay) {
      return angular.isString(bay.status) && /_FAILED$/.test(bay.status);
    }

    function options(labels) {
      return Object.keys(labels).map(function toOption(code) {
        return {key: code, label: labels[code]};
      });
    }

    /**
     * @name isInTransition
     * @param {Object} bay
     * @description True while Magnum is working on the bay.
     * @returns {boolean} Whether the status ends in _IN_PROGRESS
     */
    function isInTransition(bay) {
      return angular.isString(bay.status) && /_IN_PROGRESS$/.test(bay.status);
    }

    /**
     * @name canChange
     * @param {Object} bay
     * @description
     * Whether Magnum may start a resize or upgrade: the bay has a stack
     * (its creation did not fail), and nothing runs on it or deletes it.
     * @returns {boolean} Whether the bay can be changed now
     */
    function canChange(bay) {
      return !isInTransition(bay) && bay.status !== 'CREATE_FAILED' &&
        !/^DELETE_/.test(bay.status || '');
    }

    /**
     * @name hasApi
     * @param {Object} bay
     * @description Certificates and client configuration need the bay's API.
     * @returns {boolean} Whether the bay has an API address
     */
    function hasApi(bay) {
      return Boolean(bay.api_address) && !/^DELETE_/.test(bay.status || '');
    }

    /**
     * @name healthRows
     * @param {Object} reason A bay's `health_status_reason`, as Magnum's
     *   monitor words it: {"api": "ok", "<node>.Ready": true, ...}
     * @description
     * The reason as rows of a table: the orchestrator's API first, then
     * each node, Ready or Not ready, by name; `bad` marks what is wrong.
     * @returns {Object[]} [{key, value, bad}, ...]; [] for no reason
     */
    function healthRows(reason) {
      var found = reason || {};
      var api = has(found, 'api') ? [{key: gettext('Orchestrator API'), value: String(found.api),
        bad: found.api !== 'ok'}] : [];
      return api.concat(Object.keys(found).sort().filter(function notApi(key) {
        return key !== 'api';
      }).map(function row(key) {
        var value = found[key];
        if (/\.Ready$/.test(key) && typeof value === 'boolean') {
          return {key: key.replace(/\.Ready$/, ''),
            value: value ? gettext('Ready') : gettext('Not ready'), bad: !value};
        }
        return {key: key, value: angular.isString(value) ? value : angular.toJson(value),
          bad: false};
      }));
    }

    /**
     * @name healthBadge
     * @param {Object} bay
     * @description
     * How a bay's health shows in a table: a label coloured by it (an
     * Unhealthy bay stands out), and as its title the nodes that are not
     * ready, or why the health is unknown.
     * @returns {Object|null} {label, cls, note}; null before its first reading
     */
    function healthBadge(bay) {
      var reason = bay.health_status_reason || {};
      var notReady = Object.keys(reason).sort().filter(function isDown(key) {
        return /\.Ready$/.test(key) && reason[key] === false;
      }).map(function node(key) {
        return key.replace(/\.Ready$/, '');
      });
      var note = reason.api && reason.api !== 'ok' ? String(reason.api) : '';
      var cls = {HEALTHY: 'label-success', UNHEALTHY: 'label-danger'};
      if (!bay.health_status) {
        return null;
      }
      return {
        label: label(bay.health_status),
        cls: has(cls, bay.health_status) ? cls[bay.health_status] : 'label-default',
        note: notReady.length ?
          interpolate(gettext('Not ready: %s'), [notReady.join(', ')]) : note
      };
    }

    /**
     * @name withHealth
     * @param {Object} response A listing of bays: {data: {items}}
     * @description Gives each listed bay its `health` (healthBadge), for the tables.
     * @returns {Object} The response
     */
    function withHealth(response) {
      response.data.items.forEach(function decorate(bay) {
        bay.health = healthBadge(bay);
      });
      return response;
    }

    function has(labels, code) {
      return Object.prototype.hasOwnProperty.call(labels, code);
    }

    function capitalize(word) {
      return word.charAt(0).toUpperCase() + word.slice(1);
    }
  }
})();
