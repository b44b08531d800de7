/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .factory('horizon.dashboard.container-infra.common.details-tabs.service', detailsTabsService);

  detailsTabsService.$inject = [
    'horizon.dashboard.container-infra.common.basePath',
    'horizon.framework.conf.resource-type-registry.service'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.common.details-tabs.service
   * @param {string} basePath Where this dashboard's templates are
   * @param {Object} registry Horizon's resource type registry
   * @description
   * Adds tabs to the details page of a resource type (its `detailsViews`),
   * each a template of this dashboard, in the order they are added. The
   * workloads module, for example, gives a bay's page its Workloads tab:
   *
   *     detailsTabs.add('OS::Magnum::Bay', 'workloads', gettext('Workloads'),
   *       'workloads/details/bay-tab.html');
   * @returns {Object} The service
   */
  function detailsTabsService(basePath, registry) {
    var service = {
      add: add
    };

    return service;

    ///////////////

    /**
     * @name add
     * @param {string} resourceType The type whose details page gets the tab
     * @param {string} id The view's id
     * @param {string} name The tab's title, translated
     * @param {string} template The tab's template, below this dashboard's folder
     * @description Adds one tab after those the page has.
     * @returns {Object} The service, to add the next tab
     */
    function add(resourceType, id, name, template) {
      registry.getResourceType(resourceType).detailsViews.append({
        id: id,
        name: name,
        template: basePath + template
      });
      return service;
    }
  }
})();
