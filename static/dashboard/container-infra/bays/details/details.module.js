/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.bays.details
   * @description
   * The details page of OS::Magnum::Bay: an Overview and a Progress tab
   * (the Workloads module adds its own), their controllers and the
   * bayProgress directive the Show Progress action uses too.
   */
  angular
    .module('horizon.dashboard.container-infra.bays.details', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api',
      'horizon.dashboard.container-infra.common'
    ])
    .run(registerDetails);

  registerDetails.$inject = [
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.details-pages.service',
    'horizon.dashboard.container-infra.bays.resourceType'
  ];

  function registerDetails(gettext, detailsPages, resourceType) {
    var folder = 'bays/details/';
    detailsPages
      .addTab(resourceType, 'bayDetailsOverview', gettext('Overview'), folder + 'overview.html')
      .addTab(resourceType, 'bayDetailsProgress', gettext('Progress'), folder + 'progress.html');
  }
})();
