/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.bay-models.details
   * @description
   * Registers the details page of the OS::Magnum::BayModel resource type:
   * one Overview view with every field, the labels and the bays using it.
   */
  angular
    .module('horizon.dashboard.container-infra.bay-models.details', [
      'horizon.framework',
      'horizon.dashboard.container-infra.common'
    ])
    .run(registerDetails);

  registerDetails.$inject = [
    'horizon.dashboard.container-infra.common.basePath',
    'horizon.framework.conf.resource-type-registry.service',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.bay-models.resourceType'
  ];

  function registerDetails(basePath, registry, gettext, resourceType) {
    registry.getResourceType(resourceType).detailsViews.append({
      id: 'bayModelDetailsOverview',
      name: gettext('Overview'),
      template: basePath + 'bay-models/details/overview.html'
    });
  }
})();
