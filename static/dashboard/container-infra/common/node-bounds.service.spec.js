/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.node-bounds.service', function () {
    var nodeBounds;

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      nodeBounds = $injector.get('horizon.dashboard.container-infra.common.node-bounds.service');
    }));

    it('gives a group\'s bounds', function () {
      expect(nodeBounds.of({min_node_count: 1, max_node_count: 3})).toEqual({min: 1, max: 3});
      expect(nodeBounds.of({min_node_count: 0, max_node_count: 0})).toEqual({min: 0, max: 0});
    });

    it('reads an unset minimum as 0 and an unset maximum as no limit', function () {
      expect(nodeBounds.of({})).toEqual({min: 0, max: null});
      expect(nodeBounds.of({min_node_count: null, max_node_count: null}))
        .toEqual({min: 0, max: null});
    });

    it('says a maximum, or that there is none', function () {
      expect(nodeBounds.maxInWords(5)).toBe(5);
      expect(nodeBounds.maxInWords(0)).toBe(0);
      expect(nodeBounds.maxInWords(null)).toBe('no limit');
    });
  });
})();
