/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .factory('horizon.dashboard.container-infra.common.dialog-action.factory',
      dialogActionFactory);

  dialogActionFactory.$inject = [
    '$uibModal',
    'horizon.dashboard.container-infra.common.basePath',
    'horizon.framework.util.actions.action-result.service',
    'horizon.framework.widgets.toast.service'
  ];

  /**
   * @ngdoc factory
   * @name horizon.dashboard.container-infra.common.dialog-action.factory
   * @param {Object} $uibModal
   * @param {string} basePath Where this dashboard's templates are
   * @param {Object} actionResult Horizon's action result builder
   * @param {Object} toast
   * @description
   * Builds an action that opens a dialog, then says what it did: the row
   * actions that change a bay (resize, upgrade; a node group's resize is
   * one more), Create Bay, the workloads' forms; and, with `open`, the
   * actions whose form is Horizon's schema form (bay models, quotas).
   * A feature declares all of its dialog actions in one list,
   * `<feature>/actions/dialog-actions.service.js`.
   * The common dialog frame (dialog.html) gives the title with the item's
   * name, Cancel and the submit button; the action gives the body and a
   * controller that knows what to send. Example, a node group's resize:
   *
   *     dialogAction.create({
   *       allowed: allowed.when('cluster:resize', resizable),
   *       resourceType: 'OS::Magnum::NodeGroup', changes: 'updated',
   *       dialog: {title: gettext('Resize Node Group'), submit: gettext('Resize'),
   *         icon: 'fa-arrows-v', name: 'node-group-resize',
   *         body: 'bays/actions/resize.html',
   *         controller: 'horizon.dashboard.container-infra.bays.ResizeController'},
   *       context: function (group) { return {bay: group.bay, group: group}; },
   *       success: function (group, count) { return gettext('Resizing.'); }
   *     });
   *
   * The body's controller (as `ctrl`) gets `context` and offers `send()`
   * (a promise: the dialog closes with its value; a rejection keeps it
   * open, the API service having toasted why) and optionally `ready()`
   * (false: the submit button is disabled). A dialog without `submit` has
   * a Close button only; one that `stays` shows what it sent and closes
   * by its Close button.
   * @returns {Object} The factory
   */
  function dialogActionFactory($uibModal, basePath, actionResult, toast) {
    var FRAME = basePath + 'common/dialog.html';
    var factory = {
      create: create
    };

    return factory;

    ///////////////

    /**
     * @name create
     * @param {Object} options
     * @param {Function} options.allowed item → promise, from the common
     *   allowed service
     * @param {Object} options.dialog {title, submit, icon, name (the CSS
     *   prefix of the form and its submit button), body (a template of
     *   this dashboard, below its folder), controller, size, stays}
     * @param {Function} [options.open] item → promise of the value; instead
     *   of `dialog`, for a form of its own
     * @param {Function} [options.context] item → what the controller gets
     *   (default: {item: item}), or a promise of it: the dialog opens once
     *   it is there (what the form starts from, read first)
     * @param {Function} [options.success] (item, value) → the success
     *   toast; nothing: no toast
     * @param {string} [options.changes] 'created' or 'updated': what the
     *   action result says of the item; none: nothing changed
     * @param {string} [options.resourceType] The type the result names
     * @param {Function} [options.idOf] (item, value) → the id the result
     *   names (default: the item's uuid)
     * @description Builds the action service.
     * @returns {Object} {initAction, allowed, perform}
     */
    function create(options) {
      var service = {
        initAction: angular.noop,
        allowed: options.allowed,
        perform: perform
      };

      return service;

      /**
       * @name perform
       * @param {Object} [item] The row's item; none for a global action
       * @description Opens the dialog; once it closed, says what it did.
       * @returns {Promise} The action result; false when nothing changed
       *   or the dialog was dismissed (a refusal inside it was toasted):
       *   Horizon's views take false as nothing to show again, and a
       *   rejection would reach the console as an unhandled one
       */
      function perform(item) {
        return (options.open || open)(item).then(function done(value) {
          var message = options.success && options.success(item, value);
          if (message) {
            toast.add('success', message);
          }
          if (!options.changes) {
            // false, not undefined: on no result a details page goes back to its list.
            return false;
          }
          return actionResult.getActionResult()[options.changes](options.resourceType,
            options.idOf ? options.idOf(item, value) : item.uuid).result;
        }, function dismissed() {
          return false;
        });
      }

      function open(item) {
        var dialog = options.dialog;
        var context = options.context ? options.context(item) : {item: item};
        return $uibModal.open({
          backdrop: 'static',
          size: dialog.size,
          templateUrl: FRAME,
          controller: 'horizon.dashboard.container-infra.common.DialogController',
          controllerAs: 'dialog',
          resolve: {
            context: function resolveContext() { return context; },
            dialog: function resolveDialog() {
              return angular.extend({itemName: item ? item.name : ''}, dialog,
                {body: basePath + dialog.body});
            }
          }
        }).result;
      }
    }
  }
})();
