/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .factory('horizon.dashboard.container-infra.bays.actions.resize', resizeBayAction);

  resizeBayAction.$inject = [
    'horizon.framework.util.actions.action-result.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.widgets.toast.service',
    'horizon.dashboard.container-infra.bays.actions.helper',
    'horizon.dashboard.container-infra.bays.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.resize
   * @param {Object} actionResult
   * @param {Function} gettext
   * @param {Object} toast
   * @param {Object} helper The bay actions' helper
   * @param {string} resourceType 'OS::Magnum::Bay'
   * @description
   * Row action "Resize Bay": a new node count and, when shrinking, which
   * nodes go. Allowed by `cluster:resize` on a bay nothing runs on.
   * @returns {Object} The action service
   */
  function resizeBayAction(actionResult, gettext, toast, helper, resourceType) {
    var service = {
      initAction: angular.noop,
      allowed: helper.allowedWhen('cluster:resize', helper.canChange),
      perform: perform
    };

    return service;

    ///////////////

    /**
     * @name perform
     * @param {Object} bay
     * @description Opens the dialog, which resizes; then says so.
     * @returns {Promise} The action result (the bay updated)
     */
    function perform(bay) {
      return helper.openDialog('resize.html', 'horizon.dashboard.container-infra.bays.ResizeController', {bay: bay})
        .then(function resized(nodeCount) {
          toast.add('success', interpolate(
            gettext('Bay "%(name)s" is being resized to %(count)s nodes.'),
            {name: bay.name, count: nodeCount}, true));
          return actionResult.getActionResult().updated(resourceType, bay.uuid).result;
        });
    }
  }
})();
