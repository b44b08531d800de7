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
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.details-pages.service',
    'horizon.dashboard.container-infra.bay-models.resourceType'
  ];

  function registerDetails(gettext, detailsPages, resourceType) {
    detailsPages.addTab(resourceType, 'bayModelDetailsOverview', gettext('Overview'),
      'bay-models/details/overview.html');
  }
})();
