/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .factory('horizon.dashboard.container-infra.common.details-pages.service', detailsPages);

  detailsPages.$inject = [
    '$location',
    'horizon.dashboard.container-infra.common.basePath',
    'horizon.framework.conf.resource-type-registry.service'
  ];

  // Horizon's 'horizon.app.core.detailRoute': the route of the details pages.
  var DETAIL_ROUTE = 'ngdetails/';

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.common.details-pages.service
   * @param {Object} $location
   * @param {string} basePath Where this dashboard's templates are
   * @param {Object} registry Horizon's resource type registry
   * @description
   * The details pages of the resource types (Horizon's routed details
   * view): the tabs a page shows (its type's `detailsViews`), each a
   * template of this dashboard, and the path of an item's page, for the
   * links of a table. The workloads module, for example, gives a bay's
   * page its Workloads tab:
   *
   *     detailsPages.addTab('OS::Magnum::Bay', 'workloads', gettext('Workloads'),
   *       'workloads/details/bay-tab.html');
   *
   * A page reloaded to draw its header's actions again keeps the tab the
   * user reads: keepTab(element) before the reload, restoreTab(element)
   * from the new page (element: any element inside the tabs).
   * @returns {Object} The service
   */
  function detailsPages($location, basePath, registry) {
    // The tab shown on a page (by path) when it was reloaded.
    var keptTabs = {};
    var service = {
      addTab: addTab,
      pathFunction: pathFunction,
      keepTab: keepTab,
      restoreTab: restoreTab
    };

    return service;

    ///////////////

    /**
     * @name addTab
     * @param {string} resourceType The type whose details page gets the tab
     * @param {string} id The view's id
     * @param {string} name The tab's title, translated
     * @param {string} template The tab's template, below this dashboard's folder
     * @description Adds one tab after those the page has.
     * @returns {Object} The service, to add the next tab
     */
    function addTab(resourceType, id, name, template) {
      registry.getResourceType(resourceType).detailsViews.append({
        id: id,
        name: name,
        template: basePath + template
      });
      return service;
    }

    /**
     * @name pathFunction
     * @param {string} resourceType The type of the items
     * @description The `urlFunction` of a table column that opens an item's page.
     * @returns {Function} item → 'ngdetails/OS::Magnum::Bay/<uuid>', relative to WEBROOT
     */
    function pathFunction(resourceType) {
      return function detailsPath(item) {
        return DETAIL_ROUTE + resourceType + '/' + item.uuid;
      };
    }

    /**
     * @name keepTab
     * @param {Object} element An element inside the page's tabs (jqLite)
     * @description Remembers which tab of this page is shown.
     * @returns {undefined}
     */
    function keepTab(element) {
      var tabset = element.controller('uibTabset');
      keptTabs[$location.path()] = tabset ? tabset.active : undefined;
    }

    /**
     * @name restoreTab
     * @param {Object} element An element inside the page's tabs (jqLite)
     * @description Shows again the tab kept for this page, once.
     * @returns {undefined}
     */
    function restoreTab(element) {
      var tabset = element.controller('uibTabset');
      var index = keptTabs[$location.path()];
      delete keptTabs[$location.path()];
      if (tabset && angular.isDefined(index)) {
        // uib-tabset selects the tab of its `active` index on the next digest.
        tabset.active = index;
      }
    }
  }
})();
