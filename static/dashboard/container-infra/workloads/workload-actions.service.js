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
    '$uibModal',
    '$window',
    'horizon.app.core.openstack-service-api.magnum-workloads',
    'horizon.app.core.openstack-service-api.policy',
    'horizon.dashboard.container-infra.common.delete-action.factory',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.widgets.toast.service'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.workloads.actions
   * @description
   * Create (from a manifest), scale and delete workloads of a bay. Each
   * resolves when done and rejects when the user cancels; the forms show
   * the server's reason next to their field, deletion toasts it.
   * @returns {Object} The service
   */
  function workloadActions($q, $uibModal, $window, api, policy, deleteActionFactory,
                           gettext, toast) {
    var RULES = {
      create: 'cluster:workloads:create',
      scale: 'cluster:workloads:update',
      remove: 'cluster:workloads:delete'
    };
    var templates = $window.STATIC_URL + 'dashboard/container-infra/workloads/';
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
        return policy.ifAllowed({rules: [['container-infra', RULES[action]]]})
          .then(function yes() {
            answers[action] = true;
          }, function no() {
            answers[action] = false;
          });
      })).then(function all() {
        return answers;
      });
    }

    /**
     * @name create
     * @param {string} bayId
     * @param {string} coe 'swarm' or 'kubernetes': the example shown
     * @returns {Promise} Resolves with {created: [...]} once created
     */
    function create(bayId, coe) {
      return $uibModal.open({
        templateUrl: templates + 'manifest-modal.html',
        controller: 'horizon.dashboard.container-infra.workloads.ManifestModalController',
        controllerAs: 'modal',
        resolve: {
          bayId: function () { return bayId; },
          coe: function () { return coe; }
        }
      }).result.then(function created(result) {
        toast.add('success', interpolate(gettext('Created: %s.'), [
          result.created.map(function name(made) { return made.name; }).join(', ')
        ]));
        return result;
      });
    }

    /**
     * @name scale
     * @param {string} bayId
     * @param {Object} definition The kind (services, deployments...)
     * @param {Object} item The workload
     * @param {Object} params namespace (Kubernetes)
     * @returns {Promise} Resolves with the scaled item
     */
    function scale(bayId, definition, item, params) {
      return $uibModal.open({
        templateUrl: templates + 'scale-modal.html',
        controller: 'horizon.dashboard.container-infra.workloads.ScaleModalController',
        controllerAs: 'modal',
        resolve: {
          target: function () {
            return {bayId: bayId, kind: definition.kind, name: definition.ref(item),
              replicas: (item.replicas || {}).desired, params: params};
          }
        }
      }).result.then(function scaled(result) {
        toast.add('success', interpolate(gettext('Scaling %(name)s to %(replicas)s.'),
          {name: item.name, replicas: result.replicas}, true));
        return result;
      });
    }

    /**
     * @name remove
     * @param {string} bayId
     * @param {Object} definition
     * @param {Object} item
     * @param {Object} params namespace (Kubernetes)
     * @param {Object} scope Scope the confirmation emits its events on
     * @returns {Promise} Resolves with the action result after the
     *   confirmation; rejects when the user cancels
     */
    function remove(bayId, definition, item, params, scope) {
      return deleteActionFactory.create({
        resourceType: 'OS::Magnum::Workload',
        policyRule: RULES.remove,
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
