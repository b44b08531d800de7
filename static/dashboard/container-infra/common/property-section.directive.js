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
   * item, labelled and filtered by its resource type:
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
        'resource-type-name="{$ resourceTypeName $}" cls="dl-horizontal" item="item" ' +
        'property-groups="groups"></hz-resource-property-list>',
      link: function link(scope) {
        scope.groups = [scope.fields];
      }
    };
  }
})();
