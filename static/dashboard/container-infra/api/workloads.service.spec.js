/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.app.core.openstack-service-api.magnum-workloads', function () {
    var api, $httpBackend, toast;
    var BASE = '/api/container_infra/bays/b%201/workloads/';
    var JSON_TYPE = {'Content-Type': 'application/json'};

    beforeEach(module('horizon.framework'));
    beforeEach(module('horizon.app.core.openstack-service-api'));

    beforeEach(inject(function ($injector) {
      api = $injector.get('horizon.app.core.openstack-service-api.magnum-workloads');
      $httpBackend = $injector.get('$httpBackend');
      toast = $injector.get('horizon.framework.widgets.toast.service');
      spyOn(toast, 'add');
    }));

    afterEach(function () {
      $httpBackend.verifyNoOutstandingExpectation();
      $httpBackend.verifyNoOutstandingRequest();
    });

    function expectData(promise, data) {
      var got;
      promise.then(function (response) { got = response.data; });
      $httpBackend.flush();
      expect(got).toEqual(data);
    }

    it('reads the summary of a bay, its id encoded', function () {
      $httpBackend.expectGET(BASE).respond({coe: 'swarm', kinds: ['tasks']});
      expectData(api.getSummary('b 1'), {coe: 'swarm', kinds: ['tasks']});
    });

    it('lists a kind with its query', function () {
      $httpBackend.expectGET(BASE + 'pods/?namespace=kube-system').respond({items: []});
      expectData(api.list('b 1', 'pods', {namespace: 'kube-system'}), {items: []});
      $httpBackend.expectGET(BASE + 'tasks/').respond({items: [1]});
      expectData(api.list('b 1', 'tasks'), {items: [1]});
    });

    it('reads one workload and its logs', function () {
      $httpBackend.expectGET(BASE + 'tasks/web.1/').respond({name: 'web.1', raw: {}});
      expectData(api.get('b 1', 'tasks', 'web.1'), {name: 'web.1', raw: {}});
      $httpBackend.expectGET(BASE + 'tasks/web.1/logs/?tail=5').respond({lines: ['a']});
      expectData(api.logs('b 1', 'tasks', 'web.1', {tail: 5}), {lines: ['a']});
      $httpBackend.expectGET(BASE + 'pods/p/?namespace=x').respond({});
      expectData(api.get('b 1', 'pods', 'p', {namespace: 'x'}), {});
      $httpBackend.expectGET(BASE + 'pods/p/logs/').respond({lines: []});
      expectData(api.logs('b 1', 'pods', 'p'), {lines: []});
    });

    it('builds a download link under WEBROOT with the given query', function () {
      expect(api.logsUrl('b 1', 'tasks', 'web/1', {tail: 5000, namespace: '', since: null}))
        .toBe(BASE + 'tasks/web%2F1/logs/?download=1&tail=5000');
      expect(api.logsUrl('b', 'pods', 'p')).toBe(
        '/api/container_infra/bays/b/workloads/pods/p/logs/?download=1');
    });

    it('creates from a manifest, scales and deletes', function () {
      $httpBackend.expectPOST(BASE, {manifest: 'name: web'}).respond(201, {created: []});
      expectData(api.create('b 1', 'name: web'), {created: []});
      $httpBackend.expectPOST(BASE + 'services/web/scale/', {replicas: 0}).respond(202, {});
      expectData(api.scale('b 1', 'services', 'web', 0), {});
      $httpBackend.expectPOST(BASE + 'deployments/d/scale/?namespace=n', {replicas: 2})
        .respond(202, {});
      expectData(api.scale('b 1', 'deployments', 'd', 2, {namespace: 'n'}), {});
      $httpBackend.expectDELETE(BASE + 'pods/p/?namespace=n').respond(204);
      api.remove('b 1', 'pods', 'p', {namespace: 'n'});
      $httpBackend.expectDELETE(BASE + 'services/web/').respond(204);
      api.remove('b 1', 'services', 'web');
      $httpBackend.flush();
      expect(toast.add).not.toHaveBeenCalled();
    });

    it('toasts the reason of a failed delete, unless told not to', function () {
      var rejected = [];
      $httpBackend.expectDELETE(BASE + 'services/web/').respond(409, '"Bay is not ready."', JSON_TYPE);
      api.remove('b 1', 'services', 'web').catch(function (r) { rejected.push(r.status); });
      $httpBackend.flush();
      expect(toast.add).toHaveBeenCalledWith('error',
        'Unable to delete web: Bay is not ready.');
      $httpBackend.expectDELETE(BASE + 'services/web/').respond(409, '"Bay is not ready."', JSON_TYPE);
      api.remove('b 1', 'services', 'web', {}, true).catch(function (r) {
        rejected.push(r.status);
      });
      $httpBackend.flush();
      expect(toast.add.calls.count()).toBe(1);
      expect(rejected).toEqual([409, 409]);
    });

    it('reads toast-free failures for the view to show', function () {
      var status;
      $httpBackend.expectGET(BASE + 'tasks/').respond(503, '"Bay unreachable"');
      api.list('b 1', 'tasks').catch(function (response) { status = response.status; });
      $httpBackend.flush();
      expect(status).toBe(503);
      expect(toast.add).not.toHaveBeenCalled();
    });
  });
})();
