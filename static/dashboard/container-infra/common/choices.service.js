/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .factory('horizon.dashboard.container-infra.common.choices.service', choicesService);

  choicesService.$inject = [
    '$q',
    '$rootScope',
    'horizon.app.core.openstack-service-api.magnum-choices',
    'horizon.framework.widgets.magic-search.events'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.common.choices.service
   * @param {Object} $q
   * @param {Object} $rootScope
   * @param {Object} choicesAPI The choices' API service
   * @param {Object} magicSearchEvents Horizon's search bar events
   * @description
   * The one source of what the forms and the search facets choose from,
   * the COEs above all: those an installed driver runs (the service's
   * /v1/drivers, through the dashboard's choices), by the names the
   * dashboard gives them. The choices are read once per page and kept; a
   * form that must show fresh lists (images, keypairs) asks again, and
   * toasts a failure; the facets read quietly. It also knows which
   * driver builds a bay model's bays, and so which flavors they can have.
   * @returns {Object} The service
   */
  function choicesService($q, $rootScope, choicesAPI, magicSearchEvents) {
    var pending = null;
    var service = {
      get: get,
      coes: coes,
      coeFacet: coeFacet,
      findDriver: findDriver,
      flavorsFor: flavorsFor
    };

    return service;

    ///////////////

    /**
     * @name get
     * @param {boolean} [fresh] True: read them again, and toast a failure
     *   (a form opening); else the choices read already, or read quietly
     * @description The choices; a failed read is not kept.
     * @returns {Promise} Resolves with {images, flavors, keypairs, networks,
     *   external_networks, coes, drivers, drivers_source}
     */
    function get(fresh) {
      if (fresh || !pending) {
        pending = choicesAPI.getChoices(!fresh).then(function data(response) {
          return response.data;
        }, function failed(response) {
          pending = null;
          return $q.reject(response);
        });
      }
      return pending;
    }

    /**
     * @name coes
     * @param {Object} choices What get() resolved with
     * @description
     * The COEs an installed driver runs, in the order of the dashboard's
     * list, named as it names them (a driver's COE it does not know by its
     * id). When the drivers could not be listed, the dashboard's list.
     * @returns {Object[]} [{id, name}, ...]
     */
    function coes(choices) {
      var known = choices.coes || [];
      var run = (choices.drivers || []).map(function coeOf(driver) {
        return driver.coe;
      });
      if (!run.length) {
        return known;
      }
      return known.filter(function runs(coe) {
        return run.indexOf(coe.id) >= 0;
      }).concat(run.filter(function unnamed(id, index) {
        return run.indexOf(id) === index && !known.some(function named(coe) {
          return coe.id === id;
        });
      }).map(function byId(id) {
        return {id: id, name: id};
      }));
    }

    /**
     * @name findDriver
     * @param {Object[]} drivers The drivers of the choices
     * @param {Object} fields {coe, server_type, cluster_distro} (a bay
     *   model's); an empty cluster_distro lets the driver choose
     * @description The first driver that runs these, as the service picks it.
     * @returns {Object|undefined} The driver, if any
     */
    function findDriver(drivers, fields) {
      return drivers.filter(function runs(driver) {
        return driver.coe === fields.coe && driver.server_type === fields.server_type &&
          (!fields.cluster_distro || driver.os === fields.cluster_distro);
      })[0];
    }

    /**
     * @name flavorsFor
     * @param {Object} choices What get() resolved with
     * @param {Object} [bayModel] The bay model of the bay the flavor is for
     * @description
     * The flavors a bay of `bayModel` can have: the ones its driver
     * defines itself (the local driver's local.*), else the choices'
     * whole list (the cloud's, from Nova).
     * @returns {Object} {items: [{id, name, ...}], unavailable: reason|null}
     */
    function flavorsFor(choices, bayModel) {
      var driver = bayModel ? findDriver(choices.drivers || [], bayModel) : null;
      if (driver && driver.flavors && driver.flavors.length) {
        return {items: driver.flavors, unavailable: null};
      }
      return choices.flavors || {items: [], unavailable: null};
    }

    /**
     * @name coeFacet
     * @param {string} label The facet's label
     * @description
     * A search facet on `coe` offering coes(). Run blocks register facets
     * on every Horizon page, so nothing is read until a search bar first
     * reads the options; the bar is then told of them (FACETS_CHANGED).
     * @returns {Object} The facet {label, name, singleton, options}
     */
    function coeFacet(label) {
      var options = [];
      var asked = false;
      var facet = {label: label, name: 'coe', singleton: true};
      Object.defineProperty(facet, 'options', {
        enumerable: true,
        get: function readOnce() {
          if (!asked) {
            asked = true;
            get().then(function fill(choices) {
              coes(choices).forEach(function add(coe) {
                options.push({key: coe.id, label: coe.name});
              });
              $rootScope.$broadcast(magicSearchEvents.FACETS_CHANGED);
            }, angular.noop);
          }
          return options;
        }
      });
      return facet;
    }
  }
})();
