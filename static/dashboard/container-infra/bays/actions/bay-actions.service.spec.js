/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.actions.helper', function () {
    var helper, policy, $q, $rootScope, $uibModal, $document;

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      helper = $injector.get('horizon.dashboard.container-infra.bays.actions.helper');
      policy = $injector.get('horizon.app.core.openstack-service-api.policy');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      $uibModal = $injector.get('$uibModal');
      $document = $injector.get('$document');
    }));

    function outcome(promise) {
      var result = 'pending';
      promise.then(function () { result = 'allowed'; }, function () { result = 'refused'; });
      $rootScope.$apply();
      return result;
    }

    describe('allowedWhen', function () {
      it('asks the policy of the container-infra scope', function () {
        spyOn(policy, 'ifAllowed').and.returnValue($q.resolve());
        expect(outcome(helper.allowedWhen('cluster:create')())).toBe('allowed');
        expect(policy.ifAllowed).toHaveBeenCalledWith({rules: [['container-infra', 'cluster:create']]});
      });

      it('refuses what the policy refuses', function () {
        spyOn(policy, 'ifAllowed').and.returnValue($q.reject());
        expect(outcome(helper.allowedWhen('cluster:resize', function () {
          return true;
        })({}))).toBe('refused');
      });

      it('refuses a bay whose state does not allow the action', function () {
        var condition = jasmine.createSpy('condition').and.returnValue(false);
        var bay = {uuid: 'b1'};
        spyOn(policy, 'ifAllowed').and.returnValue($q.resolve());
        expect(outcome(helper.allowedWhen('cluster:resize', condition)(bay))).toBe('refused');
        expect(condition).toHaveBeenCalledWith(bay);
        condition.and.returnValue(true);
        expect(outcome(helper.allowedWhen('cluster:resize', condition)(bay))).toBe('allowed');
      });
    });

    it('lets a bay change only when it rests and has a stack', function () {
      expect(helper.canChange({status: 'CREATE_COMPLETE'})).toBe(true);
      expect(helper.canChange({status: 'UPDATE_FAILED'})).toBe(true);
      expect(helper.canChange({status: 'UPDATE_IN_PROGRESS'})).toBe(false);
      expect(helper.canChange({status: 'CREATE_FAILED'})).toBe(false);
      expect(helper.canChange({status: 'DELETE_FAILED'})).toBe(false);
      expect(helper.canChange({})).toBe(true);
    });

    it('offers certificates only once a bay has its API', function () {
      expect(helper.hasApi({status: 'CREATE_COMPLETE', api_address: 'tcp://10.0.0.2:2376'})).toBe(true);
      expect(helper.hasApi({status: 'CREATE_IN_PROGRESS', api_address: null})).toBe(false);
      expect(helper.hasApi({status: 'DELETE_IN_PROGRESS', api_address: 'tcp://x'})).toBe(false);
      expect(helper.hasApi({api_address: 'tcp://x'})).toBe(true);
    });

    it('opens a dialog of this folder with its context', function () {
      var result = $q.resolve('done');
      var options;
      spyOn($uibModal, 'open').and.returnValue({result: result});

      expect(helper.openDialog('resize.html', 'Some.Controller', {bay: 1}, 'lg')).toBe(result);

      options = $uibModal.open.calls.argsFor(0)[0];
      expect(options.templateUrl).toBe('/static/dashboard/container-infra/bays/actions/resize.html');
      expect(options.controller).toBe('Some.Controller as ctrl');
      expect(options.size).toBe('lg');
      expect(options.backdrop).toBe('static');
      expect(options.resolve.context()).toEqual({bay: 1});
    });

    it('saves a URL as a file through a link', function () {
      var link = $document[0].createElement('a');
      spyOn($document[0], 'createElement').and.returnValue(link);
      spyOn(link, 'click');

      helper.saveAs('/api/container_infra/bays/b1/config/');
      expect(link.click).toHaveBeenCalled();
      expect(link.getAttribute('href')).toBe('/api/container_infra/bays/b1/config/');
      expect(link.getAttribute('download')).toBe('');
      expect(link.parentNode).toBe(null);

      helper.saveAs('blob:x', 'ca.pem');
      expect(link.getAttribute('download')).toBe('ca.pem');
    });
  });
})();
