/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays')
    .controller('horizon.dashboard.container-infra.bays.UpgradeController', UpgradeController);

  UpgradeController.$inject = [
    '$uibModalInstance',
    'horizon.app.core.openstack-service-api.magnum',
    'context'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.UpgradeController
   * @param {Object} $uibModalInstance
   * @param {Object} magnum The Magnum API service
   * @param {Object} context {bay}
   * @description
   * The Upgrade Bay dialog: the bay models it may move to are the other
   * ones of its COE (an upgrade cannot change the orchestrator). Closes
   * with the chosen bay model once the service accepted.
   */
  function UpgradeController($uibModalInstance, magnum, context) {
    var ctrl = this;

    ctrl.bay = context.bay;
    ctrl.loading = true;
    ctrl.candidates = [];
    ctrl.current = null;
    ctrl.model = {cluster_template: '', max_batch_size: 1};
    ctrl.submitting = false;
    ctrl.chosen = chosen;
    ctrl.submit = submit;
    ctrl.cancel = cancel;

    magnum.getBayModels().then(function show(response) {
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

    ///////////////

    function chosen() {
      return ctrl.candidates.filter(function isChosen(model) {
        return model.uuid === ctrl.model.cluster_template;
      })[0] || null;
    }

    function submit() {
      var model = chosen();
      if (!model || ctrl.submitting) {
        return;
      }
      ctrl.submitting = true;
      magnum.upgradeBay(ctrl.bay.uuid, {
        cluster_template: model.uuid,
        max_batch_size: ctrl.model.max_batch_size
      }).then(function upgraded() {
        $uibModalInstance.close(model);
      }, function failed() {
        ctrl.submitting = false;
      });
    }

    function cancel() {
      $uibModalInstance.dismiss('cancel');
    }
  }
})();
