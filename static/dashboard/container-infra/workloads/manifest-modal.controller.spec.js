/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.workloads.ManifestModalController', function () {
    var $q, $rootScope, $compile, api, instance, modal, scope, element;

    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.workloads'));

    beforeEach(inject(function ($injector, $controller) {
      var xhr = new XMLHttpRequest();
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      $compile = $injector.get('$compile');
      api = $injector.get('horizon.app.core.openstack-service-api.magnum-workloads');
      instance = jasmine.createSpyObj('instance', ['close', 'dismiss']);
      modal = $controller('horizon.dashboard.container-infra.workloads.ManifestModalController',
        {$uibModalInstance: instance, bayId: 'b1', coe: 'swarm'});
      xhr.open('GET', '/base/static/dashboard/container-infra/workloads/manifest-modal.html',
        false);
      xhr.send();
      scope = $rootScope.$new();
      scope.modal = modal;
      element = $compile('<div>' + xhr.responseText + '</div>')(scope);
      scope.$digest();
    }));

    function errorText() {
      var node = element[0].querySelector('.workload-manifest-error');
      return node ? node.textContent : null;
    }

    it('has no <form>, which Horizon\'s legacy modal code would post itself', function () {
      expect(element[0].querySelector('form')).toBeNull();
    });

    it('cannot be sent empty', function () {
      expect(element[0].querySelector('.workload-create-submit').disabled).toBe(true);
      modal.manifest = 'name: web';
      scope.$digest();
      expect(element[0].querySelector('.workload-create-submit').disabled).toBe(false);
    });

    it('sends the manifest and closes with what was created', function () {
      spyOn(api, 'create').and.returnValue($q.when({data: {created: [{name: 'web'}]}}));
      modal.useExample();
      scope.$digest();
      expect(modal.manifest).toContain('magnum-ui/busybox');
      element[0].querySelector('.workload-create-submit').click();
      expect(api.create).toHaveBeenCalledWith('b1', modal.example);
      expect(instance.close).toHaveBeenCalledWith({created: [{name: 'web'}]});
      expect(modal.busy).toBe(false);
    });

    it('shows the server\'s reason next to the field until the text changes', function () {
      var field;
      spyOn(api, 'create').and.returnValue($q.reject({status: 400,
        data: 'replicas: must be 0 or more'}));
      modal.manifest = 'replicas: -1';
      modal.submit();
      scope.$digest();
      expect(errorText()).toBe('replicas: must be 0 or more');
      expect(element[0].querySelector('.form-group').classList).toContain('has-error');
      expect(instance.close).not.toHaveBeenCalled();
      field = angular.element(element[0].querySelector('textarea'));
      field.val('replicas: 1').triggerHandler('input');
      expect(errorText()).toBeNull();
    });

    it('offers a Kubernetes example to a Kubernetes bay, and cancels', inject(function ($controller) {
      var k8s = $controller('horizon.dashboard.container-infra.workloads.ManifestModalController',
        {$uibModalInstance: instance, bayId: 'b1', coe: 'kubernetes'});
      expect(k8s.example).toContain('kind: Deployment');
      k8s.cancel();
      expect(instance.dismiss).toHaveBeenCalledWith('cancel');
      expect($controller('horizon.dashboard.container-infra.workloads.ManifestModalController',
        {$uibModalInstance: instance, bayId: 'b1', coe: 'mesos'}).example).toBe(modal.example);
    }));
  });
})();
