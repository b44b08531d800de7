/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .config(modalMenusConfig);

  modalMenusConfig.$inject = ['$provide'];

  /**
   * @name modalMenusConfig
   * @param {Object} $provide
   * @description
   * A dialog opened from an action menu closes the menu first. Horizon's
   * menu entries stop their click (menu-item.html), so the dropdown never
   * hears it: on a details page, where nothing redraws the header, the
   * menu stayed open behind the dialog and after it.
   * @returns {undefined} Returns nothing
   */
  function modalMenusConfig($provide) {
    $provide.decorator('$uibModal', closeMenusFirst);
  }

  closeMenusFirst.$inject = ['$delegate', '$document'];

  function closeMenusFirst($delegate, $document) {
    var open = $delegate.open;
    $delegate.open = function openWithoutMenus() {
      angular.forEach($document[0].querySelectorAll('[uib-dropdown].open'), function close(menu) {
        angular.element(menu).controller('uibDropdown').toggle(false);
      });
      return open.apply($delegate, arguments);
    };
    return $delegate;
  }
})();
