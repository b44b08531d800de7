/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .factory('horizon.dashboard.container-infra.bays.actions.delete', deleteBayAction);

  deleteBayAction.$inject = [
    '$rootScope',
    'horizon.app.core.openstack-service-api.magnum',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.common.delete-action.factory',
    'horizon.dashboard.container-infra.bays.resourceType',
    'horizon.dashboard.container-infra.bays.events'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.delete
   * @param {Object} $rootScope
   * @param {Object} magnum The Magnum API service
   * @param {Function} gettext
   * @param {Function} ngettext
   * @param {Object} deleteActionFactory The shared delete action
   * @param {string} resourceType 'OS::Magnum::Bay'
   * @param {Object} events The bays' events
   * @description
   * Row and batch action "Delete Bay(s)" (`cluster:delete`), after a
   * confirmation. A bay already being deleted is not offered again. Each
   * accepted deletion is broadcast (events.DELETED): the table drops the
   * row at once, and the panel lists again to follow the deletion.
   * @returns {Object} The action service
   */
  function deleteBayAction($rootScope, magnum, gettext, ngettext, deleteActionFactory,
                           resourceType, events) {
    return deleteActionFactory.create({
      resourceType: resourceType,
      policyRule: 'cluster:delete',
      deleteFn: function deleteBay(id, suppressError) {
        return magnum.deleteBay(id, suppressError).then(function deleted(response) {
          $rootScope.$broadcast(events.DELETED, id);
          return response;
        });
      },
      allowedFn: function notDeleting(bay) {
        return bay.status !== 'DELETE_IN_PROGRESS';
      },
      labels: {
        title: function title(count) {
          return ngettext('Confirm Delete Bay', 'Confirm Delete Bays', count);
        },
        message: function message(count) {
          return ngettext(
            'You have selected "%s". The bay\'s nodes and everything running on them ' +
            'are deleted, and cannot be recovered.',
            'You have selected "%s". The bays\' nodes and everything running on them ' +
            'are deleted, and cannot be recovered.', count);
        },
        submit: function submit(count) {
          return ngettext('Delete Bay', 'Delete Bays', count);
        },
        success: function success(count) {
          return ngettext('Deleting bay: %s.', 'Deleting bays: %s.', count);
        },
        error: function error(count) {
          return ngettext('Unable to delete bay: %s.', 'Unable to delete bays: %s.', count);
        },
        notAllowed: gettext('Not deleted (not allowed, or being deleted already): %s.')
      }
    });
  }
})();
