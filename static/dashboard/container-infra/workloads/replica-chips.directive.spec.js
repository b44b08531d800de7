/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('magnum-replica-chips', function () {
    var scope, box;
    var task = {id: 't1', name: 'web.1'};

    beforeEach(module('horizon.dashboard.container-infra.workloads'));

    beforeEach(inject(function ($compile, $rootScope) {
      scope = $rootScope.$new();
      scope.picked = jasmine.createSpy('picked');
      scope.replicas = [
        {label: 'web.1', state: 'running', stateClass: 'success', item: task},
        {label: '<i>x</i>', state: 'stopping', stateClass: 'default', item: {}}
      ];
      box = $compile('<div magnum-replica-chips="replicas" on-pick="picked(item)"></div>')(
        scope)[0];
      scope.$digest();
    }));

    it('draws each replica as a coloured label with its state, as text', function () {
      var chips = box.querySelectorAll('.workload-replica');
      expect(chips.length).toBe(2);
      expect(chips[0].textContent).toBe('web.1 running');
      expect(chips[0].className).toBe('label workload-replica label-success');
      expect(chips[0].title).toBe('web.1: running');
      expect(chips[1].textContent).toBe('<i>x</i> stopping');
      expect(box.querySelector('i')).toBeNull();
    });

    it('redraws when the replicas change', function () {
      scope.replicas = [];
      scope.$digest();
      expect(box.children.length).toBe(0);
      scope.replicas = undefined;
      scope.$digest();
      expect(box.children.length).toBe(0);
    });

    it('gives the clicked replica\'s item to on-pick', function () {
      box.querySelector('.workload-replica small').click();
      expect(scope.picked).toHaveBeenCalledWith(task);
      box.querySelector('.workload-replica').firstChild.dispatchEvent(
        new MouseEvent('click', {bubbles: true}));
      expect(scope.picked.calls.count()).toBe(2);
      scope.picked.calls.reset();
      box.click();
      expect(scope.picked).not.toHaveBeenCalled();
    });
  });
})();
