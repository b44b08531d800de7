/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .factory('horizon.dashboard.container-infra.bays.actions.helper', bayActionsHelper);

  bayActionsHelper.$inject = [
    '$document',
    '$q',
    '$uibModal',
    'horizon.app.core.openstack-service-api.policy',
    'horizon.dashboard.container-infra.bays.basePath',
    'horizon.dashboard.container-infra.bays.status'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.helper
   * @param {Object} $document
   * @param {Object} $q
   * @param {Object} $uibModal
   * @param {Object} policy Horizon's policy API
   * @param {string} basePath Where the bays' templates are
   * @param {Object} bayStatus
   * @description
   * What the bay actions share: their `allowed()` (a policy rule of the
   * 'container-infra' scope, and a condition on the bay's state), the
   * state conditions themselves, and how they open their dialogs.
   * @returns {Object} The service
   */
  function bayActionsHelper($document, $q, $uibModal, policy, basePath, bayStatus) {
    var service = {
      allowedWhen: allowedWhen,
      canChange: canChange,
      hasApi: hasApi,
      openDialog: openDialog,
      saveAs: saveAs
    };

    return service;

    ///////////////

    /**
     * @name allowedWhen
     * @param {string} rule A rule of the 'container-infra' policy scope
     * @param {Function} [condition] bay → boolean; none for a global action
     * @description
     * Builds an action's `allowed(bay)`: resolves when the policy allows
     * the rule and `condition(bay)` holds, rejects otherwise.
     * @returns {Function} allowed(bay) → promise
     */
    function allowedWhen(rule, condition) {
      return function allowed(bay) {
        var checks = [policy.ifAllowed({rules: [['container-infra', rule]]})];
        if (condition) {
          checks.push(condition(bay) ? $q.resolve() : $q.reject());
        }
        return $q.all(checks);
      };
    }

    /**
     * @name canChange
     * @param {Object} bay
     * @description
     * Whether Magnum may start a resize or upgrade: the bay has a stack
     * (its creation did not fail), and nothing runs on it or deletes it.
     * @returns {boolean} Whether the bay can be changed now
     */
    function canChange(bay) {
      return !bayStatus.isInTransition(bay) &&
        bay.status !== 'CREATE_FAILED' &&
        !/^DELETE_/.test(bay.status || '');
    }

    /**
     * @name hasApi
     * @param {Object} bay
     * @description Certificates and client configuration need the bay's API.
     * @returns {boolean} Whether the bay has an API address
     */
    function hasApi(bay) {
      return Boolean(bay.api_address) && !/^DELETE_/.test(bay.status || '');
    }

    /**
     * @name openDialog
     * @param {string} template File name under actions/
     * @param {string} controller Controller name (used "as ctrl")
     * @param {Object} context What the controller gets as `context`
     * @param {string} [size] 'lg' for a wide dialog
     * @description Opens one of the bay actions' dialogs.
     * @returns {Promise} The dialog's result; rejects when dismissed
     */
    function openDialog(template, controller, context, size) {
      return $uibModal.open({
        backdrop: 'static',
        size: size,
        templateUrl: basePath + 'actions/' + template,
        controller: controller + ' as ctrl',
        resolve: {
          context: function resolveContext() {
            return context;
          }
        }
      }).result;
    }

    /**
     * @name saveAs
     * @param {string} url What to save (same origin, or a blob: URL)
     * @param {string} [fileName] The file's name; else the server's
     * @description Has the browser save `url` as a file, as a link would.
     * @returns {undefined} Returns nothing
     */
    function saveAs(url, fileName) {
      var body = $document[0].body;
      var link = $document[0].createElement('a');
      link.href = url;
      link.setAttribute('download', fileName || '');
      link.style.display = 'none';
      body.appendChild(link);
      link.click();
      body.removeChild(link);
    }
  }
})();
