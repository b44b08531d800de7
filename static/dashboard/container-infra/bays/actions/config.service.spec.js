/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.actions.config', function () {
    var specs = window.actionSpecs;
    var action, $document, $window;
    var up = {uuid: 'b1', status: 'CREATE_COMPLETE', api_address: 'tcp://10.0.0.2:2376'};

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      action = $injector.get('horizon.dashboard.container-infra.bays.actions.config');
      $document = $injector.get('$document');
      $window = $injector.get('$window');
    }));

    it('is allowed by cluster:get_config on a bay with an API', function () {
      var policy = specs.allowPolicy();
      expect(specs.isAllowed(action, up)).toBe(true);
      expect(policy).toHaveBeenCalledWith({rules: [['container-infra', 'cluster:get_config']]});
      expect(specs.isAllowed(action, {status: 'CREATE_IN_PROGRESS', api_address: null}))
        .toBe(false);
      expect(specs.isAllowed(action, {status: 'DELETE_IN_PROGRESS', api_address: 'tcp://x'}))
        .toBe(false);
    });

    it('has the browser save the configuration through a link the router leaves alone',
      function () {
        var link = $document[0].createElement('a');
        spyOn($document[0], 'createElement').and.returnValue(link);
        spyOn(link, 'click');
        // false, not undefined: the details page stays where it is.
        expect(specs.settle(action.perform(up)).resolved).toBe(false);
        expect(link.click).toHaveBeenCalled();
        expect(link.getAttribute('href')).toBe('/api/container_infra/bays/b1/config/');
        expect(link.getAttribute('download')).toBe('');
        // AngularJS's $location does not route a link with a target.
        expect(link.getAttribute('target')).toBe('_self');
        expect(link.parentNode).toBe(null);
      });

    it('gives the download address under WEBROOT', function () {
      var saved = $window.WEBROOT;
      $window.WEBROOT = '/dashboard/';
      expect(action.url({uuid: 'b 1'})).toBe('/dashboard/api/container_infra/bays/b%201/config/');
      $window.WEBROOT = saved;
    });
  });
})();
