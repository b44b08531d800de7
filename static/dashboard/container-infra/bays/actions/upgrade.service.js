/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .factory('horizon.dashboard.container-infra.bays.actions.upgrade', upgradeBayAction);

  upgradeBayAction.$inject = [
    'horizon.framework.util.actions.action-result.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.widgets.toast.service',
    'horizon.dashboard.container-infra.bays.actions.helper',
    'horizon.dashboard.container-infra.bays.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.upgrade
   * @param {Object} actionResult
   * @param {Function} gettext
   * @param {Object} toast
   * @param {Object} helper The bay actions' helper
   * @param {string} resourceType 'OS::Magnum::Bay'
   * @description
   * Row action "Upgrade Bay": move the bay to another bay model of the
   * same COE. Allowed by `cluster:upgrade` on a bay nothing runs on.
   * @returns {Object} The action service
   */
  function upgradeBayAction(actionResult, gettext, toast, helper, resourceType) {
    var service = {
      initAction: angular.noop,
      allowed: helper.allowedWhen('cluster:upgrade', helper.canChange),
      perform: perform
    };

    return service;

    ///////////////

    /**
     * @name perform
     * @param {Object} bay
     * @description Opens the dialog, which upgrades; then says so.
     * @returns {Promise} The action result (the bay updated)
     */
    function perform(bay) {
      return helper.openDialog('upgrade.html', 'horizon.dashboard.container-infra.bays.UpgradeController', {bay: bay})
        .then(function upgraded(bayModel) {
          toast.add('success', interpolate(
            gettext('Bay "%(name)s" is being upgraded to bay model "%(model)s".'),
            {name: bay.name, model: bayModel.name}, true));
          return actionResult.getActionResult().updated(resourceType, bay.uuid).result;
        });
    }
  }
})();
