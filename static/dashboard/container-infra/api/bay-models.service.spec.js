/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  window.magnumApiSpecs.describeCalls('horizon.app.core.openstack-service-api.magnum-bay-models', [
    {func: 'getBayModels', method: 'GET', url: 'bay_models/',
      toast: 'Unable to retrieve the bay models', suppressible: true},
    {func: 'getBayModel', args: ['m-1'], method: 'GET', url: 'bay_models/m-1/',
      toast: 'Unable to retrieve the bay model'},
    {func: 'createBayModel', args: [{name: 'm', coe: 'swarm-mode'}], method: 'POST',
      url: 'bay_models/', data: {name: 'm', coe: 'swarm-mode'},
      toast: 'Unable to create the bay model'},
    {func: 'updateBayModel', args: ['m-1', {name: 'n', labels: null}], method: 'PATCH',
      url: 'bay_models/m-1/', data: {name: 'n', labels: null},
      toast: 'Unable to update the bay model'},
    {func: 'deleteBayModel', args: ['m-1'], method: 'DELETE', url: 'bay_models/m-1/',
      toast: 'Unable to delete the bay model', suppressible: true}
  ]);

  describe('horizon.app.core.openstack-service-api.magnum-bay-models', function () {
    var api, $httpBackend;

    beforeEach(module('horizon.framework'));
    beforeEach(module('horizon.app.core.openstack-service-api'));

    beforeEach(inject(function ($injector) {
      api = $injector.get('horizon.app.core.openstack-service-api.magnum-bay-models');
      $httpBackend = $injector.get('$httpBackend');
    }));

    it('escapes the id in the URL', function () {
      $httpBackend.expectDELETE('/api/container_infra/bay_models/m%23/').respond(204, '');
      api.deleteBayModel('m#');
      $httpBackend.flush();
      $httpBackend.verifyNoOutstandingExpectation();
    });

    it('sends one request for the list asked twice in one turn', function () {
      var answers = [];
      $httpBackend.expectGET('/api/container_infra/bay_models/').respond(200, {items: []});
      api.getBayModels().then(function (response) { answers.push(response.data); });
      api.getBayModels().then(function (response) { answers.push(response.data); });
      $httpBackend.flush();
      expect(answers).toEqual([{items: []}, {items: []}]);
      $httpBackend.verifyNoOutstandingExpectation();
    });

    it('asks for the first page only when told', function () {
      $httpBackend.expectGET('/api/container_infra/bay_models/?limit=20')
        .respond(200, {items: [], more: true});
      api.getBayModels(true, {limit: 20});
      $httpBackend.flush();
      $httpBackend.verifyNoOutstandingExpectation();
    });
  });
})();
