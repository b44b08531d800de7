/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.workflow.driver-fields.service',
    function () {
      var driverFields, fields, model, controls;

      var DRIVERS = window.bayModelChoices.DRIVERS;
      var COES = window.bayModelChoices.COES;

      beforeEach(module('horizon.dashboard.container-infra.bay-models'));

      beforeEach(inject(function ($injector) {
        driverFields = $injector.get(
          'horizon.dashboard.container-infra.bay-models.workflow.driver-fields.service');
        model = {coe: 'swarm-mode', server_type: 'local', cluster_distro: ''};
        fields = {
          image_id: {key: 'image_id', description: 'The image.'},
          external_network_id: {key: 'external_network_id', type: 'select',
            validationMessage: {302: 'Required'}}
        };
        driverFields.apply(fields, {drivers: DRIVERS, coes: COES}, model);
        controls = {};
        Object.keys(fields).forEach(function (key) {
          controls[key] = jasmine.createSpyObj(key, ['$validate']);
          fields[key].ngModel(controls[key]);
        });
      }));

      it('offers the COEs, server types and OSes of the installed drivers', function () {
        expect(fields.coe.titleMap.map(function (choice) { return choice.value; }))
          .toEqual(['swarm-mode', 'kubernetes']);
        expect(fields.server_type.titleMap).toEqual([
          {value: 'vm', name: 'Virtual machines (Nova)'},
          {value: 'local', name: 'Local Docker Engines on the service host'}]);
        expect(fields.cluster_distro.titleMap).toEqual([
          {value: '', name: 'Automatic'}, {value: 'fedora-coreos', name: 'fedora-coreos'},
          {value: 'docker', name: 'docker'}]);
      });

      it('keeps invalid values in the model while they are wrong', function () {
        expect(fields.server_type.ngModelOptions).toEqual({allowInvalid: true});
        expect(fields.image_id.ngModelOptions).toEqual({allowInvalid: true});
      });

      it('refuses a server type no driver runs the COE on', function () {
        model.coe = 'kubernetes';
        expect(fields.server_type.$validators.driver('local')).toBe(false);
        expect(fields.server_type.$validators.driver('vm')).toBe(true);
        model.server_type = 'local';
        expect(fields.server_type.validationMessage.driver()).toBe(
          'No installed driver runs Kubernetes on Local Docker Engines on the service ' +
          'host. Installed: Kubernetes on Virtual machines (Nova) (fedora-coreos); ' +
          'Docker Swarm (mode) on Local Docker Engines on the service host (docker); ' +
          'Docker Swarm (mode) on Virtual machines (Nova) (fedora-coreos).');
      });

      it('refuses an OS the driver of the COE and server type does not run', function () {
        expect(fields.cluster_distro.$validators.driver('fedora-coreos')).toBe(false);
        expect(fields.cluster_distro.$validators.driver('docker')).toBe(true);
        expect(fields.cluster_distro.$validators.driver('')).toBe(true);
        model.cluster_distro = 'fedora-coreos';
        expect(fields.cluster_distro.validationMessage.driver())
          .toContain(' host (fedora-coreos).');
        expect(fields.coe.$validators).toBeUndefined();
      });

      it('asks for the fields the chosen driver needs, and only then', function () {
        expect(fields.image_id.$validators.needed('')).toBe(true);
        model.server_type = 'vm';
        expect(fields.image_id.$validators.needed('')).toBe(false);
        expect(fields.image_id.$validators.needed(undefined)).toBe(false);
        expect(fields.image_id.$validators.needed('fedora-coreos-40')).toBe(true);
        expect(fields.external_network_id.$validators.needed(null)).toBe(false);
        expect(fields.external_network_id.validationMessage).toEqual({
          302: 'Required', needed: jasmine.any(Function)});
        expect(fields.image_id.validationMessage.needed()).toBe(
          'Docker Swarm (mode) on Virtual machines (Nova) needs it (driver swarm_fcos).');
      });

      it('moves to a driver of a newly chosen COE and checks everything again', function () {
        model.coe = 'kubernetes';
        model.cluster_distro = 'docker';
        fields.coe.onChange('kubernetes');

        expect(model.server_type).toBe('vm');
        expect(model.cluster_distro).toBe('');
        ['server_type', 'cluster_distro', 'image_id', 'external_network_id']
          .forEach(function (key) {
            expect(controls[key].$validate).toHaveBeenCalled();
          });
      });

      it('stays where it is when the new COE runs there too, or nowhere', function () {
        model.server_type = 'vm';
        model.coe = 'kubernetes';
        fields.coe.onChange('kubernetes');
        expect(model.server_type).toBe('vm');

        model.coe = 'mesos';
        fields.coe.onChange('mesos');
        expect(model.server_type).toBe('vm');
      });

      it('checks everything again when the server type or OS changes', function () {
        fields.server_type.onChange('vm');
        fields.cluster_distro.onChange('');
        expect(controls.image_id.$validate.calls.count()).toBe(2);
      });

      it('checks nothing when the service listed no driver', function () {
        var blind = {image_id: {key: 'image_id'}};
        driverFields.apply(blind, {}, {});
        expect(blind.server_type.$validators).toBeUndefined();
        expect(blind.image_id.$validators).toBeUndefined();
        expect(blind.coe.titleMap).toEqual([]);
      });

      it('copes with drivers that list no needed fields', function () {
        var loose = {image_id: {key: 'image_id'}};
        driverFields.apply(loose, {drivers: [{name: 'd', coe: 'c', server_type: 's',
          os: 'o'}]}, {coe: 'c', server_type: 's'});
        expect(loose.image_id.$validators).toBeUndefined();
        expect(loose.server_type.$validators.driver('s')).toBe(true);

        driverFields.apply(loose, {drivers: [
          {name: 'd', coe: 'c', server_type: 's', os: 'o'},
          {name: 'e', coe: 'c', server_type: 't', os: 'o', requires: ['image_id']}
        ]}, {coe: 'c', server_type: 's'});
        expect(loose.image_id.$validators.needed('')).toBe(true);
      });
    });
})();
