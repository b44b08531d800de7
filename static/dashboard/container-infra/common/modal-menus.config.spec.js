/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common: a dialog closes the open menus', function () {
    var $uibModal, $compile, $rootScope, menu, scope;

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      $uibModal = $injector.get('$uibModal');
      $compile = $injector.get('$compile');
      $rootScope = $injector.get('$rootScope');
      scope = $rootScope.$new();
      scope.state = {open: true};
      menu = $compile('<div uib-dropdown is-open="state.open">' +
        '<button uib-dropdown-toggle>Actions</button>' +
        '<ul class="dropdown-menu"><li><a>Resize</a></li></ul></div>')(scope);
      angular.element(document.body).append(menu);
      scope.$digest();
    }));

    afterEach(function () {
      menu.remove();
      scope.$destroy();
    });

    it('closes an open action menu before it opens a dialog', function () {
      var opened;
      expect(menu.hasClass('open')).toBe(true);
      opened = $uibModal.open({template: '<div class="dialog-body"></div>'});
      $rootScope.$digest();
      expect(scope.state.open).toBe(false);
      expect(menu.hasClass('open')).toBe(false);
      opened.result.catch(angular.noop);
      opened.dismiss();
      $rootScope.$digest();
    });
  });
})();
