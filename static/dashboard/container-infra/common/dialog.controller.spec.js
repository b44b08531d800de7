/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.DialogController', function () {
    var $controller, $rootScope, $q, modal, sent, body;

    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(module(function ($controllerProvider) {
      $controllerProvider.register('Test.BodyController', function (context) {
        body = this;
        body.context = context;
        body.ready = jasmine.createSpy('ready').and.returnValue(true);
        body.send = jasmine.createSpy('send').and.callFake(function () {
          sent = $q.defer();
          return sent.promise;
        });
      });
    }));

    beforeEach(inject(function ($injector) {
      $controller = $injector.get('$controller');
      $rootScope = $injector.get('$rootScope');
      $q = $injector.get('$q');
      modal = jasmine.createSpyObj('modal', ['close', 'dismiss']);
    }));

    function frame(dialog, scope) {
      return $controller('horizon.dashboard.container-infra.common.DialogController', {
        $scope: scope || $rootScope.$new(), $uibModalInstance: modal,
        context: {bay: {uuid: 'b1'}}, dialog: dialog
      });
    }

    it('puts the body\'s controller on the scope as ctrl, with the context', function () {
      var scope = $rootScope.$new();
      var made = frame({controller: 'Test.BodyController', title: 'T'}, scope);
      expect(scope.ctrl).toBe(body);
      expect(body.context).toEqual({bay: {uuid: 'b1'}});
      expect(made.options.title).toBe('T');
    });

    it('gives a body without controller the context as ctrl, always ready', function () {
      var scope = $rootScope.$new();
      var made = frame({}, scope);
      expect(scope.ctrl).toEqual({bay: {uuid: 'b1'}});
      expect(made.ready()).toBe(true);
    });

    it('sends once and closes with what was sent', function () {
      var made = frame({controller: 'Test.BodyController'});
      made.submit();
      made.submit();
      expect(made.submitting).toBe(true);
      expect(body.send.calls.count()).toBe(1);
      sent.resolve(4);
      $rootScope.$apply();
      expect(modal.close).toHaveBeenCalledWith(4);
    });

    it('stays open when sending failed, and may send again', function () {
      var made = frame({controller: 'Test.BodyController'});
      made.submit();
      sent.reject({status: 409});
      $rootScope.$apply();
      expect(modal.close).not.toHaveBeenCalled();
      expect(made.submitting).toBe(false);
      made.submit();
      expect(body.send.calls.count()).toBe(2);
    });

    it('shows what was sent and stays open, for a dialog that stays', function () {
      var made = frame({controller: 'Test.BodyController', stays: true});
      made.submit();
      sent.resolve('signed');
      $rootScope.$apply();
      expect(modal.close).not.toHaveBeenCalled();
      expect(made.submitting).toBe(false);
    });

    it('does not send what is not ready', function () {
      var made = frame({controller: 'Test.BodyController'});
      body.ready.and.returnValue(false);
      made.submit();
      expect(body.send).not.toHaveBeenCalled();
    });

    it('dismisses on cancel and closes on close', function () {
      var made = frame({});
      made.cancel();
      expect(modal.dismiss).toHaveBeenCalledWith('cancel');
      made.close();
      expect(modal.close).toHaveBeenCalled();
    });

    describe('its template', function () {
      var template;

      beforeAll(function (done) {
        fetch('/base/static/dashboard/container-infra/common/dialog.html')
          .then(function (response) { return response.text(); })
          .then(function (text) { template = text; })
          .then(done, done.fail);
      });

      function render(dialog) {
        var scope = $rootScope.$new();
        var element;
        scope.dialog = frame(dialog, scope);
        element = angular.element('<div>').html(template);
        inject(function ($compile) {
          $compile(element)(scope);
        });
        $rootScope.$apply();
        return element;
      }

      it('shows the title, the item\'s name and a submit button named after the action',
        function () {
          var element = render({controller: 'Test.BodyController', title: 'Resize Bay',
            itemName: 'web', submit: 'Resize', icon: 'fa-arrows-v', name: 'bay-resize'});
          expect(element.find('.modal-title').text().replace(/\s+/g, ' ').trim())
            .toBe('Resize Bay web');
          expect(element.find('form').hasClass('bay-resize-form')).toBe(true);
          expect(element.find('.bay-resize-submit').text().trim()).toBe('Resize');
          expect(element.find('.bay-resize-submit .fa-arrows-v').length).toBe(1);
        });

      it('calls its left button Close in a dialog that stays', function () {
        var element = render({controller: 'Test.BodyController', submit: 'Sign', stays: true});
        expect(element.find('.modal-footer .pull-left').text().trim()).toBe('Close');
        expect(render({controller: 'Test.BodyController', submit: 'Go'})
          .find('.modal-footer .pull-left').text().trim()).toBe('Cancel');
      });

      it('has a Close button only when there is nothing to submit', function () {
        var element = render({title: 'Progress of Bay', itemName: 'web', name: 'bay-progress'});
        expect(element.find('button[type=submit]').length).toBe(0);
        expect(element.find('.modal-footer button').text().trim()).toBe('Close');
      });

      it('keeps its submit from Horizon\'s handler of Django modal forms', function () {
        var onDocument = jasmine.createSpy('document submit');
        var element = render({controller: 'Test.BodyController', submit: 'Go', name: 'x'});
        angular.element(document.body).append(element);
        document.addEventListener('submit', onDocument);
        element.find('form')[0].dispatchEvent(new Event('submit', {bubbles: true, cancelable: true}));
        document.removeEventListener('submit', onDocument);
        element.remove();
        expect(onDocument).not.toHaveBeenCalled();
        expect(body.send).toHaveBeenCalled();
      });
    });
  });
})();
