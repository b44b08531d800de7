/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('magnum-workload-cells', function () {
    var scope, row;

    beforeEach(module('horizon.dashboard.container-infra.workloads'));

    beforeEach(inject(function ($compile, $rootScope) {
      scope = $rootScope.$new();
      scope.cells = [{text: 'web.1', cls: ''}, {text: '<b>running</b>', cls: 'label label-success'}];
      row = $compile('<table><tbody><tr magnum-workload-cells="cells">' +
        '<td class="actions_column">actions</td></tr></tbody></table>')(scope)
        .find('tr')[0];
      scope.$digest();
    }));

    function cellTexts() {
      return Array.prototype.map.call(row.children, function (td) { return td.textContent; });
    }

    it('writes the cells as text before the actions', function () {
      expect(cellTexts()).toEqual(['web.1', '<b>running</b>', 'actions']);
      expect(row.querySelector('b')).toBeNull();
      expect(row.children[1].firstChild.className).toBe('label label-success');
    });

    it('follows new values, fewer cells and more', function () {
      var first = row.children[0].firstChild;
      scope.cells = [{text: 'web.1', cls: ''}, {text: 'failed', cls: 'label label-danger'}];
      scope.$digest();
      expect(row.children[0].firstChild).toBe(first);
      expect(row.children[1].firstChild.className).toBe('label label-danger');
      scope.cells = [{text: 'one', cls: ''}];
      scope.$digest();
      expect(cellTexts()).toEqual(['one', 'actions']);
      scope.cells = null;
      scope.$digest();
      expect(cellTexts()).toEqual(['actions']);
      scope.cells = [{text: 'a', cls: ''}, {text: 'b', cls: ''}];
      scope.$digest();
      expect(cellTexts()).toEqual(['a', 'b', 'actions']);
    });
  });
})();
