/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.quotas.actions.delete.service', function () {
    var options, service, magnum;
    var built = {allowed: angular.noop, perform: angular.noop};

    beforeEach(module('horizon.dashboard.container-infra.admin.quotas'));

    // The action is built when the module's run block registers it: the
    // factory is watched from the start.
    beforeEach(module(function ($provide) {
      $provide.decorator('horizon.dashboard.container-infra.common.delete-action.factory',
        function ($delegate) {
          spyOn($delegate, 'create').and.callFake(function (given) {
            options = given;
            return built;
          });
          return $delegate;
        });
    }));

    beforeEach(inject(function ($injector) {
      service = $injector.get(
        'horizon.dashboard.container-infra.admin.quotas.actions.delete.service');
      magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
    }));

    it('is the shared delete action, asking the quota:delete rule', function () {
      expect(service).toBe(built);
      expect(options.resourceType).toBe('OS::Magnum::Quota');
      expect(options.policyRule).toBe('quota:delete');
    });

    it('deletes a quota by its project and resource', function () {
      var quota = {id: 4, project_id: 'p1', resource: 'Cluster'};
      spyOn(magnum, 'deleteQuota').and.returnValue('deleted');
      expect(options.idOf(quota)).toBe(4);
      expect(options.deleteFn(4, false, quota)).toBe('deleted');
      expect(magnum.deleteQuota).toHaveBeenCalledWith('p1', 'Cluster', false);
    });

    it('says the default limit applies once a quota is gone', function () {
      var labels = options.labels;
      ['title', 'message', 'submit', 'success', 'error'].forEach(function (key) {
        expect(labels[key](1)).not.toBe(labels[key](2));
      });
      expect(labels.message(1)).toContain('default limit');
      expect(labels.message(3)).toContain('%s');
      expect(labels.submit(1)).toBe('Delete Quota');
    });
  });
})();
