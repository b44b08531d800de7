/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.bays.actions.delete.service', function () {
    var options, service, magnum;
    var built = {allowed: angular.noop, perform: angular.noop};

    beforeEach(module('horizon.dashboard.container-infra.admin.bays'));

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
        'horizon.dashboard.container-infra.admin.bays.actions.delete.service');
      magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
    }));

    it('is the shared delete action, for the admin bays type', function () {
      expect(service).toBe(built);
      expect(options.resourceType).toBe('OS::Magnum::AdminBay');
      expect(options.policyRule).toBe('cluster:delete');
      expect(options.deleteFn).toBe(magnum.deleteBay);
    });

    it('refuses a bay that is already being deleted', function () {
      expect(options.allowedFn({status: 'DELETE_IN_PROGRESS'})).toBe(false);
      expect(options.allowedFn({status: 'CREATE_FAILED'})).toBe(true);
    });

    it('words the confirmation for one bay and for several', function () {
      var labels = options.labels;
      ['title', 'message', 'submit', 'success', 'error'].forEach(function (key) {
        expect(labels[key](1)).not.toBe(labels[key](2));
      });
      expect(labels.title(1)).toBe('Confirm Delete Bay');
      expect(labels.submit(2)).toBe('Delete Bays');
      expect(labels.message(1)).toContain('%s');
      expect(labels.notAllowed).toContain('%s');
    });
  });
})();
