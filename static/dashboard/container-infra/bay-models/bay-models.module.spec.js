/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models', function () {
    var registry, type;

    beforeEach(module('horizon.dashboard.container-infra.bay-models'));

    beforeEach(inject(function ($injector) {
      registry = $injector.get('horizon.framework.conf.resource-type-registry.service');
      type = registry.getResourceType('OS::Magnum::BayModel');
    }));

    it('names the resource type through a constant', inject(function ($injector) {
      expect($injector.get('horizon.dashboard.container-infra.bay-models.resourceType'))
        .toBe('OS::Magnum::BayModel');
    }));

    it('registers singular and plural names', function () {
      expect(type.getName(1)).toBe('Bay Model');
      expect(type.getName(2)).toBe('Bay Models');
    });

    it('labels the properties', function () {
      var props = type.getProperties();
      expect(type.label('name')).toBe('Name');
      expect(type.label('uuid')).toBe('ID');
      expect(type.label('coe')).toBe('COE');
      expect(type.label('image_id')).toBe('Image');
      expect(type.label('keypair_id')).toBe('Keypair');
      expect(type.label('flavor_id')).toBe('Flavor');
      expect(type.label('master_flavor_id')).toBe('Master Flavor');
      expect(type.label('network_driver')).toBe('Network Driver');
      expect(type.label('created_at')).toBe('Created');
      expect(props.public.filters).toEqual(['yesno']);
      expect(props.hidden.filters).toEqual(['yesno']);
      expect(props.created_at.filters).toEqual(['mediumDate']);
    });

    it('uses the bay models service as list function', inject(function ($injector) {
      var service = $injector.get('horizon.dashboard.container-infra.bay-models.service');
      expect(type.isListFunctionSet()).toBe(true);
      expect(type.list).toBe(service.getBayModelsPromise);
    }));

    it('shows name, COE, public and creation date in the table', function () {
      var columns = type.getTableColumns();
      expect(columns.map(function (column) { return column.id; }))
        .toEqual(['name', 'coe', 'public', 'created_at']);
      expect(columns.map(function (column) { return column.title; }))
        .toEqual(['Name', 'COE', 'Public', 'Created']);
      expect(columns[2].filters).toEqual(['yesno']);
      expect(columns[3].filters).toEqual(['mediumDate']);
    });

    it('offers search facets on name and COE', function () {
      var facets = type.filterFacets;
      expect(facets.map(function (facet) { return facet.name; }))
        .toEqual(['name', 'coe']);
      expect(facets[0].singleton).toBe(true);
      expect(facets[1].options.map(function (option) { return option.key; }))
        .toContain('kubernetes');
    });

    it('has a panel template showing this resource type', function (done) {
      fetch('/base/static/dashboard/container-infra/bay-models/panel.html')
        .then(function (response) {
          expect(response.ok).toBe(true);
          return response.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var panel = doc.querySelector('hz-resource-panel');
          var table = panel.querySelector('hz-resource-table');
          expect(panel.getAttribute('resource-type-name')).toBe('OS::Magnum::BayModel');
          expect(table.getAttribute('resource-type-name')).toBe('OS::Magnum::BayModel');
          expect(table.getAttribute('track-by')).toBe('trackBy');
        })
        .then(done, done.fail);
    });
  });
})();
