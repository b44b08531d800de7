/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  window.magnumApiSpecs.describeCalls('horizon.app.core.openstack-service-api.magnum-services', [
    {func: 'getServices', method: 'GET', url: 'services/',
      toast: 'Unable to retrieve the container infra services', suppressible: true}
  ]);
})();
