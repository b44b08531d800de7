/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .factory('horizon.dashboard.container-infra.common.node-bounds.service', nodeBounds);

  nodeBounds.$inject = ['horizon.framework.util.i18n.gettext'];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.common.node-bounds.service
   * @param {Function} gettext
   * @description
   * The node counts a node group may have, as Magnum keeps them: an unset
   * min_node_count is 0, an unset max_node_count (null) is no limit. For
   * the node groups' table, the Resize and Edit Bounds dialogs and the
   * Create Node Group form.
   * @returns {Object} The service
   */
  function nodeBounds(gettext) {
    var service = {
      of: of,
      maxInWords: maxInWords
    };

    return service;

    ///////////////

    /**
     * @name of
     * @param {Object} group A node group, or a form's model with its fields
     * @returns {Object} {min, max}: the bounds, max null for no limit
     */
    function of(group) {
      return {
        min: group.min_node_count || 0,
        max: angular.isNumber(group.max_node_count) ? group.max_node_count : null
      };
    }

    /**
     * @name maxInWords
     * @param {number|null} max A maximum, from of()
     * @returns {number|string} The maximum, or "no limit"
     */
    function maxInWords(max) {
      return max === null ? gettext('no limit') : max;
    }
  }
})();
