/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bays.actions')
    .factory('horizon.dashboard.container-infra.bays.actions.dialogs', bayDialogActions);

  bayDialogActions.$inject = [
    'horizon.app.core.openstack-service-api.magnum-bays',
    'horizon.app.core.openstack-service-api.magnum-node-groups',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.dialog-action.factory',
    'horizon.dashboard.container-infra.bays.resourceType',
    'horizon.dashboard.container-infra.bays.status'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bays.actions.dialogs
   * @param {Object} baysAPI The bays' API service
   * @param {Object} nodeGroupsAPI The node groups' API service
   * @param {Function} gettext
   * @param {Object} allowed The common allowed() builder
   * @param {Object} dialogAction The common dialog action factory
   * @param {string} resourceType 'OS::Magnum::Bay'
   * @param {Object} bayStatus
   * @description
   * Every action of OS::Magnum::Bay that opens a dialog, declared in one
   * list (actions.module.js places them; Delete is delete.service.js):
   * - `create`, "Create Bay" (`cluster:create`): the wide dialog creates
   *   the bay; the action result names it, so the table lists it.
   * - `progress`, "Show Progress" (`cluster:get`) on a bay in progress or
   *   whose last operation failed: the details page's Progress tab in a
   *   dialog with a Close button. It changes nothing.
   * - The changes of a bay at rest (bayStatus.canChange), each reporting
   *   the bay updated: `resize`, "Resize Bay" (`cluster:resize`), a new
   *   count of its default-worker group (read before the dialog opens:
   *   the bay's node_count sums every worker group) and, when shrinking,
   *   which of its nodes go (a node group's resize uses the same dialog);
   *   `upgrade`, "Upgrade Bay" (`cluster:upgrade`), another bay model of
   *   its COE; `rotateCa`, "Rotate CA Certificate"
   *   (`certificate:rotate_ca`), on a bay that also has an API address.
   *   Its dialog says what happens before anything does (rotate-ca.html):
   *   a new CA, every node's engine restarted with new TLS one node at a
   *   time, the bay Update In Progress meanwhile, and every certificate
   *   and client configuration of the old CA refused afterwards.
   * - The certificate readers, on a bay that has an API address (its CA
   *   exists once the bay is up); they change no bay: `showCa`, "Show CA
   *   Certificate" (`certificate:get`), and `signCsr`, "Sign Certificate
   *   Request" (`certificate:create`), whose dialog stays open to show the
   *   signed certificate.
   * @returns {Object} {create, progress, resize, upgrade, rotateCa, showCa,
   *   signCsr}: the action services
   */
  function bayDialogActions(baysAPI, nodeGroupsAPI, gettext, allowed, dialogAction, resourceType,
                            bayStatus) {
    return {
      create: dialogAction.create({
        allowed: allowed.when('cluster:create'),
        resourceType: resourceType,
        changes: 'created',
        idOf: function createdId(none, bay) { return bay.uuid; },
        dialog: {title: gettext('Create Bay'), submit: gettext('Create Bay'), icon: 'fa-check',
          name: 'bay-create', size: 'lg', body: 'bays/actions/create.html',
          controller: 'horizon.dashboard.container-infra.bays.CreateController'},
        success: function created(none, bay) {
          return interpolate(gettext('Bay "%s" is being created.'), [bay.name || bay.uuid]);
        }
      }),
      progress: dialogAction.create({
        allowed: allowed.when('cluster:get', function worthShowing(bay) {
          return bayStatus.isInTransition(bay) || bayStatus.isFailed(bay);
        }),
        dialog: {title: gettext('Progress of Bay'), name: 'bay-progress', size: 'lg',
          body: 'bays/actions/progress.html'},
        context: inContext
      }),
      resize: change('cluster:resize', bayStatus.canChange, {
        dialog: {title: gettext('Resize Bay'), submit: gettext('Resize'), icon: 'fa-arrows-v',
          name: 'bay-resize', body: 'bays/actions/resize.html',
          controller: 'horizon.dashboard.container-infra.bays.ResizeController'},
        context: defaultWorker,
        success: function resized(bay, count) {
          return interpolate(gettext('Bay "%(name)s" is being resized to %(count)s nodes.'),
            {name: bay.name, count: count}, true);
        }
      }),
      upgrade: change('cluster:upgrade', bayStatus.canChange, {
        dialog: {title: gettext('Upgrade Bay'), submit: gettext('Upgrade'),
          icon: 'fa-level-up', name: 'bay-upgrade', body: 'bays/actions/upgrade.html',
          controller: 'horizon.dashboard.container-infra.bays.UpgradeController'},
        context: inContext,
        success: function upgraded(bay, bayModel) {
          return interpolate(gettext('Bay "%(name)s" is being upgraded to bay model "%(model)s".'),
            {name: bay.name, model: bayModel.name}, true);
        }
      }),
      rotateCa: change('certificate:rotate_ca', function ready(bay) {
        return bayStatus.hasApi(bay) && bayStatus.canChange(bay);
      }, {
        dialog: {title: gettext('Rotate the CA Certificate of Bay'),
          submit: gettext('Rotate CA Certificate'), icon: 'fa-refresh', name: 'bay-rotate-ca',
          body: 'bays/actions/rotate-ca.html'},
        // No controller: the body only reads; sending is one call.
        context: function rotating(bay) {
          return {bay: bay, send: function send() {
            return baysAPI.rotateBayCertificate(bay.uuid);
          }};
        },
        success: function rotated(bay) {
          return interpolate(gettext('The CA certificate of bay "%s" is being rotated.'),
            [bay.name]);
        }
      }),
      showCa: certificate('show', 'certificate:get', {title: gettext('CA Certificate of Bay')}),
      signCsr: certificate('sign', 'certificate:create', {
        title: gettext('Sign a Certificate Request for Bay'), submit: gettext('Sign'),
        icon: 'fa-certificate', stays: true
      })
    };

    // A dialog that changes the bay: its table lists it again and, as it
    // is then in progress, follows it until it settles.
    function change(rule, state, options) {
      return dialogAction.create(angular.extend({
        allowed: allowed.when(rule, state),
        resourceType: resourceType,
        changes: 'updated'
      }, options));
    }

    function certificate(mode, rule, dialog) {
      return dialogAction.create({
        allowed: allowed.when(rule, bayStatus.hasApi),
        dialog: angular.extend({name: 'bay-' + mode, body: 'bays/actions/certificate.html',
          controller: 'horizon.dashboard.container-infra.bays.CertificateController'}, dialog),
        context: function certificateOf(bay) { return {bay: bay, mode: mode}; }
      });
    }

    function inContext(bay) {
      return {bay: bay};
    }

    // What Resize Bay changes: the bay's default-worker group; read quietly,
    // without it (a service older than node groups) the bay's own counts.
    function defaultWorker(bay) {
      return nodeGroupsAPI.getNodeGroups(bay.uuid, true).then(function found(response) {
        return response.data.items.filter(function isDefaultWorker(group) {
          return group.is_default && group.role !== 'master';
        })[0];
      }, angular.noop).then(function resizing(group) {
        return {bay: bay, ofBay: true,
          group: group || {node_count: bay.node_count, node_addresses: bay.node_addresses}};
      });
    }
  }
})();
