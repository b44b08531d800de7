/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.actions.dialogs', function () {
    var specs = window.actionSpecs;
    var actions, workflow, $q;

    beforeEach(module('horizon.dashboard.container-infra.bay-models'));

    beforeEach(inject(function ($injector) {
      actions = $injector.get('horizon.dashboard.container-infra.bay-models.actions.dialogs');
      workflow = $injector.get('horizon.dashboard.container-infra.bay-models.workflow.service');
      $q = $injector.get('$q');
    }));

    it('creates when the policy allows creating cluster templates', function () {
      var policy = specs.allowPolicy(['clustertemplate:create']);
      expect(specs.isAllowed(actions.create)).toBe(false);
      expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'clustertemplate:create']]});
    });

    it('updates a bay model when the policy allows it on the bay model\'s project', function () {
      var policy = specs.allowPolicy();
      expect(specs.isAllowed(actions.update, {uuid: 'u1', project_id: 'other'})).toBe(true);
      expect(policy).toHaveBeenCalledWith({
        rules: [['container-infra', 'clustertemplate:update']], target: {project_id: 'other'}
      });
    });

    it('names the created bay model in its result, so the table lists it', function () {
      spyOn(workflow, 'create').and.returnValue($q.resolve({uuid: 'new'}));
      expect(specs.settle(actions.create.perform()).resolved.created)
        .toEqual([{type: 'OS::Magnum::BayModel', id: 'new'}]);
    });

    it('opens the form on the row and names the updated bay model', function () {
      var item = {uuid: 'u1', name: 'k8s'};
      spyOn(workflow, 'update').and.returnValue($q.resolve({uuid: 'u1', name: 'k9s'}));
      expect(specs.settle(actions.update.perform(item)).resolved.updated)
        .toEqual([{type: 'OS::Magnum::BayModel', id: 'u1'}]);
      expect(workflow.update).toHaveBeenCalledWith(item);
    });

    it('gives no result when the form is cancelled', function () {
      spyOn(workflow, 'create').and.returnValue($q.reject());
      expect(specs.settle(actions.create.perform()).resolved).toBe(false);
    });
  });
})();
