/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.delete-action.factory', function () {
    var h, factory, allowedService;
    var policyAnswer, modalResult, deleteFn;

    function labelsFor(count) {
      return {
        title: count === 1 ? 'Delete Thing' : 'Delete Things',
        message: 'You have selected "%s".',
        submit: 'Delete',
        success: 'Deleted: %s.',
        error: 'Unable to delete: %s.'
      };
    }

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      h = window.actionSpecs.horizon();
      factory = $injector.get('horizon.dashboard.container-infra.common.delete-action.factory');
      allowedService = $injector.get('horizon.dashboard.container-infra.common.allowed.service');

      policyAnswer = true;
      spyOn(h.policy, 'ifAllowed').and.callFake(function () {
        return policyAnswer ? h.$q.resolve({allowed: true}) : h.$q.reject({allowed: false});
      });
      modalResult = null;
      spyOn(h.simpleModal, 'modal').and.callFake(function () {
        modalResult = h.$q.defer();
        return {result: modalResult.promise};
      });
      deleteFn = jasmine.createSpy('deleteFn').and.returnValue(h.$q.resolve({status: 204}));
    }));

    function action(extra) {
      return factory.create(angular.extend({
        resourceType: 'OS::Test::Thing',
        allowed: allowedService.when('thing:delete'),
        deleteFn: deleteFn,
        labels: labelsFor
      }, extra));
    }

    function settle(promise) {
      var outcome = {};
      promise.then(function (value) {
        outcome.resolved = value;
      }, function (reason) {
        outcome.rejected = true;
        outcome.reason = reason;
      });
      h.$rootScope.$apply();
      return outcome;
    }

    function ids(list) {
      return list.map(function (entry) { return entry.id; });
    }

    it('shows where the allowed function given says', function () {
      var allowed = allowedService.when('thing:delete');
      expect(action({allowed: allowed}).allowed).toBe(allowed);
    });

    it('has nothing to initialise', function () {
      expect(action().initAction()).toBeUndefined();
    });

    describe('perform', function () {
      it('confirms one item with labels for one, then deletes it', function () {
        var item = {uuid: 'u1', name: 'first'};
        var promise = action().perform(item, h.scope);
        var outcome;
        h.$rootScope.$apply();

        expect(h.simpleModal.modal).toHaveBeenCalledWith({
          title: 'Delete Thing',
          body: 'You have selected "first".',
          submit: 'Delete'
        });
        expect(deleteFn).not.toHaveBeenCalled();

        modalResult.resolve();
        outcome = settle(promise);

        expect(deleteFn).toHaveBeenCalledWith('u1', true, item);
        expect(ids(outcome.resolved.deleted)).toEqual(['u1']);
        expect(outcome.resolved.deleted[0].type).toBe('OS::Test::Thing');
        expect(outcome.resolved.failed).toEqual([]);
        expect(h.toast.add).toHaveBeenCalledWith('success', 'Deleted: first.');
      });

      it('deletes a batch and reports which failed', function () {
        var items = [{uuid: 'u1', name: 'good'}, {uuid: 'u2', name: 'used'}];
        var promise, outcome;
        deleteFn.and.callFake(function (id) {
          return id === 'u2' ? h.$q.reject({status: 400, data: '"Used by bay b1."'}) : h.$q.resolve();
        });

        promise = action().perform(items, h.scope);
        h.$rootScope.$apply();
        expect(h.simpleModal.modal.calls.mostRecent().args[0].title).toBe('Delete Things');
        expect(h.simpleModal.modal.calls.mostRecent().args[0].body)
          .toBe('You have selected "good", "used".');
        modalResult.resolve();
        outcome = settle(promise);

        expect(deleteFn.calls.allArgs()).toEqual([['u1', true, items[0]],
          ['u2', true, items[1]]]);
        expect(ids(outcome.resolved.deleted)).toEqual(['u1']);
        expect(ids(outcome.resolved.failed)).toEqual(['u2']);
        expect(h.toast.add).toHaveBeenCalledWith('error',
          'Unable to delete: used (Used by bay b1.).');
        expect(h.toast.add.calls.count()).toBe(2);
        expect(items[1].name).toBe('used');
      });

      it('leaves out the items it may not delete and says so', function () {
        var items = [{uuid: 'u1', name: 'mine'}, {uuid: 'u2', name: 'theirs'}];
        var thing = action({allowed: allowedService.when('thing:delete', function (item) {
          return item.name === 'mine';
        })});
        var promise = thing.perform(items, h.scope);
        var outcome;
        h.$rootScope.$apply();

        expect(h.toast.add).toHaveBeenCalledWith('error',
          'You are not allowed to delete: theirs.');
        expect(h.simpleModal.modal.calls.mostRecent().args[0].body)
          .toBe('You have selected "mine".');
        modalResult.resolve();
        outcome = settle(promise);

        expect(deleteFn.calls.count()).toBe(1);
        expect(ids(outcome.resolved.deleted)).toEqual(['u1']);
        expect(ids(outcome.resolved.failed)).toEqual(['u2']);
      });

      it('asks nothing when no item may be deleted', function () {
        var outcome;
        policyAnswer = false;

        outcome = settle(action({labels: function (count) {
          return angular.extend(labelsFor(count), {notAllowed: count + ' refused: %s'});
        }}).perform([{uuid: 'u1'}, {uuid: 'u2', name: 'b'}], h.scope));

        expect(h.simpleModal.modal).not.toHaveBeenCalled();
        expect(h.toast.add).toHaveBeenCalledWith('error', '2 refused: u1, b');
        expect(ids(outcome.resolved.failed)).toEqual(['u1', 'u2']);
        expect(outcome.resolved.deleted).toEqual([]);
      });

      it('takes labels that do not depend on the count, and its own when refused',
        function () {
          var outcome;
          policyAnswer = false;

          outcome = settle(action({labels: labelsFor(1)})
            .perform([{uuid: 'u1'}, {uuid: 'u2', name: 'b'}], h.scope));

          expect(h.toast.add).toHaveBeenCalledWith('error',
            'You are not allowed to delete: u1, b.');
          expect(ids(outcome.resolved.failed)).toEqual(['u1', 'u2']);
        });

      it('deletes nothing when the user cancels, and resolves false', function () {
        var promise = action().perform({uuid: 'u1'}, h.scope);
        var outcome;
        h.$rootScope.$apply();

        modalResult.reject();
        outcome = settle(promise);

        expect(outcome.resolved).toBe(false);
        expect(deleteFn).not.toHaveBeenCalled();
      });

      it('names an item without name by its id, taken with idOf', function () {
        var item = {project_id: 'p1', resource: 'Cluster'};
        var promise = action({
          idOf: function (quota) { return quota.project_id + '/' + quota.resource; }
        }).perform(item, h.scope);
        var outcome;
        h.$rootScope.$apply();

        expect(h.simpleModal.modal.calls.mostRecent().args[0].body)
          .toBe('You have selected "p1/Cluster".');
        modalResult.resolve();
        outcome = settle(promise);

        expect(deleteFn).toHaveBeenCalledWith('p1/Cluster', true, item);
        expect(ids(outcome.resolved.deleted)).toEqual(['p1/Cluster']);
      });

      it('falls back on the id field when there is no uuid', function () {
        var promise = action().perform([{id: 'i9', name: 'n'}], h.scope);
        h.$rootScope.$apply();
        modalResult.resolve();

        expect(ids(settle(promise).resolved.deleted)).toEqual(['i9']);
      });
    });

    it('offers a delete action on each row, last, and on the selected rows', inject(function ($injector) {
      var type = $injector.get('horizon.framework.conf.resource-type-registry.service')
        .getResourceType('OS::Test::Thing');
      var thing = action();
      type.itemActions.append({id: 'other', service: {}, template: {text: 'Other'}});
      factory.register(type, thing, {item: 'Delete Thing', batch: 'Delete Things'});
      expect(type.itemActions.map(function (entry) { return entry.id; }))
        .toEqual(['other', 'deleteThingAction']);
      expect(type.itemActions[1].service).toBe(thing);
      expect(type.itemActions[1].template).toEqual({text: 'Delete Thing', type: 'delete'});
      expect(type.batchActions[0]).toEqual(jasmine.objectContaining({
        id: 'batchDeleteThingAction', service: thing,
        template: {text: 'Delete Things', type: 'delete-selected'}
      }));
    }));

    it('offers no batch action without its text', inject(function ($injector) {
      var type = $injector.get('horizon.framework.conf.resource-type-registry.service')
        .getResourceType('OS::Test::Single');
      factory.register(type, action(), {item: 'Delete Single'});
      expect(type.itemActions.map(function (entry) { return entry.id; }))
        .toEqual(['deleteSingleAction']);
      expect(type.batchActions.length).toBe(0);
    }));
  });
})();
