/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.common')
    .factory('horizon.dashboard.container-infra.common.allowed.service', allowedService);

  allowedService.$inject = ['$q', 'horizon.app.core.openstack-service-api.magnum-policy'];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.common.allowed.service
   * @param {Object} $q
   * @param {Object} policy Horizon's policy check, asked in batches (magnum-policy)
   * @description
   * The one way an action of this dashboard decides whether it shows: a
   * rule of the service's policy (the 'container-infra' scope, which
   * Horizon reads from the plugin's policy files) and, for an item, a
   * condition on its state. Example:
   *
   *     var service = {
   *       allowed: allowed.when('cluster:resize', function atRest(bay) {
   *         return !bayStatus.isInTransition(bay);
   *       }),
   *       perform: perform
   *     };
   * @returns {Object} The service
   */
  function allowedService($q, policy) {
    var service = {
      when: when,
      inProject: inProject,
      check: check
    };

    return service;

    ///////////////

    /**
     * @name when
     * @param {string} rule A rule of the 'container-infra' policy scope
     * @param {Function} [state] item → boolean (or a promise of one); it is
     *   not asked without an item (a global or batch action)
     * @description Builds an action's `allowed(item)`.
     * @returns {Function} allowed(item) → promise: resolves if allowed
     */
    function when(rule, state) {
      return build(rule, state, null);
    }

    /**
     * @name inProject
     * @param {string} rule A rule of the 'container-infra' policy scope
     * @param {Function} [state] As for when()
     * @description
     * As when(), the policy asked with the item's project as target, the
     * way the service checks it: a member may change what belongs to
     * their own project only, an administrator anything.
     * @returns {Function} allowed(item) → promise: resolves if allowed
     */
    function inProject(rule, state) {
      return build(rule, state, function project(item) {
        return {project_id: item.project_id};
      });
    }

    /**
     * @name check
     * @param {string} rule A rule of the 'container-infra' policy scope
     * @description For a view that shows or hides a control.
     * @returns {Promise} Resolves with true or false, never rejects
     */
    function check(rule) {
      return ask(rule).then(function yes() {
        return true;
      }, function no() {
        return false;
      });
    }

    function build(rule, state, target) {
      return function allowed(item) {
        var checks = [ask(rule, item && target ? target(item) : undefined)];
        if (item && state) {
          checks.push($q.when(state(item)).then(function holds(ok) {
            return ok ? ok : $q.reject(ok);
          }));
        }
        return $q.all(checks);
      };
    }

    function ask(rule, target) {
      var query = {rules: [['container-infra', rule]]};
      if (target) {
        query.target = target;
      }
      return policy.ifAllowed(query);
    }
  }
})();
