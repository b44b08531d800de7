/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.admin.quotas')
    .factory('horizon.dashboard.container-infra.admin.quotas.actions.create.service',
      createService);

  createService.$inject = [
    '$q',
    'horizon.app.core.openstack-service-api.magnum',
    'horizon.app.core.openstack-service-api.policy',
    'horizon.framework.util.actions.action-result.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.widgets.toast.service',
    'horizon.dashboard.container-infra.admin.projects.service',
    'horizon.dashboard.container-infra.admin.quotas.form.service',
    'horizon.dashboard.container-infra.admin.quotas.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.admin.quotas.actions.create.service
   * @param {Object} $q
   * @param {Object} magnum The Magnum API service
   * @param {Object} policy Horizon's policy API
   * @param {Object} actionResult Horizon's action result builder
   * @param {Function} gettext
   * @param {Object} toast
   * @param {Object} projects Keystone's projects
   * @param {Object} quotaForm The quota form
   * @param {string} resourceType OS::Magnum::Quota
   * @description Sets a quota for a project that has none.
   * @returns {Object} {initAction, allowed, perform}
   */
  function createService($q, magnum, policy, actionResult, gettext, toast, projects, quotaForm,
                         resourceType) {
    var service = {
      initAction: angular.noop,
      allowed: allowed,
      perform: perform
    };

    return service;

    ///////////////

    /**
     * @name allowed
     * @description Resolves when the policy lets the user create quotas.
     * @returns {Promise} Resolves if allowed
     */
    function allowed() {
      return policy.ifAllowed({rules: [['container-infra', 'quota:create']]});
    }

    /**
     * @name perform
     * @description
     * Offers the projects without a bay quota (by name), with the default
     * limit they have now, then creates the quota the form describes. A
     * refusal of the server is toasted with its reason by the Magnum API
     * service.
     * @returns {Promise} Resolves with the action result naming the new quota
     */
    function perform() {
      return $q.all([projects.getProjects(), magnum.getQuotas()])
        .then(function freeProjects(answers) {
          var taken = {};
          var free;
          answers[1].data.items.forEach(function mark(quota) {
            taken[quota.project_id] = true;
          });
          free = answers[0].filter(function isFree(project) {
            return !taken[project.id];
          }).sort(byName);
          return $q.all([free, defaultLimit(free)]);
        })
        .then(function openForm(found) {
          return quotaForm.open({
            title: gettext('Create Quota'),
            submitText: gettext('Create Quota'),
            projects: found[0],
            defaultLimit: found[1]
          });
        })
        .then(function create(model) {
          return magnum.createQuota(model);
        })
        .then(function created(response) {
          toast.add('success', interpolateName(gettext('Quota of %s created.'), response.data));
          return actionResult.getActionResult()
            .created(resourceType, response.data.id)
            .result;
        });
    }

    // A project without a quota reads as the default: any free project tells it.
    function defaultLimit(free) {
      if (!free.length) {
        return null;
      }
      return magnum.getQuota(free[0].id, 'Cluster').then(function limit(response) {
        return response.data.hard_limit;
      }, function unknown() {
        return null;
      });
    }

    function byName(one, other) {
      return String(one.name).localeCompare(String(other.name));
    }

    function interpolateName(message, quota) {
      return message.replace('%s', function name() {
        return projects.nameOf(quota.project_id);
      });
    }
  }
})();
