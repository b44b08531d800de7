/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.CreateController', function () {
    var specs = window.actionSpecs;
    var bayModelsAPI, baysAPI, choicesAPI, $q, $rootScope, $controller;
    var swarm = {uuid: 'm1', name: 'local-swarm', coe: 'swarm-mode', keypair_id: 'ops',
                 labels: {zone: 'a'}};
    var k8s = {uuid: 'm2', name: 'k8s', coe: 'kubernetes', keypair_id: null, labels: {}};
    var hidden = {uuid: 'm3', name: 'old', coe: 'kubernetes', hidden: true};


    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      bayModelsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bay-models');
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      choicesAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-choices');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      $controller = $injector.get('$controller');
      spyOn(bayModelsAPI, 'getBayModels').and.returnValue($q.resolve({data: {items: [swarm, k8s, hidden]}}));
      spyOn(choicesAPI, 'getChoices').and.returnValue($q.resolve({data: {
        keypairs: {items: [{id: 'ops', name: 'ops'}], unavailable: null}
      }}));
      spyOn(baysAPI, 'createBay').and.returnValue($q.resolve({data: {uuid: 'b1'}}));
    }));

    function start() {
      var ctrl = $controller('horizon.dashboard.container-infra.bays.CreateController');
      $rootScope.$apply();
      return ctrl;
    }

    it('offers the visible bay models and the keypairs', function () {
      var ctrl = start();
      expect(ctrl.loading).toBe(false);
      expect(ctrl.bayModels).toEqual([swarm, k8s]);
      expect(ctrl.keypairs).toEqual([{id: 'ops', name: 'ops'}]);
      expect(ctrl.keypairsUnavailable).toBe(null);
      expect(ctrl.model.cluster_template_id).toBe(null);
    });

    it('shows the chosen bay model and takes its defaults', function () {
      var ctrl = start();
      ctrl.model.cluster_template_id = 'm1';
      ctrl.selectBayModel();
      expect(ctrl.bayModel).toBe(swarm);
      expect(ctrl.bayModelLabels).toBe('zone=a');
      expect(ctrl.model.keypair).toBe('ops');
      ctrl.model.cluster_template_id = 'm2';
      ctrl.selectBayModel();
      expect(ctrl.model.keypair).toBe(null);
      ctrl.model.cluster_template_id = '';
      ctrl.selectBayModel();
      expect(ctrl.bayModel).toBe(null);
      expect(ctrl.bayModelLabels).toBe('');
    });

    it('keeps a keypair the user chose', function () {
      var ctrl = start();
      ctrl.form = {keypair: {$dirty: true}};
      ctrl.model.keypair = 'mine';
      ctrl.model.cluster_template_id = 'm1';
      ctrl.selectBayModel();
      expect(ctrl.model.keypair).toBe('mine');
    });

    it('chooses the only bay model there is', function () {
      var ctrl;
      bayModelsAPI.getBayModels.and.returnValue($q.resolve({data: {items: [swarm]}}));
      ctrl = start();
      expect(ctrl.model.cluster_template_id).toBe('m1');
      expect(ctrl.bayModel).toBe(swarm);
    });

    it('says why there are no keypairs, and still works without them', function () {
      var ctrl;
      choicesAPI.getChoices.and.returnValue($q.resolve({data: {
        keypairs: {items: [], unavailable: 'The compute service is not in the catalog.'}
      }}));
      ctrl = start();
      expect(ctrl.keypairsUnavailable).toBe('The compute service is not in the catalog.');

      choicesAPI.getChoices.and.returnValue($q.resolve({data: {}}));
      ctrl = start();
      expect(ctrl.keypairs).toEqual([]);

      choicesAPI.getChoices.and.returnValue($q.reject({status: 500}));
      ctrl = start();
      expect(ctrl.keypairsUnavailable).toBe(true);
    });

    it('stops waiting when the bay models cannot be read', function () {
      var ctrl;
      bayModelsAPI.getBayModels.and.returnValue($q.reject({status: 500}));
      ctrl = start();
      expect(ctrl.loading).toBe(false);
      expect(ctrl.bayModels).toEqual([]);
    });

    it('marks wrong labels next to the field and does not send them', function () {
      var ctrl = start();
      ctrl.form = {labels: jasmine.createSpyObj('labels', ['$setValidity'])};
      ctrl.model.cluster_template_id = 'm1';
      ctrl.model.labels = 'zone=b\nnot a label';

      expect('rejected' in specs.settle(ctrl.send())).toBe(true);

      expect(ctrl.labelsError).toContain('Line 2');
      expect(ctrl.form.labels.$setValidity).toHaveBeenCalledWith('labels', false);
      expect(baysAPI.createBay).not.toHaveBeenCalled();

      ctrl.model.labels = 'zone=b';
      expect(ctrl.checkLabels()).toEqual({zone: 'b'});
      expect(ctrl.labelsError).toBe('');
      expect(ctrl.form.labels.$setValidity).toHaveBeenCalledWith('labels', true);
    });

    it('is ready once the bay models are read', function () {
      var ctrl = $controller('horizon.dashboard.container-infra.bays.CreateController');
      expect(ctrl.ready()).toBe(false);
      $rootScope.$apply();
      expect(ctrl.ready()).toBe(true);
    });

    it('creates the bay with the labels merged over the bay model\'s', function () {
      var ctrl = start();
      ctrl.model.cluster_template_id = 'm1';
      ctrl.selectBayModel();
      ctrl.model.name = 'web';
      ctrl.model.node_count = 2;
      ctrl.model.labels = 'zone=b';

      expect(specs.settle(ctrl.send()).resolved).toEqual({uuid: 'b1', name: 'web'});
      expect(baysAPI.createBay).toHaveBeenCalledWith({
        cluster_template_id: 'm1', name: 'web', master_count: 1, node_count: 2,
        create_timeout: 60, keypair: 'ops', labels: {zone: 'b'}, merge_labels: true
      });
    });

    it('leaves out what the form leaves empty', function () {
      var ctrl = start();
      ctrl.model.cluster_template_id = 'm2';
      ctrl.model.create_timeout = null;
      baysAPI.createBay.and.returnValue($q.resolve({data: {uuid: 'b2', name: 'k8s-abc123'}}));

      expect(specs.settle(ctrl.send()).resolved).toEqual({uuid: 'b2', name: 'k8s-abc123'});
      expect(baysAPI.createBay).toHaveBeenCalledWith({
        cluster_template_id: 'm2', master_count: 1, node_count: 1
      });
    });

    it('keeps what was typed when the service refuses', function () {
      var ctrl = start();
      baysAPI.createBay.and.returnValue($q.reject({status: 400}));
      ctrl.model.cluster_template_id = 'm1';
      ctrl.model.name = 'web';
      expect(specs.settle(ctrl.send()).rejected).toEqual({status: 400});
      expect(ctrl.model.name).toBe('web');
    });

    it('bounds the node counts by the chosen bay model\'s driver and says so', function () {
      var ctrl, element, input;
      var local = {uuid: 'm4', name: 'local', coe: 'swarm-mode', server_type: 'local'};
      bayModelsAPI.getBayModels.and.returnValue($q.resolve({data: {items: [local, k8s]}}));
      choicesAPI.getChoices.and.returnValue($q.resolve({data: {drivers: [
        {coe: 'swarm-mode', server_type: 'local', node_limits: {masters: 3, default_workers: 90}}
      ]}}));
      ctrl = start();
      expect(ctrl.limits).toEqual({masters: 100, workers: 1000});
      element = specs.renderBody('bays/actions/create.html', ctrl);
      input = element.find('#bay-node-count');
      ctrl.model.cluster_template_id = 'm4';
      ctrl.selectBayModel();
      input.val('95').triggerHandler('input');
      $rootScope.$apply();
      expect(ctrl.limits).toEqual({masters: 3, workers: 90});
      expect(ctrl.form.node_count.$error.max).toBe(true);
      expect(element.find('.bay-node-count-error').text()).toContain('from 0 to 90');

      input.val('90').triggerHandler('input');
      $rootScope.$apply();
      expect(ctrl.form.node_count.$valid).toBe(true);

      element.find('#bay-master-count').val('0').triggerHandler('input');
      $rootScope.$apply();
      expect(ctrl.form.master_count.$error.min).toBe(true);
      expect(element.find('#bay-master-count').closest('.form-group').hasClass('has-error'))
        .toBe(true);
      expect(element.find('.bay-master-count-error').text()).toContain('from 1 to 3');

      ctrl.model.cluster_template_id = 'm2';
      ctrl.selectBayModel();
      expect(ctrl.limits).toEqual({masters: 100, workers: 1000});
    });

    it('says next to the field what is wrong with a name', function () {
      var ctrl = start();
      var element = specs.renderBody('bays/actions/create.html', ctrl);
      var input = element.find('#bay-name');

      input.val('my bay').triggerHandler('input');
      $rootScope.$apply();
      expect(element.find('.bay-name-error').length).toBe(1);
      expect(element.find('.bay-name-error').text()).toContain('starts with a letter');
      expect(ctrl.form.$valid).toBe(false);

      input.val('my-bay').triggerHandler('input');
      $rootScope.$apply();
      expect(element.find('.bay-name-error').length).toBe(0);
    });
  });
})();
