/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.admin.projects.service', function () {
    var service, keystone, $q, $rootScope, answers;

    beforeEach(module('horizon.dashboard.container-infra.admin.projects'));

    beforeEach(inject(function ($injector) {
      service = $injector.get('horizon.dashboard.container-infra.admin.projects.service');
      keystone = $injector.get('horizon.app.core.openstack-service-api.keystone');
      $q = $injector.get('$q');
      $rootScope = $injector.get('$rootScope');
      answers = [];
      spyOn(keystone, 'getProjects').and.callFake(function () {
        // Keystone's service toasts a failure itself and resolves with nothing.
        return $q.resolve(answers.length ? answers.shift() : undefined);
      });
    }));

    function projectsAnswer(projects) {
      return {data: {items: projects}};
    }

    function names(items) {
      var out;
      service.addProjectNames(items).then(function (named) {
        out = named.map(function (item) { return item.project_name; });
      });
      $rootScope.$apply();
      return out;
    }

    it('lists the projects Keystone gives', function () {
      var got;
      answers.push(projectsAnswer([{id: 'p1', name: 'demo'}]));
      service.getProjects().then(function (projects) { got = projects; });
      $rootScope.$apply();
      expect(got).toEqual([{id: 'p1', name: 'demo'}]);
      expect(service.nameOf('p1')).toBe('demo');
    });

    it('offers only the projects of the user\'s domain, not Heat\'s per-stack ones', function () {
      var got;
      spyOn(keystone, 'getDefaultDomain').and.returnValue($q.resolve({data: {id: 'default'}}));
      answers.push(projectsAnswer([
        {id: 'p1', name: 'demo', domain_id: 'default'},
        {id: 'h1', name: 'p1-stack-1', domain_id: 'heat-domain-id'},
        {id: 'p2', name: 'admin', domain_id: 'default'}
      ]));
      service.getDomainProjects().then(function (projects) { got = projects; });
      $rootScope.$apply();
      expect(got.map(function (project) { return project.name; })).toEqual(['demo', 'admin']);
    });

    it('offers every project when the user\'s domain cannot be read', function () {
      var got;
      spyOn(keystone, 'getDefaultDomain').and.returnValue($q.resolve(undefined));
      answers.push(projectsAnswer([{id: 'p1', name: 'demo', domain_id: 'default'}]));
      service.getDomainProjects().then(function (projects) { got = projects; });
      $rootScope.$apply();
      expect(got.length).toBe(1);
    });

    it('gives no projects when Keystone cannot be asked', function () {
      var got;
      service.getProjects().then(function (projects) { got = projects; });
      $rootScope.$apply();
      expect(got).toEqual([]);
    });

    it('names each item after its project', function () {
      answers.push(projectsAnswer([{id: 'p1', name: 'demo'}, {id: 'p2', name: 'admin'}]));
      expect(names([{project_id: 'p2'}, {project_id: 'p1'}])).toEqual(['admin', 'demo']);
    });

    it('shows the id of a project Keystone does not know', function () {
      answers.push(projectsAnswer([{id: 'p1', name: 'demo'}]));
      expect(names([{project_id: 'gone'}])).toEqual(['gone']);
      expect(service.nameOf('other')).toBe('other');
    });

    it('asks Keystone once while the projects stay the same', function () {
      answers.push(projectsAnswer([{id: 'p1', name: 'demo'}]));
      names([{project_id: 'p1'}]);
      names([{project_id: 'p1'}]);
      names([]);
      expect(keystone.getProjects.calls.count()).toBe(1);
    });

    it('asks again when a new project shows up, and only once for an unknown id', function () {
      answers.push(projectsAnswer([{id: 'p1', name: 'demo'}]));
      answers.push(projectsAnswer([{id: 'p1', name: 'demo'}, {id: 'p2', name: 'new'}]));
      names([{project_id: 'p1'}]);
      expect(names([{project_id: 'p2'}, {project_id: 'gone'}])).toEqual(['new', 'gone']);
      expect(names([{project_id: 'gone'}])).toEqual(['gone']);
      expect(keystone.getProjects.calls.count()).toBe(2);
    });

    it('shares one Keystone request between calls made at the same time', function () {
      answers.push(projectsAnswer([{id: 'p1', name: 'demo'}]));
      service.addProjectNames([{project_id: 'p1'}]);
      service.addProjectNames([{project_id: 'p1'}]);
      $rootScope.$apply();
      expect(keystone.getProjects.calls.count()).toBe(1);
    });

    it('asks only once when Keystone fails, then shows ids', function () {
      expect(names([{project_id: 'p1'}])).toEqual(['p1']);
      expect(names([{project_id: 'p1'}])).toEqual(['p1']);
      expect(keystone.getProjects.calls.count()).toBe(1);
    });

    it('names the items of a list\'s response, for a list function', function () {
      var got;
      var response = {data: {items: [{project_id: 'p1'}]}};
      answers.push(projectsAnswer([{id: 'p1', name: 'demo'}]));
      service.withProjectNames(response).then(function (value) { got = value; });
      $rootScope.$apply();
      expect(got).toBe(response);
      expect(response.data.items[0].project_name).toBe('demo');
    });
  });
})();
