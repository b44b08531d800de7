/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.actions')
    .controller('horizon.dashboard.container-infra.bays.CreateController', CreateController);

  CreateController.$inject = [
    '$q',
    'horizon.app.core.openstack-service-api.magnum-bay-models',
    'horizon.app.core.openstack-service-api.magnum-bays',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.choices.service',
    'horizon.dashboard.container-infra.common.labels.service',
    'horizon.dashboard.container-infra.common.model-cleaner.service'
  ];

  // What a bay takes from its bay model when the form does not say otherwise.
  var DEFAULTS_FROM_BAY_MODEL = {keypair: 'keypair_id'};
  // The service's bounds of any bay (magnum_ui/service/api/bodies.py); a
  // driver may place fewer (its node_limits in the choices' drivers).
  var NODE_LIMITS = {masters: 100, workers: 1000};

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.bays.CreateController
   * @param {Object} $q
   * @param {Object} bayModelsAPI The bay models' API service
   * @param {Object} baysAPI The bays' API service
   * @param {Function} gettext
   * @param {Object} choices The common choices
   * @param {Object} labels The labels service (key=value lines)
   * @param {Object} cleaner The model cleaner
   * @description
   * The body of the Create Bay dialog (in the common dialog frame): pick
   * a bay model (its summary shows beside), then name, size, timeout,
   * keypair and labels; fields the user did not touch take the chosen bay
   * model's values; the node counts are bounded by its driver's limits
   * (`ctrl.limits`). Sending creates the bay and gives {uuid, name}; on a
   * failure the dialog stays open with what was typed (the API service
   * toasts the server's reason).
   */
  function CreateController($q, bayModelsAPI, baysAPI, gettext, choices, labels, cleaner) {
    var ctrl = this;

    // Magnum's name rule (magnum_ui/service/api/bodies.py NAME_PATTERN).
    ctrl.namePattern = /^[a-zA-Z][a-zA-Z0-9_.-]*$/;
    ctrl.loading = true;
    ctrl.bayModels = [];
    ctrl.bayModel = null;
    ctrl.bayModelLabels = [];
    ctrl.keypairs = [];
    ctrl.keypairsUnavailable = null;
    ctrl.drivers = [];
    ctrl.limits = angular.copy(NODE_LIMITS);
    // The node counts: each a whole number from `least` to its limit.
    ctrl.counts = [
      {field: 'master_count', id: 'bay-master-count', label: gettext('Masters'), least: 1,
        limit: 'masters'},
      {field: 'node_count', id: 'bay-node-count', label: gettext('Worker Nodes'), least: 0,
        limit: 'workers'}
    ];
    ctrl.labelsError = '';
    ctrl.form = null;
    // null, not '': a select shows its empty option for null only.
    ctrl.model = {
      cluster_template_id: null,
      name: '',
      master_count: 1,
      node_count: 1,
      create_timeout: 60,
      keypair: null,
      labels: ''
    };

    ctrl.selectBayModel = selectBayModel;
    ctrl.checkLabels = checkLabels;
    ctrl.ready = ready;
    ctrl.send = send;

    bayModelsAPI.getBayModels().then(showBayModels, function noBayModels() {
      ctrl.loading = false;
    });
    choices.get(true).then(showChoices, function noChoices() {
      ctrl.keypairsUnavailable = true;
    });

    ///////////////

    function showBayModels(response) {
      ctrl.loading = false;
      ctrl.bayModels = response.data.items.filter(function visible(model) {
        return !model.hidden;
      });
      if (ctrl.bayModels.length === 1) {
        ctrl.model.cluster_template_id = ctrl.bayModels[0].uuid;
        selectBayModel();
      }
    }

    function showChoices(found) {
      var keypairs = found.keypairs || {items: []};
      ctrl.keypairs = keypairs.items;
      ctrl.keypairsUnavailable = keypairs.unavailable || null;
      ctrl.drivers = found.drivers || [];
      ctrl.limits = limitsOf(ctrl.bayModel);
    }

    // The node counts a bay of this bay model may have: its driver's, within the service's.
    function limitsOf(model) {
      var driver = model ? choices.findDriver(ctrl.drivers, model) : null;
      var own = (driver && driver.node_limits) || {};
      return {
        masters: Math.min(NODE_LIMITS.masters, own.masters || NODE_LIMITS.masters),
        workers: Math.min(NODE_LIMITS.workers, own.default_workers || NODE_LIMITS.workers)
      };
    }

    /**
     * @name selectBayModel
     * @description
     * Shows the chosen bay model and gives the fields the user has not
     * touched its values.
     * @returns {undefined} Returns nothing
     */
    function selectBayModel() {
      var model = ctrl.bayModels.filter(function chosen(candidate) {
        return candidate.uuid === ctrl.model.cluster_template_id;
      })[0] || null;
      ctrl.bayModel = model;
      ctrl.bayModelLabels = labels.toText(model && model.labels);
      ctrl.limits = limitsOf(model);
      Object.keys(DEFAULTS_FROM_BAY_MODEL).forEach(function applyDefault(field) {
        if (model && !(ctrl.form && ctrl.form[field] && ctrl.form[field].$dirty)) {
          ctrl.model[field] = model[DEFAULTS_FROM_BAY_MODEL[field]] || null;
        }
      });
    }

    /**
     * @name checkLabels
     * @description Shows a labels error next to the field, and blocks submitting.
     * @returns {Object} The labels parsed, or null when they are wrong
     */
    function checkLabels() {
      var read = labels.validate(ctrl.model.labels, ctrl.form && ctrl.form.labels);
      ctrl.labelsError = read.error;
      return read.labels;
    }

    /**
     * @name ready
     * @description The bay models are known.
     * @returns {boolean} Whether the dialog may send
     */
    function ready() {
      return !ctrl.loading;
    }

    /**
     * @name send
     * @description Creates the bay the form describes, unless its labels are wrong.
     * @returns {Promise} Resolves with {uuid, name} once accepted
     */
    function send() {
      var given = checkLabels();
      var body;
      if (given === null) {
        return $q.reject();
      }
      body = cleaner.clean({
        cluster_template_id: ctrl.model.cluster_template_id,
        name: ctrl.model.name,
        master_count: ctrl.model.master_count,
        node_count: ctrl.model.node_count,
        create_timeout: ctrl.model.create_timeout,
        keypair: ctrl.model.keypair,
        labels: given
      });
      if (body.labels) {
        // The bay keeps its bay model's labels; these add to or override them.
        body.merge_labels = true;
      }
      return baysAPI.createBay(body).then(function created(response) {
        return {uuid: response.data.uuid, name: response.data.name || body.name};
      });
    }
  }
})();
