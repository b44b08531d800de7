/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bay-models')
    .factory('horizon.dashboard.container-infra.bay-models.workflow.driver-fields.service',
      driverFields);

  driverFields.$inject = [
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.choices.service',
    'horizon.dashboard.container-infra.bay-models.workflow.choice-fields.service'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bay-models.workflow.driver-fields.service
   * @param {Function} gettext
   * @param {Object} choicesService The common choices
   * @param {Object} choiceFields
   * @description
   * The service picks a bay model's driver from its COE, server type and
   * OS, and refuses a combination no installed driver runs or a bay model
   * without a field its driver needs. These form fields say so before the
   * form is sent: COE, server type and OS are selects over what the
   * drivers run, checked together, and the fields a driver needs (image,
   * external network) are checked against the driver chosen.
   * @returns {Object} The service
   */
  function driverFields(gettext, choicesService, choiceFields) {
    var service = {
      apply: apply
    };

    return service;

    ///////////////

    /**
     * @name apply
     * @param {Object} fields The form's fields by key; COE, server type and
     *   OS are replaced, the fields drivers need get a check
     * @param {Object} choices What the common choices service gave
     * @param {Object} model The form's model (the checks read it live)
     * @description Adds the driver fields and checks to `fields`.
     * @returns {Object} `fields`
     */
    function apply(fields, choices, model) {
      var drivers = choices.drivers || [];
      var coes = choicesService.coes(choices);
      var controls = {};

      fields.coe = {key: 'coe', type: 'select', onChange: pickDriver,
        titleMap: choiceFields.titleMap(coes, model.coe)};
      fields.server_type = {key: 'server_type', type: 'select', onChange: revalidate,
        titleMap: choiceFields.titleMap(
          choiceFields.distinct(drivers, 'server_type').map(function named(type) {
            return {id: type, name: choiceFields.serverTypeName(type)};
          }), model.server_type)};
      fields.cluster_distro = {key: 'cluster_distro', type: 'select', onChange: revalidate,
        titleMap: choiceFields.titleMap(
          choiceFields.distinct(drivers, 'os').map(function named(os) {
            return {id: os, name: os};
          }), model.cluster_distro, {none: gettext('Automatic')})};

      ['coe', 'server_type', 'cluster_distro'].forEach(watch);
      if (drivers.length) {
        ['server_type', 'cluster_distro'].forEach(function runs(key) {
          check(key, 'driver', function driverRuns(value) {
            return Boolean(choiceFields.findDriver(drivers, withValue(key, value)));
          }, noDriverMessage);
        });
        requiredFields(drivers).forEach(function needed(key) {
          watch(key);
          check(key, 'needed', function given(value) {
            return Boolean(value) || !needs(key);
          }, neededMessage);
        });
      }
      return fields;

      // Keeps wrong values in the model (they are shown and explained, and
      // the checks of the other fields read them) and registers the control.
      function watch(key) {
        fields[key].ngModelOptions = {allowInvalid: true};
        fields[key].ngModel = function register(control) { controls[key] = control; };
      }

      function check(key, name, validator, message) {
        fields[key].$validators = {};
        fields[key].$validators[name] = validator;
        fields[key].validationMessage = angular.extend({}, fields[key].validationMessage);
        fields[key].validationMessage[name] = message;
      }

      // A new COE moves to its first driver if the current choice has none.
      function pickDriver(coe) {
        var first = drivers.filter(function runsIt(driver) { return driver.coe === coe; })[0];
        if (first && !choiceFields.findDriver(drivers, model)) {
          model.server_type = first.server_type;
          model.cluster_distro = '';
        }
        revalidate();
      }

      function revalidate() {
        angular.forEach(controls, function validate(control) { control.$validate(); });
      }

      function withValue(key, value) {
        var fieldsNow = angular.extend({}, model);
        fieldsNow[key] = value;
        return fieldsNow;
      }

      function needs(key) {
        var driver = choiceFields.findDriver(drivers, model);
        return Boolean(driver && (driver.requires || []).indexOf(key) >= 0);
      }

      function noDriverMessage() {
        return interpolate(gettext('No installed driver runs %(coe)s on %(server)s' +
          '%(os)s. Installed: %(installed)s.'), {
          coe: choiceFields.coeName(coes, model.coe),
          server: choiceFields.serverTypeName(model.server_type),
          os: model.cluster_distro ? ' (' + model.cluster_distro + ')' : '',
          installed: choiceFields.describeDrivers(drivers, coes)
        }, true);
      }

      function neededMessage() {
        var driver = choiceFields.findDriver(drivers, model);
        return interpolate(gettext('%(coe)s on %(server)s needs it (driver %(driver)s).'), {
          coe: choiceFields.coeName(coes, driver.coe),
          server: choiceFields.serverTypeName(driver.server_type),
          driver: driver.name
        }, true);
      }
    }

    // The fields some driver needs, once each.
    function requiredFields(drivers) {
      return drivers.reduce(function add(keys, driver) {
        (driver.requires || []).forEach(function addKey(key) {
          if (keys.indexOf(key) < 0) {
            keys.push(key);
          }
        });
        return keys;
      }, []);
    }
  }
})();
