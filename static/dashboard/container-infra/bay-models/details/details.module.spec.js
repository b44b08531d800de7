/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.details', function () {
    beforeEach(module('horizon.dashboard.container-infra.bay-models'));

    it('gives the details page an Overview', inject(function ($injector) {
      var type = $injector.get('horizon.framework.conf.resource-type-registry.service')
        .getResourceType('OS::Magnum::BayModel');
      expect(type.detailsViews.map(function (view) { return view.id; }))
        .toEqual(['bayModelDetailsOverview']);
      expect(type.detailsViews[0].name).toBe('Overview');
      expect(type.detailsViews[0].template)
        .toBe('/static/dashboard/container-infra/bay-models/details/overview.html');
    }));

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
      return Array.prototype.map.call(
        doc.querySelectorAll('hz-resource-property-list, magnum-property-section'),
        function (list) {
          expect(list.getAttribute('resource-type-name')).toBe('OS::Magnum::BayModel');
          return list.getAttribute('property-groups') || list.getAttribute('fields');
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
