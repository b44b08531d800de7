/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.actions.delete', function () {
    var factory, magnum, created;

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(module(function ($provide) {
      factory = {create: jasmine.createSpy('create').and.callFake(function (options) {
        created = options;
        return {allowed: angular.noop, perform: angular.noop, initAction: angular.noop};
      })};
      $provide.value('horizon.dashboard.container-infra.common.delete-action.factory', factory);
    }));

    beforeEach(inject(function ($injector) {
      magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
      $injector.get('horizon.dashboard.container-infra.bays.actions.delete');
    }));

    it('is the shared delete action, on cluster:delete, deleting with the API', function () {
      expect(factory.create.calls.count()).toBe(1);
      expect(created.resourceType).toBe('OS::Magnum::Bay');
      expect(created.policyRule).toBe('cluster:delete');
      expect(created.deleteFn).toBe(magnum.deleteBay);
    });

    it('does not offer to delete a bay being deleted', function () {
      expect(created.allowedFn({status: 'DELETE_IN_PROGRESS'})).toBe(false);
      expect(created.allowedFn({status: 'CREATE_FAILED'})).toBe(true);
    });

    it('speaks of one bay or several', function () {
      var labels = created.labels;
      expect(labels.title(1)).toBe('Confirm Delete Bay');
      expect(labels.title(2)).toBe('Confirm Delete Bays');
      expect(labels.message(1)).toContain('The bay\'s nodes');
      expect(labels.message(2)).toContain('The bays\' nodes');
      expect(labels.submit(2)).toBe('Delete Bays');
      expect(labels.success(1)).toBe('Deleting bay: %s.');
      expect(labels.error(2)).toBe('Unable to delete bays: %s.');
      expect(labels.notAllowed).toContain('%s');
    });
  });
})();
