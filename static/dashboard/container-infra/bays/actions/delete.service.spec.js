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

    it('is the shared delete action, on cluster:delete', function () {
      expect(factory.create.calls.count()).toBe(1);
      expect(created.resourceType).toBe('OS::Magnum::Bay');
      expect(created.policyRule).toBe('cluster:delete');
    });

    it('deletes with the API and says so once the service accepted', inject(function ($q, $rootScope) {
      var events = [];
      var response = {status: 204};
      var result;
      spyOn(magnum, 'deleteBay').and.returnValue($q.resolve(response));
      $rootScope.$on('horizon.dashboard.container-infra.bays.DELETED', function (event, id) {
        events.push(id);
      });

      created.deleteFn('b1', false, {uuid: 'b1'}).then(function (value) { result = value; });
      $rootScope.$apply();

      expect(magnum.deleteBay).toHaveBeenCalledWith('b1', false);
      expect(result).toBe(response);
      expect(events).toEqual(['b1']);
    }));

    it('says nothing of a deletion the service refused', inject(function ($q, $rootScope) {
      var heard = false;
      spyOn(magnum, 'deleteBay').and.returnValue($q.reject({status: 409}));
      $rootScope.$on('horizon.dashboard.container-infra.bays.DELETED', function () {
        heard = true;
      });
      created.deleteFn('b1', false).catch(angular.noop);
      $rootScope.$apply();
      expect(heard).toBe(false);
    }));

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
