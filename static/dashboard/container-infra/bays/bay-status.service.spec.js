/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bays.status', function () {
    var status;

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function ($injector) {
      status = $injector.get('horizon.dashboard.container-infra.bays.status');
    }));

    describe('label', function () {
      it('gives readable labels to the status codes', function () {
        expect(status.label('CREATE_IN_PROGRESS')).toBe('Create In Progress');
        expect(status.label('CREATE_COMPLETE')).toBe('Create Complete');
        expect(status.label('UPDATE_FAILED')).toBe('Update Failed');
        expect(status.label('DELETE_IN_PROGRESS')).toBe('Delete In Progress');
        expect(status.label('ROLLBACK_COMPLETE')).toBe('Rollback Complete');
      });

      it('gives readable labels to the health codes', function () {
        expect(status.label('HEALTHY')).toBe('Healthy');
        expect(status.label('UNHEALTHY')).toBe('Unhealthy');
        expect(status.label('UNKNOWN')).toBe('Unknown');
      });

      it('spells out codes it does not know', function () {
        expect(status.label('SOME_NEW__STATE')).toBe('Some New State');
      });

      it('does not take inherited keys for codes', function () {
        expect(status.label('hasOwnProperty')).toBe('Hasownproperty');
        expect(status.label('constructor')).toBe('Constructor');
      });

      it('gives an empty label when there is no code', function () {
        expect(status.label(null)).toBe('');
        expect(status.label(undefined)).toBe('');
        expect(status.label('')).toBe('');
      });
    });

    it('offers every status code as a search option', function () {
      var options = status.statusOptions();
      expect(options.length).toBe(18);
      options.forEach(function (option) {
        expect(option.label).toBe(status.label(option.key));
        expect(option.label).not.toBe(option.key);
      });
    });

    it('offers every health code as a search option', function () {
      expect(status.healthOptions()).toEqual([
        {key: 'HEALTHY', label: 'Healthy'},
        {key: 'UNHEALTHY', label: 'Unhealthy'},
        {key: 'UNKNOWN', label: 'Unknown'}
      ]);
    });

    it('tells the bays whose last operation failed', function () {
      expect(status.isFailed({status: 'CREATE_FAILED'})).toBe(true);
      expect(status.isFailed({status: 'UPDATE_FAILED'})).toBe(true);
      expect(status.isFailed({status: 'CREATE_IN_PROGRESS'})).toBe(false);
      expect(status.isFailed({})).toBe(false);
    });

    it('tells the bays Magnum is working on', function () {
      expect(status.isInTransition({status: 'CREATE_IN_PROGRESS'})).toBe(true);
      expect(status.isInTransition({status: 'ROLLBACK_IN_PROGRESS'})).toBe(true);
      expect(status.isInTransition({status: 'CREATE_FAILED'})).toBe(false);
      expect(status.isInTransition({status: null})).toBe(false);
      expect(status.isInTransition({})).toBe(false);
    });

    it('lets a bay change only when it rests and has a stack', function () {
      expect(status.canChange({status: 'CREATE_COMPLETE'})).toBe(true);
      expect(status.canChange({status: 'UPDATE_FAILED'})).toBe(true);
      expect(status.canChange({status: 'UPDATE_IN_PROGRESS'})).toBe(false);
      expect(status.canChange({status: 'CREATE_FAILED'})).toBe(false);
      expect(status.canChange({status: 'DELETE_FAILED'})).toBe(false);
      expect(status.canChange({})).toBe(true);
    });

    describe('healthRows', function () {
      it('shows the API first, then each node Ready or Not ready by name', function () {
        expect(status.healthRows({
          'bay-1-worker-10.Ready': false, api: 'ok', 'bay-1-master-0.Ready': true
        })).toEqual([
          {key: 'Orchestrator API', value: 'ok', bad: false},
          {key: 'bay-1-master-0', value: 'Ready', bad: false},
          {key: 'bay-1-worker-10', value: 'Not ready', bad: true}
        ]);
        expect(status.healthRows({api: 'did not answer'}))
          .toEqual([{key: 'Orchestrator API', value: 'did not answer', bad: true}]);
      });

      it('shows other keys as they come, and nothing for no reason', function () {
        expect(status.healthRows({'disk.Full': 'yes', 'x.Ready': 'True', n: 3})).toEqual([
          {key: 'disk.Full', value: 'yes', bad: false}, {key: 'n', value: '3', bad: false},
          {key: 'x.Ready', value: 'True', bad: false}
        ]);
        expect(status.healthRows(null)).toEqual([]);
      });
    });

    describe('healthBadge', function () {
      it('colours Healthy green and Unhealthy red, naming the nodes not ready', function () {
        expect(status.healthBadge({health_status: 'HEALTHY',
          health_status_reason: {api: 'ok', 'm-0.Ready': true}}))
          .toEqual({label: 'Healthy', cls: 'label-success', note: ''});
        expect(status.healthBadge({health_status: 'UNHEALTHY', health_status_reason: {
          api: 'ok', 'w-11.Ready': false, 'm-0.Ready': true, 'w-10.Ready': false
        }})).toEqual({label: 'Unhealthy', cls: 'label-danger', note: 'Not ready: w-10, w-11'});
      });

      it('is given to each listed bay', function () {
        var response = {data: {items: [{health_status: 'HEALTHY'}, {}]}};
        expect(status.withHealth(response)).toBe(response);
        expect(response.data.items[0].health.label).toBe('Healthy');
        expect(response.data.items[1].health).toBe(null);
      });

      it('says why a health is unknown, and shows nothing before the first reading', function () {
        expect(status.healthBadge({health_status: 'UNKNOWN',
          health_status_reason: {api: 'Listing nodes: the bay\'s Docker API did not answer.'}}))
          .toEqual({label: 'Unknown', cls: 'label-default',
            note: 'Listing nodes: the bay\'s Docker API did not answer.'});
        expect(status.healthBadge({health_status: null, health_status_reason: {}})).toBe(null);
        expect(status.healthBadge({})).toBe(null);
      });
    });

    it('offers certificates only once a bay has its API', function () {
      expect(status.hasApi({status: 'CREATE_COMPLETE', api_address: 'tcp://10.0.0.2:2376'}))
        .toBe(true);
      expect(status.hasApi({status: 'CREATE_IN_PROGRESS', api_address: null})).toBe(false);
      expect(status.hasApi({status: 'DELETE_IN_PROGRESS', api_address: 'tcp://x'})).toBe(false);
      expect(status.hasApi({api_address: 'tcp://x'})).toBe(true);
    });
  });
})();
