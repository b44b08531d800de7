/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.allowed.service', function () {
    var allowed, policy, $q, $rootScope, refused;

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      allowed = $injector.get('horizon.dashboard.container-infra.common.allowed.service');
      policy = $injector.get('horizon.app.core.openstack-service-api.magnum-policy');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      refused = [];
      spyOn(policy, 'ifAllowed').and.callFake(function (query) {
        var project = query.target ? query.target.project_id : null;
        return refused.indexOf(query.rules[0][1]) < 0 && refused.indexOf(project) < 0
          ? $q.resolve() : $q.reject();
      });
    }));

    function outcome(promise) {
      var result = 'pending';
      promise.then(function () { result = 'allowed'; }, function () { result = 'refused'; });
      $rootScope.$apply();
      return result;
    }

    it('asks the rule of the container-infra scope', function () {
      expect(outcome(allowed.when('cluster:create')())).toBe('allowed');
      expect(policy.ifAllowed).toHaveBeenCalledWith({rules: [['container-infra', 'cluster:create']]});
      refused = ['cluster:create'];
      expect(outcome(allowed.when('cluster:create')())).toBe('refused');
    });

    it('refuses an item whose state does not allow the action', function () {
      var state = jasmine.createSpy('state').and.returnValue(false);
      var bay = {uuid: 'b1'};
      expect(outcome(allowed.when('cluster:resize', state)(bay))).toBe('refused');
      expect(state).toHaveBeenCalledWith(bay);
      state.and.returnValue(true);
      expect(outcome(allowed.when('cluster:resize', state)(bay))).toBe('allowed');
      state.and.returnValue($q.resolve(false));
      expect(outcome(allowed.when('cluster:resize', state)(bay))).toBe('refused');
    });

    it('refuses what the policy refuses, whatever the state', function () {
      refused = ['cluster:resize'];
      expect(outcome(allowed.when('cluster:resize', function () { return true; })({})))
        .toBe('refused');
    });

    it('asks no state of a global or batch action', function () {
      var state = jasmine.createSpy('state');
      expect(outcome(allowed.when('cluster:delete', state)())).toBe('allowed');
      expect(state).not.toHaveBeenCalled();
    });

    it('asks about an item of another project with that project as target', function () {
      var update = allowed.inProject('clustertemplate:update');
      expect(outcome(update({uuid: 'm1', project_id: 'p1'}))).toBe('allowed');
      expect(policy.ifAllowed).toHaveBeenCalledWith({
        rules: [['container-infra', 'clustertemplate:update']], target: {project_id: 'p1'}
      });
      refused = ['admin-project'];
      expect(outcome(update({uuid: 'm2', project_id: 'admin-project'}))).toBe('refused');
      expect(outcome(update())).toBe('allowed');
      expect(policy.ifAllowed.calls.mostRecent().args[0].target).toBeUndefined();
    });

    it('answers a view with true or false', function () {
      var answers = [];
      refused = ['clustertemplate:publish'];
      allowed.check('clustertemplate:publish').then(function (yes) { answers.push(yes); });
      allowed.check('cluster:get').then(function (yes) { answers.push(yes); });
      $rootScope.$apply();
      expect(answers).toEqual([false, true]);
    });
  });
})();
