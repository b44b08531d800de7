/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.actions.delete.service', function () {
    var h, service, bayModelsAPI, modal;
    var refusedProjects;

    beforeEach(module('horizon.dashboard.container-infra.bay-models'));

    beforeEach(inject(function ($injector) {
      h = window.actionSpecs.horizon();
      service = $injector.get(
        'horizon.dashboard.container-infra.bay-models.actions.delete.service');
      bayModelsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bay-models');

      refusedProjects = [];
      spyOn(h.policy, 'ifAllowed').and.callFake(function (rules) {
        var project = rules.target && rules.target.project_id;
        return refusedProjects.indexOf(project) < 0 ? h.$q.resolve() : h.$q.reject();
      });
      spyOn(h.simpleModal, 'modal').and.callFake(function (options) {
        modal = {options: options, deferred: h.$q.defer()};
        return {result: modal.deferred.promise};
      });
    }));

    it('asks the delete rule, for a row with the bay model\'s project', function () {
      service.allowed();
      h.$rootScope.$apply();
      expect(h.policy.ifAllowed)
        .toHaveBeenCalledWith({rules: [['container-infra', 'clustertemplate:delete']]});
      service.allowed({uuid: 'u1', project_id: 'p1'});
      h.$rootScope.$apply();
      expect(h.policy.ifAllowed).toHaveBeenCalledWith({
        rules: [['container-infra', 'clustertemplate:delete']],
        target: {project_id: 'p1'}
      });
    });

    // Confirms the deletion of `items`, once the confirmation said `expected`.
    function confirm(items, expected) {
      var result;
      service.perform(items, h.scope).then(function (value) { result = value; });
      h.$rootScope.$apply();
      expect([modal.options.title, modal.options.body, modal.options.submit]).toEqual(expected);
      modal.deferred.resolve();
      h.$rootScope.$apply();
      return result;
    }

    it('deletes the confirmed bay models and names them in its result', function () {
      var result;
      spyOn(bayModelsAPI, 'deleteBayModel').and.returnValue(h.$q.resolve());
      result = confirm([{uuid: 'u1', name: 'a', project_id: 'p1'},
        {uuid: 'u2', name: 'b', project_id: 'p1'}], ['Confirm Delete Bay Models',
        'You have selected "a", "b". Deleted bay models cannot be recovered.',
        'Delete Bay Models']);
      expect(bayModelsAPI.deleteBayModel.calls.allArgs()).toEqual([['u1', true], ['u2', true]]);
      expect(result.deleted.map(function (entry) { return entry.id; })).toEqual(['u1', 'u2']);
      expect(h.toast.add).toHaveBeenCalledWith('success', 'Deleted bay models: a, b.');
    });

    it('keeps out a public bay model of another project', function () {
      refusedProjects = ['admin-project'];
      spyOn(bayModelsAPI, 'deleteBayModel').and.returnValue(h.$q.resolve());

      service.perform({uuid: 'u9', name: 'local-swarm', project_id: 'admin-project'}, h.scope);
      h.$rootScope.$apply();

      expect(h.simpleModal.modal).not.toHaveBeenCalled();
      expect(h.toast.add).toHaveBeenCalledWith('error',
        'You are not allowed to delete these bay models: local-swarm.');
    });

    it('reports a bay model the service refuses to delete as failed', function () {
      var result;
      spyOn(bayModelsAPI, 'deleteBayModel').and.callFake(function () {
        return h.$q.reject({status: 400, data: '"ClusterTemplate u1 is used by one or more ' +
          'clusters; delete them first."'});
      });
      result = confirm({uuid: 'u1', name: 'used', project_id: 'p1'}, ['Confirm Delete Bay Model',
        'You have selected "used". A deleted bay model cannot be recovered.', 'Delete Bay Model']);
      expect(result.failed.map(function (entry) { return entry.id; })).toEqual(['u1']);
      expect(h.toast.add).toHaveBeenCalledWith('error', 'Unable to delete bay model: used ' +
        '(ClusterTemplate u1 is used by one or more clusters; delete them first.).');
      expect(h.toast.add.calls.count()).toBe(1);
    });

    it('has nothing to initialise', function () {
      expect(service.initAction()).toBeUndefined();
    });
  });
})();
