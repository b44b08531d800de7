/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.app.core.openstack-service-api.magnum', function () {
    var magnum, $httpBackend, $q, $rootScope, apiService, toastService;

    var JSON_TYPE = {'Content-Type': 'application/json'};

    var calls = [
      {
        func: 'getBayModels',
        url: '/api/container_infra/bay_models/',
        what: 'bay models'
      },
      {
        func: 'getBays',
        url: '/api/container_infra/bays/',
        what: 'bays'
      }
    ];

    beforeEach(module('horizon.framework'));
    beforeEach(module('horizon.app.core.openstack-service-api'));

    beforeEach(inject(function ($injector) {
      magnum = $injector.get('horizon.app.core.openstack-service-api.magnum');
      apiService = $injector.get('horizon.framework.util.http.service');
      toastService = $injector.get('horizon.framework.widgets.toast.service');
      $httpBackend = $injector.get('$httpBackend');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      spyOn(toastService, 'add').and.callThrough();
    }));

    afterEach(function () {
      $httpBackend.verifyNoOutstandingExpectation();
      $httpBackend.verifyNoOutstandingRequest();
    });

    it('offers exactly the documented calls', function () {
      expect(Object.keys(magnum).sort()).toEqual(['getBays', 'getBayModels'].sort());
    });

    calls.forEach(function (call) {
      describe(call.func, function () {
        var outcome;

        beforeEach(function () {
          outcome = {};
        });

        function run() {
          magnum[call.func]().then(
            function (response) { outcome.resolved = response; },
            function (response) { outcome.rejected = response; }
          );
          $httpBackend.flush();
        }

        it('GETs ' + call.url + ' and resolves with its items', function () {
          var items = [{uuid: 'u-1', name: 'one'}, {uuid: 'u-2', name: 'two'}];
          $httpBackend.expectGET(call.url).respond(200, {items: items});

          run();

          expect(outcome.resolved.data.items).toEqual(items);
          expect(outcome.rejected).toBeUndefined();
          expect(toastService.add).not.toHaveBeenCalled();
        });

        it('toasts the reason of a JSON string error and rejects', function () {
          $httpBackend.expectGET(call.url)
            .respond(500, '"Magnum endpoint not found in the catalog"', JSON_TYPE);

          run();

          expect(outcome.resolved).toBeUndefined();
          expect(outcome.rejected.status).toBe(500);
          expect(toastService.add).toHaveBeenCalledWith(
            'error',
            'Unable to retrieve the ' + call.what +
              ': Magnum endpoint not found in the catalog');
        });

        it('reads a JSON string sent without a JSON content type', function () {
          $httpBackend.expectGET(call.url)
            .respond(409, '"Bay name already taken"', {'Content-Type': 'text/plain'});

          run();

          expect(outcome.rejected.status).toBe(409);
          expect(toastService.add.calls.mostRecent().args[1])
            .toBe('Unable to retrieve the ' + call.what + ': Bay name already taken');
        });

        it('keeps a plain text body that is not valid JSON', function () {
          $httpBackend.expectGET(call.url)
            .respond(500, '"half" quoted "text"', {'Content-Type': 'text/plain'});

          run();

          expect(toastService.add.calls.mostRecent().args[1])
            .toBe('Unable to retrieve the ' + call.what + ': "half" quoted "text"');
        });

        it('gives the HTTP status instead of an HTML error page', function () {
          $httpBackend.expectGET(call.url).respond(
            502, '<html><body>Bad Gateway</body></html>',
            {'Content-Type': 'text/html'}, 'Bad Gateway');

          run();

          expect(toastService.add.calls.mostRecent().args[1])
            .toBe('Unable to retrieve the ' + call.what + ': 502 Bad Gateway');
        });

        it('toasts a nested error message of an object body', function () {
          $httpBackend.expectGET(call.url)
            .respond(400, {error: {message: 'Quota exceeded for clusters'}});

          run();

          expect(outcome.rejected.status).toBe(400);
          expect(toastService.add.calls.mostRecent().args[1])
            .toBe('Unable to retrieve the ' + call.what + ': Quota exceeded for clusters');
        });

        it('toasts the whole object when it has no known key', function () {
          $httpBackend.expectGET(call.url).respond(502, {code: 'E42'});

          run();

          expect(toastService.add.calls.mostRecent().args[1])
            .toBe('Unable to retrieve the ' + call.what + ': {"code":"E42"}');
        });

        it('falls back on the HTTP status when the body is empty', function () {
          $httpBackend.expectGET(call.url)
            .respond(503, '', {}, 'Service Unavailable');

          run();

          expect(outcome.rejected.status).toBe(503);
          expect(toastService.add.calls.mostRecent().args[1])
            .toBe('Unable to retrieve the ' + call.what + ': 503 Service Unavailable');
        });

        it('gives the bare status code when there is no status text', function () {
          $httpBackend.expectGET(call.url).respond(500, {});

          run();

          expect(toastService.add.calls.mostRecent().args[1])
            .toBe('Unable to retrieve the ' + call.what + ': 500');
        });

        it('keeps replacement patterns of the reason as they are', function () {
          $httpBackend.expectGET(call.url)
            .respond(500, '"bad value $& and $1"', JSON_TYPE);

          run();

          expect(toastService.add.calls.mostRecent().args[1])
            .toBe('Unable to retrieve the ' + call.what + ': bad value $& and $1');
        });

        it('says that the server did not answer when there is no response', function () {
          spyOn(apiService, 'get').and.returnValue($q.reject({status: -1, data: null}));

          magnum[call.func]().catch(function (response) {
            outcome.rejected = response;
          });
          $rootScope.$apply();

          expect(apiService.get).toHaveBeenCalledWith(call.url);
          expect(outcome.rejected.status).toBe(-1);
          expect(toastService.add).toHaveBeenCalledWith(
            'error',
            'Unable to retrieve the ' + call.what + ': No response from the server.');
        });

        it('copes with a rejection that carries nothing', function () {
          spyOn(apiService, 'get').and.returnValue($q.reject());

          magnum[call.func]().catch(function (response) {
            outcome.rejected = response;
            outcome.caught = true;
          });
          $rootScope.$apply();

          expect(outcome.caught).toBe(true);
          expect(outcome.rejected).toBeUndefined();
          expect(toastService.add).toHaveBeenCalledWith(
            'error',
            'Unable to retrieve the ' + call.what + ': No response from the server.');
        });
      });
    });
  });
})();
