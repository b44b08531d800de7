/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.actions')
    .factory('horizon.dashboard.container-infra.bays.actions.create', createBayAction);

  createBayAction.$inject = [
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.dialog-action.factory',
    'horizon.dashboard.container-infra.bays.resourceType'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.create
   * @param {Function} gettext
   * @param {Object} allowed The common allowed() builder
   * @param {Object} dialogAction The common dialog action factory
   * @param {string} resourceType 'OS::Magnum::Bay'
   * @description
   * Global action "Create Bay" (`cluster:create`): the wide dialog creates
   * the bay; the action result names it, so the table lists it.
   * @returns {Object} The action service
   */
  function createBayAction(gettext, allowed, dialogAction, resourceType) {
    return dialogAction.create({
      allowed: allowed.when('cluster:create'),
      resourceType: resourceType,
      changes: 'created',
      idOf: function createdId(none, bay) { return bay.uuid; },
      dialog: {title: gettext('Create Bay'), submit: gettext('Create Bay'), icon: 'fa-check',
        name: 'bay-create', size: 'lg', body: 'bays/actions/create.html',
        controller: 'horizon.dashboard.container-infra.bays.CreateController'},
      success: function created(none, bay) {
        return interpolate(gettext('Bay "%s" is being created.'), [bay.name || bay.uuid]);
      }
    });
  }
})();
