/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.dialog-action.factory', function () {
    var specs = window.actionSpecs;
    var factory, $uibModal, toast, $q, opened, result;
    var bay = {uuid: 'b1', name: 'web'};

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      factory = $injector.get('horizon.dashboard.container-infra.common.dialog-action.factory');
      $uibModal = $injector.get('$uibModal');
      toast = $injector.get('horizon.framework.widgets.toast.service');
      $q = $injector.get('$q');
      result = $q.defer();
      spyOn($uibModal, 'open').and.callFake(function (options) {
        opened = options;
        return {result: result.promise};
      });
      spyOn(toast, 'add');
    }));

    function resize(extra) {
      return factory.create(angular.extend({
        allowed: angular.noop,
        resourceType: 'OS::Magnum::Bay',
        changes: 'updated',
        dialog: {title: 'Resize Bay', submit: 'Resize', icon: 'fa-arrows-v', name: 'bay-resize',
          body: 'bays/actions/resize.html', controller: 'Resize.Controller', size: 'lg'},
        context: function (item) { return {bay: item}; },
        success: function (item, count) { return item.name + ' to ' + count; }
      }, extra));
    }

    it('is an action service with the allowed() it was given', function () {
      var allowed = jasmine.createSpy('allowed');
      var action = resize({allowed: allowed});
      expect(action.allowed).toBe(allowed);
      expect(action.initAction).toBe(angular.noop);
    });

    it('opens the body in the common frame, with the context and the item\'s name', function () {
      resize().perform(bay);
      expect(opened.templateUrl).toBe('/static/dashboard/container-infra/common/dialog.html');
      expect(opened.controller).toBe('horizon.dashboard.container-infra.common.DialogController');
      expect(opened.controllerAs).toBe('dialog');
      expect(opened.backdrop).toBe('static');
      expect(opened.size).toBe('lg');
      expect(opened.resolve.context()).toEqual({bay: bay});
      expect(opened.resolve.dialog()).toEqual(jasmine.objectContaining(
        {itemName: 'web', title: 'Resize Bay',
          body: '/static/dashboard/container-infra/bays/actions/resize.html'}));
    });

    it('says what it did and names the item in its result', function () {
      var outcome;
      result.resolve(4);
      outcome = specs.settle(resize().perform(bay));
      expect(toast.add).toHaveBeenCalledWith('success', 'web to 4');
      expect(outcome.resolved.updated).toEqual([{type: 'OS::Magnum::Bay', id: 'b1'}]);
    });

    it('names a created item by the id it is given', function () {
      var outcome;
      result.resolve({uuid: 'b9'});
      outcome = specs.settle(resize({
        changes: 'created', idOf: function (none, made) { return made.uuid; }, success: null
      }).perform());
      expect(outcome.resolved.created).toEqual([{type: 'OS::Magnum::Bay', id: 'b9'}]);
      expect(opened.resolve.dialog().itemName).toBe('');
    });

    it('resolves with false when nothing changed, so a details page stays', function () {
      var outcome;
      result.resolve('ignored');
      outcome = specs.settle(factory.create({
        allowed: angular.noop,
        dialog: {body: 'show.html'}
      }).perform(bay));
      expect(opened.resolve.context()).toEqual({item: bay});
      expect(outcome.resolved).toBe(false);
      expect(toast.add).not.toHaveBeenCalled();
    });

    it('opens a form of its own, and toasts nothing when told nothing', function () {
      var open = jasmine.createSpy('open').and.returnValue($q.resolve({uuid: 'm1'}));
      var outcome = specs.settle(resize({
        open: open, success: function () { return ''; },
        idOf: function (item, saved) { return saved.uuid; }
      }).perform(bay));
      expect(open).toHaveBeenCalledWith(bay);
      expect($uibModal.open).not.toHaveBeenCalled();
      expect(toast.add).not.toHaveBeenCalled();
      expect(outcome.resolved.updated).toEqual([{type: 'OS::Magnum::Bay', id: 'm1'}]);
    });

    it('does nothing when the dialog is dismissed, and leaves no rejection unhandled', function () {
      result.reject('cancel');
      expect(specs.settle(resize().perform(bay)).resolved).toBe(false);
      expect(toast.add).not.toHaveBeenCalled();
    });
  });
})();
