/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .directive('magnumDrawer', magnumDrawer);

  /**
   * @ngdoc directive
   * @name magnumDrawer
   * @description
   * A table row's drawer (the details under its chevron), built the first
   * time the row is expanded instead of with the row. Horizon's table
   * builds every row's drawer as it draws the row; for a page of twenty
   * rows that was most of the time until the rows showed. The content
   * is built just before Horizon opens the drawer (on the same click, a
   * listener ahead of Horizon's), so it slides open at its full height:
   *
   *     <magnum-drawer>
   *       <hz-resource-property-list item="item" ...></hz-resource-property-list>
   *     </magnum-drawer>
   * @returns {Object} The directive
   */
  function magnumDrawer() {
    return {
      restrict: 'E',
      transclude: true,
      scope: true,
      template: '<div ng-if="opened" ng-transclude></div>',
      link: link
    };
  }

  function link(scope, element) {
    var row = null;
    // Horizon links the drawer before it puts it in its row.
    scope.$evalAsync(function findRow() {
      row = element.closest('tr').prev('tr')[0];
      if (!row) {
        scope.opened = true;
        return;
      }
      // Capturing on the row: ahead of the chevron's own (bubbling) handler.
      row.addEventListener('click', onClick, true);
      scope.$on('$destroy', stop);
    });

    function onClick(event) {
      if (angular.element(event.target).closest('[hz-expand-detail]').length) {
        stop();
        scope.$apply(function open() {
          scope.opened = true;
        });
      }
    }

    function stop() {
      row.removeEventListener('click', onClick, true);
    }
  }
})();
