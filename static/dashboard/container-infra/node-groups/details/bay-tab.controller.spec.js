/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.node-groups.BayTabController', function () {
    var NAME = 'horizon.dashboard.container-infra.node-groups.BayTabController';
    var LISTED = 'horizon.dashboard.container-infra.common.LISTED';
    var CHANGED = 'horizon.dashboard.container-infra.common.CHANGED';
    var $controller, $q, $rootScope, allowedService, createAction, scope, loaded, refused;
    var bay = {uuid: 'b1', name: 'web', status: 'CREATE_COMPLETE', api_address: 'tcp://x'};

    beforeEach(module('horizon.dashboard.container-infra.node-groups'));

    beforeEach(inject(function ($injector) {
      $controller = $injector.get('$controller');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      allowedService = $injector.get('horizon.dashboard.container-infra.common.allowed.service');
      createAction = $injector.get('horizon.dashboard.container-infra.node-groups.actions.dialogs')
        .create;
      refused = [];
      spyOn($injector.get('horizon.app.core.openstack-service-api.magnum-policy'), 'ifAllowed')
        .and.callFake(function (query) {
          return refused.indexOf(query.rules[0][1]) < 0 ? $q.resolve() : $q.reject();
        });
      loaded = $q.defer();
      scope = $rootScope.$new();
      scope.context = {identifier: 'b1', loadPromise: loaded.promise};
    }));

    function open() {
      var ctrl = $controller(NAME, {$scope: scope});
      loaded.resolve({data: angular.extend({}, bay)});
      $rootScope.$apply();
      return ctrl;
    }

    function listed(type, items) {
      $rootScope.$broadcast(LISTED, type, items, false);
      $rootScope.$apply();
    }

    it('lists the groups of the bay of the details page', function () {
      var ctrl = open();
      expect(ctrl.listParams).toEqual({bayId: 'b1'});
      expect(ctrl.mayList).toBe(true);
    });

    it('says so, and lists nothing, without nodegroup:get_all', function () {
      refused = ['nodegroup:get_all'];
      expect(open().mayList).toBe(false);
    });

    it('offers Create Node Group on a bay at rest, and keeps its own copy of the bay',
      function () {
        var ctrl = open();
        expect(ctrl.canCreate).toBe(true);
        expect(ctrl.isBusy()).toBe(false);
        listed('OS::Magnum::NodeGroup', [{bay: {status: 'UPDATE_IN_PROGRESS'}}]);
        expect(ctrl.bay.status).toBe('UPDATE_IN_PROGRESS');
        expect(ctrl.isBusy()).toBe(true);
        expect(ctrl.canCreate).toBe(false);
        expect(bay.status).toBe('CREATE_COMPLETE');
      });

    it('asks again only when the bay\'s state changed', function () {
      var ctrl;
      spyOn(createAction, 'allowed').and.callThrough();
      ctrl = open();
      listed('OS::Magnum::NodeGroup', [{bay: {status: 'CREATE_COMPLETE'}}]);
      listed('OS::Magnum::NodeGroup', []);
      listed('OS::Magnum::Bay', [{bay: {status: 'DELETE_IN_PROGRESS'}}]);
      expect(createAction.allowed.calls.count()).toBe(1);
      expect(ctrl.bay.status).toBe('CREATE_COMPLETE');
    });

    it('offers nothing without nodegroup:create', function () {
      refused = ['nodegroup:create'];
      expect(open().canCreate).toBe(false);
    });

    it('heeds no listing before the bay is loaded', function () {
      var ctrl = $controller(NAME, {$scope: scope});
      listed('OS::Magnum::NodeGroup', [{bay: {status: 'CREATE_COMPLETE'}}]);
      expect(ctrl.bay).toBe(null);
      expect(ctrl.isBusy()).toBe(false);
    });

    it('creates a group in the bay, then has the table list it', function () {
      var ctrl = open();
      var changed = [];
      spyOn(createAction, 'perform').and.returnValue($q.resolve({created: [
        {type: 'OS::Magnum::NodeGroup', id: 'g9'}
      ]}));
      $rootScope.$on(CHANGED, function (event, type, id) { changed.push([type, id]); });
      ctrl.create();
      $rootScope.$apply();
      expect(createAction.perform).toHaveBeenCalledWith(ctrl.bay);
      expect(changed).toEqual([['OS::Magnum::NodeGroup', 'g9']]);
    });

    it('changes nothing when the dialog is cancelled', function () {
      var ctrl = open();
      var changed = false;
      spyOn(createAction, 'perform').and.returnValue($q.resolve(false));
      $rootScope.$on(CHANGED, function () { changed = true; });
      ctrl.create();
      $rootScope.$apply();
      expect(changed).toBe(false);
    });

    it('has the policy asked through the common allowed service', function () {
      spyOn(allowedService, 'check').and.callThrough();
      open();
      expect(allowedService.check).toHaveBeenCalledWith('nodegroup:get_all');
    });
  });
})();
