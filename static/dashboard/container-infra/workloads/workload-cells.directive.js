/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .directive('magnumWorkloadCells', magnumWorkloadCells);

  /**
   * @ngdoc directive
   * @name magnumWorkloadCells
   * @description
   * Writes a table row's cells, [{text, cls}], in front of its last cell
   * (the actions), as plain text:
   *
   *     <tr magnum-workload-cells="row.cells"><td class="actions_column">...</td></tr>
   *
   * One watcher per row instead of a scope and two bindings per cell:
   * a bay's 500 tasks render several times faster this way.
   * @returns {Object} The directive
   */
  function magnumWorkloadCells() {
    return {
      restrict: 'A',
      link: link
    };

    function link(scope, element, attrs) {
      var row = element[0];
      var cells = [];

      scope.$watch(attrs.magnumWorkloadCells, render);

      function render(values) {
        var wanted = values || [];
        var last = row.lastElementChild;
        var td;
        while (cells.length > wanted.length) {
          row.removeChild(cells.pop());
        }
        while (cells.length < wanted.length) {
          td = document.createElement('td');
          td.appendChild(document.createElement('span'));
          row.insertBefore(td, last);
          cells.push(td);
        }
        wanted.forEach(function write(value, index) {
          var span = cells[index].firstChild;
          if (span.textContent !== value.text) {
            span.textContent = value.text;
          }
          if (span.className !== value.cls) {
            span.className = value.cls;
          }
        });
      }
    }
  }
})();
