/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.workflow.service', function () {
    var workflow, bayModelsAPI, baysAPI, choicesAPI, policy, modalForm, toast, $q, $rootScope;
    var opened, publishAllowed;

    var CHOICES = {
      coes: [{id: 'swarm-mode', name: 'Docker Swarm (mode)'}],
      drivers: [{name: 'local_swarm', coe: 'swarm-mode', server_type: 'local', os: 'docker'}]
    };

    beforeEach(module('horizon.dashboard.container-infra.bay-models'));

    beforeEach(inject(function ($injector) {
      workflow = $injector.get('horizon.dashboard.container-infra.bay-models.workflow.service');
      bayModelsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bay-models');
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      choicesAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-choices');
      policy = $injector.get('horizon.app.core.openstack-service-api.magnum-policy');
      modalForm = $injector.get('horizon.framework.widgets.form.ModalFormService');
      toast = $injector.get('horizon.framework.widgets.toast.service');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');

      opened = [];
      spyOn(modalForm, 'open').and.callFake(function (config) {
        var deferred = $q.defer();
        opened.push({config: config, deferred: deferred});
        return deferred.promise;
      });
      publishAllowed = true;
      spyOn(policy, 'ifAllowed').and.callFake(function () {
        return publishAllowed ? $q.resolve() : $q.reject();
      });
      spyOn(choicesAPI, 'getChoices').and.returnValue($q.resolve({data: CHOICES}));
      spyOn(toast, 'add');
    }));

    function settle(promise) {
      var outcome = {};
      promise.then(function (value) {
        outcome.value = value;
      }, function (reason) {
        outcome.rejected = true;
        outcome.reason = reason;
      });
      $rootScope.$apply();
      return outcome;
    }

    // Submits the last opened form after `edit` changed its model.
    function submit(edit) {
      var last = opened[opened.length - 1];
      edit(last.config.model);
      last.config.model.tabs = {selected: 1};
      last.deferred.resolve({model: last.config.model});
      $rootScope.$apply();
    }

    describe('create', function () {
      it('opens the form with defaults and creates what was filled in', function () {
        var created = {uuid: 'new', name: 'swarm1'};
        spyOn(bayModelsAPI, 'createBayModel').and.returnValue($q.resolve({data: created}));

        workflow.create();
        $rootScope.$apply();
        expect(opened.length).toBe(1);
        expect(opened[0].config.title).toBe('Create Bay Model');
        expect(opened[0].config.submitText).toBe('Create');
        expect(opened[0].config.size).toBe('lg');
        expect(opened[0].config.model.server_type).toBe('local');
        expect(policy.ifAllowed).toHaveBeenCalledWith(
          {rules: [['container-infra', 'clustertemplate:publish']]});

        submit(function (model) {
          model.name = 'swarm1';
          model.labels = 'a=1';
          model.image_id = '';
        });

        expect(bayModelsAPI.createBayModel).toHaveBeenCalledWith({
          name: 'swarm1', coe: 'swarm-mode', server_type: 'local', public: false,
          hidden: false, master_lb_enabled: false, floating_ip_enabled: true,
          registry_enabled: false, tls_disabled: false, labels: {a: '1'}
        });
        expect(toast.add).toHaveBeenCalledWith('success', 'Bay model swarm1 was created.');
      });

      it('resolves with the created bay model', function () {
        var promise;
        spyOn(bayModelsAPI, 'createBayModel').and.returnValue($q.resolve({data: {uuid: 'new'}}));

        promise = workflow.create();
        $rootScope.$apply();
        submit(function (model) { model.name = 'x'; });

        expect(settle(promise).value).toEqual({uuid: 'new'});
        expect(toast.add).toHaveBeenCalledWith('success', 'Bay model new was created.');
      });

      it('opens the form again, entries kept, when the server refuses', function () {
        var promise;
        spyOn(bayModelsAPI, 'createBayModel').and.callFake(function () {
          return bayModelsAPI.createBayModel.calls.count() === 1
            ? $q.reject({status: 400, data: 'No installed driver'})
            : $q.resolve({data: {uuid: 'u2', name: 'second'}});
        });

        promise = workflow.create();
        $rootScope.$apply();
        submit(function (model) { model.name = 'first'; });

        expect(opened.length).toBe(2);
        expect(opened[1].config.model).toBe(opened[0].config.model);
        expect(opened[1].config.model.name).toBe('first');

        submit(function (model) { model.name = 'second'; });
        expect(settle(promise).value.uuid).toBe('u2');
        expect(bayModelsAPI.createBayModel.calls.count()).toBe(2);
      });

      it('creates nothing when the form is cancelled', function () {
        var promise;
        spyOn(bayModelsAPI, 'createBayModel');

        promise = workflow.create();
        $rootScope.$apply();
        opened[0].deferred.reject('cancel');

        expect(settle(promise).rejected).toBe(true);
        expect(bayModelsAPI.createBayModel).not.toHaveBeenCalled();
      });

      it('still opens a form of free text when the choices cannot be read', function () {
        choicesAPI.getChoices.and.returnValue($q.reject({status: 500}));
        publishAllowed = false;

        workflow.create();
        $rootScope.$apply();

        expect(opened.length).toBe(1);
        expect(opened[0].config.model.server_type).toBe('vm');
        expect(opened[0].config.form[0].tabs[0].items[6].readonly).toBe(true);
      });
    });

    describe('update', function () {
      var item = {uuid: 'u1', name: 'old', coe: 'swarm-mode', server_type: 'local',
        cluster_distro: 'docker', public: false, labels: {a: '1'}, image_id: null,
        project_id: 'p1'};

      beforeEach(function () {
        spyOn(baysAPI, 'getBays').and.returnValue($q.resolve({data: {items: []}}));
      });

      it('sends only what changed', function () {
        var promise;
        spyOn(bayModelsAPI, 'updateBayModel').and.returnValue(
          $q.resolve({data: angular.extend({}, item, {name: 'new'})}));

        promise = workflow.update(item);
        $rootScope.$apply();
        expect(opened[0].config.title).toBe('Update Bay Model');
        expect(opened[0].config.model.name).toBe('old');
        submit(function (model) {
          model.name = 'new';
          model.labels = '';
          model.tags = '';
        });

        expect(bayModelsAPI.updateBayModel).toHaveBeenCalledWith('u1', {name: 'new', labels: null});
        expect(settle(promise).value.name).toBe('new');
        expect(toast.add).toHaveBeenCalledWith('success', 'Bay model new was updated.');
      });

      it('sends nothing and says so when nothing changed', function () {
        var promise;
        spyOn(bayModelsAPI, 'updateBayModel');

        promise = workflow.update(item);
        $rootScope.$apply();
        submit(angular.noop);

        expect(bayModelsAPI.updateBayModel).not.toHaveBeenCalled();
        expect(settle(promise).value).toBe(item);
        expect(toast.add).toHaveBeenCalledWith('info', 'Nothing was changed in old.');
      });

      it('freezes what cannot change when bays of the project use it', function () {
        baysAPI.getBays.and.returnValue($q.resolve({data: {items: [
          {uuid: 'b1', cluster_template_id: 'u1'}]}}));

        workflow.update(item);
        $rootScope.$apply();

        expect(opened[0].config.form[0].tabs[0].items[0].type).toBe('help');
      });

      it('leaves the checks to the service when the bays cannot be listed', function () {
        baysAPI.getBays.and.returnValue($q.reject({status: 503}));

        workflow.update(item);
        $rootScope.$apply();

        expect(opened.length).toBe(1);
        expect(opened[0].config.form[0].tabs[0].items[0].key).toBe('name');
      });
    });
  });
})();
