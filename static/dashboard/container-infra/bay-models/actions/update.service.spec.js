/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.actions.update.service', function () {
    var service, policy, workflow, $q, $rootScope;

    beforeEach(module('horizon.dashboard.container-infra.bay-models'));

    beforeEach(inject(function ($injector) {
      service = $injector.get(
        'horizon.dashboard.container-infra.bay-models.actions.update.service');
      policy = $injector.get('horizon.app.core.openstack-service-api.policy');
      workflow = $injector.get('horizon.dashboard.container-infra.bay-models.workflow.service');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
    }));

    it('asks the policy about this bay model\'s project', function () {
      var refused = false;
      spyOn(policy, 'ifAllowed').and.returnValue($q.reject());

      service.allowed({uuid: 'u1', project_id: 'other'}).catch(function () {
        refused = true;
      });
      $rootScope.$apply();

      expect(refused).toBe(true);
      expect(policy.ifAllowed).toHaveBeenCalledWith({
        rules: [['container-infra', 'clustertemplate:update']],
        target: {project_id: 'other'}
      });
    });

    it('names the updated bay model in its result', function () {
      var item = {uuid: 'u1', name: 'k8s'};
      var result;
      spyOn(workflow, 'update').and.returnValue($q.resolve({uuid: 'u1', name: 'k9s'}));

      service.perform(item).then(function (value) { result = value; });
      $rootScope.$apply();

      expect(workflow.update).toHaveBeenCalledWith(item);
      expect(result.updated).toEqual([{type: 'OS::Magnum::BayModel', id: 'u1'}]);
    });
  });
})();
