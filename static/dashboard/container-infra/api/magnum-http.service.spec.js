/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.app.core.openstack-service-api.magnum-http', function () {
    var http, $httpBackend, $q, $rootScope, $timeout, apiService, toast;
    var JSON_TYPE = {'Content-Type': 'application/json'};

    beforeEach(module('horizon.framework'));
    beforeEach(module('horizon.app.core.openstack-service-api'));

    beforeEach(inject(function ($injector) {
      http = $injector.get('horizon.app.core.openstack-service-api.magnum-http');
      apiService = $injector.get('horizon.framework.util.http.service');
      toast = $injector.get('horizon.framework.widgets.toast.service');
      $httpBackend = $injector.get('$httpBackend');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      $timeout = $injector.get('$timeout');
      spyOn(toast, 'add');
    }));

    afterEach(function () {
      $httpBackend.verifyNoOutstandingExpectation();
      $httpBackend.verifyNoOutstandingRequest();
    });

    function rejection(promise) {
      var rejected;
      promise.catch(function (response) { rejected = response; });
      return function () { return rejected; };
    }

    it('builds the URLs of the endpoints, each part escaped', function () {
      expect(http.url('bays')).toBe('/api/container_infra/bays/');
      expect(http.url('bays', 'a/b c', 'resize')).toBe('/api/container_infra/bays/a%2Fb%20c/resize/');
    });

    it('links under WEBROOT, with the given query by key', inject(function ($window) {
      var saved = $window.WEBROOT;
      expect(http.link('/api/container_infra/bays/b1/config/'))
        .toBe('/api/container_infra/bays/b1/config/');
      $window.WEBROOT = '/dashboard/';
      expect(http.link('/api/x/', {tail: 5, download: 1, namespace: '', since: null, a: 'b c'}))
        .toBe('/dashboard/api/x/?a=b%20c&download=1&tail=5');
      $window.WEBROOT = saved;
    }));

    it('sends the query parameters', function () {
      $httpBackend.expectGET('/api/container_infra/bays/?all_projects=true').respond(200, {});
      http.get(http.url('bays'), 'Unable: %s', {params: {all_projects: true}});
      $httpBackend.flush();
    });

    describe('the first page a table page asked for early', function () {
      var saved;

      beforeEach(inject(function ($window) {
        saved = $window.magnumFirstPage;
      }));

      afterEach(inject(function ($window) {
        $window.magnumFirstPage = saved;
      }));

      function early(answer) {
        inject(function ($window) {
          $window.magnumFirstPage = {url: '/api/container_infra/bays/?limit=20', answer: answer};
        });
      }

      function read(params) {
        var got = {};
        http.get(http.url('bays'), 'Unable: %s', {params: params}).then(function (response) {
          got.data = response.data;
        }, function (response) {
          got.failed = response.status;
        });
        return got;
      }

      it('is taken by the first get of its URL, once', function () {
        early(window.Promise.resolve({items: [{uuid: 'b1'}], more: true}));
        var first = read({limit: 20});
        var done = new window.Promise(function (resolve) { setTimeout(resolve, 0); });
        return done.then(function () {
          $rootScope.$apply();
          expect(first.data).toEqual({items: [{uuid: 'b1'}], more: true});
          $httpBackend.expectGET('/api/container_infra/bays/?limit=20').respond(200, {items: []});
          read({limit: 20});
          $httpBackend.flush();
        });
      });

      it('leaves other URLs alone', function () {
        early(window.Promise.resolve({items: []}));
        $httpBackend.expectGET('/api/container_infra/bays/').respond(200, {items: [{uuid: 'x'}]});
        var got = read();
        $httpBackend.flush();
        expect(got.data.items[0].uuid).toBe('x');
        inject(function ($window) {
          expect($window.magnumFirstPage).not.toBe(null);
        });
      });

      it('is asked again when the early request failed', function () {
        early(window.Promise.reject(401));
        var got = read({limit: 20});
        var done = new window.Promise(function (resolve) { setTimeout(resolve, 0); });
        return done.then(function () {
          $httpBackend.expectGET('/api/container_infra/bays/?limit=20').respond(200, {items: []});
          $rootScope.$apply();
          $httpBackend.flush();
          expect(got.data).toEqual({items: []});
        });
      });
    });

    it('shares one request among the same asks of one turn, then asks again', function () {
      $httpBackend.expectGET('/api/container_infra/stats/').respond(200, {bays: 0});
      expect(http.get(http.url('stats'), null, {once: true}))
        .toBe(http.get(http.url('stats'), null, {once: true}));
      $httpBackend.flush();
      $timeout.flush();
      $httpBackend.expectGET('/api/container_infra/stats/').respond(200, {bays: 1});
      http.get(http.url('stats'), null, {once: true});
      $httpBackend.flush();
    });

    it('keeps asks with other parameters apart', function () {
      $httpBackend.expectGET('/api/container_infra/bays/').respond(200, {});
      $httpBackend.expectGET('/api/container_infra/bays/?all_projects=true').respond(200, {});
      http.get(http.url('bays'), null, {once: true});
      http.get(http.url('bays'), null, {once: true, params: {all_projects: true}});
      $httpBackend.flush();
    });

    it('keeps replacement patterns of the reason as they are', function () {
      $httpBackend.expectPATCH('/api/container_infra/stats/').respond(500, '"bad $& and $1"', JSON_TYPE);
      http.patch(http.url('stats'), {}, 'Unable to retrieve the bay statistics: %s')
        .catch(angular.noop);
      $httpBackend.flush();
      expect(toast.add).toHaveBeenCalledWith(
        'error', 'Unable to retrieve the bay statistics: bad $& and $1');
    });

    it('words the toast with a function of the reason', function () {
      $httpBackend.expectDELETE('/api/container_infra/x/').respond(409, '"In use."', JSON_TYPE);
      http.remove(http.url('x'), function (reason) { return 'No: ' + reason; })
        .catch(angular.noop);
      $httpBackend.flush();
      expect(toast.add).toHaveBeenCalledWith('error', 'No: In use.');
    });

    it('toasts nothing without a message, or when told not to', function () {
      var first, second;
      $httpBackend.expectPOST('/api/container_infra/x/').respond(400, '"Bad."', JSON_TYPE);
      $httpBackend.expectPOST('/api/container_infra/x/').respond(400, '"Bad."', JSON_TYPE);
      first = rejection(http.post(http.url('x'), {}, null));
      second = rejection(http.post(http.url('x'), {}, 'Unable: %s', {suppressError: true}));
      $httpBackend.flush();
      expect(first().status).toBe(400);
      expect(second().status).toBe(400);
      expect(toast.add).not.toHaveBeenCalled();
    });

    it('says that the server did not answer when there is no response', function () {
      var rejected;
      spyOn(apiService, 'get').and.returnValue($q.reject({status: -1, data: null}));
      rejected = rejection(http.get(http.url('bays', 'b-1'), 'Unable to retrieve the bay: %s'));
      $rootScope.$apply();
      expect(rejected().status).toBe(-1);
      expect(toast.add).toHaveBeenCalledWith(
        'error', 'Unable to retrieve the bay: No response from the server.');
    });
  });
})();
