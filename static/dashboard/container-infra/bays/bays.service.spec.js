/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.service', function () {
    var service, bayModelsAPI, baysAPI, $q, $rootScope;
    var swarm = {uuid: 'm1', name: 'local-swarm', coe: 'swarm-mode'};

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      service = $injector.get('horizon.dashboard.container-infra.bays.service');
      bayModelsAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bay-models');
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
    }));

    describe('getBaysPromise', function () {
      beforeEach(function () {
        spyOn(baysAPI, 'getBays').and.returnValue($q.resolve({data: {items: [
          {uuid: 'x1', status: 'CREATE_COMPLETE', node_count: 2, cluster_template_id: 'm1',
           updated_at: '2026-05-06T07:08:09+00:00', bay_model_name: 'local-swarm',
           coe: 'swarm-mode'},
          {uuid: 'y2', status: 'CREATE_IN_PROGRESS', node_count: 1, cluster_template_id: 'gone'}
        ]}}));
      });

      it('keeps the bay model\'s name and COE the server gives each bay', function () {
        var items;
        spyOn(bayModelsAPI, 'getBayModels');

        service.getBaysPromise({name: 'ignored'}).then(function (response) {
          items = response.data.items;
        });
        $rootScope.$apply();

        expect(baysAPI.getBays).toHaveBeenCalledWith(undefined, false);
        expect(bayModelsAPI.getBayModels).not.toHaveBeenCalled();
        expect(items[0].bay_model_name).toBe('local-swarm');
        expect(items[0].coe).toBe('swarm-mode');
      });

      it('asks for the first page when the table does', function () {
        service.getBaysPromise({page: {limit: 20}});
        expect(baysAPI.getBays).toHaveBeenCalledWith({limit: 20}, false);
      });

      it('gives each bay an id and a trackBy key that changes with the bay', function () {
        var items;

        service.getBaysPromise().then(function (response) {
          items = response.data.items;
        });
        $rootScope.$apply();

        expect(items.map(function (item) { return item.id; })).toEqual(['x1', 'y2']);
        expect(items[0].trackBy).toBe('x1|CREATE_COMPLETE|2026-05-06T07:08:09+00:00|2');
        expect(items[1].trackBy).toBe('y2|CREATE_IN_PROGRESS||1');
      });

      it('lists without a toast when the panel asks for quiet', function () {
        service.getBaysPromise({poll: 3, quiet: true});
        $rootScope.$apply();

        expect(baysAPI.getBays).toHaveBeenCalledWith(undefined, true);
      });
    });

    describe('getAllBaysPromise', function () {
      it('lists every project\'s bays with the project list\'s keys',
        function () {
          var got;
          spyOn(baysAPI, 'getBays').and.returnValue($q.resolve({data: {items: [
            {uuid: 'b1', status: 'CREATE_COMPLETE', cluster_template_id: 'm1', project_id: 'p1'},
            {uuid: 'b2', status: 'CREATE_FAILED', cluster_template_id: 'm2', project_id: 'p2'}
          ]}}));
          spyOn(bayModelsAPI, 'getBayModels');

          service.getAllBaysPromise({name: 'ignored'}).then(function (response) {
            got = response.data.items;
          });
          $rootScope.$apply();

          expect(baysAPI.getBays).toHaveBeenCalledWith({all_projects: true}, false);
          expect(bayModelsAPI.getBayModels).not.toHaveBeenCalled();
          expect(got.map(function (bay) { return bay.id; })).toEqual(['b1', 'b2']);
          expect(got[0].trackBy).toContain('CREATE_COMPLETE');
        });

      it('lists without a toast when the panel asks for quiet', function () {
        spyOn(baysAPI, 'getBays').and.returnValue($q.resolve({data: {items: []}}));
        service.getAllBaysPromise({quiet: true});
        $rootScope.$apply();
        expect(baysAPI.getBays).toHaveBeenCalledWith({all_projects: true}, true);
        service.getAllBaysPromise({page: {limit: 20}});
        expect(baysAPI.getBays).toHaveBeenCalledWith({all_projects: true, limit: 20}, false);
      });
    });

    it('passes a failure to list on', function () {
      var failure = {status: 503, data: 'down'};
      var rejected;
      spyOn(baysAPI, 'getBays').and.returnValue($q.reject(failure));

      service.getBaysPromise().catch(function (response) {
        rejected = response;
      });
      $rootScope.$apply();

      expect(rejected).toBe(failure);
    });

    describe('getBayPromise', function () {
      beforeEach(function () {
        spyOn(baysAPI, 'getBay').and.returnValue($q.resolve({data: {
          uuid: 'x1', status: 'CREATE_COMPLETE', cluster_template_id: 'm1'
        }}));
      });

      it('loads the bay with its bay model', function () {
        var bay;
        spyOn(bayModelsAPI, 'getBayModel').and.returnValue($q.resolve({data: swarm}));

        service.getBayPromise('x1').then(function (response) {
          bay = response.data;
        });
        $rootScope.$apply();

        expect(baysAPI.getBay).toHaveBeenCalledWith('x1');
        expect(bayModelsAPI.getBayModel).toHaveBeenCalledWith('m1');
        expect(bay.bay_model).toBe(swarm);
        expect(bay.bay_model_name).toBe('local-swarm');
        expect(bay.id).toBe('x1');
      });

      it('loads the bay when its bay model cannot be read', function () {
        var bay;
        spyOn(bayModelsAPI, 'getBayModel').and.returnValue($q.reject({status: 404}));

        service.getBayPromise('x1').then(function (response) {
          bay = response.data;
        });
        $rootScope.$apply();

        expect(bay.bay_model).toBe(null);
        expect(bay.bay_model_name).toBe('m1');
      });
    });

    it('names a bay model without a name by its id', function () {
      expect(service.decorate({uuid: 'b'}, {uuid: 'm9', coe: 'kubernetes'}).bay_model_name)
        .toBe('m9');
    });

    it('lists through the real API service', inject(function ($injector) {
      var $httpBackend = $injector.get('$httpBackend');
      var registry = $injector.get('horizon.framework.conf.resource-type-registry.service');
      var items;
      $httpBackend.expectGET('/api/container_infra/bays/?limit=20&sort_key=name').respond(200, {
        items: [{uuid: 'z3', name: 'prod', status: 'CREATE_COMPLETE', cluster_template_id: 'm1',
                 bay_model_name: 'local-swarm', coe: 'swarm-mode'}],
        more: false
      });

      registry.getResourceType('OS::Magnum::Bay').list().then(function (response) {
        items = response.data.items;
      });
      $httpBackend.flush();

      expect(items[0].name).toBe('prod');
      expect(items[0].coe).toBe('swarm-mode');
      $httpBackend.verifyNoOutstandingExpectation();
    }));
  });
})();
