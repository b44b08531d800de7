/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.bay-models.details
   * @description
   * The details page of the OS::Magnum::BayModel resource type (the
   * bay models module adds it): one Overview view with every field, the
   * labels and the bays using it.
   */
  angular
    .module('horizon.dashboard.container-infra.bay-models.details', [
      'horizon.framework',
      'horizon.dashboard.container-infra.common'
    ]);
})();
