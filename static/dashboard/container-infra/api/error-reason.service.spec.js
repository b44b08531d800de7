/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.app.core.openstack-service-api.magnum-error-reason', function () {
    var errorReason;

    beforeEach(module('horizon.framework'));
    beforeEach(module('horizon.app.core.openstack-service-api'));

    beforeEach(inject(function ($injector) {
      errorReason = $injector.get('horizon.app.core.openstack-service-api.magnum-error-reason');
    }));

    it('reads the JSON string Horizon\'s REST layer answers', function () {
      expect(errorReason({status: 500, data: 'Magnum endpoint not found in the catalog'}))
        .toBe('Magnum endpoint not found in the catalog');
    });

    it('reads a JSON string sent without a JSON content type', function () {
      expect(errorReason({status: 409, data: '"Bay name already taken"'}))
        .toBe('Bay name already taken');
    });

    it('keeps a plain text body that is not valid JSON', function () {
      expect(errorReason({status: 500, data: '"half" quoted "text"'}))
        .toBe('"half" quoted "text"');
    });

    it('gives the HTTP status instead of an HTML error page', function () {
      var response = {
        status: 502, statusText: 'Bad Gateway', data: '<html><body>Bad Gateway</body></html>'
      };
      expect(errorReason(response)).toBe('502 Bad Gateway');
    });

    it('reads a nested error message of an object body', function () {
      expect(errorReason({status: 400, data: {error: {message: 'Quota exceeded for clusters'}}}))
        .toBe('Quota exceeded for clusters');
    });

    it('prefers the first known key that has text', function () {
      expect(errorReason({status: 400, data: {message: '', detail: 'The detail', title: 'T'}}))
        .toBe('The detail');
    });

    it('gives the whole object when it has no known key', function () {
      expect(errorReason({status: 502, data: {code: 'E42'}})).toBe('{"code":"E42"}');
    });

    it('falls back on the HTTP status when the body is empty', function () {
      expect(errorReason({status: 503, statusText: 'Service Unavailable', data: ''}))
        .toBe('503 Service Unavailable');
    });

    it('gives the bare status code when there is no status text', function () {
      expect(errorReason({status: 500, data: {}})).toBe('500');
    });

    it('says that the server did not answer when there is no response', function () {
      expect(errorReason({status: -1, data: null})).toBe('No response from the server.');
      expect(errorReason(undefined)).toBe('No response from the server.');
    });
  });
})();
