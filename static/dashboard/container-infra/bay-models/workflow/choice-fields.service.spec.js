/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.workflow.choice-fields.service',
    function () {
      var fields;
      var DRIVERS = window.bayModelChoices.DRIVERS;
      var COES = window.bayModelChoices.COES;

      beforeEach(module('horizon.dashboard.container-infra.bay-models'));

      beforeEach(inject(function ($injector) {
        fields = $injector.get(
          'horizon.dashboard.container-infra.bay-models.workflow.choice-fields.service');
      }));

      describe('listField', function () {
        var field = {key: 'image_id', description: 'The image.'};

        it('makes a select of the items, with an empty choice first', function () {
          var made = fields.listField(field,
            {items: [{id: 'i1', name: 'fedora'}, {id: 'i2', name: ''}], unavailable: null},
            {none: 'None'});

          expect(made.type).toBe('select');
          expect(made.key).toBe('image_id');
          expect(made.titleMap).toEqual([
            {value: '', name: 'None'}, {value: 'i1', name: 'fedora'}, {value: 'i2', name: 'i2'}]);
          expect(field.type).toBeUndefined();
        });

        it('names the items and picks them as told', function () {
          var made = fields.listField(field, {items: [{id: 'n1', sub: [{id: 's1'}]}]}, {
            none: 'None',
            items: function (list) { return list.items[0].sub; },
            name: function (item) { return 'subnet ' + item.id; }
          });

          expect(made.titleMap).toEqual([{value: '', name: 'None'},
            {value: 's1', name: 'subnet s1'}]);
        });

        it('keeps a current value that is not in the list', function () {
          var made = fields.listField(field, {items: [{id: 'i1', name: 'fedora'}]},
            {none: 'None', current: 'my-image'});

          expect(made.titleMap[2]).toEqual({value: 'my-image', name: 'my-image'});
        });

        it('says what part of the list is missing beside the choices there are', function () {
          var made = fields.listField(field, {items: [{id: 'local.small', name: 'local.small'}],
            unavailable: null, note: 'Nova is not in this cloud\'s catalog.'}, {none: 'None'});

          expect(made.type).toBe('select');
          expect(made.description).toBe('The image. Nova is not in this cloud\'s catalog.');
        });

        it('falls back to text and says why when the service is unavailable', function () {
          var made = fields.listField(field,
            {items: [], unavailable: 'Glance is not in this cloud\'s catalog.'}, {none: 'None'});

          expect(made.type).toBeUndefined();
          expect(made.titleMap).toBeUndefined();
          expect(made.description).toBe('The image. Glance is not in this cloud\'s ' +
            'catalog. Type its name or ID.');
        });

        it('falls back to text when there are no choices at all', function () {
          expect(fields.listField(field, undefined, {none: 'None'}).description)
            .toBe('The image. The choices could not be read. Type its name or ID.');
        });
      });

      describe('titleMap', function () {
        it('keeps groups and adds no empty choice unless asked', function () {
          expect(fields.titleMap([{id: 's1', name: 'a', group: 'net'}], 's1')).toEqual(
            [{value: 's1', name: 'a', group: 'net'}]);
        });
      });

      it('names server types and COEs, or gives them back', function () {
        expect(fields.serverTypeName('vm')).toBe('Virtual machines (Nova)');
        expect(fields.serverTypeName('local'))
          .toBe('Local Docker Engines on the service host');
        expect(fields.serverTypeName('zone')).toBe('zone');
        expect(fields.coeName(COES, 'kubernetes')).toBe('Kubernetes');
        expect(fields.coeName(COES, 'mesos')).toBe('mesos');
      });

      it('gives the distinct values of a driver field in order', function () {
        expect(fields.distinct(DRIVERS, 'server_type')).toEqual(['vm', 'local']);
        expect(fields.distinct(DRIVERS, 'os')).toEqual(['fedora-coreos', 'docker']);
      });

      it('finds the driver of a COE, server type and OS, as the service does', function () {
        expect(fields.findDriver(DRIVERS,
          {coe: 'swarm-mode', server_type: 'vm', cluster_distro: ''}).name).toBe('swarm_fcos');
        expect(fields.findDriver(DRIVERS,
          {coe: 'swarm-mode', server_type: 'local', cluster_distro: 'docker'}).name)
          .toBe('local_swarm');
        expect(fields.findDriver(DRIVERS,
          {coe: 'kubernetes', server_type: 'local'})).toBeUndefined();
        expect(fields.findDriver(DRIVERS,
          {coe: 'swarm-mode', server_type: 'local', cluster_distro: 'fedora-coreos'}))
          .toBeUndefined();
      });

      it('describes the installed drivers', function () {
        expect(fields.describeDrivers(DRIVERS.slice(0, 2), COES)).toBe(
          'Kubernetes on Virtual machines (Nova) (fedora-coreos); ' +
          'Docker Swarm (mode) on Local Docker Engines on the service host (docker)');
      });
    });
})();
