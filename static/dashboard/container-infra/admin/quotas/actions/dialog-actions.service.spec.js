/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.quotas.actions.dialogs', function () {
    var specs = window.actionSpecs;
    var h, actions, quotasAPI, quotaForm;

    beforeEach(module('horizon.dashboard.container-infra.admin.quotas'));

    beforeEach(inject(function ($injector) {
      h = specs.horizon();
      actions = $injector.get('horizon.dashboard.container-infra.admin.quotas.actions.dialogs');
      quotasAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-quotas');
      quotaForm = $injector.get('horizon.dashboard.container-infra.admin.quotas.form.service');
    }));

    describe('create', function () {
      var service, projects;

      beforeEach(inject(function ($injector) {
        service = actions.create;
        projects = $injector.get('horizon.dashboard.container-infra.admin.projects.service');

        spyOn(projects, 'getDomainProjects').and.returnValue(h.$q.resolve([
          {id: 'p1', name: 'demo'}, {id: 'p2', name: 'admin'}, {id: 'p3', name: 'other'},
          {id: 'p4', name: 'alpha'}
        ]));
        spyOn(projects, 'nameOf').and.callFake(function (id) { return 'name-' + id; });
        spyOn(quotasAPI, 'getQuotas').and.returnValue(h.$q.resolve({data: {items: [
          {id: 1, project_id: 'p2', resource: 'Cluster', hard_limit: 2}
        ]}}));
        spyOn(quotasAPI, 'getQuota').and.returnValue(h.$q.resolve({
          data: {project_id: 'p4', resource: 'Cluster', hard_limit: 20}
        }));
      }));

      it('asks the quota:create policy rule', function () {
        var policy = specs.allowPolicy();
        expect(specs.isAllowed(service)).toBe(true);
        expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'quota:create']]});
        expect(service.initAction).toEqual(jasmine.any(Function));
      });

      it('offers only the projects without a quota, by name, with the default limit', function () {
        spyOn(quotaForm, 'open').and.returnValue(h.$q.defer().promise);
        service.perform();
        h.$rootScope.$apply();
        expect(quotasAPI.getQuota).toHaveBeenCalledWith('p4', 'Cluster');
        expect(quotaForm.open).toHaveBeenCalledWith({
          title: 'Create Quota',
          submitText: 'Create Quota',
          projects: [{id: 'p4', name: 'alpha'}, {id: 'p1', name: 'demo'}, {id: 'p3', name: 'other'}],
          defaultLimit: 20
        });
      });

      it('opens the form without a default when it cannot be read', function () {
        spyOn(quotaForm, 'open').and.returnValue(h.$q.defer().promise);
        quotasAPI.getQuota.and.returnValue(h.$q.reject({status: 500}));
        service.perform();
        h.$rootScope.$apply();
        expect(quotaForm.open.calls.argsFor(0)[0].defaultLimit).toBeNull();
      });

      it('asks no default when every project has a quota', function () {
        spyOn(quotaForm, 'open').and.returnValue(h.$q.defer().promise);
        projects.getDomainProjects.and.returnValue(h.$q.resolve([{id: 'p2', name: 'admin'}]));
        service.perform();
        h.$rootScope.$apply();
        expect(quotasAPI.getQuota).not.toHaveBeenCalled();
        expect(quotaForm.open.calls.argsFor(0)[0]).toEqual(jasmine.objectContaining({
          projects: [], defaultLimit: null
        }));
      });

      it('creates the quota the form describes and names it in the result', function () {
        var model = {project_id: 'p1', resource: 'Cluster', hard_limit: 5};
        var outcome;
        spyOn(quotaForm, 'open').and.returnValue(h.$q.resolve(model));
        spyOn(quotasAPI, 'createQuota').and.returnValue(h.$q.resolve({
          data: {id: 9, project_id: 'p1', resource: 'Cluster', hard_limit: 5}
        }));

        outcome = specs.settle(service.perform());

        expect(quotasAPI.createQuota).toHaveBeenCalledWith(model);
        expect(h.toast.add).toHaveBeenCalledWith('success', 'Quota of name-p1 created.');
        expect(outcome.resolved.created).toEqual([{type: 'OS::Magnum::Quota', id: 9}]);
      });

      it('creates nothing when the form is cancelled', function () {
        spyOn(quotaForm, 'open').and.returnValue(h.$q.reject('cancel'));
        spyOn(quotasAPI, 'createQuota');
        expect(specs.settle(service.perform()).resolved).toBe(false);
        expect(quotasAPI.createQuota).not.toHaveBeenCalled();
      });

      it('leaves the error to the API service h.toast when the server refuses', function () {
        spyOn(quotaForm, 'open').and.returnValue(h.$q.resolve({project_id: 'p1'}));
        spyOn(quotasAPI, 'createQuota').and.returnValue(h.$q.reject({status: 409}));
        expect(specs.settle(service.perform()).resolved).toBe(false);
        expect(h.toast.add).not.toHaveBeenCalled();
      });
    });

    describe('update', function () {
      var service, quota;

      beforeEach(function () {
        service = actions.update;
        quota = {id: 4, project_id: 'p1', project_name: 'demo', resource: 'Cluster', hard_limit: 3};
        spyOn(quotasAPI, 'updateQuota').and.returnValue(h.$q.resolve({data: {}}));
      });

      it('asks the quota:update policy rule', function () {
        var policy = specs.allowPolicy();
        expect(specs.isAllowed(service, quota)).toBe(true);
        expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'quota:update']]});
        expect(service.initAction).toEqual(jasmine.any(Function));
      });

      it('opens the form on the quota and sends the new hard limit', function () {
        var outcome;
        spyOn(quotaForm, 'open').and.returnValue(h.$q.resolve({hard_limit: 8}));

        outcome = specs.settle(service.perform(quota));

        expect(quotaForm.open).toHaveBeenCalledWith({
          title: 'Update Quota',
          submitText: 'Update Quota',
          projects: [{id: 'p1', name: 'demo'}],
          quota: quota
        });
        expect(quotasAPI.updateQuota).toHaveBeenCalledWith('p1', 'Cluster', {hard_limit: 8});
        expect(h.toast.add).toHaveBeenCalledWith('success', 'Quota of demo updated.');
        expect(outcome.resolved.updated).toEqual([{type: 'OS::Magnum::Quota', id: 4}]);
      });

      it('names the project by its id when its name is unknown', function () {
        delete quota.project_name;
        spyOn(quotaForm, 'open').and.returnValue(h.$q.resolve({hard_limit: 8}));
        specs.settle(service.perform(quota));
        expect(h.toast.add).toHaveBeenCalledWith('success', 'Quota of p1 updated.');
      });

      it('sends nothing when the limit did not change', function () {
        var outcome;
        spyOn(quotaForm, 'open').and.returnValue(h.$q.resolve({hard_limit: 3}));
        outcome = specs.settle(service.perform(quota));
        expect(quotasAPI.updateQuota).not.toHaveBeenCalled();
        expect(outcome.resolved.updated.length).toBe(1);
      });

      it('changes nothing when the form is cancelled or the server refuses', function () {
        spyOn(quotaForm, 'open').and.returnValue(h.$q.reject('cancel'));
        expect(specs.settle(service.perform(quota)).resolved).toBe(false);
        expect(quotasAPI.updateQuota).not.toHaveBeenCalled();

        quotaForm.open.and.returnValue(h.$q.resolve({hard_limit: 9}));
        quotasAPI.updateQuota.and.returnValue(h.$q.reject({status: 400}));
        expect(specs.settle(service.perform(quota)).resolved).toBe(false);
        expect(h.toast.add).not.toHaveBeenCalled();
      });
  });
  });
})();
