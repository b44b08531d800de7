/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.workloads.ScaleModalController', function () {
    var $q, $rootScope, api, instance, modal, scope, element, $controller;
    var target = {bayId: 'b1', kind: 'services', name: 'web', replicas: 3, params: {}};

    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.workloads'));

    beforeEach(inject(function ($injector) {
      var xhr = new XMLHttpRequest();
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      $controller = $injector.get('$controller');
      api = $injector.get('horizon.app.core.openstack-service-api.magnum-workloads');
      instance = jasmine.createSpyObj('instance', ['close', 'dismiss']);
      modal = $controller('horizon.dashboard.container-infra.workloads.ScaleModalController',
        {$uibModalInstance: instance, target: target});
      xhr.open('GET', '/base/static/dashboard/container-infra/workloads/scale-modal.html', false);
      xhr.send();
      scope = $rootScope.$new();
      scope.modal = modal;
      element = $injector.get('$compile')('<div>' + xhr.responseText + '</div>')(scope);
      scope.$digest();
    }));

    function type(value) {
      angular.element(element[0].querySelector('input')).val(value).triggerHandler('input');
    }

    function submitDisabled() {
      return element[0].querySelector('.workload-scale-submit').disabled;
    }

    it('has no <form>, which Horizon\'s legacy modal code would post itself', function () {
      expect(element[0].querySelector('form')).toBeNull();
    });

    it('starts from the wanted count and checks the number as it is typed', function () {
      expect(modal.replicas).toBe(3);
      expect(submitDisabled()).toBe(false);
      type('-1');
      expect(submitDisabled()).toBe(true);
      expect(element[0].textContent).toContain('Give a whole number of 0 or more.');
      type('1.5');
      expect(submitDisabled()).toBe(true);
      type('');
      expect(submitDisabled()).toBe(true);
      type('0');
      expect(submitDisabled()).toBe(false);
      expect(modal.replicas).toBe(0);
    });

    it('scales and closes with the count and the item', function () {
      spyOn(api, 'scale').and.returnValue($q.when({data: {name: 'web'}}));
      type('1');
      element[0].querySelector('.workload-scale-submit').click();
      expect(api.scale).toHaveBeenCalledWith('b1', 'services', 'web', 1, {});
      expect(instance.close).toHaveBeenCalledWith({replicas: 1, item: {name: 'web'}});
    });

    it('shows the server\'s refusal under the field', function () {
      spyOn(api, 'scale').and.returnValue($q.reject({status: 409, data: 'Bay is updating.'}));
      modal.submit();
      scope.$digest();
      expect(element[0].querySelector('.workload-scale-error').textContent)
        .toBe('Bay is updating.');
      expect(modal.busy).toBe(false);
      modal.cancel();
      expect(instance.dismiss).toHaveBeenCalledWith('cancel');
    });

    it('starts from 1 when the wanted count is unknown', function () {
      expect($controller('horizon.dashboard.container-infra.workloads.ScaleModalController',
        {$uibModalInstance: instance, target: {name: 'x'}}).replicas).toBe(1);
    });
  });
})();
