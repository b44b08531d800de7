/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('magnumNodeGroupStatus', function () {
    var $compile, $rootScope;

    beforeEach(module('horizon.dashboard.container-infra.node-groups'));

    beforeEach(inject(function ($injector, $templateCache) {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', '/base/static/dashboard/container-infra/node-groups/node-group-status.html',
        false);
      xhr.send();
      $templateCache.put('/static/dashboard/container-infra/node-groups/node-group-status.html',
        xhr.responseText);
      $compile = $injector.get('$compile');
      $rootScope = $injector.get('$rootScope');
    }));

    function render(group) {
      var scope = $rootScope.$new();
      var element;
      scope.item = group;
      element = $compile('<magnum-node-group-status group="item"></magnum-node-group-status>')(
        scope);
      scope.$digest();
      return element;
    }

    it('shows the label of the status', function () {
      var element = render({status: 'CREATE_COMPLETE', status_reason: 'ignored'});
      expect(element.find('.node-group-status').text()).toBe('Create Complete');
      expect(element.find('.progress').length).toBe(0);
      expect(element.find('.node-group-status-reason').length).toBe(0);
    });

    it('shows a bar while in progress', function () {
      var element = render({status: 'UPDATE_IN_PROGRESS'});
      expect(element.find('.progress-bar').length).toBe(1);
      expect(element.find('.node-group-status').text()).toBe('Update In Progress');
    });

    it('shows the reason of a failure', function () {
      var element = render({status: 'CREATE_FAILED',
        status_reason: 'node-0: the engine did not start.'});
      expect(element.find('.node-group-status-reason').text())
        .toBe('node-0: the engine did not start.');
      expect(render({status: 'DELETE_FAILED'}).find('.node-group-status-reason').length).toBe(0);
    });
  });
})();
