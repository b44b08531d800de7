/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.actions.create', function () {
    var action, helper, toast, policy, $q, $rootScope;

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      action = $injector.get('horizon.dashboard.container-infra.bays.actions.create');
      helper = $injector.get('horizon.dashboard.container-infra.bays.actions.helper');
      toast = $injector.get('horizon.framework.widgets.toast.service');
      policy = $injector.get('horizon.app.core.openstack-service-api.policy');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
    }));

    it('is allowed by cluster:create', function () {
      var allowed = false;
      spyOn(policy, 'ifAllowed').and.returnValue($q.resolve());
      action.allowed().then(function () { allowed = true; });
      $rootScope.$apply();
      expect(allowed).toBe(true);
      expect(policy.ifAllowed).toHaveBeenCalledWith({rules: [['container-infra', 'cluster:create']]});
      expect(action.initAction).toBe(angular.noop);
    });

    it('opens the wide Create Bay dialog, then reports the created bay', function () {
      var result;
      spyOn(helper, 'openDialog').and.returnValue($q.resolve({uuid: 'b1', name: 'web'}));
      spyOn(toast, 'add');

      action.perform().then(function (value) { result = value; });
      $rootScope.$apply();

      expect(helper.openDialog).toHaveBeenCalledWith(
        'create.html', 'horizon.dashboard.container-infra.bays.CreateController', {}, 'lg');
      expect(toast.add).toHaveBeenCalledWith('success', 'Bay "web" is being created.');
      expect(result.created).toEqual([{type: 'OS::Magnum::Bay', id: 'b1'}]);
    });

    it('names an unnamed bay by its id', function () {
      spyOn(helper, 'openDialog').and.returnValue($q.resolve({uuid: 'b1'}));
      spyOn(toast, 'add');
      action.perform();
      $rootScope.$apply();
      expect(toast.add).toHaveBeenCalledWith('success', 'Bay "b1" is being created.');
    });

    it('does nothing when the dialog is cancelled', function () {
      var rejected = false;
      spyOn(helper, 'openDialog').and.returnValue($q.reject('cancel'));
      spyOn(toast, 'add');
      action.perform().catch(function () { rejected = true; });
      $rootScope.$apply();
      expect(rejected).toBe(true);
      expect(toast.add).not.toHaveBeenCalled();
    });
  });
})();
