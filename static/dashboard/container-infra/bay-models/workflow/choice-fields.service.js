/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bay-models')
    .factory('horizon.dashboard.container-infra.bay-models.workflow.choice-fields.service',
      choiceFields);

  choiceFields.$inject = [
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.choices.service'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bay-models.workflow.choice-fields.service
   * @param {Function} gettext
   * @param {Object} choicesService The common choices (it finds a driver)
   * @description
   * Turns the lists of the choices endpoint (the common choices service) into
   * form fields: a select when the list could be read, a text field with
   * the reason when the service that holds it is unavailable (the
   * all-in-one has no Glance, Nova or Neutron). Also knows which
   * (COE, server type, OS) triples an installed driver runs.
   * @returns {Object} The service
   */
  function choiceFields(gettext, choicesService) {
    var SERVER_TYPES = {
      vm: gettext('Virtual machines (Nova)'),
      bm: gettext('Bare metal (Ironic)'),
      local: gettext('Local Docker Engines on the service host')
    };

    var service = {
      listField: listField,
      titleMap: titleMap,
      serverTypeName: serverTypeName,
      coeName: coeName,
      distinct: distinct,
      findDriver: choicesService.findDriver,
      describeDrivers: describeDrivers
    };

    return service;

    ///////////////

    /**
     * @name listField
     * @param {Object} field The form field: key, description and any other option
     * @param {Object} [list] {items: [...], unavailable: reason|null[, note:
     *   what part of the list is missing and why]}; none when the choices
     *   could not be read at all
     * @param {Object} options
     * @param {*} options.current The value the field holds now
     * @param {Function} [options.name] item → what the select shows
     *   (default: its name, else its id)
     * @param {Function} [options.items] list → the items to offer
     *   (default: list.items)
     * @param {string} options.none What the select shows for no value
     * @description
     * A select over the list's items (values are their ids), or, when the
     * list is unavailable, a text field whose help says why and asks for a
     * name or ID. A current value that is not in the list stays selectable.
     * @returns {Object} The form field
     */
    function listField(field, list, options) {
      var reason;
      if (!list || list.unavailable) {
        reason = list ? list.unavailable : gettext('The choices could not be read.');
        return angular.extend({}, field, {
          description: field.description + ' ' + reason + ' ' +
            gettext('Type its name or ID.')
        });
      }
      return angular.extend({}, field, {
        type: 'select',
        // Part of the list may be missing (Nova's flavors beside a driver's own).
        description: list.note ? field.description + ' ' + list.note : field.description,
        titleMap: titleMap((options.items || itemsOf)(list), options.current, {
          none: options.none,
          name: options.name
        })
      });
    }

    /**
     * @name titleMap
     * @param {Object[]} items {id, name[, group]} objects
     * @param {*} current The value the field holds now
     * @param {Object} [options] {none: label of an empty choice (none: no
     *   empty choice), name: item → label}
     * @description The choices of a select, current value included.
     * @returns {Object[]} [{value, name[, group]}, ...]
     */
    function titleMap(items, current, options) {
      var opts = options || {};
      var nameOf = opts.name || defaultName;
      var choices = opts.none ? [{value: '', name: opts.none}] : [];
      items.forEach(function addItem(item) {
        var choice = {value: item.id, name: nameOf(item)};
        if (item.group) {
          choice.group = item.group;
        }
        choices.push(choice);
      });
      if (current && !choices.some(function isCurrent(choice) {
        return choice.value === current;
      })) {
        choices.push({value: current, name: current});
      }
      return choices;
    }

    /**
     * @name serverTypeName
     * @param {string} serverType 'vm', 'bm', 'local', ...
     * @description What an operator calls a server type.
     * @returns {string} Its name; the type itself when unknown
     */
    function serverTypeName(serverType) {
      return SERVER_TYPES[serverType] || serverType;
    }

    /**
     * @name coeName
     * @param {Object[]} coes {id, name} of the choices endpoint
     * @param {string} coe A COE id
     * @description The name of a COE.
     * @returns {string} Its name; the id itself when unknown
     */
    function coeName(coes, coe) {
      var found = coes.filter(function isIt(known) { return known.id === coe; })[0];
      return found ? found.name : coe;
    }

    /**
     * @name distinct
     * @param {Object[]} drivers The drivers of the choices endpoint
     * @param {string} key 'server_type' or 'os'
     * @description The values of one field of the drivers, once each, in order.
     * @returns {string[]} The values
     */
    function distinct(drivers, key) {
      return drivers.reduce(function addNew(values, driver) {
        if (values.indexOf(driver[key]) < 0) {
          values.push(driver[key]);
        }
        return values;
      }, []);
    }

    /**
     * @name describeDrivers
     * @param {Object[]} drivers The drivers of the choices endpoint
     * @param {Object[]} coes {id, name} of the choices endpoint
     * @description The installed drivers, for a message.
     * @returns {string} "COE on server type (OS), ..."
     */
    function describeDrivers(drivers, coes) {
      return drivers.map(function describe(driver) {
        return interpolate(gettext('%(coe)s on %(server)s (%(os)s)'), {
          coe: coeName(coes, driver.coe),
          server: serverTypeName(driver.server_type),
          os: driver.os
        }, true);
      }).join('; ');
    }

    function itemsOf(list) {
      return list.items;
    }

    function defaultName(item) {
      return item.name || item.id;
    }
  }
})();
