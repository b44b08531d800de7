/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  window.magnumApiSpecs.describeCalls('horizon.app.core.openstack-service-api.magnum-bays', [
    {func: 'getBays', method: 'GET', url: 'bays/', toast: 'Unable to retrieve the bays'},
    {func: 'getBays', args: [undefined], method: 'GET', url: 'bays/',
      toast: 'Unable to retrieve the bays', suppressible: true},
    {func: 'getBays', args: [{all_projects: true}], method: 'GET',
      url: 'bays/?all_projects=true', toast: 'Unable to retrieve the bays', suppressible: true},
    {func: 'getBay', args: ['b-1'], method: 'GET', url: 'bays/b-1/',
      toast: 'Unable to retrieve the bay', suppressible: true},
    {func: 'createBay', args: [{cluster_template_id: 'm-1'}], method: 'POST', url: 'bays/',
      data: {cluster_template_id: 'm-1'}, toast: 'Unable to create the bay'},
    {func: 'updateBay', args: ['b-1', {node_count: 3}], method: 'PATCH', url: 'bays/b-1/',
      data: {node_count: 3}, toast: 'Unable to update the bay'},
    {func: 'resizeBay', args: ['b-1', {node_count: 1, nodes_to_remove: ['n-2']}],
      method: 'POST', url: 'bays/b-1/resize/', data: {node_count: 1, nodes_to_remove: ['n-2']},
      toast: 'Unable to resize the bay'},
    {func: 'upgradeBay', args: ['b-1', {cluster_template: 'm-2', max_batch_size: 1}],
      method: 'POST', url: 'bays/b-1/upgrade/', data: {cluster_template: 'm-2', max_batch_size: 1},
      toast: 'Unable to upgrade the bay'},
    {func: 'deleteBay', args: ['b-1'], method: 'DELETE', url: 'bays/b-1/',
      toast: 'Unable to delete the bay', suppressible: true},
    {func: 'getBayProgress', args: ['b-1'], method: 'GET', url: 'bays/b-1/progress/',
      toast: 'Unable to retrieve the progress of the bay', suppressible: true},
    {func: 'getBayRegistry', args: ['b-1'], method: 'GET', url: 'bays/b-1/registry/',
      toast: 'Unable to retrieve the image registry of the bay', suppressible: true},
    {func: 'getBayCertificate', args: ['b-1'], method: 'GET', url: 'bays/b-1/certificate/',
      toast: 'Unable to retrieve the certificate of the bay'},
    {func: 'signBayCertificate', args: ['b-1', 'CSR PEM'], method: 'POST',
      url: 'bays/b-1/certificate/', data: {csr: 'CSR PEM'},
      toast: 'Unable to sign the certificate'},
    {func: 'rotateBayCertificate', args: ['b-1'], method: 'POST',
      url: 'bays/b-1/certificate/rotate/', toast: 'Unable to rotate the certificate of the bay'},
    {func: 'getStats', method: 'GET', url: 'stats/', toast: 'Unable to retrieve the bay statistics'}
  ], ['bayConfigUrl']);

  describe('horizon.app.core.openstack-service-api.magnum-bays', function () {
    var api, $httpBackend, $timeout;

    beforeEach(module('horizon.framework'));
    beforeEach(module('horizon.app.core.openstack-service-api'));

    beforeEach(inject(function ($injector) {
      api = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      $httpBackend = $injector.get('$httpBackend');
      $timeout = $injector.get('$timeout');
    }));

    afterEach(function () {
      $httpBackend.verifyNoOutstandingExpectation();
    });

    it('escapes the id in the URLs', function () {
      $httpBackend.expectGET('/api/container_infra/bays/a%2Fb%20c/').respond(200, {});
      api.getBay('a/b c');
      $httpBackend.flush();
    });

    it('sends one request for the same list asked twice in one turn', function () {
      var answers = [];
      $httpBackend.expectGET('/api/container_infra/bays/').respond(200, {items: []});
      api.getBays().then(function (response) { answers.push(response.data); });
      api.getBays().then(function (response) { answers.push(response.data); });
      $httpBackend.flush();
      expect(answers).toEqual([{items: []}, {items: []}]);
    });

    it('asks for the statistics again once the turn is over', function () {
      $httpBackend.expectGET('/api/container_infra/stats/').respond(200, {bays: 0});
      api.getStats();
      $httpBackend.flush();
      $timeout.flush();
      $httpBackend.expectGET('/api/container_infra/stats/').respond(200, {bays: 1});
      api.getStats();
      $httpBackend.flush();
    });

    it('gives the configuration download address under WEBROOT', function () {
      expect(api.bayConfigUrl('b-1')).toBe('/api/container_infra/bays/b-1/config/');
      expect(api.bayConfigUrl('x/y')).toBe('/api/container_infra/bays/x%2Fy/config/');
    });
  });
})();
