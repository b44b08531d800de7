/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.workloads.ManifestController', function () {
    var specs = window.actionSpecs;
    var $q, api, baysAPI, registry, ctrl, element;

    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.workloads'));

    beforeEach(inject(function ($injector) {
      $q = $injector.get('$q');
      api = $injector.get('horizon.app.core.openstack-service-api.magnum-workloads');
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      registry = {data: {images: []}};
      spyOn(baysAPI, 'getBayRegistry').and.callFake(function () {
        return registry.data ? $q.when(registry) : $q.reject({status: 503});
      });
      var body = manifest('swarm');
      ctrl = body.ctrl;
      element = body.element;
    }));

    function manifest(coe) {
      return specs.dialogBody('horizon.dashboard.container-infra.workloads.ManifestController',
        {bayId: 'b1', coe: coe}, 'workloads/actions/manifest.html');
    }

    function errorText() {
      var node = element[0].querySelector('.workload-manifest-error');
      return node ? node.textContent : null;
    }

    it('cannot be sent empty', function () {
      expect(ctrl.form.$invalid).toBe(true);
      ctrl.manifest = 'name: web';
      element.scope().$digest();
      expect(ctrl.form.$invalid).toBe(false);
    });

    it('sends the manifest as is and gives what was created', function () {
      spyOn(api, 'create').and.returnValue($q.when({data: {created: [{name: 'web'}]}}));
      ctrl.useExample();
      expect(ctrl.manifest).toContain('magnum-ui/busybox');
      expect(specs.settle(ctrl.send()).resolved).toEqual({created: [{name: 'web'}]});
      expect(api.create).toHaveBeenCalledWith('b1', ctrl.example);
    });

    it('shows the server\'s reason next to the field until the text changes', function () {
      spyOn(api, 'create').and.returnValue($q.reject({status: 400,
        data: 'replicas: must be 0 or more'}));
      ctrl.manifest = 'replicas: -1';
      expect(specs.settle(ctrl.send()).rejected.status).toBe(400);
      expect(errorText()).toBe('replicas: must be 0 or more');
      expect(element[0].querySelector('.form-group').classList).toContain('has-error');
      angular.element(element[0].querySelector('textarea')).val('replicas: 1')
        .triggerHandler('input');
      expect(errorText()).toBeNull();
    });

    it('offers the images the project may use and writes the chosen one', function () {
      registry = {data: {images: ['busybox', 'r:5050/p/web']}};
      var body = manifest('swarm');
      expect(baysAPI.getBayRegistry).toHaveBeenCalledWith('b1', true);
      var buttons = body.element[0].querySelectorAll('.workload-image');
      expect(Array.prototype.map.call(buttons, function (b) { return b.textContent; }))
        .toEqual(['busybox', 'r:5050/p/web']);
      angular.element(buttons[0]).triggerHandler('click');
      expect(body.ctrl.manifest).toBe('name: web\nimage: busybox');
      body.ctrl.useImage('r:5050/p/web');
      expect(body.ctrl.manifest).toBe('name: web\nimage: r:5050/p/web');
      body.ctrl.manifest = 'name: api\nreplicas: 2\n\n';
      body.ctrl.useImage('busybox');
      expect(body.ctrl.manifest).toBe('name: api\nreplicas: 2\nimage: busybox');
    });

    it('offers nothing when the registry cannot be read or the bay is Kubernetes', function () {
      registry = {data: null};
      expect(manifest('swarm').ctrl.images).toEqual([]);
      registry = {data: {}};
      expect(manifest('swarm').ctrl.images).toEqual([]);
      baysAPI.getBayRegistry.calls.reset();
      expect(manifest('kubernetes').ctrl.images).toEqual([]);
      expect(baysAPI.getBayRegistry).not.toHaveBeenCalled();
    });

    it('offers a Kubernetes example to a Kubernetes bay', function () {
      expect(manifest('kubernetes').ctrl.example).toContain('kind: Deployment');
      expect(manifest('mesos').ctrl.example).toBe(ctrl.example);
    });
  });
})();
