/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.actions')
    .factory('horizon.dashboard.container-infra.bays.actions.change', changeActions);

  changeActions.$inject = [
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.basePath',
    'horizon.dashboard.container-infra.common.dialog-action.factory',
    'horizon.dashboard.container-infra.bays.resourceType',
    'horizon.dashboard.container-infra.bays.status'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.change
   * @param {Function} gettext
   * @param {Object} allowed The common allowed() builder
   * @param {string} basePath Where this dashboard's templates are
   * @param {Object} dialogAction The common dialog action factory
   * @param {string} resourceType 'OS::Magnum::Bay'
   * @param {Object} bayStatus
   * @description
   * The row actions that change a bay at rest through a dialog, each
   * allowed by its rule on a bay nothing runs on (bayStatus.canChange),
   * each reporting the bay updated:
   * - "Resize Bay" (`cluster:resize`): a new worker count and, when
   *   shrinking, which nodes go;
   * - "Upgrade Bay" (`cluster:upgrade`): another bay model of its COE.
   * A node group's resize is one more entry of the same kind.
   * @returns {Object} {resize, upgrade}: two action services
   */
  function changeActions(gettext, allowed, basePath, dialogAction, resourceType, bayStatus) {
    return {
      resize: change('cluster:resize', {title: gettext('Resize Bay'), submit: gettext('Resize'),
        icon: 'fa-arrows-v', name: 'bay-resize', body: basePath + 'bays/actions/resize.html',
        controller: 'horizon.dashboard.container-infra.bays.ResizeController'},
      function resized(bay, count) {
        return interpolate(gettext('Bay "%(name)s" is being resized to %(count)s nodes.'),
          {name: bay.name, count: count}, true);
      }),
      upgrade: change('cluster:upgrade', {title: gettext('Upgrade Bay'),
        submit: gettext('Upgrade'), icon: 'fa-level-up', name: 'bay-upgrade',
        body: basePath + 'bays/actions/upgrade.html',
        controller: 'horizon.dashboard.container-infra.bays.UpgradeController'},
      function upgraded(bay, bayModel) {
        return interpolate(gettext('Bay "%(name)s" is being upgraded to bay model "%(model)s".'),
          {name: bay.name, model: bayModel.name}, true);
      })
    };

    function change(rule, dialog, success) {
      return dialogAction.create({
        allowed: allowed.when(rule, bayStatus.canChange),
        resourceType: resourceType,
        changes: 'updated',
        dialog: dialog,
        context: function changing(bay) { return {bay: bay}; },
        success: success
      });
    }
  }
})();
