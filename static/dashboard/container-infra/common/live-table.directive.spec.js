/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('magnumLiveTable', function () {
    var $compile, $rootScope, $timeout, events, scope, element, table;

    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector, $templateCache) {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', '/base/static/dashboard/container-infra/common/live-table.html', false);
      xhr.send();
      $templateCache.put('/static/dashboard/container-infra/common/live-table.html',
        xhr.responseText.replace(/<hz-resource-table[\s\S]*<\/hz-resource-table>/,
          '<div class="table-stub" params="{$ table.params $}"></div>'));
      $compile = $injector.get('$compile');
      $rootScope = $injector.get('$rootScope');
      $timeout = $injector.get('$timeout');
      events = $injector.get('horizon.dashboard.container-infra.common.events');
      scope = $rootScope.$new();
      scope.changed = jasmine.createSpy('changed');
      element = $compile('<magnum-live-table resource-type-name="OS::Test" ' +
        'on-change="changed()"></magnum-live-table>')(scope);
      $rootScope.$apply();
      table = element.controller('magnumLiveTable');
    }));

    function verifyNoTimeouts() {
      inject(function ($verifyNoPendingTasks) {
        $verifyNoPendingTasks('$timeout');
      });
    }

    function listed(items, busy, type, more) {
      $rootScope.$broadcast(events.LISTED, type || 'OS::Test', items, busy, more);
      $rootScope.$apply();
    }

    function failed() {
      $rootScope.$broadcast(events.LIST_FAILED, 'OS::Test', {status: 500, data: '"Database is busy."'});
      $rootScope.$apply();
    }

    it('lets the table make its first load itself', function () {
      expect(table.params).toBeUndefined();
      expect(table.resourceTypeName).toBe('OS::Test');
    });

    it('has the table re-list quietly every 2 s while an item is in progress, every 10 s after',
      function () {
        listed([{trackBy: 'a'}], true);
        $timeout.flush(2000);
        expect(table.params).toEqual({poll: 1, quiet: true});
        listed([{trackBy: 'a2'}], false);
        $timeout.flush(9999);
        expect(table.params.poll).toBe(1);
        $timeout.flush(1);
        expect(table.params).toEqual({poll: 2, quiet: true});
      });

    it('lists nothing while the browser tab is hidden, and again once it shows', function () {
      var state = 'hidden';
      inject(function ($document) {
        spyOnProperty($document[0], 'visibilityState', 'get').and.callFake(function () {
          return state;
        });
        listed([{trackBy: 'a'}], false);
        $timeout.flush(10000);
        expect(table.params).toBeUndefined();
        state = 'visible';
        $document.triggerHandler('visibilitychange');
        expect(table.params).toEqual({poll: 1, quiet: true});
      });
    });

    it('heeds only its own resource type', function () {
      listed([{trackBy: 'a'}], true, 'OS::Other');
      verifyNoTimeouts();
      $rootScope.$broadcast(events.LIST_FAILED, 'OS::Other', {status: 500});
      $rootScope.$broadcast(events.CHANGED, 'OS::Other', 'x');
      expect(table.params).toBeUndefined();
      expect(table.note).toBe('');
    });

    it('lists everything at once after a first page, and only then follows it', function () {
      listed([{trackBy: 'a'}], false, 'OS::Test', true);
      expect(table.params).toEqual({poll: 1, quiet: true});
      verifyNoTimeouts();
      listed([{trackBy: 'a'}, {trackBy: 'b'}], false);
      expect(scope.changed).not.toHaveBeenCalled();
      $timeout.flush(10000);
      expect(table.params).toEqual({poll: 2, quiet: true});
    });

    describe('on a page that drew its first rows', function () {
      var drawn;

      beforeEach(function () {
        drawn = angular.element('<div class="magnum-first-page"><table></table></div>');
        angular.element(document.body).append(drawn);
      });

      afterEach(function () {
        drawn.remove();
      });

      it('removes the drawing when it draws its own rows, not before', function () {
        listed([{trackBy: 'a'}], false, 'OS::Other');
        expect(document.querySelector('.magnum-first-page')).not.toBe(null);
        listed([{trackBy: 'a'}], false, 'OS::Test', true);
        expect(document.querySelector('.magnum-first-page')).toBe(null);
      });

      it('removes it when it cannot list, to say why', function () {
        failed();
        expect(document.querySelector('.magnum-first-page')).toBe(null);
      });
    });

    it('lists again when one of its items changed elsewhere', function () {
      $rootScope.$broadcast(events.CHANGED, 'OS::Test', 'b1');
      expect(table.params).toEqual({poll: 1, quiet: false});
    });

    it('tells when the listed items change, not on every listing', function () {
      listed([{trackBy: 'a'}], false);
      listed([{trackBy: 'a'}], false);
      expect(scope.changed).not.toHaveBeenCalled();
      listed([{trackBy: 'a'}, {trackBy: 'b'}], false);
      expect(scope.changed.calls.count()).toBe(1);
    });

    it('says why it is stale and lists quietly, later and later, until a listing succeeds',
      function () {
        failed();
        expect(element.find('.live-table-note').text().trim())
          .toBe('Could not refresh: Database is busy; retrying.');
        $timeout.flush(2000);
        expect(table.params).toEqual({poll: 1, quiet: true});
        failed();
        $timeout.flush(3999);
        expect(table.params.poll).toBe(1);
        $timeout.flush(1);
        expect(table.params).toEqual({poll: 2, quiet: true});
        listed([{trackBy: 'a'}], true);
        expect(table.note).toBe('');
        $timeout.flush(2000);
        expect(table.params).toEqual({poll: 3, quiet: true});
      });

    it('stops polling when it goes away', function () {
      listed([{trackBy: 'a'}], true);
      scope.$destroy();
      verifyNoTimeouts();
    });

    describe('with list parameters', function () {
      var withParams;

      beforeEach(function () {
        var other;
        scope.params = {bayId: 'b1'};
        other = $compile('<magnum-live-table resource-type-name="OS::Test" ' +
          'list-params="params"></magnum-live-table>')(scope);
        $rootScope.$apply();
        withParams = other.controller('magnumLiveTable');
      });

      it('gives them to the first listing already', function () {
        expect(withParams.params).toEqual({bayId: 'b1'});
        expect(withParams.params).not.toBe(scope.params);
      });

      it('gives them to every listing after', function () {
        $rootScope.$broadcast(events.CHANGED, 'OS::Test', 'g1');
        expect(withParams.params).toEqual({bayId: 'b1', poll: 1, quiet: false});
        expect(scope.params).toEqual({bayId: 'b1'});
      });
    });

    it('binds the resource table to its type and parameters', function (done) {
      fetch('/base/static/dashboard/container-infra/common/live-table.html')
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var resourceTable = doc.querySelector('hz-resource-table');
          expect(resourceTable.getAttribute('list-function-extra-params')).toBe('table.params');
          expect(resourceTable.getAttribute('track-by')).toBe('trackBy');
        })
        .then(done, done.fail);
    });
  });
})();
