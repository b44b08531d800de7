/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Workloads of a bay: a tab of the bay's details page and a panel.
 */
(function () {
  'use strict';

  /**
   * @ngdoc overview
   * @name horizon.dashboard.container-infra.workloads
   * @description
   * What runs on a bay (Swarm services, tasks, nodes; Kubernetes
   * namespaces, pods, services, replication controllers, deployments,
   * nodes), where it runs, its logs, and create / scale / delete. Shown
   * by the `magnum-workloads` directive, as a "Workloads" tab of
   * OS::Magnum::Bay's details and in the Workloads panel.
   */
  angular
    .module('horizon.dashboard.container-infra.workloads', [
      'ngRoute',
      'horizon.framework',
      'horizon.app.core.openstack-service-api',
      'horizon.dashboard.container-infra.common',
      'horizon.dashboard.container-infra.bays'
    ])
    .constant('horizon.dashboard.container-infra.workloads.pollMs', 3000)
    .constant('horizon.dashboard.container-infra.workloads.logPollMs', 2000)
    .run(run);

  run.$inject = [
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.details-pages.service'
  ];

  function run(gettext, detailsPages) {
    detailsPages.addTab('OS::Magnum::Bay', 'workloads', gettext('Workloads'),
      'workloads/details/bay-tab.html');
  }
})();
