/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.field-errors.service', function () {
    var errors, $rootScope;

    beforeEach(module('horizon.framework'));
    beforeEach(module('horizon.app.core.openstack-service-api'));
    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      $rootScope = $injector.get('$rootScope');
      errors = $injector.get('horizon.dashboard.container-infra.common.field-errors.service')
        .create(['name', 'node_count', 'max_node_count'], {name: ['named']});
    }));

    function refused(reason) {
      var rejected;
      errors.take({status: 400, data: reason}).catch(function (response) {
        rejected = response;
      });
      $rootScope.$apply();
      return rejected;
    }

    it('shows the reason next to the field the service names, and rejects', function () {
      var reason = 'node_count 3 is outside node group extra\'s range 0..2.';
      expect(refused(reason)).toEqual({status: 400, data: reason});
      expect(errors.of('node_count')).toBe(reason);
      expect(errors.of('name')).toBe('');
    });

    it('knows a field by each of its words, whole words only', function () {
      refused('A node group named \'extra\' already exists in cluster b1.');
      expect(errors.of('name')).toContain('already exists');
      refused('min_node_count (2) must not exceed the group\'s size.');
      expect([errors.of('node_count'), errors.of('name')]).toEqual(['', '']);
    });

    it('gives a reason that names two fields to the first named', function () {
      refused('Node group extra: node_count (3) must not exceed max_node_count (2).');
      expect(errors.of('node_count')).toContain('must not exceed');
      expect(errors.of('max_node_count')).toBe('');
    });

    it('replaces what it showed before, and leaves a reason naming no field to the toast',
      function () {
        refused('name: \'a/b\' does not match.');
        refused('Project p1 would have 5 local nodes, over its bound of 4.');
        expect(errors.of('name')).toBe('');
      });

    it('clears one field, or all', function () {
      refused('name: taken.');
      errors.clear('node_count');
      expect(errors.of('name')).toBe('name: taken.');
      errors.clear('name');
      expect(errors.of('name')).toBe('');
      refused('name: taken.');
      errors.clear();
      expect(errors.of('name')).toBe('');
    });

    it('gives every reason to the one field of a form', inject(function ($injector) {
      errors = $injector.get('horizon.dashboard.container-infra.common.field-errors.service')
        .forField('manifest');
      expect(refused('replicas: must be 0 or more')).toEqual(
        {status: 400, data: 'replicas: must be 0 or more'});
      expect(errors.of('manifest')).toBe('replicas: must be 0 or more');
      errors.clear();
      expect(errors.of('manifest')).toBe('');
    }));

    it('knows each field by its name alone when given no other words', inject(function ($injector) {
      errors = $injector.get('horizon.dashboard.container-infra.common.field-errors.service')
        .create(['name']);
      refused('A node group named \'extra\' already exists.');
      expect(errors.of('name')).toBe('');
      refused('name: taken.');
      expect(errors.of('name')).toBe('name: taken.');
    }));
  });
})();
