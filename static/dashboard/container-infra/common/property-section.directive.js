/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .directive('magnumPropertySection', magnumPropertySection);

  /**
   * @ngdoc directive
   * @name magnumPropertySection
   * @description
   * One section of a details page: a heading over some properties of the
   * item, labelled and filtered by its resource type, shown anew whenever
   * the item changes, in place too:
   *
   *     <magnum-property-section class="col-md-6 detail" heading="{$ 'Nodes' | translate $}"
   *       resource-type-name="OS::Magnum::BayModel" item="ctrl.bayModel"
   *       fields="['image_id', 'flavor_id']"></magnum-property-section>
   * @returns {Object} The directive
   */
  function magnumPropertySection() {
    return {
      restrict: 'E',
      scope: {heading: '@', resourceTypeName: '@', item: '<', fields: '<'},
      template: '<h3>{$ heading $}</h3><hr><hz-resource-property-list ' +
        'resource-type-name="{$ resourceTypeName $}" cls="dl-horizontal" item="shown" ' +
        'property-groups="groups"></hz-resource-property-list>',
      link: function link(scope) {
        scope.groups = [scope.fields];
        // Horizon's fields watch their item by reference only: a page that updates its
        // item in place (a bay followed while it rests) gives them a fresh copy each change.
        scope.$watch('item', function show(item) {
          scope.shown = angular.copy(item);
        }, true);
      }
    };
  }
})();
