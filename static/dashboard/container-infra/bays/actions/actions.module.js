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
    'horizon.framework.conf.resource-type-registry.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.delete-action.factory',
    'horizon.dashboard.container-infra.bays.resourceType',
    'horizon.dashboard.container-infra.bays.actions.create',
    'horizon.dashboard.container-infra.bays.actions.progress',
    'horizon.dashboard.container-infra.bays.actions.change',
    'horizon.dashboard.container-infra.bays.actions.certificate',
    'horizon.dashboard.container-infra.bays.actions.rotate-ca',
    'horizon.dashboard.container-infra.bays.actions.config',
    'horizon.dashboard.container-infra.bays.actions.delete'
  ];

  /**
   * @name registerBayActions
   * @description
   * The actions of OS::Magnum::Bay: "Create Bay" above the table; on each
   * bay, in this order, Show Progress, Resize, Upgrade, the certificate
   * actions, Download Client Configuration and Delete; Delete also on the
   * selected bays. Each action's allowed() decides where it shows.
   * There is no "Update Bay": the API lets a bay's owner patch node_count
   * only (Resize does it), and health_status, which the monitor reports.
   * @returns {undefined} Returns nothing
   */
  function registerBayActions(registry, gettext, deleteActionFactory, resourceType, create,
                              progress, change, certificate, rotateCa, config, deleteBays) {
    var type = registry.getResourceType(resourceType);

    type.globalActions.append({
      id: 'createBayAction',
      service: create,
      template: {type: 'create', text: gettext('Create Bay')}
    });

    type.itemActions
      .append({
        id: 'showBayProgressAction',
        service: progress,
        template: {text: gettext('Show Progress'), icon: 'tasks'}
      })
      .append({
        id: 'resizeBayAction',
        service: change.resize,
        template: {text: gettext('Resize Bay'), icon: 'arrows-v'}
      })
      .append({
        id: 'upgradeBayAction',
        service: change.upgrade,
        template: {text: gettext('Upgrade Bay'), icon: 'level-up'}
      })
      .append({
        id: 'showBayCaAction',
        service: certificate.show,
        template: {text: gettext('Show CA Certificate'), icon: 'certificate'}
      })
      .append({
        id: 'signBayCsrAction',
        service: certificate.sign,
        template: {text: gettext('Sign Certificate Request'), icon: 'pencil'}
      })
      .append({
        id: 'rotateBayCaAction',
        service: rotateCa,
        // Red as Horizon's 'danger' type, whose template has no icon: the
        // entry would start left of the others.
        template: {text: gettext('Rotate CA Certificate'), icon: 'refresh',
          actionClasses: 'text-danger'}
      })
      .append({
        id: 'downloadBayConfigAction',
        service: config,
        template: {text: gettext('Download Client Configuration'), icon: 'download'}
      });

    deleteActionFactory.register(type, deleteBays.forType(resourceType),
      {item: gettext('Delete Bay'), batch: gettext('Delete Bays')});
  }
})();
