/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.bays.details
   * @description
   * The details page of OS::Magnum::Bay: the controllers of its Overview
   * and Progress tabs (the bays module adds them; the node groups and
   * workloads modules add their own) and the bayProgress directive the
   * Show Progress action uses too.
   */
  angular
    .module('horizon.dashboard.container-infra.bays.details', [
      'horizon.framework',
      'horizon.app.core.openstack-service-api',
      'horizon.dashboard.container-infra.common'
    ]);
})();
