/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.UpgradeController', function () {
    var specs = window.actionSpecs;
    var bayModelsAPI, baysAPI, nodeGroupsAPI, $q, $controller;
    var groups = [{name: 'default-master', role: 'master'}, {name: 'gpu', role: 'worker'}];
    var v1 = {uuid: 'm1', name: 'swarm-v1', coe: 'swarm-mode'};
    var v2 = {uuid: 'm2', name: 'swarm-v2', coe: 'swarm-mode'};
    var k8s = {uuid: 'm3', name: 'k8s', coe: 'kubernetes'};

    // The translate filter of the field labels.
    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      bayModelsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bay-models');
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      nodeGroupsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-node-groups');
      $q = $injector.get('$q');
      $controller = $injector.get('$controller');
      spyOn(bayModelsAPI, 'getBayModels').and.returnValue($q.resolve({data: {items: [v1, v2, k8s]}}));
      spyOn(baysAPI, 'upgradeBay').and.returnValue($q.resolve({data: {uuid: 'b1'}}));
      spyOn(nodeGroupsAPI, 'getNodeGroups').and.returnValue($q.resolve({data: {items: groups}}));
    }));

    function start(templateId) {
      var ctrl = $controller('horizon.dashboard.container-infra.bays.UpgradeController', {
        context: {bay: {uuid: 'b1', name: 'web', cluster_template_id: templateId}}
      });
      specs.settle($q.resolve());
      return ctrl;
    }

    it('offers the other bay models of the bay\'s COE', function () {
      var ctrl = start('m1');
      expect(ctrl.loading).toBe(false);
      expect(ctrl.current).toBe(v1);
      expect(ctrl.candidates).toEqual([v2]);
    });

    it('offers every other bay model when the bay\'s own cannot be found', function () {
      var ctrl = start('gone');
      expect(ctrl.current).toBe(null);
      expect(ctrl.candidates).toEqual([v1, v2, k8s]);
    });

    it('is ready once a bay model is chosen, and upgrades to it', function () {
      var ctrl = start('m1');
      expect(ctrl.ready()).toBe(null);
      ctrl.model.cluster_template = 'm2';
      ctrl.model.max_batch_size = 2;
      expect(ctrl.ready()).toBe(v2);
      expect(specs.settle(ctrl.send()).resolved).toBe(v2);
      expect(baysAPI.upgradeBay).toHaveBeenCalledWith('b1', {cluster_template: 'm2', max_batch_size: 2});
    });

    it('offers the bay\'s node groups and upgrades only the one chosen', function () {
      var ctrl = start('m1');
      expect(nodeGroupsAPI.getNodeGroups).toHaveBeenCalledWith('b1', true);
      expect(ctrl.groups).toEqual(groups);
      ctrl.model.cluster_template = 'm2';
      ctrl.model.nodegroup = 'gpu';
      specs.settle(ctrl.send());
      expect(baysAPI.upgradeBay).toHaveBeenCalledWith('b1',
        {cluster_template: 'm2', max_batch_size: 1, nodegroup: 'gpu'});
    });

    it('upgrades the whole bay when its node groups cannot be read', function () {
      var ctrl;
      nodeGroupsAPI.getNodeGroups.and.returnValue($q.reject({status: 403}));
      ctrl = start('m1');
      expect(ctrl.groups).toEqual([]);
    });

    it('passes a refusal of the service on', function () {
      var ctrl = start('m1');
      baysAPI.upgradeBay.and.returnValue($q.reject({status: 400}));
      ctrl.model.cluster_template = 'm2';
      expect(specs.settle(ctrl.send()).rejected).toEqual({status: 400});
    });

    it('shows its prompts selected in both selects, not a blank option of its own', function () {
      var element = specs.dialogBody('horizon.dashboard.container-infra.bays.UpgradeController',
        {bay: {uuid: 'b1', name: 'web', cluster_template_id: 'm1'}}, 'bays/actions/upgrade.html').element;
      var selects = element.find('select');
      expect(selects.length).toBe(2);
      angular.forEach(selects, function noUnknown(select) {
        expect(select.options[select.selectedIndex].value).toBe('');
        expect(select.options[select.selectedIndex].text.trim()).not.toBe('');
      });
    });

    it('frames its fields, the required ones marked, the batch size in error below 1',
      function () {
        var body = specs.dialogBody('horizon.dashboard.container-infra.bays.UpgradeController',
          {bay: {uuid: 'b1', name: 'web', cluster_template_id: 'm1'}}, 'bays/actions/upgrade.html');
        var batch = body.element.find('#bay-upgrade-batch');
        expect(body.element.find('.form-group.required label').map(function () {
          return this.textContent.trim();
        }).get()).toEqual(['New Bay Model', 'Nodes Upgraded at Once']);
        batch.val('0').triggerHandler('input');
        expect(batch.closest('.form-group').hasClass('has-error')).toBe(true);
        expect(batch.closest('.form-group').text()).toContain('A whole number, 1 or more.');
      });

    it('stops waiting when the bay models cannot be read', function () {
      var ctrl;
      bayModelsAPI.getBayModels.and.returnValue($q.reject({status: 500}));
      ctrl = start('m1');
      expect(ctrl.loading).toBe(false);
      expect(ctrl.candidates).toEqual([]);
    });
  });
})();
