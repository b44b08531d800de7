/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.admin.quotas')
    .factory('horizon.dashboard.container-infra.admin.quotas.actions.dialogs',
      quotaDialogActions);

  quotaDialogActions.$inject = [
    '$q',
    'horizon.app.core.openstack-service-api.magnum-quotas',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.dialog-action.factory',
    'horizon.dashboard.container-infra.admin.projects.service',
    'horizon.dashboard.container-infra.admin.quotas.form.service',
    'horizon.dashboard.container-infra.admin.quotas.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.admin.quotas.actions.dialogs
   * @param {Object} $q
   * @param {Object} quotasAPI The quotas' API service
   * @param {Function} gettext
   * @param {Object} allowed The common allowed() builder
   * @param {Object} dialogAction The common dialog action factory
   * @param {Object} projects Keystone's projects
   * @param {Object} quotaForm The quota form
   * @param {string} resourceType OS::Magnum::Quota
   * @description
   * The actions of OS::Magnum::Quota that open the quota form, declared
   * in one list (quotas.module.js places them; Delete is delete.service.js),
   * each naming the quota in its result:
   * - `create`, "Create Quota" (`quota:create`): sets a quota for a
   *   project that has none;
   * - `update`, "Update Quota" (`quota:update`): changes the hard limit of
   *   a quota.
   * @returns {Object} {create, update}: the action services
   */
  function quotaDialogActions($q, quotasAPI, gettext, allowed, dialogAction, projects, quotaForm,
                              resourceType) {
    return {
      create: dialogAction.create({
        allowed: allowed.when('quota:create'),
        open: openCreate,
        resourceType: resourceType,
        changes: 'created',
        idOf: function createdId(none, response) { return response.data.id; },
        success: function created(none, response) {
          return gettext('Quota of %s created.').replace('%s', function name() {
            return projects.nameOf(response.data.project_id);
          });
        }
      }),
      update: dialogAction.create({
        allowed: allowed.when('quota:update'),
        open: openUpdate,
        resourceType: resourceType,
        changes: 'updated',
        idOf: function updatedId(quota) { return quota.id; },
        success: function updated(quota, response) {
          return response ? gettext('Quota of %s updated.').replace('%s', function name() {
            return quota.project_name || quota.project_id;
          }) : '';
        }
      })
    };

    /**
     * @name openCreate
     * @description
     * Offers the projects of the user's domain (not Heat's per-stack ones)
     * without a bay quota (by name), with the default
     * limit they have now, then creates the quota the form describes. A
     * refusal of the server is toasted with its reason by the API service.
     * @returns {Promise} Resolves with the response of the creation
     */
    function openCreate() {
      return $q.all([projects.getDomainProjects(), quotasAPI.getQuotas()])
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
        .then(quotasAPI.createQuota);
    }

    // A project without a quota reads as the default: any free project tells it.
    function defaultLimit(free) {
      if (!free.length) {
        return null;
      }
      return quotasAPI.getQuota(free[0].id, 'Cluster').then(function limit(response) {
        return response.data.hard_limit;
      }, function unknown() {
        return null;
      });
    }

    function byName(one, other) {
      return String(one.name).localeCompare(String(other.name));
    }

    /**
     * @name openUpdate
     * @param {Object} quota The row's quota
     * @description
     * Opens the form on the quota (project and resource fixed) and sends
     * the new hard limit; an unchanged limit sends nothing.
     * @returns {Promise} Resolves with the response, or null when unchanged
     */
    function openUpdate(quota) {
      return quotaForm.open({
        title: gettext('Update Quota'),
        submitText: gettext('Update Quota'),
        projects: [{id: quota.project_id, name: quota.project_name}],
        quota: quota
      }).then(function update(model) {
        if (model.hard_limit === quota.hard_limit) {
          return null;
        }
        return quotasAPI.updateQuota(quota.project_id, quota.resource,
          {hard_limit: model.hard_limit});
      });
    }
  }
})();
