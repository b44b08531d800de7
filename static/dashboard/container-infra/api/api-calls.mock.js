/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * A spec helper, loaded before the specs (karma.conf.js): the behaviour
 * every call of the api/ services shares, checked from a table of calls.
 */
/* global describe, it, expect, beforeEach, afterEach, module, inject, spyOn */
(function (globals) {
  'use strict';

  var JSON_TYPE = {'Content-Type': 'application/json'};
  var BASE = '/api/container_infra/';

  globals.magnumApiSpecs = {
    describeCalls: describeCalls
  };

  /**
   * @name describeCalls
   * @param {string} name The API service's name
   * @param {Object[]} calls {func, args, method, url (under BASE), data,
   *   toast (the start of its error toast), suppressible (its last
   *   argument is suppressError)}
   * @description
   * Each call sends its request, resolves with the answer, asks Horizon
   * not to add its own 403 toast, toasts the server's reason and rejects
   * (without a toast when suppressed); the service offers exactly these.
   * @returns {undefined} Returns nothing
   */
  function describeCalls(name, calls, extra) {
    describe(name + ' (the calls)', function () {
      var api, $httpBackend, apiService, toastService;

      beforeEach(module('horizon.framework'));
      beforeEach(module('horizon.app.core.openstack-service-api'));

      beforeEach(inject(function ($injector) {
        api = $injector.get(name);
        apiService = $injector.get('horizon.framework.util.http.service');
        toastService = $injector.get('horizon.framework.widgets.toast.service');
        $httpBackend = $injector.get('$httpBackend');
        spyOn(toastService, 'add').and.callThrough();
      }));

      afterEach(function () {
        $httpBackend.verifyNoOutstandingExpectation();
        $httpBackend.verifyNoOutstandingRequest();
      });

      it('offers exactly the documented calls', function () {
        var documented = calls.map(function (call) { return call.func; }).concat(extra || []);
        var unique = documented.filter(function (func, index) {
          return documented.indexOf(func) === index;
        });
        expect(Object.keys(api).sort()).toEqual(unique.sort());
      });

      calls.forEach(function (call) {
        describe(call.func + '(' + angular.toJson(call.args || []) + ')', function () {
          var outcome;

          beforeEach(function () {
            outcome = {};
          });

          function expectRequest() {
            return $httpBackend.expect(call.method, BASE + call.url, call.data);
          }

          function run(extraArgs) {
            var args = (call.args || []).concat(extraArgs || []);
            api[call.func].apply(api, args).then(
              function (response) { outcome.resolved = response; },
              function (response) { outcome.rejected = response; }
            );
            $httpBackend.flush();
          }

          it('sends ' + call.method + ' ' + call.url + ' and resolves with the answer',
            function () {
              var answer = {items: [{uuid: 'u-1'}], pem: 'PEM'};
              expectRequest().respond(200, answer);
              run();
              expect(outcome.resolved.data).toEqual(answer);
              expect(toastService.add).not.toHaveBeenCalled();
            });

          it('asks Horizon not to add its generic 403 toast', function () {
            var method = call.method.toLowerCase();
            spyOn(apiService, method).and.callThrough();
            expectRequest().respond(200, {});
            run();
            expect(apiService[method].calls.mostRecent().args.slice(-1)[0].suppress403Toast)
              .toBe(true);
          });

          it('toasts the server\'s reason once and rejects', function () {
            expectRequest().respond(403, '"Policy doesn\'t allow it."', JSON_TYPE);
            run();
            expect(outcome.rejected.status).toBe(403);
            expect(toastService.add.calls.count()).toBe(1);
            expect(toastService.add).toHaveBeenCalledWith(
              'error', call.toast + ': Policy doesn\'t allow it.');
          });

          if (call.suppressible) {
            it('rejects without a toast when suppressError is true', function () {
              expectRequest().respond(409, '"Bay model in use by bay b-9"', JSON_TYPE);
              run([true]);
              expect(outcome.rejected.status).toBe(409);
              expect(toastService.add).not.toHaveBeenCalled();
            });
          }
        });
      });
    });
  }
})(window);
