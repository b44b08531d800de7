/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.bays.actions
   * @description
   * The actions of OS::Magnum::Bay: their services and dialogs, and the
   * run block that registers them.
   */
  angular
    .module('horizon.dashboard.container-infra.bays.actions', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api',
      'horizon.dashboard.container-infra.common'
    ])
    .run(registerBayActions);

  registerBayActions.$inject = [
    'horizon.dashboard.container-infra.common.resource-types.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.bays.resourceType',
    'horizon.dashboard.container-infra.bays.actions.dialogs',
    'horizon.dashboard.container-infra.bays.actions.config',
    'horizon.dashboard.container-infra.bays.actions.delete'
  ];

  /**
   * @name registerBayActions
   * @description
   * The actions of OS::Magnum::Bay (those with a dialog declared in
   * dialog-actions.service.js): "Create Bay" above the table; on each
   * bay, in this order, Show Progress, Resize, Upgrade, the certificate
   * actions, Download Client Configuration and Delete; Delete also on the
   * selected bays. Each action's allowed() decides where it shows.
   * There is no "Update Bay": the API lets a bay's owner patch node_count
   * only (Resize does it), and health_status, which the monitor reports.
   * @returns {undefined} Returns nothing
   */
  function registerBayActions(resourceTypes, gettext, resourceType, dialogs, config, deleteBays) {
    resourceTypes.addActions(resourceType, {
      global: [{id: 'createBayAction', service: dialogs.create, text: gettext('Create Bay')}],
      item: [
        {id: 'showBayProgressAction', service: dialogs.progress, text: gettext('Show Progress'),
          icon: 'tasks'},
        {id: 'resizeBayAction', service: dialogs.resize, text: gettext('Resize Bay'),
          icon: 'arrows-v'},
        {id: 'upgradeBayAction', service: dialogs.upgrade, text: gettext('Upgrade Bay'),
          icon: 'level-up'},
        {id: 'showBayCaAction', service: dialogs.showCa, text: gettext('Show CA Certificate'),
          icon: 'certificate'},
        {id: 'signBayCsrAction', service: dialogs.signCsr,
          text: gettext('Sign Certificate Request'), icon: 'pencil'},
        // Red as Horizon's 'danger' type, whose template has no icon: the
        // entry would start left of the others.
        {id: 'rotateBayCaAction', service: dialogs.rotateCa,
          text: gettext('Rotate CA Certificate'), icon: 'refresh', classes: 'text-danger'},
        {id: 'downloadBayConfigAction', service: config,
          text: gettext('Download Client Configuration'), icon: 'download'}
      ],
      remove: {service: deleteBays.forType(resourceType), item: gettext('Delete Bay'),
        batch: gettext('Delete Bays')}
    });
  }
})();
