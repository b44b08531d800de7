/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('bayProgress directive', function () {
    var template;

    beforeAll(function (done) {
      fetch('/base/static/dashboard/container-infra/bays/details/bay-progress.html')
        .then(function (response) { return response.text(); })
        .then(function (text) { template = text; })
        .then(done, done.fail);
    });

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    it('draws the bar, the summary, the failure and the tables', inject(function ($injector) {
      var $compile = $injector.get('$compile');
      var $q = $injector.get('$q');
      var $rootScope = $injector.get('$rootScope');
      var baysAPI = $injector.get('horizon.app.core.openstack-service-api.magnum-bays');
      var scope = $rootScope.$new();
      var element;
      $injector.get('$templateCache')
        .put('/static/dashboard/container-infra/bays/details/bay-progress.html', template);
      spyOn(baysAPI, 'getBay').and.returnValue($q.resolve({data: {
        uuid: 'b1', status: 'CREATE_FAILED', status_reason: 'node 1 failed',
        master_count: 1, node_count: 1, faults: {'1': 'no engine'}
      }}));
      spyOn(baysAPI, 'getBayProgress').and.returnValue($q.resolve({data: {
        stack_status: 'CREATE_FAILED', percent: 50,
        resources: [
          {name: '0', type: 'Magnum::Local::Node', status: 'CREATE_COMPLETE'},
          {name: '1', type: 'Magnum::Local::Node', status: 'CREATE_FAILED',
           status_reason: 'no engine'}
        ],
        events: [{time: '2026-11-29T10:00:05Z', resource: '1', status: 'CREATE_FAILED',
                  reason: 'no engine'}]
      }}));
      scope.bayId = 'b1';

      element = $compile('<bay-progress bay-id="bayId"></bay-progress>')(scope);
      $rootScope.$apply();

      expect(element.find('.progress-bar').hasClass('progress-bar-danger')).toBe(true);
      expect(element.find('.progress-bar').text()).toBe('50%');
      expect(element.find('.bay-progress-summary').text()).toContain('Create Failed — 1 of 2 nodes created.');
      expect(element.find('.bay-progress-failed-resources li').text()).toContain('no engine');
      expect(element.find('.bay-progress-resources tbody tr').length).toBe(2);
      expect(element.find('.bay-progress-resources tbody tr.danger').length).toBe(1);
      expect(element.find('.bay-progress-events tbody tr.danger').length).toBe(1);
    }));
  });
})();
