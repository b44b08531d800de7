/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common.choices.service', function () {
    var choices, choicesAPI, $q, $rootScope, answer;
    var COES = [{id: 'swarm-mode', name: 'Docker Swarm (mode)'}, {id: 'kubernetes', name: 'Kubernetes'}];

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      choices = $injector.get('horizon.dashboard.container-infra.common.choices.service');
      choicesAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-choices');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      answer = {coes: COES, drivers: [{name: 'local', coe: 'swarm-mode'}]};
      spyOn(choicesAPI, 'getChoices').and.callFake(function () {
        return answer ? $q.resolve({data: answer}) : $q.reject({status: 503});
      });
    }));

    function got(promise) {
      var value;
      promise.then(function (found) { value = found; }, function () { value = 'failed'; });
      $rootScope.$apply();
      return value;
    }

    it('reads the choices once, quietly, and keeps them', function () {
      expect(got(choices.get())).toBe(answer);
      expect(got(choices.get())).toBe(answer);
      expect(choicesAPI.getChoices.calls.allArgs()).toEqual([[true]]);
    });

    it('reads them again, toasting a failure, for a form', function () {
      choices.get();
      expect(got(choices.get(true))).toBe(answer);
      expect(choicesAPI.getChoices.calls.allArgs()).toEqual([[true], [false]]);
    });

    it('keeps no failure: the next ask reads again', function () {
      answer = null;
      expect(got(choices.get())).toBe('failed');
      answer = {coes: []};
      expect(got(choices.get())).toEqual({coes: []});
    });

    it('offers the COEs an installed driver runs, by the dashboard\'s names', function () {
      expect(choices.coes(answer)).toEqual([{id: 'swarm-mode', name: 'Docker Swarm (mode)'}]);
      answer.drivers.push({coe: 'kubernetes'}, {coe: 'mesos'}, {coe: 'mesos'});
      expect(choices.coes(answer)).toEqual(COES.concat([{id: 'mesos', name: 'mesos'}]));
    });

    it('finds the driver of a bay model as the service does', function () {
      var drivers = [
        {name: 'k8s', coe: 'kubernetes', server_type: 'vm', os: 'fedora-coreos'},
        {name: 'local', coe: 'swarm-mode', server_type: 'local', os: 'docker'}
      ];
      expect(choices.findDriver(drivers, {coe: 'swarm-mode', server_type: 'local'}).name)
        .toBe('local');
      expect(choices.findDriver(drivers,
        {coe: 'kubernetes', server_type: 'vm', cluster_distro: 'fedora-coreos'}).name).toBe('k8s');
      expect(choices.findDriver(drivers,
        {coe: 'kubernetes', server_type: 'vm', cluster_distro: 'ubuntu'})).toBeUndefined();
    });

    it('offers the flavors of the driver of a bay model, else every flavor', function () {
      var local = [{id: 'local.tiny', name: 'local.tiny'}];
      var nova = {items: [{id: 'm1.small', name: 'm1.small'}], unavailable: null};
      var found = {flavors: nova, drivers: [
        {name: 'local', coe: 'swarm-mode', server_type: 'local', os: 'docker', flavors: local},
        {name: 'k8s', coe: 'kubernetes', server_type: 'vm', os: 'fedora-coreos', flavors: []}
      ]};
      expect(choices.flavorsFor(found, {coe: 'swarm-mode', server_type: 'local'}))
        .toEqual({items: local, unavailable: null});
      expect(choices.flavorsFor(found, {coe: 'kubernetes', server_type: 'vm'})).toBe(nova);
      expect(choices.flavorsFor(found, null)).toBe(nova);
      expect(choices.flavorsFor({}, {coe: 'x'})).toEqual({items: [], unavailable: null});
    });

    it('offers the dashboard\'s COEs when the drivers are not known', function () {
      expect(choices.coes({coes: COES, drivers: []})).toEqual(COES);
      expect(choices.coes({})).toEqual([]);
    });

    describe('the COE facet', function () {
      var facet, heard;

      beforeEach(function () {
        facet = choices.coeFacet('COE');
        heard = 0;
        $rootScope.$on('facetsChanged', function () { heard += 1; });
      });

      it('reads nothing until its options are read', function () {
        expect(facet.label).toBe('COE');
        expect(facet.name).toBe('coe');
        expect(facet.singleton).toBe(true);
        $rootScope.$apply();
        expect(choicesAPI.getChoices).not.toHaveBeenCalled();
      });

      it('fills its options once, then tells the search bar', function () {
        var options = facet.options;
        expect(options).toEqual([]);
        expect(angular.toJson(facet)).toContain('"options":[]');
        $rootScope.$apply();
        expect(facet.options).toBe(options);
        expect(options).toEqual([{key: 'swarm-mode', label: 'Docker Swarm (mode)'}]);
        expect(heard).toBe(1);
        expect(choicesAPI.getChoices.calls.count()).toBe(1);
      });

      it('stays empty when the choices cannot be read', function () {
        answer = null;
        expect(facet.options).toEqual([]);
        $rootScope.$apply();
        expect(facet.options).toEqual([]);
        expect(heard).toBe(0);
      });
    });
  });
})();
