/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.node-groups')
    .factory('horizon.dashboard.container-infra.node-groups.service', nodeGroupsService);

  nodeGroupsService.$inject = [
    '$q',
    'horizon.app.core.openstack-service-api.magnum-bays',
    'horizon.app.core.openstack-service-api.magnum-node-groups',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.node-bounds.service',
    'horizon.dashboard.container-infra.bays.status'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.node-groups.service
   * @param {Object} $q
   * @param {Object} baysAPI The bays' API service
   * @param {Object} nodeGroupsAPI The node groups' API service
   * @param {Function} gettext
   * @param {Object} nodeBounds The common node bounds
   * @param {Object} bayStatus Status labels and states (a group's are a bay's)
   * @description Data of a bay's node group table.
   * @returns {Object} The service
   */
  function nodeGroupsService($q, baysAPI, nodeGroupsAPI, gettext, nodeBounds, bayStatus) {
    var ROLES = {master: gettext('Master'), worker: gettext('Worker')};
    var service = {
      getNodeGroupsPromise: getNodeGroupsPromise,
      decorate: decorate,
      isBusy: isBusy,
      roleLabel: roleLabel
    };

    return service;

    ///////////////

    /**
     * @name getNodeGroupsPromise
     * @param {Object} params The table's: `bayId` (the live table's
     *   list-params), `quiet: true` lists without an error toast
     * @description
     * List function of OS::Magnum::NodeGroup: the bay's groups, each with
     * what the table and the actions need of the bay (read at the same
     * time: whether it is busy decides which actions show). A table
     * without a bay lists nothing.
     * @returns {Promise} Resolves with the response, whose data is {items: [...]}
     */
    function getNodeGroupsPromise(params) {
      var bayId = params && params.bayId;
      var quiet = Boolean(params && params.quiet);
      if (!bayId) {
        return $q.resolve({data: {items: []}});
      }
      // One toast is enough: the groups' call says why the table failed.
      return $q.all([nodeGroupsAPI.getNodeGroups(bayId, quiet), baysAPI.getBay(bayId, true)])
        .then(function combine(results) {
          var response = results[0];
          response.data.items.forEach(function decorateGroup(group) {
            decorate(group, results[1].data);
          });
          return response;
        });
    }

    /**
     * @name decorate
     * @param {Object} group A node group as the API gives it
     * @param {Object} bay Its bay
     * @description
     * Adds what the views need: `id` (the table drops deleted rows by id),
     * `bay` ({uuid, name, status, api_address}: the actions' state),
     * `bounds` ("0 to no limit") and `trackBy` (changes whenever the group
     * or its bay's status does: the row is redrawn, its actions checked
     * again).
     * @returns {Object} The same group
     */
    function decorate(group, bay) {
      var bounds = nodeBounds.of(group);
      group.id = group.uuid;
      group.bay = {uuid: bay.uuid, name: bay.name, status: bay.status,
        api_address: bay.api_address};
      group.bounds = interpolate(gettext('%(min)s to %(max)s'),
        {min: bounds.min, max: nodeBounds.maxInWords(bounds.max)}, true);
      group.trackBy = [group.uuid, group.status, group.node_count, group.min_node_count, bounds.max,
        bay.status, group.updated_at || ''].join('|');
      return group;
    }

    /**
     * @name isBusy
     * @param {Object} group A decorated group
     * @description
     * Magnum is working on the group, or on its bay (another group, a
     * rotation): the table follows until both are at rest.
     * @returns {boolean} Whether either is in progress
     */
    function isBusy(group) {
      return bayStatus.isInTransition(group) || bayStatus.isInTransition(group.bay);
    }

    /**
     * @name roleLabel
     * @param {string} role 'master', 'worker' or a role of the user's
     * @returns {string} Its label; an unknown role as it is
     */
    function roleLabel(role) {
      return ROLES[role] || role || '';
    }
  }
})();
