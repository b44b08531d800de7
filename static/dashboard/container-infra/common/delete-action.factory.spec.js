/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.delete-action.factory', function () {
    var factory, policy, simpleModal, toast, $q, $rootScope, scope;
    var policyAnswer, modalResult, deleteFn;

    var LABELS = {
      title: function (count) { return count === 1 ? 'Delete Thing' : 'Delete Things'; },
      message: 'You have selected "%s".',
      submit: 'Delete',
      success: 'Deleted: %s.',
      error: 'Unable to delete: %s.'
    };

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      factory = $injector.get('horizon.dashboard.container-infra.common.delete-action.factory');
      policy = $injector.get('horizon.app.core.openstack-service-api.policy');
      simpleModal = $injector.get('horizon.framework.widgets.modal.simple-modal.service');
      toast = $injector.get('horizon.framework.widgets.toast.service');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      scope = $rootScope.$new();

      policyAnswer = true;
      spyOn(policy, 'ifAllowed').and.callFake(function () {
        return policyAnswer ? $q.resolve({allowed: true}) : $q.reject({allowed: false});
      });
      modalResult = null;
      spyOn(simpleModal, 'modal').and.callFake(function () {
        modalResult = $q.defer();
        return {result: modalResult.promise};
      });
      spyOn(toast, 'add');
      deleteFn = jasmine.createSpy('deleteFn').and.returnValue($q.resolve({status: 204}));
    }));

    function action(extra) {
      return factory.create(angular.extend({
        resourceType: 'OS::Test::Thing',
        policyRule: 'thing:delete',
        deleteFn: deleteFn,
        labels: LABELS
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
      $rootScope.$apply();
      return outcome;
    }

    function ids(list) {
      return list.map(function (entry) { return entry.id; });
    }

    describe('allowed', function () {
      it('asks the policy rule of the container-infra scope', function () {
        var outcome = settle(action().allowed());

        expect(policy.ifAllowed)
          .toHaveBeenCalledWith({rules: [['container-infra', 'thing:delete']]});
        expect(outcome.resolved).toBeDefined();
      });

      it('refuses what the policy refuses, even when allowedFn agrees', function () {
        policyAnswer = false;
        var allowedFn = jasmine.createSpy('allowedFn').and.returnValue(true);

        expect(settle(action({allowedFn: allowedFn}).allowed({uuid: 'a'})).rejected)
          .toBe(true);
      });

      it('asks allowedFn about an item but not for the batch action', function () {
        var allowedFn = jasmine.createSpy('allowedFn').and.returnValue(false);
        var thing = action({allowedFn: allowedFn});

        expect(settle(thing.allowed()).rejected).toBeUndefined();
        expect(allowedFn).not.toHaveBeenCalled();
        expect(settle(thing.allowed({uuid: 'a'})).rejected).toBe(true);
        expect(allowedFn).toHaveBeenCalledWith({uuid: 'a'});
      });

      it('takes true, a promise of true or of nothing as yes', function () {
        [
          function () { return true; },
          function () { return $q.resolve(true); },
          function () { return $q.resolve(); }
        ].forEach(function (answer) {
          var thing = action({allowedFn: answer});
          expect(settle(thing.allowed({uuid: 'a'})).resolved).toBeDefined();
        });
      });

      it('takes a promise of false or a rejected promise as no', function () {
        [
          function () { return $q.resolve(false); },
          function () { return $q.reject('busy'); }
        ].forEach(function (answer) {
          var thing = action({allowedFn: answer});
          expect(settle(thing.allowed({uuid: 'a'})).rejected).toBe(true);
        });
      });

      it('allows an item when there is no allowedFn and policy agrees', function () {
        expect(settle(action().allowed({uuid: 'a'})).resolved).toBeDefined();
      });
    });

    it('has nothing to initialise', function () {
      expect(action().initAction()).toBeUndefined();
    });

    describe('perform', function () {
      it('confirms one item with labels for one, then deletes it', function () {
        var item = {uuid: 'u1', name: 'first'};
        var promise = action().perform(item, scope);
        var outcome;
        $rootScope.$apply();

        expect(simpleModal.modal).toHaveBeenCalledWith({
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
        expect(toast.add).toHaveBeenCalledWith('success', 'Deleted: first.');
      });

      it('deletes a batch and reports which failed', function () {
        var items = [{uuid: 'u1', name: 'good'}, {uuid: 'u2', name: 'used'}];
        var promise, outcome;
        deleteFn.and.callFake(function (id) {
          return id === 'u2' ? $q.reject({status: 400, data: '"Used by bay b1."'}) : $q.resolve();
        });

        promise = action().perform(items, scope);
        $rootScope.$apply();
        expect(simpleModal.modal.calls.mostRecent().args[0].title).toBe('Delete Things');
        expect(simpleModal.modal.calls.mostRecent().args[0].body)
          .toBe('You have selected "good", "used".');
        modalResult.resolve();
        outcome = settle(promise);

        expect(deleteFn.calls.allArgs()).toEqual([['u1', true, items[0]],
          ['u2', true, items[1]]]);
        expect(ids(outcome.resolved.deleted)).toEqual(['u1']);
        expect(ids(outcome.resolved.failed)).toEqual(['u2']);
        expect(toast.add).toHaveBeenCalledWith('error',
          'Unable to delete: used (Used by bay b1.).');
        expect(toast.add.calls.count()).toBe(2);
        expect(items[1].name).toBe('used');
      });

      it('leaves out the items it may not delete and says so', function () {
        var items = [{uuid: 'u1', name: 'mine'}, {uuid: 'u2', name: 'theirs'}];
        var thing = action({allowedFn: function (item) { return item.name === 'mine'; }});
        var promise = thing.perform(items, scope);
        var outcome;
        $rootScope.$apply();

        expect(toast.add).toHaveBeenCalledWith('error',
          'You are not allowed to delete: theirs.');
        expect(simpleModal.modal.calls.mostRecent().args[0].body)
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

        outcome = settle(action({labels: angular.extend({}, LABELS, {
          notAllowed: function (count) { return count + ' refused: %s'; }
        })}).perform([{uuid: 'u1'}, {uuid: 'u2', name: 'b'}], scope));

        expect(simpleModal.modal).not.toHaveBeenCalled();
        expect(toast.add).toHaveBeenCalledWith('error', '2 refused: u1, b');
        expect(ids(outcome.resolved.failed)).toEqual(['u1', 'u2']);
        expect(outcome.resolved.deleted).toEqual([]);
      });

      it('deletes nothing when the user cancels', function () {
        var promise = action().perform({uuid: 'u1'}, scope);
        var outcome;
        $rootScope.$apply();

        modalResult.reject();
        outcome = settle(promise);

        expect(outcome.rejected).toBe(true);
        expect(deleteFn).not.toHaveBeenCalled();
      });

      it('names an item without name by its id, taken with idOf', function () {
        var item = {project_id: 'p1', resource: 'Cluster'};
        var promise = action({
          idOf: function (quota) { return quota.project_id + '/' + quota.resource; }
        }).perform(item, scope);
        var outcome;
        $rootScope.$apply();

        expect(simpleModal.modal.calls.mostRecent().args[0].body)
          .toBe('You have selected "p1/Cluster".');
        modalResult.resolve();
        outcome = settle(promise);

        expect(deleteFn).toHaveBeenCalledWith('p1/Cluster', true, item);
        expect(ids(outcome.resolved.deleted)).toEqual(['p1/Cluster']);
      });

      it('falls back on the id field when there is no uuid', function () {
        var promise = action().perform([{id: 'i9', name: 'n'}], scope);
        $rootScope.$apply();
        modalResult.resolve();

        expect(ids(settle(promise).resolved.deleted)).toEqual(['i9']);
      });
    });
  });
})();
