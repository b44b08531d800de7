/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Pieces shared by the feature folders of the Container Infra dashboard.
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.common
   * @description
   * The model cleaner, the generic delete action and the labels parser
   * that bay models, bays and the admin panels all use.
   */
  angular
    .module('horizon.dashboard.container-infra.common', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api'
    ]);
})();
