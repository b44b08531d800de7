/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .factory('horizon.dashboard.container-infra.common.delete-action.factory',
      deleteActionFactory);

  deleteActionFactory.$inject = [
    '$q',
    'horizon.app.core.openstack-service-api.magnum-error-reason',
    'horizon.framework.util.actions.action-result.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.q.extensions',
    'horizon.framework.widgets.modal.deleteModalService',
    'horizon.framework.widgets.toast.service'
  ];

  /**
   * @ngdoc factory
   * @name horizon.dashboard.container-infra.common.delete-action.factory
   * @param {Object} $q
   * @param {Function} errorReason The server's reason of a failed call
   * @param {Object} actionResultService
   * @param {Function} gettext
   * @param {Object} $qExtensions
   * @param {Object} deleteModal Horizon's delete confirmation
   * @param {Object} toast
   * @description
   * Builds the delete action of a resource type, for one item (a row
   * action) or several (a batch action). Example:
   *
   *     deleteActionFactory.create({
   *       resourceType: 'OS::Magnum::Bay',
   *       allowed: allowed.when('cluster:delete', function (bay) {
   *         return bay.status !== 'DELETE_IN_PROGRESS';
   *       }),
   *       deleteFn: baysAPI.deleteBay,
   *       labels: function (count) {
   *         return {
   *           title: ngettext('Delete Bay', 'Delete Bays', count),
   *           message: gettext('You have selected "%s". Deleted bays cannot be recovered.'),
   *           submit: gettext('Delete'),
   *           success: gettext('Deleted: %s.'),
   *           error: gettext('Unable to delete: %s.')
   *         };
   *       }
   *     });
   * @returns {Object} The factory
   */
  function deleteActionFactory($q, errorReason, actionResultService, gettext,
                               $qExtensions, deleteModal, toast) {
    var factory = {
      create: create,
      register: register
    };

    return factory;

    ///////////////

    /**
     * @name create
     * @param {Object} options
     * @param {string} options.resourceType Type named in the action result
     * @param {Function} options.allowed item → promise, built by the
     *   common allowed service (without an item: the batch action)
     * @param {Function} options.deleteFn Called as deleteFn(id, true, item)
     *   for each confirmed item; returns a promise. The `true` is the API
     *   service's suppressError: one toast names the items that could not
     *   be deleted, each with the server's reason.
     * @param {Function} [options.idOf] item → id (default: uuid, else id). The
     *   resource table drops deleted rows by their `id`, so list functions
     *   give each item an `id` equal to this.
     * @param {Object|Function} options.labels {title, message, submit,
     *   success, error, notAllowed (optional)}: strings; or a function of
     *   the item count that returns them (texts that say one or several).
     *   message, success, error and notAllowed have one %s for the names
     * @description Builds the action service.
     * @returns {Object} {initAction, allowed, perform}
     */
    function create(options) {
      var idOf = options.idOf || defaultId;
      var service = {
        initAction: angular.noop,
        allowed: options.allowed,
        perform: perform
      };

      return service;

      /**
       * @name perform
       * @param {Object|Object[]} items One item or the selected items
       * @param {Object} scope Scope the delete modal emits its events on
       * @description
       * Asks for confirmation of the items that may be deleted (and toasts
       * the names of the others), deletes them, and resolves with an action
       * result naming the deleted and the failed ones; with false when the
       * user cancels (a rejection would reach the console unhandled:
       * Horizon's action views hand it on).
       * @returns {Promise} The action result
       */
      function perform(items, scope) {
        var list = angular.isArray(items) ? items : [items];
        var count = list.length;
        var checks = list.map(function check(item) {
          return {promise: options.allowed(item), context: item};
        });
        return $qExtensions.allSettled(checks).then(confirmAllowed).catch(function cancelled() {
          return false;
        });

        function confirmAllowed(checked) {
          var refused = checked.fail.map(contextOf);
          var result = actionResultService.getActionResult();
          var texts = textsFor(count);
          if (refused.length) {
            toast.add('error', namesMessage(texts.notAllowed, refused));
            refused.forEach(function markRefused(item) {
              result.failed(options.resourceType, idOf(item));
            });
          }
          if (!checked.pass.length) {
            return result.result;
          }
          return deleteModal
            .open(scope, checked.pass.map(contextOf).map(entity), {
              labels: {
                title: texts.title,
                message: texts.message,
                submit: texts.submit,
                success: texts.success,
                error: texts.error
              },
              deleteEntity: deleteEntity
            })
            .then(function recordOutcome(outcome) {
              outcome.pass.forEach(function markDeleted(done) {
                result.deleted(options.resourceType, done.context.id);
              });
              outcome.fail.forEach(function markFailed(done) {
                result.failed(options.resourceType, done.context.id);
              });
              return result.result;
            });
        }
      }

      // The delete modal names the failed items in its error toast: the
      // name of each gets the server's reason.
      function deleteEntity(id, delEntity) {
        return options.deleteFn(id, true, delEntity.item).catch(function why(response) {
          delEntity.name = interpolate(gettext('%(name)s (%(reason)s)'),
            {name: delEntity.name, reason: errorReason(response)}, true);
          return $q.reject(response);
        });
      }

      function entity(item) {
        var id = idOf(item);
        return {id: id, name: item.name || id, item: item};
      }

      function textsFor(count) {
        var given = angular.isFunction(options.labels) ? options.labels(count) : options.labels;
        var texts = angular.extend({}, given);
        if (angular.isUndefined(texts.notAllowed)) {
          texts.notAllowed = gettext('You are not allowed to delete: %s.');
        }
        return texts;
      }

      function namesMessage(message, refused) {
        return interpolate(message, [refused.map(function name(item) {
          return item.name || idOf(item);
        }).join(', ')]);
      }
    }

    /**
     * @name register
     * @param {Object} type A resource type of Horizon's registry
     * @param {Object} service A delete action (create's result)
     * @param {Object} texts {item: the row action's text, batch: the
     *   batch action's text (none: no batch action)}
     * @description
     * Offers `service` on each row (last of the row actions, as a danger)
     * and on the selected rows. The actions' ids are named after the type:
     * OS::Magnum::Bay gets deleteBayAction and batchDeleteBayAction.
     * @returns {undefined} Returns nothing
     */
    function register(type, service, texts) {
      var name = type.type.split('::').pop();
      type.itemActions.append({
        id: 'delete' + name + 'Action',
        service: service,
        template: {text: texts.item, type: 'delete'}
      });
      if (texts.batch) {
        type.batchActions.append({
          id: 'batchDelete' + name + 'Action',
          service: service,
          template: {text: texts.batch, type: 'delete-selected'}
        });
      }
    }

    function defaultId(item) {
      return item.uuid || item.id;
    }

    function contextOf(settled) {
      return settled.context;
    }
  }
})();
