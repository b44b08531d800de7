/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.RegistryController', function () {
    var baysAPI, $q, $rootScope, $controller;

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      $controller = $injector.get('$controller');
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
    }));

    function registryOf(answer) {
      spyOn(baysAPI, 'getBayRegistry').and.returnValue(answer);
      var scope = $rootScope.$new();
      scope.context = {loadPromise: $q.resolve({data: {uuid: 'b1'}})};
      var ctrl = $controller('horizon.dashboard.container-infra.bays.RegistryController',
        {$scope: scope});
      $rootScope.$apply();
      return ctrl;
    }

    it('reads the bay\'s registry in the background and keeps it', function () {
      var registry = {address: 'r:5050', namespace: 'r:5050/p', commands: ['docker login r:5050']};
      var ctrl = registryOf($q.resolve({data: registry}));
      expect(baysAPI.getBayRegistry).toHaveBeenCalledWith('b1', true);
      expect(ctrl.registry).toBe(registry);
    });

    it('leaves the section out when the read fails', function () {
      var ctrl = registryOf($q.reject({status: 503}));
      expect(ctrl.registry).toBeNull();
    });
  });
})();
