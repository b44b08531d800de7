/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.workloads.actions', function () {
    var actions, $q, $rootScope, $uibModal, policy, toast, api, deleteFactory, modalResult;
    var services = {kind: 'services', label: 'Services', one: 'Service', ref: function (item) {
      return item.name;
    }};

    beforeEach(module('horizon.dashboard.container-infra.workloads'));

    beforeEach(inject(function ($injector) {
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      $uibModal = $injector.get('$uibModal');
      policy = $injector.get('horizon.app.core.openstack-service-api.magnum-policy');
      toast = $injector.get('horizon.framework.widgets.toast.service');
      api = $injector.get('horizon.app.core.openstack-service-api.magnum-workloads');
      deleteFactory = $injector.get('horizon.dashboard.container-infra.common.delete-action.factory');
      actions = $injector.get('horizon.dashboard.container-infra.workloads.actions');
      modalResult = $q.defer();
      spyOn($uibModal, 'open').and.returnValue({result: modalResult.promise});
      spyOn(toast, 'add');
    }));

    it('asks policy for each write', function () {
      var allowed;
      spyOn(policy, 'ifAllowed').and.callFake(function (rules) {
        return rules.rules[0][1] === 'cluster:workloads:delete' ? $q.reject() : $q.when();
      });
      actions.permissions().then(function (answer) { allowed = answer; });
      $rootScope.$digest();
      expect(allowed).toEqual({create: true, scale: true, remove: false});
      expect(policy.ifAllowed).toHaveBeenCalledWith(
        {rules: [['container-infra', 'cluster:workloads:create']]});
      expect(policy.ifAllowed).toHaveBeenCalledWith(
        {rules: [['container-infra', 'cluster:workloads:update']]});
    });

    it('creates through the manifest dialog and names what was made', function () {
      var options;
      actions.create('b1', 'swarm');
      options = $uibModal.open.calls.argsFor(0)[0];
      expect(options.resolve.dialog().body)
        .toBe('/static/dashboard/container-infra/workloads/actions/manifest.html');
      expect(options.resolve.dialog().name).toBe('workload-create');
      expect(options.resolve.context()).toEqual({bayId: 'b1', coe: 'swarm'});
      modalResult.resolve({created: [{kind: 'services', name: 'web'}, {name: 'db'}]});
      $rootScope.$digest();
      expect(toast.add).toHaveBeenCalledWith('success', 'Created: web, db.');
    });

    it('says at once what will keep a created workload from running', function () {
      actions.create('b1', 'swarm');
      modalResult.resolve({created: [{kind: 'services', name: 'web'}],
        warnings: ['image web is not in R — push it there with …']});
      $rootScope.$digest();
      expect(toast.add).toHaveBeenCalledWith('warning', 'image web is not in R — push it there with …');
      expect(toast.add).toHaveBeenCalledWith('success', 'Created: web.');
    });

    it('scales through the scale dialog, starting from the wanted count', function () {
      var options;
      actions.scale('b1', services, {name: 'web', replicas: {desired: 3}}, {});
      options = $uibModal.open.calls.argsFor(0)[0];
      expect(options.resolve.context()).toEqual({bayId: 'b1', kind: 'services', name: 'web',
        replicas: 3, params: {}});
      expect(options.resolve.dialog().itemName).toBe('web');
      modalResult.resolve(1);
      $rootScope.$digest();
      expect(toast.add).toHaveBeenCalledWith('success', 'Scaling web to 1.');
      actions.scale('b1', services, {name: 'bare'}, {});
      expect($uibModal.open.calls.argsFor(1)[0].resolve.context().replicas).toBeUndefined();
    });

    it('deletes through the shared delete action, which confirms first', function () {
      var perform = jasmine.createSpy('perform').and.returnValue($q.when('done'));
      var options, scope = {}, item = {name: 'web'};
      spyOn(deleteFactory, 'create').and.returnValue({perform: perform});
      spyOn(api, 'remove').and.returnValue($q.when());
      actions.remove('b1', services, item, {namespace: 'n'}, scope);
      options = deleteFactory.create.calls.argsFor(0)[0];
      expect(perform).toHaveBeenCalledWith(item, scope);
      expect(options.allowed).toEqual(jasmine.any(Function));
      expect(options.idOf(item)).toBe('web');
      expect(options.labels.title).toBe('Delete Service');
      options.deleteFn('web', false, item);
      expect(api.remove).toHaveBeenCalledWith('b1', 'services', 'web', {namespace: 'n'}, false);
    });
  });
})();
