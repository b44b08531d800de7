/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.quotas.actions.update.service', function () {
    var specs = window.actionSpecs;
    var h, service, quotasAPI, quotaForm, quota;

    beforeEach(module('horizon.dashboard.container-infra.admin.quotas'));

    beforeEach(inject(function ($injector) {
      h = specs.horizon();
      service = $injector.get(
        'horizon.dashboard.container-infra.admin.quotas.actions.update.service');
      quotasAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-quotas');
      quotaForm = $injector.get('horizon.dashboard.container-infra.admin.quotas.form.service');
      quota = {id: 4, project_id: 'p1', project_name: 'demo', resource: 'Cluster', hard_limit: 3};
      spyOn(quotasAPI, 'updateQuota').and.returnValue(h.$q.resolve({data: {}}));
    }));

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
})();
