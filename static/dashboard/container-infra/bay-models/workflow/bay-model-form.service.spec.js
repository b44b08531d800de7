/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.workflow.form.service', function () {
    var formService;

    var DRIVERS = window.bayModelChoices.DRIVERS;
    var COES = window.bayModelChoices.COES;
    var NO_GLANCE = {items: [], unavailable: 'No Glance here.'};

    function choices(extra) {
      return angular.extend({
        coes: COES,
        drivers: DRIVERS,
        images: NO_GLANCE,
        keypairs: {items: [{id: 'key', name: 'key'}], unavailable: null},
        flavors: {items: [{id: 'f1', name: 'm1.small', vcpus: 1, ram: 2048, disk: 20}],
          unavailable: null},
        networks: {items: [
          {id: 'n1', name: 'private', subnets: [{id: 's1', name: 'private-v4'}, {id: 's2'}]},
          {id: 'n2', name: 'bare'}
        ], unavailable: null},
        external_networks: {items: [{id: 'x1', name: 'public'}], unavailable: null}
      }, extra);
    }

    function field(config, key) {
      var found;
      config.form[0].tabs.forEach(function (tab) {
        tab.items.forEach(function (item) {
          if (item.key === key) {
            found = item;
          }
        });
      });
      return found;
    }

    beforeEach(module('horizon.dashboard.container-infra.bay-models'));

    beforeEach(inject(function ($injector) {
      formService = $injector.get(
        'horizon.dashboard.container-infra.bay-models.workflow.form.service');
    }));

    describe('to create a bay model', function () {
      var config;

      beforeEach(function () {
        config = formService.build(choices(), null, {canPublish: true, inUse: false});
      });

      it('starts on the local driver when the service has one', function () {
        expect(config.model).toEqual(jasmine.objectContaining({
          coe: 'swarm-mode', server_type: 'local', cluster_distro: '', public: false,
          hidden: false, master_lb_enabled: false, floating_ip_enabled: true,
          registry_enabled: false, tls_disabled: false, labels: ''
        }));
        expect(config.model.name).toBeUndefined();
      });

      it('starts the selects with an empty choice on it, the text fields empty', function () {
        expect(config.model.keypair_id).toBe('');
        expect(config.model.docker_storage_driver).toBe('');
        expect(config.model.fixed_subnet).toBe('');
        expect(config.model.image_id).toBeUndefined();
      });

      it('starts on the first driver, else the first COE, without local driver', function () {
        expect(formService.build(choices({drivers: [DRIVERS[0]]}), null, {}).model)
          .toEqual(jasmine.objectContaining({coe: 'kubernetes', server_type: 'vm'}));
        expect(formService.build({coes: COES}, null, {}).model)
          .toEqual(jasmine.objectContaining({coe: 'swarm-mode', server_type: 'vm'}));
        expect(formService.build({}, null, {}).model.coe).toBeUndefined();
      });

      it('lays the fields out in four steps, each with its help', function () {
        var tabs = config.form[0].tabs;
        expect(config.form[0].type).toBe('magnum-steps');
        expect(tabs.map(function (tab) { return tab.title; }))
          .toEqual(['Info', 'Nodes', 'Network', 'Labels']);
        expect(tabs[0].required).toBe(true);
        expect(tabs[2].help)
          .toBe('/static/dashboard/container-infra/bay-models/workflow/help/network.html');
        expect(tabs[0].items.map(function (item) { return item.key; })).toEqual([
          'name', 'coe', 'server_type', 'cluster_distro', 'image_id', 'keypair_id',
          'public', 'hidden', 'tags']);
        expect(config.schema.required).toEqual(['name', 'coe', 'server_type']);
      });

      ['info', 'nodes', 'network', 'labels'].forEach(function (step) {
        it('has the help template of the ' + step + ' step', function (done) {
          fetch('/base/static/dashboard/container-infra/bay-models/workflow/help/' +
            step + '.html').then(function (response) {
            expect(response.ok).toBe(true);
          }).then(done, done.fail);
        });
      });

      it('offers the COEs, server types and OSes of the installed drivers', function () {
        expect(field(config, 'coe').titleMap).toEqual([
          {value: 'swarm-mode', name: 'Docker Swarm (mode)'},
          {value: 'kubernetes', name: 'Kubernetes'}]);
        expect(field(config, 'server_type').titleMap.map(function (choice) {
          return choice.value;
        })).toEqual(['vm', 'local']);
        expect(field(config, 'cluster_distro').titleMap).toEqual([
          {value: '', name: 'Automatic'}, {value: 'fedora-coreos', name: 'fedora-coreos'},
          {value: 'docker', name: 'docker'}]);
      });

      it('makes text fields, with the reason, of what an absent service holds', function () {
        var image = field(config, 'image_id');
        expect(image.type).toBeUndefined();
        expect(image.description).toBe('The Glance image the nodes boot from. ' +
          'No Glance here. Type its name or ID.');
      });

      it('makes selects of keypairs, flavors, networks and subnets', function () {
        expect(field(config, 'keypair_id').titleMap).toEqual(
          [{value: '', name: 'None'}, {value: 'key', name: 'key'}]);
        expect(field(config, 'master_flavor_id').titleMap[1]).toEqual(
          {value: 'f1', name: 'm1.small (1 VCPU, 2048 MB RAM, 20 GB disk)'});
        expect(field(config, 'external_network_id').titleMap[1].name).toBe('public');
        expect(field(config, 'fixed_network').titleMap.length).toBe(3);
        expect(field(config, 'fixed_subnet').titleMap).toEqual([
          {value: '', name: 'None'},
          {value: 's1', name: 'private-v4', group: 'private'},
          {value: 's2', name: 's2', group: 'private'}]);
      });

      it('offers the drivers Magnum knows for storage, volumes and networks', function () {
        expect(field(config, 'docker_storage_driver').titleMap.map(function (choice) {
          return choice.value;
        })).toEqual(['', 'overlay2', 'overlay', 'devicemapper']);
        expect(field(config, 'volume_driver').titleMap[0].name).toBe('Default');
        expect(field(config, 'network_driver').type).toBe('select');
      });

      it('lets an administrator set Public and Hidden', function () {
        expect(field(config, 'public').readonly).toBeUndefined();
        expect(field(config, 'hidden').description).toBeUndefined();
      });

      it('tells a member that only an administrator publishes', function () {
        var member = formService.build(choices(), null, {canPublish: false});
        expect(field(member, 'public').readonly).toBe(true);
        expect(field(member, 'hidden').readonly).toBe(true);
        expect(field(member, 'public').description)
          .toBe('Only an administrator can publish or hide a bay model.');
      });

      it('explains a name or a DNS server that breaks its pattern and a number with decimals', function () {
        expect(field(config, 'name').validationMessage[202]).toContain('starts with a letter');
        expect(field(config, 'dns_nameserver').validationMessage[202])
          .toBe('An IPv4 address, e.g. 8.8.8.8.');
        expect(field(config, 'apiserver_port').validationMessage[0])
          .toBe('Type a whole number.');
        expect(field(config, 'docker_volume_size').validationMessage[0])
          .toBe('Type a whole number.');
      });

      it('checks the labels text and says which line is wrong', function () {
        var labels = field(config, 'labels');
        expect(labels.type).toBe('textarea');
        expect(labels.$validators.labels('a=1\nb=2')).toBe(true);
        expect(labels.$validators.labels('a=1\nb')).toBe(false);
        expect(labels.validationMessage.labels({viewValue: 'a=1\nb'}))
          .toBe('Line 2 ("b") is not key=value.');
      });

      it('quotes a wrong labels line as text, never as markup', function () {
        var labels = field(config, 'labels');
        expect(labels.validationMessage.labels({viewValue: '<script>x()</script>'}))
          .toBe('Line 1 ("&lt;script&gt;x()&lt;/script&gt;") is not key=value.');
      });

      it('checks COE, server type and OS together', function () {
        expect(field(config, 'server_type').$validators.driver).toEqual(jasmine.any(Function));
        expect(field(config, 'coe').onChange).toEqual(jasmine.any(Function));
      });

      it('checks no driver when the service listed none', function () {
        var blind = formService.build({}, null, {canPublish: true});
        expect(field(blind, 'server_type').$validators).toBeUndefined();
        expect(field(blind, 'image_id').description)
          .toContain('The choices could not be read.');
      });
    });

    describe('to update a bay model', function () {
      var item = {
        uuid: 'u1', name: 'k8s', coe: 'kubernetes', server_type: 'vm', image_id: 'fcos',
        keypair_id: 'gone', flavor_id: null, docker_volume_size: 5, public: true,
        labels: {kube_tag: 'v1.30'}, project_id: 'p1', trackBy: 'u1x'
      };

      it('fills the form from the schema\'s fields of the bay model', function () {
        var config = formService.build(choices(), item, {canPublish: true, inUse: false});
        expect(config.model).toEqual(jasmine.objectContaining({
          name: 'k8s', coe: 'kubernetes', server_type: 'vm', image_id: 'fcos',
          keypair_id: 'gone', docker_volume_size: 5, public: true, labels: 'kube_tag=v1.30',
          flavor_id: '', network_driver: ''
        }));
        expect(config.model.uuid).toBeUndefined();
        expect(config.model.trackBy).toBeUndefined();
        expect(field(config, 'keypair_id').titleMap[2]).toEqual({value: 'gone', name: 'gone'});
        expect(field(config, 'coe').readonly).toBeUndefined();
      });

      it('lets a bay model without name stay so', function () {
        var config = formService.build(choices(), angular.extend({}, item, {name: null}),
          {canPublish: true});
        expect(config.schema.required).toEqual(['coe', 'server_type']);
        expect(config.model.name).toBeUndefined();
      });

      it('freezes all but name, Public and Hidden when bays use it', function () {
        var config = formService.build(choices(), item, {canPublish: true, inUse: true});
        var info = config.form[0].tabs[0].items;
        expect(info[0]).toEqual({type: 'help', helpvalue: 'Bays use this bay model: only ' +
          'its name, Public and Hidden can change.'});
        expect(field(config, 'name').readonly).toBeUndefined();
        expect(field(config, 'public').readonly).toBeUndefined();
        expect(field(config, 'coe').readonly).toBe(true);
        expect(field(config, 'labels').readonly).toBe(true);
        expect(field(config, 'image_id').readonly).toBe(true);
      });
    });

    describe('request', function () {
      it('gives the API fields, labels as a map, and nothing of the form\'s own', function () {
        var body = formService.request({
          name: 'x', coe: 'swarm-mode', labels: 'a=1\n', tabs: {selected: 2}, public: false
        });

        expect(body.tabs).toBeUndefined();
        expect(body.name).toBe('x');
        expect(body.public).toBe(false);
        expect(body.labels).toEqual({a: '1'});
        expect('image_id' in body).toBe(true);
        expect(Object.keys(body).length).toBe(29);
      });
    });
  });
})();
