/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('magnum-workload-logs', function () {
    var $rootScope, $q, $timeout, api, scope, element, logs, answers;
    var PATH = '/static/dashboard/container-infra/workloads/';

    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.workloads'));

    beforeEach(inject(function ($injector, $templateCache) {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', '/base' + PATH + 'details/workload-logs.html', false);
      xhr.send();
      $templateCache.put(PATH + 'details/workload-logs.html', xhr.responseText);
      $rootScope = $injector.get('$rootScope');
      $q = $injector.get('$q');
      $timeout = $injector.get('$timeout');
      api = $injector.get('horizon.app.core.openstack-service-api.magnum-workloads');
      answers = [];
      spyOn(api, 'logs').and.callFake(function () {
        return answers.length ? answers.shift() : $q.when({data: {lines: ['tick'],
          truncated: false}});
      });

      scope = $rootScope.$new();
      scope.target = {kind: 'tasks', name: 't1', label: 'web.1', params: {}};
      scope.closed = jasmine.createSpy('closed');
      element = $injector.get('$compile')(
        '<magnum-workload-logs bay-id="\'b1\'" target="target" on-close="closed()">' +
        '</magnum-workload-logs>')(scope);
      angular.element(document.body).append(element);
    }));

    afterEach(function () {
      element.remove();
      scope.$destroy();
    });

    function start() {
      scope.$digest();
      logs = element.controller('magnumWorkloadLogs');
    }

    function text(selector) {
      var node = element[0].querySelector(selector);
      return node ? node.textContent.replace(/\s+/g, ' ').trim() : null;
    }

    it('shows the last 200 lines as text, scrolled to the end', function () {
      answers.push($q.when({data: {lines: ['one', '<b>two</b>'], truncated: true}}));
      start();
      $timeout.flush(0);
      expect(api.logs).toHaveBeenCalledWith('b1', 'tasks', 't1', {tail: 200});
      expect(element[0].querySelector('.workload-logs-text').textContent)
        .toBe('one\n<b>two</b>');
      expect(element[0].querySelector('.workload-logs-text b')).toBeNull();
      expect(text('.panel-heading strong')).toBe('Logs of web.1');
      expect(element[0].textContent).toContain('Only the last lines are shown');
    });

    it('follows every 2 s, one read at a time, until unticked', function () {
      var slow = $q.defer();
      start();
      $timeout.flush(2000);
      expect(api.logs.calls.count()).toBe(2);
      answers.push(slow.promise);
      $timeout.flush(2000);
      $timeout.flush(2000);
      expect(api.logs.calls.count()).toBe(3);
      slow.resolve({data: {lines: [], truncated: false}});
      scope.$digest();
      expect(text('.panel-body')).toContain('No output yet.');
      element[0].querySelector('.workload-logs-follow').click();
      expect(logs.follow).toBe(false);
      $timeout.flush(6000);
      expect(api.logs.calls.count()).toBe(3);
    });

    it('reads again with another tail, leaving the scroll alone when not following', function () {
      start();
      logs.follow = false;
      logs.setFollow();
      logs.read();
      scope.$digest();
      $timeout.flush(0);
      $timeout.verifyNoPendingTasks();
      logs.tail = 5000;
      logs.read();
      expect(api.logs.calls.mostRecent().args[3]).toEqual({tail: 5000});
    });

    it('offers the download of the last 5000 lines', function () {
      scope.target.params = {namespace: 'ns'};
      start();
      expect(element[0].querySelector('.workload-logs-download').getAttribute('href'))
        .toBe('/api/container_infra/bays/b1/workloads/tasks/t1/logs/' +
          '?download=1&namespace=ns&tail=5000');
    });

    it('shows why the log cannot be read', function () {
      answers.push($q.reject({status: 503, data: 'bay unreachable'}));
      start();
      expect(text('.workload-logs-error')).toBe('bay unreachable');
    });

    it('starts again for another target and drops the old one\'s late answer', function () {
      var late = $q.defer();
      answers.push(late.promise);
      start();
      answers.push($q.when({data: {lines: ['new'], truncated: false}}));
      scope.target = {kind: 'pods', name: 'p', label: 'p', params: {namespace: 'x'}};
      scope.$digest();
      late.resolve({data: {lines: ['old'], truncated: false}});
      scope.$digest();
      expect(logs.text).toBe('new');
      expect(api.logs.calls.mostRecent().args).toEqual(['b1', 'pods', 'p',
        {tail: 200, namespace: 'x'}]);
      late = $q.defer();
      answers.push(late.promise);
      scope.target = {kind: 'pods', name: 'q', label: 'q', params: {}};
      scope.$digest();
      scope.target = null;
      scope.$digest();
      late.reject({status: 500});
      scope.$digest();
      expect(logs.error).toBeNull();
      $timeout.flush(4000);
      expect(api.logs.calls.count()).toBe(3);
    });

    it('closes, and stops reading when destroyed', function () {
      start();
      element[0].querySelector('.workload-logs-close').click();
      expect(scope.closed).toHaveBeenCalled();
      scope.$destroy();
      $timeout.flush(6000);
      expect(api.logs.calls.count()).toBe(1);
    });

    it('does not scroll a log that is gone', function () {
      start();
      element.empty();
      $timeout.flush(0);
      expect(logs.loaded).toBe(true);
    });
  });
})();
