/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .config(formStepsConfig);

  formStepsConfig.$inject = [
    '$windowProvider',
    'schemaFormDecoratorsProvider',
    'sfBuilderProvider',
    'hzBuilderProvider'
  ];

  /**
   * @name formStepsConfig
   * @param {Object} $windowProvider
   * @param {Object} decorators angular-schema-form's decorators
   * @param {Object} sfBuilder angular-schema-form's builders
   * @param {Object} hzBuilder Horizon's builders (its `tabs` layout)
   * @description
   * Adds the schema-form layout `magnum-steps`: Horizon's `tabs` (a step
   * list beside the fields, built by the same builders; form-steps.html is
   * a copy of Horizon's framework/widgets/form/fields/tabs.html) whose step list
   * marks each step that holds a field in error, so that an error on a
   * step not shown is seen. The form-steps service builds its form item.
   * @returns {undefined} Returns nothing
   */
  function formStepsConfig($windowProvider, decorators, sfBuilder, hzBuilder) {
    var builders = sfBuilder.builders;
    decorators.defineAddOn('bootstrapDecorator', 'magnum-steps',
      $windowProvider.$get().STATIC_URL + 'dashboard/container-infra/common/form-steps.html',
      [builders.sfField, builders.ngModelOptions, hzBuilder.$get().tabsBuilder,
        builders.condition]);
  }
})();
