/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .directive('magnumKeyValues', magnumKeyValues);

  /**
   * @ngdoc directive
   * @name magnumKeyValues
   * @description
   * Rows {key, value} (the labels service's rows(map): labels, a bay's
   * faults) as a horizontal definition list, a long key shown whole in
   * its title:
   *
   *     <magnum-key-values rows="ctrl.faults"></magnum-key-values>
   * @returns {Object} The directive
   */
  function magnumKeyValues() {
    return {
      restrict: 'E',
      scope: {rows: '<'},
      template: '<dl class="dl-horizontal"><div ng-repeat="row in rows track by row.key">' +
        '<dt title="{$ row.key $}">{$ row.key $}</dt><dd>{$ row.value $}</dd></div></dl>'
    };
  }
})();
