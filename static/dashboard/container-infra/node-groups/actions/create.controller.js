/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.node-groups.actions')
    .controller('horizon.dashboard.container-infra.node-groups.CreateController',
      CreateController);

  CreateController.$inject = [
    '$q',
    'horizon.app.core.openstack-service-api.magnum-node-groups',
    'horizon.dashboard.container-infra.common.basePath',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.choices.service',
    'horizon.dashboard.container-infra.common.field-errors.service',
    'horizon.dashboard.container-infra.common.labels.service',
    'horizon.dashboard.container-infra.common.model-cleaner.service',
    'horizon.dashboard.container-infra.common.node-bounds.service',
    'context'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.node-groups.CreateController
   * @param {Object} $q
   * @param {Object} nodeGroupsAPI The node groups' API service
   * @param {string} basePath Where this dashboard's templates are
   * @param {Function} gettext
   * @param {Object} choices The common choices (the flavors)
   * @param {Object} fieldErrors The common field errors
   * @param {Object} labels The labels service (key=value lines)
   * @param {Object} cleaner The model cleaner
   * @param {Object} nodeBounds The common node bounds
   * @param {Object} context {bay}: the bay, with its bay model
   * @description
   * The body of the Create Node Group dialog: name, node count (1),
   * flavor (one of the bay's driver's, the bay's worker flavor at first:
   * its default-worker group's), minimum and maximum node counts, and
   * labels that add to the bay's. The count must lie within the bounds.
   * Sending creates a worker group and gives {uuid, name}; a refusal
   * keeps the dialog open, the service's reason next to the field it
   * names (and in the API service's toast).
   */
  function CreateController($q, nodeGroupsAPI, basePath, gettext, choices, fieldErrors, labels,
                            cleaner, nodeBounds, context) {
    var ctrl = this;

    // What the service takes: no '/' (a name is part of the group's URL).
    ctrl.namePattern = /^[^/]+$/;
    ctrl.bay = context.bay;
    ctrl.loading = true;
    ctrl.flavors = [];
    ctrl.flavorsUnavailable = null;
    ctrl.labelsError = '';
    ctrl.form = null;
    ctrl.model = {
      name: '',
      node_count: 1,
      flavor_id: null,
      min_node_count: 0,
      max_node_count: null,
      labels: ''
    };
    // The bounds' fields are Edit Bounds' (bounds-fields.html).
    ctrl.prefix = 'node-group';
    ctrl.boundsColumns = 'col-xs-4';
    ctrl.boundsFields = basePath + 'node-groups/actions/bounds-fields.html';
    ctrl.errors = fieldErrors.create(
      ['name', 'node_count', 'flavor_id', 'min_node_count', 'max_node_count', 'labels'],
      {name: ['named'], flavor_id: ['flavor']});

    ctrl.flavorName = flavorName;
    ctrl.countProblem = countProblem;
    // Bounds that do not hold the count are the count's problem here.
    ctrl.minProblem = noProblem;
    ctrl.maxProblem = noProblem;
    ctrl.checkLabels = checkLabels;
    ctrl.ready = ready;
    ctrl.send = send;

    $q.all([
      choices.get(true).catch(function none() { return null; }),
      nodeGroupsAPI.getNodeGroups(ctrl.bay.uuid, true).then(function items(response) {
        return response.data.items;
      }, function none() { return []; })
    ]).then(function show(found) {
      showFlavors(found[0], workerFlavor(found[1]));
    }).finally(function done() {
      ctrl.loading = false;
    });

    ///////////////

    function workerFlavor(groups) {
      var worker = groups.filter(function isDefaultWorker(group) {
        return group.is_default && group.role !== 'master';
      })[0];
      var model = ctrl.bay.bay_model;
      return (worker && worker.flavor_id) || ctrl.bay.flavor_id || (model && model.flavor_id) ||
        null;
    }

    function showFlavors(found, current) {
      var list = found ? choices.flavorsFor(found, ctrl.bay.bay_model)
        : {items: [], unavailable: gettext('The flavors could not be read.')};
      ctrl.flavors = list.items.slice();
      ctrl.flavorsUnavailable = list.items.length ? null
        : list.unavailable || gettext('There are no flavors to choose from.');
      ctrl.model.flavor_id = current;
      if (current && ctrl.flavors.length && !ctrl.flavors.some(function isIt(flavor) {
        return flavor.id === current;
      })) {
        ctrl.flavors.push({id: current, name: current});
      }
    }

    /**
     * @name flavorName
     * @param {Object} flavor {id, name, description} of the choices
     * @description What the flavor select shows: its name and what it gives.
     * @returns {string} "local.tiny (0.5 vCPU, 512 MiB, ...)", or its name alone
     */
    function flavorName(flavor) {
      var name = flavor.name || flavor.id;
      return flavor.description ? name + ' (' + flavor.description + ')' : name;
    }

    function noProblem() {
      return '';
    }

    /**
     * @name countProblem
     * @description Whether the node count lies within the group's bounds.
     * @returns {string} Why not; '' when it does (or a field is not a number yet)
     */
    function countProblem() {
      var model = ctrl.model;
      var most = nodeBounds.of(model).max;
      if (!angular.isNumber(model.node_count) || !angular.isNumber(model.min_node_count)) {
        return '';
      }
      if (most !== null && model.min_node_count > most) {
        return gettext('The minimum is above the maximum.');
      }
      if (model.node_count < model.min_node_count ||
          (most !== null && model.node_count > most)) {
        return interpolate(gettext('The group starts with %(count)s nodes: give a count from ' +
          'the minimum (%(min)s) to the maximum (%(max)s).'), {
          count: model.node_count, min: model.min_node_count,
          max: nodeBounds.maxInWords(most)
        }, true);
      }
      return '';
    }

    /**
     * @name checkLabels
     * @description Shows a labels error next to the field, and blocks submitting.
     * @returns {Object} The labels parsed, or null when they are wrong
     */
    function checkLabels() {
      var read = labels.validate(ctrl.model.labels, ctrl.form && ctrl.form.labels);
      ctrl.errors.clear('labels');
      ctrl.labelsError = read.error;
      return read.labels;
    }

    /**
     * @name ready
     * @description The choices are read and the count lies within the bounds.
     * @returns {boolean} Whether the dialog may send
     */
    function ready() {
      return !ctrl.loading && !countProblem();
    }

    /**
     * @name send
     * @description Creates the worker group the form describes.
     * @returns {Promise} Resolves with {uuid, name} once accepted
     */
    function send() {
      var given = checkLabels();
      var body;
      if (given === null) {
        return $q.reject();
      }
      ctrl.errors.clear();
      body = cleaner.clean({
        name: ctrl.model.name,
        node_count: ctrl.model.node_count,
        flavor_id: ctrl.model.flavor_id,
        min_node_count: ctrl.model.min_node_count,
        max_node_count: ctrl.model.max_node_count,
        labels: given,
        role: 'worker'
      });
      if (body.labels) {
        // The group keeps the bay's labels; these add to or override them.
        body.merge_labels = true;
      }
      return nodeGroupsAPI.createNodeGroup(ctrl.bay.uuid, body).then(function created(response) {
        return {uuid: response.data.uuid, name: response.data.name};
      }, ctrl.errors.take);
    }
  }
})();
