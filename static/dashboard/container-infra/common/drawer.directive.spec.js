/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('magnumDrawer', function () {
    var $compile, $rootScope, scope, table;

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      $compile = $injector.get('$compile');
      $rootScope = $injector.get('$rootScope');
      scope = $rootScope.$new();
      scope.item = {name: 'one'};
      table = angular.element(
        '<table><tbody>' +
        '<tr><td><span class="chevron" hz-expand-detail></span></td><td class="name">one</td></tr>' +
        '<tr class="detail-row"><td class="detail"></td></tr>' +
        '</tbody></table>');
      angular.element(document.body).append(table);
      // As Horizon's hz-detail-row: linked first, put in the row after.
      table.find('td.detail').append($compile(
        '<magnum-drawer><p class="content">{$ item.name $}</p></magnum-drawer>')(scope));
      scope.$digest();
    }));

    afterEach(function () {
      table.remove();
    });

    it('builds nothing until the row is expanded', function () {
      expect(table.find('.content').length).toBe(0);
    });

    it('is built by the click on the chevron, before the chevron\'s own handler runs',
      function () {
        var seen = null;
        table.find('.chevron').on('click', function () {
          seen = table.find('.content').text();
        });
        table.find('.chevron')[0].click();
        expect(seen).toBe('one');
      });

    it('ignores clicks elsewhere in the row, and listens no more once built', function () {
      spyOn(scope, '$apply').and.callThrough();
      table.find('td.name')[0].click();
      expect(table.find('.content').length).toBe(0);
      table.find('.chevron')[0].click();
      table.find('.chevron')[0].click();
      expect(table.find('.content').length).toBe(1);
    });

    it('stops listening when its row goes away', function () {
      var row = table.find('tr')[0];
      spyOn(row, 'removeEventListener').and.callThrough();
      scope.$destroy();
      expect(row.removeEventListener).toHaveBeenCalledWith('click', jasmine.any(Function), true);
    });

    it('shows its content at once outside a table', function () {
      var element = $compile('<magnum-drawer><p class="content">x</p></magnum-drawer>')(scope);
      scope.$digest();
      expect(element.find('.content').length).toBe(1);
    });
  });
})();
