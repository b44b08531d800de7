/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .factory('horizon.dashboard.container-infra.common.resource-types.service', resourceTypes);

  resourceTypes.$inject = [
    'horizon.dashboard.container-infra.common.basePath',
    'horizon.dashboard.container-infra.common.delete-action.factory',
    'horizon.dashboard.container-infra.common.details-pages.service',
    'horizon.dashboard.container-infra.common.live-table.service',
    'horizon.framework.conf.resource-type-registry.service'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.common.resource-types.service
   * @param {string} basePath Where this dashboard's templates are
   * @param {Object} deleteActionFactory Registers a type's delete actions
   * @param {Object} detailsPages The tabs of the details pages
   * @param {Object} liveTable Makes a list function live
   * @param {Object} registry Horizon's resource type registry
   * @description
   * Declares a resource type of this dashboard in Horizon's registry, so
   * that every feature registers its type the same way: one object says
   * what the type is, and its tables, drawers and actions hang off it.
   * Every list is live (live-table.service.js), and a type with a details
   * page links the name column of its table to it. Example:
   *
   *     resourceTypes.define('OS::Magnum::Thing', {
   *       names: ['Thing', 'Things', ngettext('Thing', 'Things', 1)],
   *       properties: {name: gettext('Name'), size: gettext('Size')},
   *       list: thingsService.getThingsPromise,
   *       busy: thingsService.isBusy,
   *       load: thingsService.getThingPromise,
   *       drawer: 'things/details/drawer.html',
   *       tabs: [{id: 'thingOverview', name: gettext('Overview'),
   *         template: 'things/details/overview.html'}],
   *       columns: [{id: 'name', priority: 1, sortDefault: true}, {id: 'size', priority: 2}],
   *       facets: [{label: gettext('Name'), name: 'name', singleton: true}]
   *     });
   *     resourceTypes.addActions('OS::Magnum::Thing', {
   *       global: [{id: 'createThingAction', service: create, text: gettext('Create Thing')}],
   *       item: [{id: 'resizeThingAction', service: resize, text: gettext('Resize'),
   *         icon: 'arrows-v'}],
   *       remove: {service: deleteThings, item: gettext('Delete Thing'),
   *         batch: gettext('Delete Things')}
   *     });
   * @returns {Object} The service
   */
  function resourceTypes(basePath, deleteActionFactory, detailsPages, liveTable, registry) {
    var service = {
      define: define,
      addActions: addActions
    };

    return service;

    ///////////////

    /**
     * @name define
     * @param {string} resourceType The type's name, e.g. 'OS::Magnum::Bay'
     * @param {Object} definition
     * @param {Array} definition.names Horizon's setNames() arguments
     * @param {Object} definition.properties Labels (and display filters) by field
     * @param {Function} definition.list params → promise of {data: {items}}
     * @param {Function=} definition.busy item → true while it is in progress
     *   (the table then lists again sooner)
     * @param {Function=} definition.load id → promise of the item
     * @param {Function=} definition.itemName item → its name
     * @param {string=} definition.drawer The row's summary template, below
     *   this dashboard's folder
     * @param {string=} definition.indexUrl The panel that lists the type
     * @param {Object[]=} definition.tabs The tabs of the details page, in
     *   order: {id, name, template (below this dashboard's folder)}
     * @param {Object[]=} definition.columns The table's columns, in order
     * @param {Object[]=} definition.facets The search facets, in order
     * @description Registers the type as `definition` describes it.
     * @returns {Object} The resource type, for what is particular to it
     */
    function define(resourceType, definition) {
      var type = registry.getResourceType(resourceType);
      var tabs = definition.tabs || [];

      type.setNames.apply(type, definition.names);
      type
        .setProperties(definition.properties)
        .setListFunction(liveTable.listFunction(resourceType, definition.list, definition.busy));
      setIfGiven(type.setLoadFunction, definition.load);
      setIfGiven(type.setItemNameFunction, definition.itemName);
      setIfGiven(type.setDefaultIndexUrl, definition.indexUrl);
      if (definition.drawer) {
        type.setSummaryTemplateUrl(basePath + definition.drawer);
      }

      tabs.forEach(function addTab(tab) {
        detailsPages.addTab(resourceType, tab.id, tab.name, tab.template);
      });
      (definition.columns || []).forEach(function addColumn(column) {
        var linked = tabs.length && column.id === 'name';
        type.tableColumns.append(linked
          ? angular.extend({urlFunction: detailsPages.pathFunction(resourceType)}, column)
          : column);
      });
      (definition.facets || []).forEach(function addFacet(facet) {
        type.filterFacets.append(facet);
      });
      return type;

      function setIfGiven(setter, value) {
        if (value) {
          setter.call(type, value);
        }
      }
    }

    /**
     * @name addActions
     * @param {string} resourceType The type's name
     * @param {Object} actions
     * @param {Object[]=} actions.global Above the table: {id, service, text}
     * @param {Object[]=} actions.item On each row, in order: {id, service,
     *   text, icon, classes (optional: e.g. 'text-danger')}
     * @param {Object=} actions.remove The delete action, last on each row:
     *   {service, item: its text on a row, batch (optional): its text above
     *   the table, for the selected rows}
     * @description
     * Registers the actions of a type. Every row entry has an icon (or is
     * Horizon's delete, which has its own), so that a menu's entries line up.
     * @returns {undefined} Returns nothing
     */
    function addActions(resourceType, actions) {
      var type = registry.getResourceType(resourceType);

      (actions.global || []).forEach(function addGlobal(action) {
        type.globalActions.append({
          id: action.id,
          service: action.service,
          template: {type: 'create', text: action.text}
        });
      });
      (actions.item || []).forEach(function addItem(action) {
        var template = {text: action.text, icon: action.icon};
        if (action.classes) {
          template.actionClasses = action.classes;
        }
        type.itemActions.append({id: action.id, service: action.service, template: template});
      });
      if (actions.remove) {
        deleteActionFactory.register(type, actions.remove.service, actions.remove);
      }
    }
  }
})();
