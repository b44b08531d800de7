/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .directive('magnumFormField', magnumFormField);

  /**
   * @ngdoc directive
   * @name magnumFormField
   * @description
   * The frame of a dialog's form field, Bootstrap's form group: the label
   * (with Horizon's asterisk when `required`), the field and its own help
   * lines as given, then the service's refusal of the field, if any. The
   * group is in error while `invalid` holds or there is a refusal.
   *
   *     <div class="col-xs-4" magnum-form-field="{$ 'Nodes' | translate $}"
   *          input-id="group-node-count" required
   *          invalid="ctrl.form.node_count.$invalid"
   *          field-error="ctrl.errors.of('node_count')">
   *       <input id="group-node-count" name="node_count" type="number" ...>
   *       <span class="help-block" ng-if="ctrl.form.node_count.$invalid" translate>
   *         A whole number.</span>
   *     </div>
   *
   * `error-class` adds a class to the refusal's line. A class computed
   * for the group goes in ng-class: an interpolated class attribute would
   * drop the classes the directive gives.
   * @returns {Object} The directive
   */
  function magnumFormField() {
    return {
      restrict: 'A',
      transclude: true,
      scope: {
        label: '@magnumFormField',
        inputId: '@',
        errorClass: '@',
        invalid: '&',
        fieldError: '&'
      },
      template: '<label class="control-label" for="{$ inputId $}">{$ label $} ' +
        '<span ng-if="::required" class="hz-icon-required fa fa-asterisk" ' +
        'aria-hidden="true"></span></label>' +
        '<div ng-transclude></div>' +
        '<span class="help-block {$ errorClass $}" ng-if="fieldError()">{$ fieldError() $}</span>',
      link: link
    };

    function link(scope, element, attrs) {
      scope.required = angular.isDefined(attrs.required);
      element.addClass('form-group');
      element.toggleClass('required', scope.required);
      scope.$watch(function inError() {
        return Boolean(scope.invalid() || scope.fieldError());
      }, function showError(yes) {
        element.toggleClass('has-error', yes);
      });
    }
  }
})();
