/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.quotas.actions.delete.service', function () {
    var specs = window.actionSpecs;
    var made, service, options, quotasAPI;

    beforeEach(module('horizon.dashboard.container-infra.admin.quotas'));
    made = specs.capture('horizon.dashboard.container-infra.common.delete-action.factory');

    beforeEach(inject(function ($injector) {
      service = $injector.get(
        'horizon.dashboard.container-infra.admin.quotas.actions.delete.service');
      options = made.optionsOf(service);
      quotasAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-quotas');
    }));

    it('is the shared delete action, asking the quota:delete rule', function () {
      var policy = specs.allowPolicy();
      expect(options.resourceType).toBe('OS::Magnum::Quota');
      expect(specs.isAllowed(service, {id: 4})).toBe(true);
      expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'quota:delete']]});
    });

    it('deletes a quota by its project and resource', function () {
      var quota = {id: 4, project_id: 'p1', resource: 'Cluster'};
      spyOn(quotasAPI, 'deleteQuota').and.returnValue('deleted');
      expect(options.idOf(quota)).toBe(4);
      expect(options.deleteFn(4, false, quota)).toBe('deleted');
      expect(quotasAPI.deleteQuota).toHaveBeenCalledWith('p1', 'Cluster', false);
    });

    it('says the default limit applies once a quota is gone', function () {
      var one = options.labels(1);
      var two = options.labels(2);
      ['title', 'message', 'submit', 'success', 'error'].forEach(function (key) {
        expect(one[key]).not.toBe(two[key]);
      });
      expect(one.message).toContain('default limit');
      expect(options.labels(3).message).toContain('%s');
      expect(one.submit).toBe('Delete Quota');
    });
  });
})();
