/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .factory('horizon.dashboard.container-infra.workloads.actions', workloadActions);

  workloadActions.$inject = [
    '$q',
    'horizon.app.core.openstack-service-api.magnum-workloads',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.delete-action.factory',
    'horizon.dashboard.container-infra.common.dialog-action.factory',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.widgets.toast.service'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.workloads.actions
   * @param {Object} $q
   * @param {Object} api The workloads' API service
   * @param {Object} allowed The common allowed() builder
   * @param {Object} deleteActionFactory The common delete action
   * @param {Object} dialogAction The common dialog action factory
   * @param {Function} gettext
   * @param {Object} toast Horizon's toasts (a create's warnings)
   * @description
   * Create (from a manifest), scale and delete workloads of a bay, with
   * the common dialogs: each resolves when done, with false when the user
   * cancels; the forms show the server's reason next to their field,
   * deletion toasts it. The Workloads view is no resource table: it asks
   * permissions() once and shows the buttons allowed.
   * @returns {Object} The service
   */
  function workloadActions($q, api, allowed, deleteActionFactory, dialogAction, gettext,
                           toast) {
    var RULES = {
      create: 'cluster:workloads:create',
      scale: 'cluster:workloads:update',
      remove: 'cluster:workloads:delete'
    };
    var service = {
      permissions: permissions,
      create: create,
      scale: scale,
      remove: remove
    };

    return service;

    ///////////////

    /**
     * @name permissions
     * @description Asks policy once for each action.
     * @returns {Promise} Resolves with {create, scale, remove} booleans
     */
    function permissions() {
      var answers = {};
      return $q.all(Object.keys(RULES).map(function ask(action) {
        return allowed.check(RULES[action]).then(function answer(yes) {
          answers[action] = yes;
        });
      })).then(function all() {
        return answers;
      });
    }

    /**
     * @name create
     * @param {string} bayId
     * @param {string} coe 'swarm' or 'kubernetes': the example shown
     * @returns {Promise} Resolves once created
     */
    function create(bayId, coe) {
      return dialogAction.create({
        allowed: allowed.when(RULES.create),
        dialog: {title: gettext('Create Workload from a Manifest'), submit: gettext('Create'),
          icon: 'fa-plus', name: 'workload-create', size: 'lg',
          body: 'workloads/actions/manifest.html',
          controller: 'horizon.dashboard.container-infra.workloads.ManifestController'},
        context: function target() { return {bayId: bayId, coe: coe}; },
        success: function created(none, result) {
          // What will keep it from running (an image the registry lacks) is said at once.
          (result.warnings || []).forEach(function warn(warning) {
            toast.add('warning', warning);
          });
          return interpolate(gettext('Created: %s.'), [
            result.created.map(function name(made) { return made.name; }).join(', ')
          ]);
        }
      }).perform();
    }

    /**
     * @name scale
     * @param {string} bayId
     * @param {Object} definition The kind (services, deployments...)
     * @param {Object} item The workload
     * @param {Object} params namespace (Kubernetes)
     * @returns {Promise} Resolves once scaled
     */
    function scale(bayId, definition, item, params) {
      return dialogAction.create({
        allowed: allowed.when(RULES.scale),
        dialog: {title: gettext('Scale'), submit: gettext('Scale'), icon: 'fa-arrows-h',
          name: 'workload-scale', body: 'workloads/actions/scale.html',
          controller: 'horizon.dashboard.container-infra.workloads.ScaleController'},
        context: function target() {
          return {bayId: bayId, kind: definition.kind, name: definition.ref(item),
            replicas: (item.replicas || {}).desired, params: params};
        },
        success: function scaled(none, replicas) {
          return interpolate(gettext('Scaling %(name)s to %(replicas)s.'),
            {name: item.name, replicas: replicas}, true);
        }
      }).perform(item);
    }

    /**
     * @name remove
     * @param {string} bayId
     * @param {Object} definition
     * @param {Object} item
     * @param {Object} params namespace (Kubernetes)
     * @param {Object} scope Scope the confirmation emits its events on
     * @returns {Promise} Resolves with the action result after the
     *   confirmation; with false when the user cancels
     */
    function remove(bayId, definition, item, params, scope) {
      return deleteActionFactory.create({
        resourceType: 'OS::Magnum::Workload',
        allowed: allowed.when(RULES.remove),
        idOf: definition.ref,
        deleteFn: function deleteWorkload(ref, suppressError) {
          return api.remove(bayId, definition.kind, ref, params, suppressError);
        },
        labels: {
          title: interpolate(gettext('Delete %s'), [definition.one]),
          message: gettext('You have selected "%s". Its replicas stop and it cannot be ' +
            'recovered.'),
          submit: gettext('Delete'),
          success: gettext('Deleted: %s.'),
          error: gettext('Unable to delete: %s.')
        }
      }).perform(item, scope);
    }
  }
})();
