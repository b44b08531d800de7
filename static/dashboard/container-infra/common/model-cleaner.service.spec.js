/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.model-cleaner.service', function () {
    var cleaner;

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      cleaner = $injector.get('horizon.dashboard.container-infra.common.model-cleaner.service');
    }));

    describe('clean', function () {
      it('drops the fields that hold nothing and keeps false and 0', function () {
        var model = {
          name: 'k8s', image: '', keypair: null, flavor: undefined, tags: [],
          labels: {}, public: false, size: 0, when: new Date(0), list: ['a'],
          map: {a: '1'}
        };

        expect(cleaner.clean(model)).toEqual({
          name: 'k8s', public: false, size: 0, when: new Date(0), list: ['a'],
          map: {a: '1'}
        });
      });

      it('returns a copy and leaves the model as it was', function () {
        var model = {labels: {a: '1'}, name: ''};
        var cleaned = cleaner.clean(model);

        cleaned.labels.a = '2';

        expect(model).toEqual({labels: {a: '1'}, name: ''});
      });

      it('gives an empty object for no model', function () {
        expect(cleaner.clean(null)).toEqual({});
        expect(cleaner.clean(undefined)).toEqual({});
      });
    });

    describe('changes', function () {
      it('gives only the fields that changed, with their new values', function () {
        var original = {name: 'a', coe: 'swarm', public: false, labels: {x: '1'}, size: 3};
        var edited = {name: 'b', coe: 'swarm', public: true, labels: {x: '1'}, size: 3};

        expect(cleaner.changes(original, edited)).toEqual({name: 'b', public: true});
      });

      it('gives null for an emptied field, so the server removes it', function () {
        var original = {image_id: 'fedora', labels: {x: '1'}, size: 5};

        expect(cleaner.changes(original, {image_id: '', labels: {}, size: null}))
          .toEqual({image_id: null, labels: null, size: null});
      });

      it('sees no change in a field that stays empty', function () {
        expect(cleaner.changes({image_id: null, dns: undefined, tags: ''},
          {image_id: '', dns: null, tags: undefined})).toEqual({});
      });

      it('leaves alone the fields that were not in the form', function () {
        expect(cleaner.changes({uuid: 'u1', name: 'a'}, {name: 'a'})).toEqual({});
      });

      it('sends a changed map whole and as a copy', function () {
        var edited = {labels: {x: '1', y: '2'}};
        var body = cleaner.changes({labels: {x: '1'}}, edited);

        expect(body).toEqual({labels: {x: '1', y: '2'}});
        expect(body.labels).not.toBe(edited.labels);
      });

      it('treats a missing original as empty', function () {
        expect(cleaner.changes(null, {name: 'a', tags: ''})).toEqual({name: 'a'});
      });
    });

    describe('isEmpty', function () {
      it('knows what holds nothing', function () {
        expect([null, undefined, '', [], {}].map(cleaner.isEmpty))
          .toEqual([true, true, true, true, true]);
        expect([false, 0, ' ', [0], {a: null}, new Date(0)].map(cleaner.isEmpty))
          .toEqual([false, false, false, false, false, false]);
      });
    });
  });
})();
