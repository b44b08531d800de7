/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.actions')
    .factory('horizon.dashboard.container-infra.bays.actions.delete', deleteBayAction);

  deleteBayAction.$inject = [
    '$rootScope',
    'horizon.app.core.openstack-service-api.magnum-bays',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.delete-action.factory',
    'horizon.dashboard.container-infra.common.events'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.delete
   * @param {Object} $rootScope
   * @param {Object} baysAPI The bays' API service
   * @param {Function} gettext
   * @param {Function} ngettext
   * @param {Object} allowed The common allowed() builder
   * @param {Object} deleteActionFactory The shared delete action
   * @param {Object} events The common events
   * @description
   * Row and batch action "Delete Bay(s)" (`cluster:delete`), after a
   * confirmation, for each table of bays: the project's (OS::Magnum::Bay)
   * and the admin's (OS::Magnum::AdminBay). A bay already being deleted is
   * not offered again. Each accepted deletion is broadcast
   * (events.CHANGED): the table drops the row at once, and its live table
   * lists again to follow the deletion. Example:
   *
   *     var remove = deleteBays.forType('OS::Magnum::AdminBay');
   *     type.itemActions.append({id: 'deleteBayAction', service: remove, ...});
   * @returns {Object} {forType(resourceType)}
   */
  function deleteBayAction($rootScope, baysAPI, gettext, ngettext, allowed, deleteActionFactory,
                           events) {
    var service = {
      forType: forType
    };

    return service;

    ///////////////

    /**
     * @name forType
     * @param {string} resourceType The type of the table the action is on
     * @description Builds the delete action of that table.
     * @returns {Object} The action service {initAction, allowed, perform}
     */
    function forType(resourceType) {
      return deleteActionFactory.create({
        resourceType: resourceType,
        allowed: allowed.when('cluster:delete', function notDeleting(bay) {
          return bay.status !== 'DELETE_IN_PROGRESS';
        }),
        deleteFn: function deleteBay(id, suppressError) {
          return baysAPI.deleteBay(id, suppressError).then(function deleted(response) {
            $rootScope.$broadcast(events.CHANGED, resourceType, id);
            return response;
          });
        },
        labels: labels
      });
    }

    function labels(count) {
      return {
        title: ngettext('Confirm Delete Bay', 'Confirm Delete Bays', count),
        message: ngettext(
          'You have selected "%s". The bay\'s nodes and everything running on them ' +
          'are deleted, and cannot be recovered.',
          'You have selected "%s". The bays\' nodes and everything running on them ' +
          'are deleted, and cannot be recovered.', count),
        submit: ngettext('Delete Bay', 'Delete Bays', count),
        success: ngettext('Deleting bay: %s.', 'Deleting bays: %s.', count),
        error: ngettext('Unable to delete bay: %s.', 'Unable to delete bays: %s.', count),
        notAllowed: gettext('Not deleted (not allowed, or being deleted already): %s.')
      };
    }
  }
})();
