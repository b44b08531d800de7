/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global tv4 -- the schema validator of angular-schema-form */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.workflow.schema.service', function () {
    var schemaService;

    // The fields of the service's CREATE_SCHEMA but `driver`, which the
    // service chooses itself.
    var API_FIELDS = [
      'name', 'coe', 'apiserver_port', 'docker_volume_size', 'labels', 'image_id',
      'keypair_id', 'flavor_id', 'master_flavor_id', 'external_network_id', 'fixed_network',
      'fixed_subnet', 'network_driver', 'volume_driver', 'dns_nameserver',
      'docker_storage_driver', 'cluster_distro', 'http_proxy', 'https_proxy', 'no_proxy',
      'insecure_registry', 'tags', 'server_type', 'registry_enabled', 'tls_disabled',
      'public', 'hidden', 'master_lb_enabled', 'floating_ip_enabled'
    ];

    beforeEach(module('horizon.dashboard.container-infra.bay-models'));

    beforeEach(inject(function ($injector) {
      schemaService = $injector.get(
        'horizon.dashboard.container-infra.bay-models.workflow.schema.service');
    }));

    it('has every field the service accepts, each with a title and a help text', function () {
      var schema = schemaService.schema();
      expect(schemaService.fieldNames().slice().sort()).toEqual(API_FIELDS.slice().sort());
      angular.forEach(schema.properties, function (property, name) {
        expect(property.title).toBeTruthy(name);
        expect(property.description).toBeTruthy(name);
      });
    });

    it('accepts an IPv4 address as DNS nameserver and refuses anything else', function () {
      var schema = schemaService.schema();
      function errors(value) {
        return tv4.validateMultiple({name: 'm', coe: 'swarm-mode', server_type: 'local',
          dns_nameserver: value}, schema).errors.length;
      }
      expect(errors('8.8.8.8')).toBe(0);
      expect(errors('10.0.255.1')).toBe(0);
      expect(errors('not-an-ip')).toBe(1);
      expect(errors('256.1.1.1')).toBe(1);
      expect(errors('8.8.8.8\n')).toBe(1);
    });

    it('checks names with the service\'s pattern and length', function () {
      var name = schemaService.schema().properties.name;
      var pattern = new RegExp(name.pattern);
      expect(name.maxLength).toBe(242);
      expect(['k8s', 'a.b_c-1'].every(function (good) { return pattern.test(good); }))
        .toBe(true);
      expect(['1abc', '-a', 'a b', 'é', ''].some(function (bad) { return pattern.test(bad); }))
        .toBe(false);
    });

    it('bounds the integers as the service does', function () {
      var properties = schemaService.schema().properties;
      expect(properties.apiserver_port).toEqual(jasmine.objectContaining(
        {type: 'integer', minimum: 1024, maximum: 65535}));
      expect(properties.docker_volume_size.minimum).toBe(1);
      expect(properties.docker_volume_size.maximum).toBeUndefined();
      expect(properties.image_id.maxLength).toBe(255);
      expect(properties.public.type).toBe('boolean');
      expect(properties.labels.type).toBe('string');
    });

    it('requires a name, a COE and a server type', function () {
      expect(schemaService.schema().required).toEqual(['name', 'coe', 'server_type']);
    });

    it('gives a fresh copy each time', function () {
      var first = schemaService.schema();
      first.required.pop();
      expect(schemaService.schema().required.length).toBe(3);
    });

    it('groups every field into exactly one of four steps', function () {
      var steps = schemaService.steps();
      var grouped = steps.reduce(function (all, step) { return all.concat(step.fields); }, []);
      expect(steps.map(function (step) { return step.id; }))
        .toEqual(['info', 'nodes', 'network', 'labels']);
      expect(grouped.slice().sort()).toEqual(API_FIELDS.slice().sort());
      expect(steps[0].fields.slice(0, 3)).toEqual(['name', 'coe', 'server_type']);
      expect(steps[0].required).toBe(true);
    });
  });
})();
