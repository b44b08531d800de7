/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .factory('horizon.dashboard.container-infra.bays.actions.create', createBayAction);

  createBayAction.$inject = [
    'horizon.framework.util.actions.action-result.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.widgets.toast.service',
    'horizon.dashboard.container-infra.bays.actions.helper',
    'horizon.dashboard.container-infra.bays.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.create
   * @param {Object} actionResult
   * @param {Function} gettext
   * @param {Object} toast
   * @param {Object} helper The bay actions' helper
   * @param {string} resourceType 'OS::Magnum::Bay'
   * @description Global action "Create Bay": the dialog creates the bay.
   * @returns {Object} The action service
   */
  function createBayAction(actionResult, gettext, toast, helper, resourceType) {
    var service = {
      initAction: angular.noop,
      allowed: helper.allowedWhen('cluster:create'),
      perform: perform
    };

    return service;

    ///////////////

    /**
     * @name perform
     * @description
     * Opens the Create Bay dialog; once the service accepted the bay, says
     * so and resolves with the created bay's id, so the table lists it.
     * @returns {Promise} The action result; rejects when cancelled
     */
    function perform() {
      return helper.openDialog('create.html', 'horizon.dashboard.container-infra.bays.CreateController', {}, 'lg')
        .then(function created(bay) {
          toast.add('success', interpolate(
            gettext('Bay "%s" is being created.'), [bay.name || bay.uuid]));
          return actionResult.getActionResult().created(resourceType, bay.uuid).result;
        });
    }
  }
})();
