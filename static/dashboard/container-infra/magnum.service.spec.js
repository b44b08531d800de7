/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.app.core.openstack-service-api.magnum', function () {
    var magnum, $httpBackend, $q, $rootScope, $timeout, apiService, toastService;

    var JSON_TYPE = {'Content-Type': 'application/json'};
    var BASE = '/api/container_infra/';

    // Every call: its arguments, the request it makes, and the start of its error toast.
    var calls = [
      {func: 'getBayModels', method: 'GET', url: 'bay_models/',
        toast: 'Unable to retrieve the bay models'},
      {func: 'getBayModel', args: ['m-1'], method: 'GET', url: 'bay_models/m-1/',
        toast: 'Unable to retrieve the bay model'},
      {func: 'createBayModel', args: [{name: 'm', coe: 'swarm-mode'}], method: 'POST',
        url: 'bay_models/', data: {name: 'm', coe: 'swarm-mode'},
        toast: 'Unable to create the bay model'},
      {func: 'updateBayModel', args: ['m-1', {name: 'n', labels: null}], method: 'PATCH',
        url: 'bay_models/m-1/', data: {name: 'n', labels: null},
        toast: 'Unable to update the bay model'},
      {func: 'deleteBayModel', args: ['m-1'], method: 'DELETE', url: 'bay_models/m-1/',
        toast: 'Unable to delete the bay model', suppressible: true},
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
      {func: 'getBayCertificate', args: ['b-1'], method: 'GET', url: 'bays/b-1/certificate/',
        toast: 'Unable to retrieve the certificate of the bay'},
      {func: 'signBayCertificate', args: ['b-1', 'CSR PEM'], method: 'POST',
        url: 'bays/b-1/certificate/', data: {csr: 'CSR PEM'},
        toast: 'Unable to sign the certificate'},
      {func: 'rotateBayCertificate', args: ['b-1'], method: 'POST',
        url: 'bays/b-1/certificate/rotate/', toast: 'Unable to rotate the certificate of the bay'},
      {func: 'getBayNodes', args: ['b-1'], method: 'GET', url: 'bays/b-1/nodes/',
        toast: 'Unable to retrieve the nodes of the bay'},
      {func: 'getChoices', method: 'GET', url: 'choices/',
        toast: 'Unable to retrieve the choices for the form'},
      {func: 'getQuotas', method: 'GET', url: 'quotas/', toast: 'Unable to retrieve the quotas'},
      {func: 'getQuota', args: ['p-1', 'Cluster'], method: 'GET', url: 'quotas/p-1/Cluster/',
        toast: 'Unable to retrieve the quota'},
      {func: 'createQuota', args: [{project_id: 'p-1', resource: 'Cluster', hard_limit: 3}],
        method: 'POST', url: 'quotas/', data: {project_id: 'p-1', resource: 'Cluster', hard_limit: 3},
        toast: 'Unable to create the quota'},
      {func: 'updateQuota', args: ['p-1', 'Cluster', {hard_limit: 5}], method: 'PATCH',
        url: 'quotas/p-1/Cluster/', data: {hard_limit: 5}, toast: 'Unable to update the quota'},
      {func: 'deleteQuota', args: ['p-1', 'Cluster'], method: 'DELETE',
        url: 'quotas/p-1/Cluster/', toast: 'Unable to delete the quota', suppressible: true},
      {func: 'getServices', method: 'GET', url: 'services/',
        toast: 'Unable to retrieve the container infra services'},
      {func: 'getStats', method: 'GET', url: 'stats/',
        toast: 'Unable to retrieve the bay statistics'}
    ];

    beforeEach(module('horizon.framework'));
    beforeEach(module('horizon.app.core.openstack-service-api'));

    beforeEach(inject(function ($injector) {
      magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
      apiService = $injector.get('horizon.framework.util.http.service');
      toastService = $injector.get('horizon.framework.widgets.toast.service');
      $httpBackend = $injector.get('$httpBackend');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      $timeout = $injector.get('$timeout');
      spyOn(toastService, 'add').and.callThrough();
    }));

    afterEach(function () {
      $httpBackend.verifyNoOutstandingExpectation();
      $httpBackend.verifyNoOutstandingRequest();
    });

    it('offers exactly the documented calls', function () {
      var documented = calls.map(function (call) { return call.func; }).concat(['bayConfigUrl']);
      var unique = documented.filter(function (name, index) {
        return documented.indexOf(name) === index;
      });
      expect(Object.keys(magnum).sort()).toEqual(unique.sort());
      expect(unique.length).toBe(26);
    });

    calls.forEach(function (call) {
      var label = call.func + '(' + angular.toJson(call.args || []) + ')';

      describe(label, function () {
        var outcome;

        beforeEach(function () {
          outcome = {};
        });

        function expectRequest() {
          return $httpBackend.expect(call.method, BASE + call.url, call.data);
        }

        function run(extraArgs) {
          var args = (call.args || []).concat(extraArgs || []);
          magnum[call.func].apply(magnum, args).then(
            function (response) { outcome.resolved = response; },
            function (response) { outcome.rejected = response; }
          );
          $httpBackend.flush();
        }

        it('sends ' + call.method + ' ' + call.url + ' and resolves with the answer', function () {
          var answer = {items: [{uuid: 'u-1'}], pem: 'PEM'};
          expectRequest().respond(200, answer);

          run();

          expect(outcome.resolved.data).toEqual(answer);
          expect(outcome.rejected).toBeUndefined();
          expect(toastService.add).not.toHaveBeenCalled();
        });

        it('asks Horizon not to add its generic 403 toast', function () {
          var method = call.method === 'DELETE' ? 'delete' : call.method.toLowerCase();
          spyOn(apiService, method).and.callThrough();
          expectRequest().respond(200, {});

          run();

          var config = apiService[method].calls.mostRecent().args.slice(-1)[0];
          expect(config.suppress403Toast).toBe(true);
        });

        it('toasts the server\'s reason and rejects', function () {
          expectRequest().respond(409, '"Bay model in use by bay b-9"', JSON_TYPE);

          run();

          expect(outcome.resolved).toBeUndefined();
          expect(outcome.rejected.status).toBe(409);
          expect(toastService.add).toHaveBeenCalledWith(
            'error', call.toast + ': Bay model in use by bay b-9');
        });

        if (call.suppressible) {
          it('rejects without a toast when suppressError is true', function () {
            expectRequest().respond(403, '"Policy does not allow it."', JSON_TYPE);

            run([true]);

            expect(outcome.rejected.status).toBe(403);
            expect(toastService.add).not.toHaveBeenCalled();
          });
        } else {
          it('shows one toast, with the reason, for a 403', function () {
            expectRequest().respond(403, '"Policy doesn\'t allow it."', JSON_TYPE);

            run();

            expect(toastService.add.calls.count()).toBe(1);
            expect(toastService.add).toHaveBeenCalledWith(
              'error', call.toast + ': Policy doesn\'t allow it.');
          });
        }
      });
    });

    it('escapes ids in the URLs it builds', function () {
      $httpBackend.expectGET(BASE + 'bays/a%2Fb%20c/').respond(200, {});
      $httpBackend.expectGET(BASE + 'quotas/p%2F1/Clus%3Fter/').respond(200, {});
      $httpBackend.expectDELETE(BASE + 'bay_models/m%23/').respond(204, '');

      magnum.getBay('a/b c');
      magnum.getQuota('p/1', 'Clus?ter');
      magnum.deleteBayModel('m#');
      $httpBackend.flush();

      expect(toastService.add).not.toHaveBeenCalled();
    });

    it('sends one request for the same list asked twice in one turn', function () {
      var answers = [];
      $httpBackend.expectGET(BASE + 'bays/').respond(200, {items: []});
      magnum.getBays().then(function (response) { answers.push(response.data); });
      magnum.getBays().then(function (response) { answers.push(response.data); });
      $httpBackend.flush();

      expect(answers).toEqual([{items: []}, {items: []}]);
      $httpBackend.verifyNoOutstandingExpectation();
    });

    it('asks again once the turn is over', function () {
      $httpBackend.expectGET(BASE + 'stats/').respond(200, {bays: 0});
      magnum.getStats();
      $httpBackend.flush();
      $timeout.flush();
      $httpBackend.expectGET(BASE + 'stats/').respond(200, {bays: 1});
      magnum.getStats();
      $httpBackend.flush();

      $httpBackend.verifyNoOutstandingExpectation();
    });

    it('gives the configuration download URL relative to WEBROOT', function () {
      expect(magnum.bayConfigUrl('b-1')).toBe('/api/container_infra/bays/b-1/config/');
      expect(magnum.bayConfigUrl('x/y')).toBe('/api/container_infra/bays/x%2Fy/config/');
    });

    it('keeps replacement patterns of the reason as they are', function () {
      $httpBackend.expectGET(BASE + 'stats/').respond(500, '"bad value $& and $1"', JSON_TYPE);

      magnum.getStats().catch(angular.noop);
      $httpBackend.flush();

      expect(toastService.add).toHaveBeenCalledWith(
        'error', 'Unable to retrieve the bay statistics: bad value $& and $1');
    });

    it('says that the server did not answer when there is no response', function () {
      var rejected;
      spyOn(apiService, 'get').and.returnValue($q.reject({status: -1, data: null}));

      magnum.getBay('b-1').catch(function (response) { rejected = response; });
      $rootScope.$apply();

      expect(rejected.status).toBe(-1);
      expect(toastService.add).toHaveBeenCalledWith(
        'error', 'Unable to retrieve the bay: No response from the server.');
    });
  });
})();
