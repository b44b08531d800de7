/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.workloads.PanelController', function () {
    var $controller, $location, $q, $rootScope, baysAPI, bays;

    beforeEach(module('horizon.dashboard.container-infra.workloads'));

    beforeEach(inject(function ($injector) {
      $controller = $injector.get('$controller');
      $location = $injector.get('$location');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      bays = [
        {uuid: 'u3', name: 'zeta', status: 'CREATE_COMPLETE'},
        {uuid: 'u1', name: 'alpha', status: 'CREATE_IN_PROGRESS'},
        {uuid: 'u4', name: 'beta', status: 'DELETE_COMPLETE'},
        {uuid: 'u2', name: 'gamma', status: 'UPDATE_COMPLETE'}
      ];
      spyOn(baysAPI, 'getBays').and.callFake(function () {
        return $q.when({data: {items: bays}});
      });
    }));

    function panel() {
      var made = $controller('horizon.dashboard.container-infra.workloads.PanelController');
      $rootScope.$digest();
      return made;
    }

    it('shows the first ready bay by name when the URL names none', function () {
      var made = panel();
      expect(made.bays.map(function (bay) { return bay.name; }))
        .toEqual(['alpha', 'beta', 'gamma', 'zeta']);
      expect(made.bayId).toBe('u2');
      expect($location.search()).toEqual({bay: 'u2'});
      expect(made.loaded).toBe(true);
    });

    it('shows the bay the URL names, and writes a new choice into it', function () {
      var made;
      $location.search('bay', 'u1');
      made = panel();
      expect(made.bayId).toBe('u1');
      made.choose('u3');
      expect($location.search()).toEqual({bay: 'u3'});
      made.choose('');
      expect(made.bayId).toBeNull();
      expect($location.search()).toEqual({});
    });

    it('chooses nothing when no bay is ready, and copes with a failed list', function () {
      var made;
      bays = [{uuid: 'u1', name: 'a', status: 'CREATE_FAILED'}];
      expect(panel().bayId).toBeNull();
      baysAPI.getBays.and.returnValue($q.reject({status: 500}));
      made = panel();
      expect(made.bays).toEqual([]);
      expect(made.loaded).toBe(true);
    });

    it('names each bay in the picker with its readable status, not the raw code', function () {
      expect(panel().optionLabel(bays[3])).toBe('gamma (Update Complete)');
    });

    it('has a template with a bay picker and the view', function (done) {
      fetch('/base/static/dashboard/container-infra/workloads/panel.html')
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          expect(doc.querySelector('select#workloads-bay').getAttribute('ng-model'))
            .toBe('panel.bayId');
          expect(doc.querySelector('select#workloads-bay').getAttribute('ng-options'))
            .toBe('bay.uuid as panel.optionLabel(bay) for bay in panel.bays');
          expect(doc.querySelector('magnum-workloads').getAttribute('bay-id'))
            .toBe('panel.bayId');
        })
        .then(done, done.fail);
    });
  });
})();
