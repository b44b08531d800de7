/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.actions')
    .controller('horizon.dashboard.container-infra.bays.UpgradeController', UpgradeController);

  UpgradeController.$inject = [
    'horizon.app.core.openstack-service-api.magnum-bay-models',
    'horizon.app.core.openstack-service-api.magnum-bays',
    'horizon.app.core.openstack-service-api.magnum-node-groups',
    'context'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.UpgradeController
   * @param {Object} bayModelsAPI The bay models' API service
   * @param {Object} baysAPI The bays' API service
   * @param {Object} nodeGroupsAPI The node groups' API service
   * @param {Object} context {bay}
   * @description
   * The body of the Upgrade Bay dialog (in the common dialog frame): the
   * bay models it may move to are the other ones of its COE (an upgrade
   * cannot change the orchestrator); the whole bay is upgraded, or only the
   * node group chosen. Sends the upgrade and gives the chosen bay model.
   */
  function UpgradeController(bayModelsAPI, baysAPI, nodeGroupsAPI, context) {
    var ctrl = this;

    ctrl.bay = context.bay;
    ctrl.loading = true;
    ctrl.candidates = [];
    ctrl.groups = [];
    ctrl.current = null;
    // null, not '': a select shows its prompt only for a null model, a blank option for ''.
    ctrl.model = {cluster_template: null, max_batch_size: 1, nodegroup: null};
    ctrl.chosen = chosen;
    ctrl.ready = chosen;
    ctrl.send = send;

    bayModelsAPI.getBayModels().then(function show(response) {
      var models = response.data.items;
      ctrl.current = models.filter(function isCurrent(model) {
        return model.uuid === ctrl.bay.cluster_template_id;
      })[0] || null;
      ctrl.candidates = models.filter(function sameCoe(model) {
        return model.uuid !== ctrl.bay.cluster_template_id &&
          (!ctrl.current || model.coe === ctrl.current.coe);
      });
      ctrl.loading = false;
    }, function failed() {
      ctrl.loading = false;
    });
    // Without the groups (not allowed to list them), the whole bay is upgraded.
    nodeGroupsAPI.getNodeGroups(ctrl.bay.uuid, true).then(function listed(response) {
      ctrl.groups = response.data.items;
    }, angular.noop);

    ///////////////

    /**
     * @name chosen
     * @description The bay model picked; the dialog sends only with one.
     * @returns {Object|null} It, or null
     */
    function chosen() {
      return ctrl.candidates.filter(function isChosen(model) {
        return model.uuid === ctrl.model.cluster_template;
      })[0] || null;
    }

    /**
     * @name send
     * @description Asks the service to upgrade.
     * @returns {Promise} Resolves with the bay model once accepted
     */
    function send() {
      var model = chosen();
      var data = {cluster_template: model.uuid, max_batch_size: ctrl.model.max_batch_size};
      if (ctrl.model.nodegroup) {
        data.nodegroup = ctrl.model.nodegroup;
      }
      return baysAPI.upgradeBay(ctrl.bay.uuid, data).then(function upgraded() {
        return model;
      });
    }
  }
})();
