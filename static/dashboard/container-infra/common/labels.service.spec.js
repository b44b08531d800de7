/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.labels.service', function () {
    var labels;

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      labels = $injector.get('horizon.dashboard.container-infra.common.labels.service');
    }));

    it('writes labels as key=value lines in their order', function () {
      expect(labels.toText({b: '2', a: 'x=y'})).toBe('b=2\na=x=y');
    });

    it('writes no labels as empty text', function () {
      expect(labels.toText({})).toBe('');
      expect(labels.toText(null)).toBe('');
      expect(labels.toText(undefined)).toBe('');
    });

    it('parses lines, skipping blank ones and trimming spaces', function () {
      expect(labels.parse(' a = 1 \r\n\n  \nb=x=y\nempty=\n'))
        .toEqual({a: '1', b: 'x=y', empty: ''});
    });

    it('parses nothing into no labels', function () {
      expect(labels.parse('')).toEqual({});
      expect(labels.parse(null)).toEqual({});
      expect(labels.parse(undefined)).toEqual({});
    });

    it('reads back what it wrote', function () {
      var map = {kube_tag: 'v1.30', 'docker.volume': '10'};
      expect(labels.parse(labels.toText(map))).toEqual(map);
    });

    it('names the line that has no "="', function () {
      var error;
      try {
        labels.parse('a=1\n  nonsense  ');
      } catch (err) {
        error = err;
      }
      expect(error.message).toBe('Line 2 ("nonsense") is not key=value.');
      expect(error.line).toBe(2);
    });

    it('refuses a line without key', function () {
      expect(function () { labels.parse('=1'); })
        .toThrowError('Line 1 ("=1") has no key before "=".');
    });

    it('refuses a repeated key', function () {
      expect(function () { labels.parse('a=1\nb=2\n a =3'); })
        .toThrowError('Line 3 ("a =3") repeats a key.');
    });

    it('tells a form what is wrong, or nothing', function () {
      expect(labels.check('a=1\nb')).toBe('Line 2 ("b") is not key=value.');
      expect(labels.check('a=1\nb=2')).toBeNull();
    });

    it('reads a field into labels and marks it valid', function () {
      var field = jasmine.createSpyObj('field', ['$setValidity']);
      expect(labels.validate('a=1', field)).toEqual({labels: {a: '1'}, error: ''});
      expect(field.$setValidity).toHaveBeenCalledWith('labels', true);
    });

    it('marks a field invalid and says why while it does not parse', function () {
      var field = jasmine.createSpyObj('field', ['$setValidity']);
      expect(labels.validate('a=1\nb', field))
        .toEqual({labels: null, error: 'Line 2 ("b") is not key=value.'});
      expect(field.$setValidity).toHaveBeenCalledWith('labels', false);
    });

    it('reads a field whose form is not there yet', function () {
      expect(labels.validate('a=1')).toEqual({labels: {a: '1'}, error: ''});
      expect(labels.validate('b').labels).toBeNull();
    });

    it('gives a map as key/value rows by key, other values as JSON', function () {
      expect(labels.rows({b: '2', a: {n: 1}, c: null})).toEqual([
        {key: 'a', value: '{"n":1}'}, {key: 'b', value: '2'}, {key: 'c', value: 'null'}
      ]);
      expect(labels.rows(null)).toEqual([]);
    });
  });
})();
