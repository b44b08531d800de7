/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.actions.delete.service', function () {
    var service, magnum, policy, simpleModal, toast, $q, $rootScope, scope, modal;
    var refusedProjects;

    beforeEach(module('horizon.dashboard.container-infra.bay-models'));

    beforeEach(inject(function ($injector) {
      service = $injector.get(
        'horizon.dashboard.container-infra.bay-models.actions.delete.service');
      magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
      policy = $injector.get('horizon.app.core.openstack-service-api.policy');
      simpleModal = $injector.get('horizon.framework.widgets.modal.simple-modal.service');
      toast = $injector.get('horizon.framework.widgets.toast.service');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      scope = $rootScope.$new();

      refusedProjects = [];
      spyOn(policy, 'ifAllowed').and.callFake(function (rules) {
        var project = rules.target && rules.target.project_id;
        return refusedProjects.indexOf(project) < 0 ? $q.resolve() : $q.reject();
      });
      spyOn(simpleModal, 'modal').and.callFake(function (options) {
        modal = {options: options, deferred: $q.defer()};
        return {result: modal.deferred.promise};
      });
      spyOn(toast, 'add');
    }));

    it('asks the delete rule, and for a row the bay model\'s project', function () {
      service.allowed({uuid: 'u1', project_id: 'p1'});
      $rootScope.$apply();

      expect(policy.ifAllowed)
        .toHaveBeenCalledWith({rules: [['container-infra', 'clustertemplate:delete']]});
      expect(policy.ifAllowed).toHaveBeenCalledWith({
        rules: [['container-infra', 'clustertemplate:delete']],
        target: {project_id: 'p1'}
      });
    });

    it('deletes the confirmed bay models and names them in its result', function () {
      var result;
      spyOn(magnum, 'deleteBayModel').and.returnValue($q.resolve());

      service.perform([{uuid: 'u1', name: 'a', project_id: 'p1'},
        {uuid: 'u2', name: 'b', project_id: 'p1'}], scope)
        .then(function (value) { result = value; });
      $rootScope.$apply();
      expect(modal.options.title).toBe('Confirm Delete Bay Models');
      expect(modal.options.body).toBe(
        'You have selected "a", "b". Deleted bay models cannot be recovered.');
      expect(modal.options.submit).toBe('Delete Bay Models');
      modal.deferred.resolve();
      $rootScope.$apply();

      expect(magnum.deleteBayModel.calls.allArgs()).toEqual([['u1', true], ['u2', true]]);
      expect(result.deleted.map(function (entry) { return entry.id; })).toEqual(['u1', 'u2']);
      expect(toast.add).toHaveBeenCalledWith('success', 'Deleted bay models: a, b.');
    });

    it('keeps out a public bay model of another project', function () {
      refusedProjects = ['admin-project'];
      spyOn(magnum, 'deleteBayModel').and.returnValue($q.resolve());

      service.perform({uuid: 'u9', name: 'local-swarm', project_id: 'admin-project'}, scope);
      $rootScope.$apply();

      expect(simpleModal.modal).not.toHaveBeenCalled();
      expect(toast.add).toHaveBeenCalledWith('error',
        'You are not allowed to delete these bay models: local-swarm.');
    });

    it('reports a bay model the service refuses to delete as failed', function () {
      var result;
      spyOn(magnum, 'deleteBayModel').and.callFake(function () {
        return $q.reject({status: 400, data: '"ClusterTemplate u1 is used by one or more ' +
          'clusters; delete them first."'});
      });

      service.perform({uuid: 'u1', name: 'used', project_id: 'p1'}, scope)
        .then(function (value) { result = value; });
      $rootScope.$apply();
      expect(modal.options.title).toBe('Confirm Delete Bay Model');
      expect(modal.options.body).toBe(
        'You have selected "used". A deleted bay model cannot be recovered.');
      expect(modal.options.submit).toBe('Delete Bay Model');
      modal.deferred.resolve();
      $rootScope.$apply();

      expect(result.failed.map(function (entry) { return entry.id; })).toEqual(['u1']);
      expect(toast.add).toHaveBeenCalledWith('error', 'Unable to delete bay model: used ' +
        '(ClusterTemplate u1 is used by one or more clusters; delete them first.).');
      expect(toast.add.calls.count()).toBe(1);
    });

    it('has nothing to initialise', function () {
      expect(service.initAction()).toBeUndefined();
    });
  });
})();
