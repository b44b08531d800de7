/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  // Resize and Upgrade: dialog actions that change a bay at rest.
  describe('the bay change actions', function () {
    var helper, toast, policy, $q, $rootScope, $injector;

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function (_$injector_) {
      $injector = _$injector_;
      helper = $injector.get('horizon.dashboard.container-infra.bays.actions.helper');
      toast = $injector.get('horizon.framework.widgets.toast.service');
      policy = $injector.get('horizon.app.core.openstack-service-api.policy');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      spyOn(policy, 'ifAllowed').and.returnValue($q.resolve());
      spyOn(toast, 'add');
    }));

    function allowed(action, bay) {
      var result;
      action.allowed(bay).then(function () { result = true; }, function () { result = false; });
      $rootScope.$apply();
      return result;
    }

    [
      {name: 'resize', rule: 'cluster:resize', template: 'resize.html',
       controller: 'ResizeController', closed: 4,
       toast: 'Bay "web" is being resized to 4 nodes.'},
      {name: 'upgrade', rule: 'cluster:upgrade', template: 'upgrade.html',
       controller: 'UpgradeController', closed: {uuid: 'm2', name: 'swarm-v2'},
       toast: 'Bay "web" is being upgraded to bay model "swarm-v2".'}
    ].forEach(function (spec) {
      describe(spec.name, function () {
        var action;
        var bay = {uuid: 'b1', name: 'web', status: 'CREATE_COMPLETE'};

        beforeEach(function () {
          action = $injector.get('horizon.dashboard.container-infra.bays.actions.' + spec.name);
        });

        it('is allowed by ' + spec.rule + ' on a bay at rest only', function () {
          expect(allowed(action, bay)).toBe(true);
          expect(policy.ifAllowed).toHaveBeenCalledWith({rules: [['container-infra', spec.rule]]});
          expect(allowed(action, {status: 'UPDATE_IN_PROGRESS'})).toBe(false);
          expect(allowed(action, {status: 'CREATE_FAILED'})).toBe(false);
          expect(action.initAction).toBe(angular.noop);
        });

        it('opens its dialog, then says the bay is changing', function () {
          var result;
          spyOn(helper, 'openDialog').and.returnValue($q.resolve(spec.closed));
          action.perform(bay).then(function (value) { result = value; });
          $rootScope.$apply();
          expect(helper.openDialog).toHaveBeenCalledWith(spec.template,
            'horizon.dashboard.container-infra.bays.' + spec.controller, {bay: bay});
          expect(toast.add).toHaveBeenCalledWith('success', spec.toast);
          expect(result.updated).toEqual([{type: 'OS::Magnum::Bay', id: 'b1'}]);
        });
      });
    });
  });
})();
