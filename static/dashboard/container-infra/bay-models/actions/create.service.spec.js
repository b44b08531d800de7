/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.actions.create.service', function () {
    var service, policy, workflow, $q, $rootScope;

    beforeEach(module('horizon.dashboard.container-infra.bay-models'));

    beforeEach(inject(function ($injector) {
      service = $injector.get(
        'horizon.dashboard.container-infra.bay-models.actions.create.service');
      policy = $injector.get('horizon.app.core.openstack-service-api.policy');
      workflow = $injector.get('horizon.dashboard.container-infra.bay-models.workflow.service');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
    }));

    it('is allowed when the policy allows creating cluster templates', function () {
      var allowed = false;
      spyOn(policy, 'ifAllowed').and.returnValue($q.resolve());

      service.allowed().then(function () { allowed = true; });
      $rootScope.$apply();

      expect(allowed).toBe(true);
      expect(policy.ifAllowed)
        .toHaveBeenCalledWith({rules: [['container-infra', 'clustertemplate:create']]});
    });

    it('is not allowed when the policy refuses', function () {
      var refused = false;
      spyOn(policy, 'ifAllowed').and.returnValue($q.reject());

      service.allowed().catch(function () { refused = true; });
      $rootScope.$apply();

      expect(refused).toBe(true);
    });

    it('names the created bay model in its result, so the table reloads', function () {
      var result;
      spyOn(workflow, 'create').and.returnValue($q.resolve({uuid: 'new'}));

      service.perform().then(function (value) { result = value; });
      $rootScope.$apply();

      expect(result.created).toEqual([{type: 'OS::Magnum::BayModel', id: 'new'}]);
    });

    it('gives no result when the form is cancelled', function () {
      var cancelled = false;
      spyOn(workflow, 'create').and.returnValue($q.reject());

      service.perform().catch(function () { cancelled = true; });
      $rootScope.$apply();

      expect(cancelled).toBe(true);
    });
  });
})();
