/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.app.core.openstack-service-api')
    .factory('horizon.app.core.openstack-service-api.magnum-node-groups', nodeGroupsAPI);

  nodeGroupsAPI.$inject = [
    'horizon.app.core.openstack-service-api.magnum-http',
    'horizon.framework.util.i18n.gettext'
  ];

  /**
   * @ngdoc service
   * @name horizon.app.core.openstack-service-api.magnum-node-groups
   * @param {Object} http The dashboard's http helper
   * @param {Function} gettext
   * @description
   * The node groups of a bay (Magnum 1.9+): list, add, resize, change
   * their bounds, remove. A failure is toasted with the server's reason
   * (see magnum-http), unless `suppressError`.
   * @returns {Object} The service
   */
  function nodeGroupsAPI(http, gettext) {
    var service = {
      getNodeGroups: getNodeGroups,
      createNodeGroup: createNodeGroup,
      resizeNodeGroup: resizeNodeGroup,
      updateNodeGroup: updateNodeGroup,
      deleteNodeGroup: deleteNodeGroup
    };

    return service;

    ///////////////

    /**
     * @name getNodeGroups
     * @param {string} bayId The bay's uuid
     * @param {boolean=} suppressError True: reject without a toast (polling)
     * @returns {Promise} Resolves with a response whose data is {items: [...]}
     */
    function getNodeGroups(bayId, suppressError) {
      return http.get(http.url('bays', bayId, 'nodegroups'),
        gettext('Unable to retrieve the node groups of the bay: %s'),
        {suppressError: suppressError, once: true});
    }

    /**
     * @name createNodeGroup
     * @param {string} bayId The bay's uuid
     * @param {Object} data {name, node_count, flavor_id, min_node_count,
     *   max_node_count, labels, merge_labels, role}
     * @returns {Promise} Resolves with the group (CREATE_IN_PROGRESS)
     */
    function createNodeGroup(bayId, data) {
      return http.post(http.url('bays', bayId, 'nodegroups'), data,
        gettext('Unable to create the node group: %s'));
    }

    /**
     * @name resizeNodeGroup
     * @param {string} bayId The bay's uuid
     * @param {string} id The group's uuid or name
     * @param {Object} data {node_count, nodes_to_remove}
     * @description Magnum resizes a group by the bay's resize, naming the group.
     * @returns {Promise} Resolves with the bay
     */
    function resizeNodeGroup(bayId, id, data) {
      return http.post(http.url('bays', bayId, 'resize'), angular.extend({nodegroup: id}, data),
        gettext('Unable to resize the node group: %s'));
    }

    /**
     * @name updateNodeGroup
     * @param {string} bayId The bay's uuid
     * @param {string} id The group's uuid or name
     * @param {Object} changes {min_node_count, max_node_count}; null
     *   removes a bound (no maximum; a minimum of 0)
     * @returns {Promise} Resolves with the group
     */
    function updateNodeGroup(bayId, id, changes) {
      return http.patch(http.url('bays', bayId, 'nodegroups', id), changes,
        gettext('Unable to change the node group: %s'));
    }

    /**
     * @name deleteNodeGroup
     * @param {string} bayId The bay's uuid
     * @param {string} id The group's uuid or name
     * @param {boolean} suppressError True: reject without a toast
     * @returns {Promise} Resolves with an empty response (204)
     */
    function deleteNodeGroup(bayId, id, suppressError) {
      return http.remove(http.url('bays', bayId, 'nodegroups', id),
        gettext('Unable to delete the node group: %s'), {suppressError: suppressError});
    }
  }
})();
