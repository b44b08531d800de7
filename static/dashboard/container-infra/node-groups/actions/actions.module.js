/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.node-groups.actions
   * @description
   * The actions of OS::Magnum::NodeGroup: their services and dialogs, and
   * the run block that registers the row actions. "Create Node Group"
   * needs the bay, which a global action of the table is not given: the
   * Node Groups tab offers it above its table.
   */
  angular
    .module('horizon.dashboard.container-infra.node-groups.actions', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api',
      'horizon.dashboard.container-infra.common'
    ])
    .run(registerNodeGroupActions);

  registerNodeGroupActions.$inject = [
    'horizon.dashboard.container-infra.common.resource-types.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.node-groups.resourceType',
    'horizon.dashboard.container-infra.node-groups.actions.dialogs',
    'horizon.dashboard.container-infra.node-groups.actions.delete'
  ];

  /**
   * @name registerNodeGroupActions
   * @description
   * On each group, in this order: Resize, Edit Bounds and Delete; each
   * action's allowed() decides where it shows. No batch delete: the
   * service changes one group of a bay at a time.
   * @returns {undefined} Returns nothing
   */
  function registerNodeGroupActions(resourceTypes, gettext, resourceType, dialogs, deleteGroup) {
    resourceTypes.addActions(resourceType, {
      item: [
        {id: 'resizeNodeGroupAction', service: dialogs.resize,
          text: gettext('Resize Node Group'), icon: 'arrows-v'},
        {id: 'editNodeGroupBoundsAction', service: dialogs.bounds, text: gettext('Edit Bounds'),
          icon: 'sliders'}
      ],
      remove: {service: deleteGroup, item: gettext('Delete Node Group')}
    });
  }
})();
