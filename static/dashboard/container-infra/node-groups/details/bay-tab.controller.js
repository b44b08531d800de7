/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.node-groups')
    .controller('horizon.dashboard.container-infra.node-groups.BayTabController',
      BayTabController);

  BayTabController.$inject = [
    '$rootScope',
    '$scope',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.events',
    'horizon.dashboard.container-infra.bays.status',
    'horizon.dashboard.container-infra.node-groups.actions.dialogs',
    'horizon.dashboard.container-infra.node-groups.resourceType'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.node-groups.BayTabController
   * @param {Object} $rootScope
   * @param {Object} $scope Has `context` (Horizon's details view): the
   *   bay's `identifier` and `loadPromise`
   * @param {Object} allowed The common allowed() builder
   * @param {Object} events The common events
   * @param {Object} bayStatus
   * @param {Object} dialogs The node groups' dialog actions ("Create Node Group")
   * @param {string} resourceType 'OS::Magnum::NodeGroup'
   * @description
   * The "Node Groups" tab of a bay's details: its groups in a live table
   * (nodegroup:get_all; without it the tab says so and lists nothing),
   * and "Create Node Group" above it while the action is allowed. The bay
   * is read with each listing, so the button comes and goes as the bay
   * gets busy and settles; a created group is listed at once.
   */
  function BayTabController($rootScope, $scope, allowed, events, bayStatus, dialogs,
                            resourceType) {
    var ctrl = this;
    var checked = '';

    ctrl.listParams = {bayId: $scope.context.identifier};
    ctrl.mayList = null;
    ctrl.canCreate = false;
    ctrl.bay = null;
    ctrl.isBusy = isBusy;
    ctrl.statusLabel = bayStatus.label;
    ctrl.create = create;

    allowed.check('nodegroup:get_all').then(function mayList(yes) {
      ctrl.mayList = yes;
    });
    $scope.context.loadPromise.then(function loaded(response) {
      // A copy: the other tabs show the bay as it was loaded.
      show(angular.extend({}, response.data));
    });
    $scope.$on(events.LISTED, function listed(event, type, items) {
      if (type === resourceType && items.length && ctrl.bay) {
        show(angular.extend(ctrl.bay, items[0].bay));
      }
    });

    ///////////////

    function show(bay) {
      var state = [bay.status, bay.api_address].join('|');
      ctrl.bay = bay;
      if (state !== checked) {
        checked = state;
        dialogs.create.allowed(bay).then(function yes() {
          ctrl.canCreate = true;
        }, function no() {
          ctrl.canCreate = false;
        });
      }
    }

    /**
     * @name isBusy
     * @description Magnum is working on the bay (a group, a resize, a rotation).
     * @returns {boolean} Whether the bay is in progress
     */
    function isBusy() {
      return Boolean(ctrl.bay) && bayStatus.isInTransition(ctrl.bay);
    }

    /**
     * @name create
     * @description Opens Create Node Group; the table lists the new group.
     * @returns {Promise} Resolves once done; a cancelled dialog changes nothing
     */
    function create() {
      return dialogs.create.perform(ctrl.bay).then(function created(result) {
        if (result) {
          $rootScope.$broadcast(events.CHANGED, resourceType, result.created[0].id);
        }
      });
    }
  }
})();
