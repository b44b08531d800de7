/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.quotas.actions.create.service', function () {
    var service, magnum, policy, projects, quotaForm, toast, $q, $rootScope;

    beforeEach(module('horizon.dashboard.container-infra.admin.quotas'));

    beforeEach(inject(function ($injector) {
      service = $injector.get(
        'horizon.dashboard.container-infra.admin.quotas.actions.create.service');
      magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
      policy = $injector.get('horizon.app.core.openstack-service-api.policy');
      projects = $injector.get('horizon.dashboard.container-infra.admin.projects.service');
      quotaForm = $injector.get('horizon.dashboard.container-infra.admin.quotas.form.service');
      toast = $injector.get('horizon.framework.widgets.toast.service');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');

      spyOn(projects, 'getProjects').and.returnValue($q.resolve([
        {id: 'p1', name: 'demo'}, {id: 'p2', name: 'admin'}, {id: 'p3', name: 'other'},
        {id: 'p4', name: 'alpha'}
      ]));
      spyOn(projects, 'nameOf').and.callFake(function (id) { return 'name-' + id; });
      spyOn(magnum, 'getQuotas').and.returnValue($q.resolve({data: {items: [
        {id: 1, project_id: 'p2', resource: 'Cluster', hard_limit: 2}
      ]}}));
      spyOn(magnum, 'getQuota').and.returnValue($q.resolve({
        data: {project_id: 'p4', resource: 'Cluster', hard_limit: 20}
      }));
      spyOn(toast, 'add');
    }));

    function settle(promise) {
      var outcome = {};
      promise.then(function (value) { outcome.resolved = value; },
        function (reason) { outcome.rejected = reason; });
      $rootScope.$apply();
      return outcome;
    }

    it('asks the quota:create policy rule', function () {
      spyOn(policy, 'ifAllowed').and.returnValue($q.resolve());
      service.allowed();
      expect(policy.ifAllowed).toHaveBeenCalledWith({rules: [['container-infra', 'quota:create']]});
      expect(service.initAction).toEqual(jasmine.any(Function));
    });

    it('offers only the projects without a quota, by name, with the default limit', function () {
      spyOn(quotaForm, 'open').and.returnValue($q.defer().promise);
      service.perform();
      $rootScope.$apply();
      expect(magnum.getQuota).toHaveBeenCalledWith('p4', 'Cluster');
      expect(quotaForm.open).toHaveBeenCalledWith({
        title: 'Create Quota',
        submitText: 'Create Quota',
        projects: [{id: 'p4', name: 'alpha'}, {id: 'p1', name: 'demo'}, {id: 'p3', name: 'other'}],
        defaultLimit: 20
      });
    });

    it('opens the form without a default when it cannot be read', function () {
      spyOn(quotaForm, 'open').and.returnValue($q.defer().promise);
      magnum.getQuota.and.returnValue($q.reject({status: 500}));
      service.perform();
      $rootScope.$apply();
      expect(quotaForm.open.calls.argsFor(0)[0].defaultLimit).toBeNull();
    });

    it('asks no default when every project has a quota', function () {
      spyOn(quotaForm, 'open').and.returnValue($q.defer().promise);
      projects.getProjects.and.returnValue($q.resolve([{id: 'p2', name: 'admin'}]));
      service.perform();
      $rootScope.$apply();
      expect(magnum.getQuota).not.toHaveBeenCalled();
      expect(quotaForm.open.calls.argsFor(0)[0]).toEqual(jasmine.objectContaining({
        projects: [], defaultLimit: null
      }));
    });

    it('creates the quota the form describes and names it in the result', function () {
      var model = {project_id: 'p1', resource: 'Cluster', hard_limit: 5};
      var outcome;
      spyOn(quotaForm, 'open').and.returnValue($q.resolve(model));
      spyOn(magnum, 'createQuota').and.returnValue($q.resolve({
        data: {id: 9, project_id: 'p1', resource: 'Cluster', hard_limit: 5}
      }));

      outcome = settle(service.perform());

      expect(magnum.createQuota).toHaveBeenCalledWith(model);
      expect(toast.add).toHaveBeenCalledWith('success', 'Quota of name-p1 created.');
      expect(outcome.resolved.created).toEqual([{type: 'OS::Magnum::Quota', id: 9}]);
    });

    it('creates nothing when the form is cancelled', function () {
      spyOn(quotaForm, 'open').and.returnValue($q.reject('cancel'));
      spyOn(magnum, 'createQuota');
      expect(settle(service.perform()).rejected).toBe('cancel');
      expect(magnum.createQuota).not.toHaveBeenCalled();
    });

    it('leaves the error to the API service toast when the server refuses', function () {
      spyOn(quotaForm, 'open').and.returnValue($q.resolve({project_id: 'p1'}));
      spyOn(magnum, 'createQuota').and.returnValue($q.reject({status: 409}));
      expect(settle(service.perform()).rejected).toEqual({status: 409});
      expect(toast.add).not.toHaveBeenCalled();
    });
  });
})();
