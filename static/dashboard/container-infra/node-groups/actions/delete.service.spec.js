/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.node-groups.actions.delete', function () {
    var specs = window.actionSpecs;
    var made, action, nodeGroupsAPI, $q, $rootScope;
    var group = {uuid: 'g1', name: 'extra', is_default: false, status: 'CREATE_COMPLETE',
                 bay: {uuid: 'b1', status: 'UPDATE_COMPLETE'}};

    beforeEach(module('horizon.dashboard.container-infra.node-groups'));
    made = specs.capture('horizon.dashboard.container-infra.common.delete-action.factory');

    beforeEach(inject(function ($injector) {
      action = $injector.get('horizon.dashboard.container-infra.node-groups.actions.delete');
      nodeGroupsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-node-groups');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
    }));

    function with_(changes) {
      return angular.extend({}, group, changes);
    }

    it('is allowed by nodegroup:delete on an added group at rest, its bay at rest', function () {
      var policy = specs.allowPolicy();
      expect(specs.isAllowed(action, group)).toBe(true);
      expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'nodegroup:delete']]});
      expect(specs.isAllowed(action, with_({status: 'CREATE_FAILED'}))).toBe(true);
      expect(specs.isAllowed(action, with_({is_default: true}))).toBe(false);
      expect(specs.isAllowed(action, with_({status: 'DELETE_IN_PROGRESS'}))).toBe(false);
      expect(specs.isAllowed(action, with_({status: 'DELETE_COMPLETE'}))).toBe(false);
      expect(specs.isAllowed(action, with_({bay: {status: 'UPDATE_IN_PROGRESS'}}))).toBe(false);
    });

    it('deletes in the group\'s bay and tells its table once the service accepted', function () {
      var changed = [];
      var response = {status: 204};
      var deleteFn = made.optionsOf(action).deleteFn;
      spyOn(nodeGroupsAPI, 'deleteNodeGroup').and.returnValue($q.resolve(response));
      $rootScope.$on('horizon.dashboard.container-infra.common.CHANGED', function (e, type, id) {
        changed.push([type, id]);
      });
      expect(specs.settle(deleteFn('g1', true, group)).resolved).toBe(response);
      expect(nodeGroupsAPI.deleteNodeGroup).toHaveBeenCalledWith('b1', 'g1', true);
      expect(changed).toEqual([['OS::Magnum::NodeGroup', 'g1']]);
    });

    it('tells nothing when the service refuses', function () {
      var changed = false;
      spyOn(nodeGroupsAPI, 'deleteNodeGroup').and.returnValue($q.reject({status: 409}));
      $rootScope.$on('horizon.dashboard.container-infra.common.CHANGED', function () {
        changed = true;
      });
      expect(specs.settle(made.optionsOf(action).deleteFn('g1', true, group)).rejected)
        .toEqual({status: 409});
      expect(changed).toBe(false);
    });

    it('confirms with words of node groups', function () {
      var labels = made.optionsOf(action).labels;
      expect(labels.title).toBe('Confirm Delete Node Group');
      expect(labels.message).toContain('Its nodes, and the containers running on them');
      expect(labels.submit).toBe('Delete Node Group');
      expect(made.optionsOf(action).resourceType).toBe('OS::Magnum::NodeGroup');
    });
  });
})();
