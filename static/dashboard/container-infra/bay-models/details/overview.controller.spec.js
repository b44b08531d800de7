/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.details.OverviewController',
    function () {
      var $controller, $q, $rootScope, magnum;

      beforeEach(module('horizon.dashboard.container-infra.bay-models'));

      beforeEach(inject(function ($injector) {
        $controller = $injector.get('$controller');
        $q = $injector.get('$q');
        $rootScope = $injector.get('$rootScope');
        magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
      }));

      function overview(bayModel) {
        var scope = $rootScope.$new();
        var ctrl;
        scope.context = {loadPromise: $q.resolve({data: bayModel})};
        ctrl = $controller(
          'horizon.dashboard.container-infra.bay-models.details.OverviewController',
          {$scope: scope});
        $rootScope.$apply();
        return ctrl;
      }

      it('shows the bay model, its labels as sorted rows and the bays using it', function () {
        var ctrl;
        spyOn(magnum, 'getBays').and.returnValue($q.resolve({data: {items: [
          {uuid: 'b1', name: 'mine', cluster_template_id: 'm1'},
          {uuid: 'b2', name: 'other', cluster_template_id: 'm2'}
        ]}}));

        ctrl = overview({uuid: 'm1', labels: {zeta: '1', alpha: 'x=y'}});

        expect(ctrl.resourceType.type).toBe('OS::Magnum::BayModel');
        expect(ctrl.bayModel.uuid).toBe('m1');
        expect(ctrl.labels).toEqual([{key: 'alpha', value: 'x=y'}, {key: 'zeta', value: '1'}]);
        expect(ctrl.bays.map(function (bay) { return bay.uuid; })).toEqual(['b1']);
        expect(ctrl.baysUnknown).toBe(false);
      });

      it('copes with no labels and says when the bays cannot be listed', function () {
        var ctrl;
        spyOn(magnum, 'getBays').and.returnValue($q.reject({status: 500}));

        ctrl = overview({uuid: 'm1', labels: null});

        expect(ctrl.labels).toEqual([]);
        expect(ctrl.bays).toBeNull();
        expect(ctrl.baysUnknown).toBe(true);
      });
    });

  describe('bay model templates', function () {
    function parse(name) {
      return fetch('/base/static/dashboard/container-infra/bay-models/details/' + name)
        .then(function (response) {
          expect(response.ok).toBe(true);
          return response.text();
        })
        .then(function (html) {
          return new DOMParser().parseFromString(html, 'text/html');
        });
    }

    function groups(doc) {
      return Array.prototype.map.call(doc.querySelectorAll('hz-resource-property-list'),
        function (list) {
          expect(list.getAttribute('resource-type-name')).toBe('OS::Magnum::BayModel');
          return list.getAttribute('property-groups');
        }).join(' ');
    }

    it('shows every field of a bay model on the overview', function (done) {
      parse('overview.html').then(function (doc) {
        var shown = groups(doc);
        [
          'name', 'uuid', 'coe', 'server_type', 'cluster_distro', 'driver', 'public',
          'hidden', 'tags', 'project_id', 'user_id', 'created_at', 'updated_at', 'image_id',
          'keypair_id', 'flavor_id', 'master_flavor_id', 'docker_volume_size',
          'docker_storage_driver', 'volume_driver', 'master_lb_enabled',
          'floating_ip_enabled', 'network_driver', 'external_network_id', 'fixed_network',
          'fixed_subnet', 'dns_nameserver', 'apiserver_port', 'http_proxy', 'https_proxy',
          'no_proxy', 'registry_enabled', 'tls_disabled', 'insecure_registry'
        ].forEach(function (field) {
          expect(shown).toContain('\'' + field + '\'');
        });
        expect(doc.querySelector('table.bay-model-labels')).not.toBeNull();
        expect(doc.querySelector('ul.bay-model-bays a').getAttribute('ng-href'))
          .toBe('ngdetails/OS::Magnum::Bay/{$ bay.uuid $}');
      }).then(done, done.fail);
    });

    it('shows the main fields and the labels in the drawer', function (done) {
      parse('drawer.html').then(function (doc) {
        expect(groups(doc)).toContain('\'server_type\'');
        expect(doc.querySelector('.bay-model-label').getAttribute('ng-repeat'))
          .toBe('(key, value) in item.labels');
      }).then(done, done.fail);
    });
  });
})();
