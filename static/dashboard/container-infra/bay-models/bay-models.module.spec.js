/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models', function () {
    var registry, type, choicesAPI, $rootScope;

    beforeEach(module('horizon.dashboard.container-infra.bay-models'));

    beforeEach(inject(function ($injector) {
      choicesAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-choices');
      $rootScope = $injector.get('$rootScope');
      registry = $injector.get('horizon.framework.conf.resource-type-registry.service');
      type = registry.getResourceType('OS::Magnum::BayModel');
    }));

    function ids(list) {
      return list.map(function (entry) { return entry.id; });
    }

    it('names the resource type through a constant', inject(function ($injector) {
      expect($injector.get('horizon.dashboard.container-infra.bay-models.resourceType'))
        .toBe('OS::Magnum::BayModel');
    }));

    it('registers singular and plural names', function () {
      expect(type.getName(1)).toBe('Bay Model');
      expect(type.getName(2)).toBe('Bay Models');
    });

    it('labels every field of a bay model', function () {
      var props = type.getProperties();
      [
        'uuid', 'name', 'project_id', 'user_id', 'coe', 'image_id', 'keypair_id',
        'flavor_id', 'master_flavor_id', 'external_network_id', 'fixed_network',
        'fixed_subnet', 'network_driver', 'volume_driver', 'dns_nameserver',
        'apiserver_port', 'docker_volume_size', 'docker_storage_driver',
        'cluster_distro', 'http_proxy', 'https_proxy', 'no_proxy', 'registry_enabled',
        'insecure_registry', 'labels', 'tls_disabled', 'public', 'hidden',
        'server_type', 'master_lb_enabled', 'floating_ip_enabled', 'tags', 'driver',
        'created_at', 'updated_at'
      ].forEach(function (field) {
        expect(props[field]).toBeDefined(field);
        expect(type.label(field)).not.toBe(field);
      });
      expect(type.label('coe')).toBe('COE');
      expect(props.public.filters).toEqual(['yesno']);
      expect(props.created_at.filters).toEqual(['isoMediumDate']);
      expect(props.image_id.filters).toEqual(['noValue']);
    });

    it('lists, loads and names bay models with the bay models service',
      inject(function ($injector) {
        var service = $injector.get('horizon.dashboard.container-infra.bay-models.service');
        var bayModelsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bay-models');
        var heard;
        spyOn(bayModelsAPI, 'getBayModels').and.returnValue($injector.get('$q').resolve(
          {data: {items: [{uuid: 'u1'}]}}));
        $rootScope.$on('horizon.dashboard.container-infra.common.LISTED',
          function (e, t, items, busy) { heard = [t, items.length, busy]; });
        type.list({quiet: true});
        $rootScope.$apply();
        expect(bayModelsAPI.getBayModels).toHaveBeenCalledWith(true, {limit: 20, sort_key: 'name'});
        expect(heard).toEqual(['OS::Magnum::BayModel', 1, false]);
        expect(type.load).toBe(service.getBayModelPromise);
        expect(type.itemName({uuid: 'u1', name: ''})).toBe('u1');
      }));

    it('has a drawer and goes back to the panel from its details page', function () {
      expect(type.summaryTemplateUrl)
        .toBe('/static/dashboard/container-infra/bay-models/details/drawer.html');
      expect(type.getDefaultIndexUrl()).toBe('/project/bay_models/');
    });

    it('shows name, COE, image, public, hidden, server type and creation date',
      function () {
        var columns = type.getTableColumns();
        expect(ids(columns)).toEqual(
          ['name', 'coe', 'image_id', 'public', 'hidden', 'server_type', 'created_at']);
        expect(columns[0].title).toBe('Name');
        expect(columns[0].urlFunction({uuid: 'u1'}))
          .toBe('ngdetails/OS::Magnum::BayModel/u1');
        expect(columns[3].filters).toEqual(['yesno']);
        expect(columns[6].filters).toEqual(['isoMediumDate']);
      });

    it('offers search facets on name, COE (those a driver runs) and public', inject(function ($q) {
      var facets = type.filterFacets;
      spyOn(choicesAPI, 'getChoices').and.returnValue($q.resolve({data: {
        coes: [{id: 'swarm-mode', name: 'Docker Swarm (mode)'}], drivers: [{coe: 'swarm-mode'}]
      }}));
      expect(facets.map(function (facet) { return facet.name; }))
        .toEqual(['name', 'coe', 'public']);
      expect(facets[1].options).toEqual([]);
      $rootScope.$apply();
      expect(facets[1].options).toEqual([{key: 'swarm-mode', label: 'Docker Swarm (mode)'}]);
      expect(facets[2].options.map(function (option) { return option.key; }))
        .toEqual(['true', 'false']);
    }));

    it('has a panel template showing this resource type', function (done) {
      fetch('/base/static/dashboard/container-infra/bay-models/panel.html')
        .then(function (response) {
          expect(response.ok).toBe(true);
          return response.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var panel = doc.querySelector('hz-resource-panel');
          var table = panel.querySelector('magnum-live-table');
          expect(panel.getAttribute('resource-type-name')).toBe('OS::Magnum::BayModel');
          expect(table.getAttribute('resource-type-name')).toBe('OS::Magnum::BayModel');
        })
        .then(done, done.fail);
    });
  });
})();
