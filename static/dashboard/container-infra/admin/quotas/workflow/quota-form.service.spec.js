/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.quotas.form.service', function () {
    var service, modalForm, $q, $rootScope, opened;

    var PROJECTS = [{id: 'p1', name: 'demo'}, {id: 'p2'}];

    beforeEach(module('horizon.dashboard.container-infra.admin.quotas'));

    beforeEach(inject(function ($injector) {
      service = $injector.get('horizon.dashboard.container-infra.admin.quotas.form.service');
      modalForm = $injector.get('horizon.framework.widgets.form.ModalFormService');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      spyOn(modalForm, 'open').and.callFake(function (config) {
        opened = config;
        return $q.resolve({model: angular.extend({}, config.model, {hard_limit: 7})});
      });
    }));

    function field(key) {
      return opened.form.filter(function (item) { return item.key === key; })[0];
    }

    function validate(model) {
      return window.tv4.validateMultiple(model, opened.schema).errors.map(function (error) {
        return error.code;
      });
    }

    it('creates: project and resource are chosen, the limit starts at 1', function () {
      var submitted;
      service.open({title: 'Create Quota', submitText: 'Create', projects: PROJECTS})
        .then(function (model) { submitted = model; });
      $rootScope.$apply();

      expect(opened.title).toBe('Create Quota');
      expect(opened.submitText).toBe('Create');
      expect(opened.model).toEqual({resource: 'Cluster', hard_limit: 1});
      expect(field('project_id').readonly).toBe(false);
      expect(field('project_id').titleMap).toEqual([
        {value: 'p1', name: 'demo'}, {value: 'p2', name: 'p2'}
      ]);
      expect(field('project_id').description).toContain('already have a quota');
      expect(field('resource').titleMap).toEqual([{value: 'Cluster', name: 'Bays'}]);
      expect(submitted).toEqual({resource: 'Cluster', hard_limit: 7});
    });

    it('names the default limit in the hard limit\'s help when it is known', function () {
      service.open({title: 'T', submitText: 'S', projects: PROJECTS, defaultLimit: 20});
      expect(field('hard_limit').description).toContain('may have 20 bays (the default)');
      service.open({title: 'T', submitText: 'S', projects: PROJECTS, defaultLimit: 1});
      expect(field('hard_limit').description).toContain('may have 1 bay (the default)');
      service.open({title: 'T', submitText: 'S', projects: PROJECTS, defaultLimit: null});
      expect(field('hard_limit').description).toContain('gets the default limit');
    });

    it('says so when no project is left to choose', function () {
      service.open({title: 'Create Quota', submitText: 'Create', projects: []});
      expect(field('project_id').titleMap).toEqual([]);
      expect(field('project_id').description).toContain('Every project already has a quota');
    });

    it('updates: only the hard limit can change', function () {
      service.open({
        title: 'Update Quota',
        submitText: 'Update',
        projects: [{id: 'p1', name: 'demo'}],
        quota: {id: 4, project_id: 'p1', resource: 'Cluster', hard_limit: 3, name: 'demo'}
      });
      expect(opened.model).toEqual({project_id: 'p1', resource: 'Cluster', hard_limit: 3});
      expect(field('project_id').readonly).toBe(true);
      expect(field('resource').readonly).toBe(true);
      expect(field('project_id').description).toBe('');
    });

    it('accepts whole limits from 1 and explains each refusal under the field', function () {
      var messages;
      service.open({title: 'Create Quota', submitText: 'Create', projects: PROJECTS});
      messages = field('hard_limit').validationMessage;

      expect(validate({project_id: 'p1', resource: 'Cluster', hard_limit: 1})).toEqual([]);
      expect(validate({project_id: 'p1', resource: 'Cluster', hard_limit: 0})).toEqual([101]);
      expect(validate({project_id: 'p1', resource: 'Cluster', hard_limit: 1.5})).toEqual([0]);
      expect(validate({project_id: 'p1', resource: 'Cluster', hard_limit: 2147483648}))
        .toEqual([103]);
      expect(validate({resource: 'Cluster', hard_limit: 2})).toEqual([302]);
      expect(validate({project_id: 'p1', resource: 'Pods', hard_limit: 2})).toEqual([1]);
      expect(messages[101]).toBe('The hard limit must be 1 or more.');
      expect(messages[0]).toBe('Enter a whole number.');
      expect(messages[302]).toBe('Enter a hard limit.');
      expect(field('project_id').validationMessage[302]).toBe('Choose a project.');
    });

    it('rejects when the form is cancelled', function () {
      var rejected = false;
      modalForm.open.and.returnValue($q.reject('cancel'));
      service.open({title: 'Create Quota', submitText: 'Create', projects: PROJECTS})
        .catch(function () { rejected = true; });
      $rootScope.$apply();
      expect(rejected).toBe(true);
    });
  });
})();
