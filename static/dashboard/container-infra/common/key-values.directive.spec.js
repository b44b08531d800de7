/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('magnumKeyValues', function () {
    beforeEach(module('horizon.dashboard.container-infra.common'));

    it('lists the rows as terms and their values, as text', inject(function ($compile, $rootScope) {
      var scope = $rootScope.$new();
      var element;
      scope.rows = [{key: 'kube_tag', value: 'v1.30'}, {key: 'x', value: '<b>y</b>'}];
      element = $compile('<magnum-key-values rows="rows"></magnum-key-values>')(scope);
      scope.$digest();
      expect(Array.prototype.map.call(element.find('dt'), function (dt) {
        return dt.textContent + '=' + dt.nextSibling.textContent;
      })).toEqual(['kube_tag=v1.30', 'x=<b>y</b>']);
      expect(element.find('dt').eq(0).attr('title')).toBe('kube_tag');
      expect(element.find('b').length).toBe(0);
      expect(element.find('dl').hasClass('dl-horizontal')).toBe(true);
    }));
  });
})();
