/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  window.magnumApiSpecs.describeCalls('horizon.app.core.openstack-service-api.magnum-node-groups', [
    {func: 'getNodeGroups', args: ['b-1'], method: 'GET', url: 'bays/b-1/nodegroups/',
      toast: 'Unable to retrieve the node groups of the bay', suppressible: true},
    {func: 'createNodeGroup', args: ['b-1', {name: 'extra', node_count: 1}], method: 'POST',
      url: 'bays/b-1/nodegroups/', data: {name: 'extra', node_count: 1},
      toast: 'Unable to create the node group'},
    {func: 'resizeNodeGroup', args: ['b-1', 'g-1', {node_count: 2, nodes_to_remove: ['n-1']}],
      method: 'POST', url: 'bays/b-1/resize/',
      data: {nodegroup: 'g-1', node_count: 2, nodes_to_remove: ['n-1']},
      toast: 'Unable to resize the node group'},
    {func: 'updateNodeGroup', args: ['b-1', 'g-1', {max_node_count: null}], method: 'PATCH',
      url: 'bays/b-1/nodegroups/g-1/', data: {max_node_count: null},
      toast: 'Unable to change the node group'},
    {func: 'deleteNodeGroup', args: ['b-1', 'g-1'], method: 'DELETE',
      url: 'bays/b-1/nodegroups/g-1/', toast: 'Unable to delete the node group',
      suppressible: true}
  ]);

  describe('horizon.app.core.openstack-service-api.magnum-node-groups', function () {
    var api, $httpBackend;

    beforeEach(module('horizon.framework'));
    beforeEach(module('horizon.app.core.openstack-service-api'));

    beforeEach(inject(function ($injector) {
      api = $injector.get('horizon.app.core.openstack-service-api.magnum-node-groups');
      $httpBackend = $injector.get('$httpBackend');
    }));

    afterEach(function () {
      $httpBackend.verifyNoOutstandingExpectation();
    });

    it('escapes the ids in the URLs', function () {
      $httpBackend.expectDELETE('/api/container_infra/bays/a%2Fb/nodegroups/x%20y/')
        .respond(204);
      api.deleteNodeGroup('a/b', 'x y');
      $httpBackend.flush();
    });

    it('sends one request for the same bay\'s groups asked twice in one turn', function () {
      var answers = [];
      $httpBackend.expectGET('/api/container_infra/bays/b-1/nodegroups/')
        .respond(200, {items: []});
      api.getNodeGroups('b-1').then(function (response) { answers.push(response.data); });
      api.getNodeGroups('b-1').then(function (response) { answers.push(response.data); });
      $httpBackend.flush();
      expect(answers).toEqual([{items: []}, {items: []}]);
    });
  });
})();
