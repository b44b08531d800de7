/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.actions.delete', function () {
    var specs = window.actionSpecs;
    var made, deleteBays, baysAPI, $q, $rootScope;

    beforeEach(module('horizon.dashboard.container-infra.bays'));
    made = specs.capture('horizon.dashboard.container-infra.common.delete-action.factory');

    beforeEach(inject(function ($injector) {
      deleteBays = $injector.get('horizon.dashboard.container-infra.bays.actions.delete');
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
    }));

    function optionsFor(resourceType) {
      return made.optionsOf(deleteBays.forType(resourceType));
    }

    it('is the shared delete action of the table it is on', function () {
      expect(optionsFor('OS::Magnum::AdminBay').resourceType).toBe('OS::Magnum::AdminBay');
      expect(optionsFor('OS::Magnum::Bay').resourceType).toBe('OS::Magnum::Bay');
    });

    it('is allowed by cluster:delete, not on a bay being deleted', function () {
      var action = deleteBays.forType('OS::Magnum::Bay');
      var policy = specs.allowPolicy();
      expect(specs.isAllowed(action, {status: 'CREATE_FAILED'})).toBe(true);
      expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'cluster:delete']]});
      expect(specs.isAllowed(action, {status: 'DELETE_IN_PROGRESS'})).toBe(false);
    });

    it('deletes with the API and tells its table once the service accepted', function () {
      var changed = [];
      var response = {status: 204};
      spyOn(baysAPI, 'deleteBay').and.returnValue($q.resolve(response));
      $rootScope.$on('horizon.dashboard.container-infra.common.CHANGED', function (event, type, id) {
        changed.push([type, id]);
      });

      expect(specs.settle(optionsFor('OS::Magnum::AdminBay').deleteFn('b1', true)).resolved)
        .toBe(response);

      expect(baysAPI.deleteBay).toHaveBeenCalledWith('b1', true);
      expect(changed).toEqual([['OS::Magnum::AdminBay', 'b1']]);
    });

    it('says nothing of a deletion the service refused', function () {
      var heard = false;
      spyOn(baysAPI, 'deleteBay').and.returnValue($q.reject({status: 409}));
      $rootScope.$on('horizon.dashboard.container-infra.common.CHANGED', function () {
        heard = true;
      });
      expect(specs.settle(optionsFor('OS::Magnum::Bay').deleteFn('b1', false)).rejected)
        .toEqual({status: 409});
      expect(heard).toBe(false);
    });

    it('speaks of one bay or several', function () {
      var labels = optionsFor('OS::Magnum::Bay').labels;
      expect(labels(1).title).toBe('Confirm Delete Bay');
      expect(labels(2).title).toBe('Confirm Delete Bays');
      expect(labels(1).message).toContain('The bay\'s nodes');
      expect(labels(2).message).toContain('The bays\' nodes');
      expect(labels(2).submit).toBe('Delete Bays');
      expect(labels(1).success).toBe('Deleting bay: %s.');
      expect(labels(2).error).toBe('Unable to delete bays: %s.');
      expect(labels(2).notAllowed).toContain('%s');
    });
  });
})();
