/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .factory('horizon.dashboard.container-infra.common.form-steps.service', formSteps);

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.common.form-steps.service
   * @description
   * The form item of a schema form in steps whose step list marks the
   * steps holding errors (the `magnum-steps` layout, form-steps.config.js):
   *
   *     form: [formSteps.create([{title: 'Info', items: ['name']}, ...])]
   * @returns {Object} The service
   */
  function formSteps() {
    var service = {
      create: create,
      invalidStep: invalidStep
    };

    return service;

    ///////////////

    /**
     * @name create
     * @param {Object[]} tabs The steps, as Horizon's `tabs` layout takes them
     * @description The form item of those steps.
     * @returns {Object} {type: 'magnum-steps', tabs, invalidStep}
     */
    function create(tabs) {
      return {type: 'magnum-steps', tabs: tabs, invalidStep: invalidStep};
    }

    /**
     * @name invalidStep
     * @param {Object} formCtrl The schema form's controller
     * @param {Object} tab A step
     * @description
     * Whether the step holds a field in error that the form shows as such
     * (touched, or the form submitted), as schema form marks a field.
     * @returns {boolean} Whether to mark it
     */
    function invalidStep(formCtrl, tab) {
      return Boolean(formCtrl) && tab.items.some(function shown(item) {
        var field = item.key ? formCtrl[[].concat(item.key).slice(-1)[0]] : null;
        return Boolean(field && field.$invalid && (field.$dirty || formCtrl.$submitted));
      });
    }
  }
})();
