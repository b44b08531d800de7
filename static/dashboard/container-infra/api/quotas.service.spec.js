/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  window.magnumApiSpecs.describeCalls('horizon.app.core.openstack-service-api.magnum-quotas', [
    {func: 'getQuotas', method: 'GET', url: 'quotas/', toast: 'Unable to retrieve the quotas',
      suppressible: true},
    {func: 'getQuota', args: ['p-1', 'Cluster'], method: 'GET', url: 'quotas/p-1/Cluster/',
      toast: 'Unable to retrieve the quota'},
    {func: 'createQuota', args: [{project_id: 'p-1', resource: 'Cluster', hard_limit: 3}],
      method: 'POST', url: 'quotas/', data: {project_id: 'p-1', resource: 'Cluster', hard_limit: 3},
      toast: 'Unable to create the quota'},
    {func: 'updateQuota', args: ['p-1', 'Cluster', {hard_limit: 5}], method: 'PATCH',
      url: 'quotas/p-1/Cluster/', data: {hard_limit: 5}, toast: 'Unable to update the quota'},
    {func: 'deleteQuota', args: ['p-1', 'Cluster'], method: 'DELETE',
      url: 'quotas/p-1/Cluster/', toast: 'Unable to delete the quota', suppressible: true},
    {func: 'getQuota', args: ['p/1', 'Clus?ter'], method: 'GET', url: 'quotas/p%2F1/Clus%3Fter/',
      toast: 'Unable to retrieve the quota'}
  ]);
})();
