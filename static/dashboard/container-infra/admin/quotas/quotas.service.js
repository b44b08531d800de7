/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.admin.quotas')
    .factory('horizon.dashboard.container-infra.admin.quotas.service', quotasService);

  quotasService.$inject = [
    'horizon.app.core.openstack-service-api.magnum-quotas',
    'horizon.dashboard.container-infra.admin.projects.service',
    'horizon.framework.util.i18n.gettext'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.admin.quotas.service
   * @param {Object} quotasAPI The quotas' API service
   * @param {Object} projects Project names
   * @param {Function} gettext
   * @description Data of the Quotas panel.
   * @returns {Object} The service
   */
  function quotasService(quotasAPI, projects, gettext) {
    // Magnum counts clusters; this dashboard calls them bays.
    var resources = {Cluster: gettext('Bays')};

    var service = {
      getQuotasPromise: getQuotasPromise,
      resources: resourceChoices,
      resourceLabel: resourceLabel
    };

    return service;

    ///////////////

    /**
     * @name getQuotasPromise
     * @description
     * List function of OS::Magnum::Quota: every quota, each with its
     * project's name (also as `name`, which confirmations show) and a
     * `trackBy` key that changes when the limit does.
     * @param {Object=} params The table's: `quiet: true` lists without an
     *   error toast (the live table's polls)
     * @returns {Promise} Resolves with the response, whose data is {items: [...]}
     */
    function getQuotasPromise(params) {
      var quiet = Boolean(params && params.quiet);
      return quotasAPI.getQuotas(quiet).then(projects.withProjectNames).then(function keys(response) {
        response.data.items.forEach(function setKeys(quota) {
          quota.name = quota.project_name;
          quota.trackBy = quota.id + ':' + quota.hard_limit + ':' + (quota.updated_at || '');
        });
        return response;
      });
    }

    /**
     * @name resourceChoices
     * @description The resources a quota can limit, for a form's select.
     * @returns {Object[]} [{value: 'Cluster', name: 'Bays'}, ...]
     */
    function resourceChoices() {
      return Object.keys(resources).map(function choice(key) {
        return {value: key, name: resources[key]};
      });
    }

    /**
     * @name resourceLabel
     * @param {string} resource Magnum's name of the resource
     * @description Display filter of the Resource column.
     * @returns {string} 'Bays' for Cluster; other names as they are
     */
    function resourceLabel(resource) {
      return Object.prototype.hasOwnProperty.call(resources, resource)
        ? resources[resource] : resource;
    }
  }
})();
