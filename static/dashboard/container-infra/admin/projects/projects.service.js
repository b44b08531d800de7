/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.admin.projects')
    .factory('horizon.dashboard.container-infra.admin.projects.service', projectsService);

  projectsService.$inject = ['$q', 'horizon.app.core.openstack-service-api.keystone'];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.admin.projects.service
   * @param {Object} $q
   * @param {Object} keystone Horizon's Keystone API service
   * @description
   * Keystone's project list, asked once and kept: the admin tables refresh
   * every few seconds while a bay changes, and project names rarely do.
   * @returns {Object} The service
   */
  function projectsService($q, keystone) {
    var known = null;
    var pending = null;
    var lookedFor = {};

    var service = {
      getProjects: getProjects,
      getDomainProjects: getDomainProjects,
      nameOf: nameOf,
      addProjectNames: addProjectNames,
      withProjectNames: withProjectNames
    };

    return service;

    ///////////////

    /**
     * @name getProjects
     * @description
     * Asks Keystone for every project (fresh, for a form's choices). A
     * failure has been toasted by the Keystone service and gives [].
     * @returns {Promise} Resolves with [{id, name, ...}, ...]
     */
    function getProjects() {
      return keystone.getProjects().then(function items(response) {
        var projects = response && response.data ? response.data.items : [];
        remember(projects);
        return projects;
      });
    }

    /**
     * @name getDomainProjects
     * @description
     * The projects of the user's domain (Horizon's default domain), for a
     * form's choices: Heat makes a project per stack in a domain of its
     * own, which no one chooses. When the domain cannot be read (toasted by
     * the Keystone service), every project.
     * @returns {Promise} Resolves with [{id, name, domain_id, ...}, ...]
     */
    function getDomainProjects() {
      return $q.all([getProjects(), keystone.getDefaultDomain()]).then(function ofDomain(found) {
        var domain = found[1] && found[1].data;
        return !domain ? found[0] : found[0].filter(function inDomain(project) {
          return project.domain_id === domain.id;
        });
      });
    }

    /**
     * @name nameOf
     * @param {string} projectId
     * @description The name of a project seen in the last Keystone answer.
     * @returns {string} Its name, or the id itself when the name is unknown
     */
    function nameOf(projectId) {
      return known && has(known, projectId) ? known[projectId] : projectId;
    }

    /**
     * @name addProjectNames
     * @param {Object[]} items Objects with a `project_id`
     * @description
     * Sets each item's `project_name` (the id when Keystone does not know
     * it, or cannot be asked). Keystone is asked again only when an id
     * shows up that it has never been asked about: a new project.
     * @returns {Promise} Resolves with the same items
     */
    function addProjectNames(items) {
      var unknown = items.filter(function isNew(item) {
        return !(known && has(known, item.project_id)) && !has(lookedFor, item.project_id);
      });
      var ready = $q.when();
      if (unknown.length || !known) {
        unknown.forEach(function mark(item) {
          lookedFor[item.project_id] = true;
        });
        pending = pending || getProjects().finally(function done() {
          pending = null;
        });
        ready = pending;
      }
      return ready.then(function name() {
        items.forEach(function setName(item) {
          item.project_name = nameOf(item.project_id);
        });
        return items;
      });
    }

    /**
     * @name withProjectNames
     * @param {Object} response A list's response, whose data is {items}
     * @description addProjectNames() for a list function's `then`.
     * @returns {Promise} Resolves with the same response, its items named
     */
    function withProjectNames(response) {
      return addProjectNames(response.data.items).then(function named() {
        return response;
      });
    }

    function remember(projects) {
      known = known || {};
      projects.forEach(function add(project) {
        known[project.id] = project.name;
      });
    }

    function has(object, key) {
      return Object.prototype.hasOwnProperty.call(object, key);
    }
  }
})();
