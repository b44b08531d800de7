/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.app.core.openstack-service-api.magnum-policy', function () {
    var policy, $httpBackend, $timeout, toast;

    beforeEach(module('horizon.framework'));
    beforeEach(module('horizon.app.core.openstack-service-api'));

    beforeEach(inject(function ($injector) {
      policy = $injector.get('horizon.app.core.openstack-service-api.magnum-policy');
      $httpBackend = $injector.get('$httpBackend');
      $timeout = $injector.get('$timeout');
      toast = $injector.get('horizon.framework.widgets.toast.service');
      spyOn(toast, 'add');
    }));

    afterEach(function () {
      $httpBackend.verifyNoOutstandingExpectation();
      $httpBackend.verifyNoOutstandingRequest();
    });

    function question(rule, target) {
      var asked = {rules: [['container-infra', rule]]};
      if (target) {
        asked.target = target;
      }
      return asked;
    }

    function outcome(promise) {
      var result = {value: 'pending'};
      promise.then(function () { result.value = 'allowed'; },
        function () { result.value = 'refused'; });
      return result;
    }

    it('sends the questions of one turn in one request, answered in order', function () {
      var create = outcome(policy.ifAllowed(question('cluster:create')));
      var remove = outcome(policy.ifAllowed(question('cluster:delete', {project_id: 'p'})));
      $httpBackend.expectPOST('/api/container_infra/policy/', {questions: [
        question('cluster:create'), question('cluster:delete', {project_id: 'p'})
      ]}).respond({allowed: [true, false]});
      $timeout.flush();
      $httpBackend.flush();
      expect(create.value).toBe('allowed');
      expect(remove.value).toBe('refused');
    });

    it('keeps an answer: the same question is not asked again', function () {
      var first = outcome(policy.ifAllowed(question('cluster:create')));
      $httpBackend.expectPOST('/api/container_infra/policy/').respond({allowed: [true]});
      $timeout.flush();
      $httpBackend.flush();
      var again = outcome(policy.ifAllowed(question('cluster:create')));
      inject(function ($verifyNoPendingTasks) { $verifyNoPendingTasks('$timeout'); });
      inject(function ($rootScope) { $rootScope.$apply(); });
      expect([first.value, again.value]).toEqual(['allowed', 'allowed']);
    });

    it('refuses what a failed request asked, toasts, and asks it again later', function () {
      var first = outcome(policy.ifAllowed(question('cluster:create')));
      $httpBackend.expectPOST('/api/container_infra/policy/')
        .respond(503, 'The container-infra service cannot be reached');
      $timeout.flush();
      $httpBackend.flush();
      expect(first.value).toBe('refused');
      expect(toast.add).toHaveBeenCalledWith('error', jasmine.stringMatching('cannot be reached'));
      var again = outcome(policy.ifAllowed(question('cluster:create')));
      $httpBackend.expectPOST('/api/container_infra/policy/').respond({allowed: [true]});
      $timeout.flush();
      $httpBackend.flush();
      expect(again.value).toBe('allowed');
    });
  });
})();
