/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  window.magnumApiSpecs.describeCalls('horizon.app.core.openstack-service-api.magnum-choices', [
    {func: 'getChoices', method: 'GET', url: 'choices/',
      toast: 'Unable to retrieve the choices for the form', suppressible: true}
  ]);
})();
