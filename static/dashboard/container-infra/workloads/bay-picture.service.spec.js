/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.workloads.bay-picture', function () {
    var picture;

    beforeEach(module('horizon.dashboard.container-infra.workloads'));
    beforeEach(inject(function ($injector) {
      picture = $injector.get('horizon.dashboard.container-infra.workloads.bay-picture');
    }));

    function labels(card) {
      return card.replicas.map(function (r) { return r.label + ':' + r.stateClass; });
    }

    it('places running Swarm tasks on their nodes, managers first', function () {
      var cards = picture.build('swarm', [
        {id: 'w1', name: 'node-2', role: 'worker', state: 'ready'},
        {id: 'm1', name: 'node-1', role: 'manager', leader: true, state: 'ready'},
        {id: 'w0', name: 'node-0', role: 'worker', state: 'down'}
      ], [
        {id: 'a', name: 'web.2', service: 'web', slot: 2, node_id: 'w1', state: 'running',
          desired_state: 'running'},
        {id: 'b', name: 'web.1', service: 'web', slot: 1, node_id: 'w1', state: 'preparing',
          desired_state: 'running'},
        {id: 'c', name: 'api.1', service: 'api', slot: 1, node_id: 'w1', state: 'running',
          desired_state: 'running'},
        {id: 'd', name: 'web.3', service: 'web', slot: 3, node_id: 'm1', state: 'shutdown',
          desired_state: 'shutdown'},
        {id: 'e', name: 'web.3', service: 'web', slot: 3, node_id: 'm1', state: 'failed',
          desired_state: 'running'},
        {id: 'f', name: 'x.1', service: 'x', node_id: '', state: 'pending',
          desired_state: 'running'},
        {id: 'g', name: 'old.1', service: 'old', slot: 1, node_id: 'w1', state: 'running',
          desired_state: 'shutdown'},
        {id: 'h', name: 'new.1', service: 'new', slot: 1, node_id: 'w1', state: 'new'}
      ]);
      expect(cards.map(function (c) { return c.name; }))
        .toEqual(['node-1', 'node-0', 'node-2', 'Not placed']);
      expect(cards[0].leader && cards[0].control).toBe(true);
      expect(cards[1].stateClass).toBe('danger');
      expect(labels(cards[2])).toEqual(['api.1:success', 'new.1:warning', 'old.1:default',
        'web.1:warning', 'web.2:success']);
      expect(cards[2].replicas[2].state).toBe('stopping');
      expect(labels(cards[0])).toEqual(['web.3:danger']);
      expect(cards[3].unplaced).toBe(true);
      expect(cards[2].replicas[0].item.id).toBe('c');
    });

    it('places Kubernetes pods on their nodes by name', function () {
      var cards = picture.build('kubernetes', [
        {name: 'minion-0', role: 'worker', ready: false},
        {name: 'master-0', role: 'master', ready: true}
      ], [
        {namespace: 'default', name: 'web-b', node: 'minion-0', phase: 'Running'},
        {namespace: 'default', name: 'web-a', node: 'minion-0', phase: 'Running'},
        {namespace: 'default', name: 'web-a', node: 'minion-0', phase: 'Running'},
        {namespace: 'kube-system', name: 'dns', node: 'master-0', phase: 'Pending'},
        {name: 'bare', node: 'master-0', phase: 'Running'},
        {name: 'bare-2', node: 'master-0', phase: 'Running'}
      ]);
      expect(cards.map(function (c) { return c.state; })).toEqual(['ready', 'notready']);
      expect(labels(cards[1])).toEqual(['web-a:success', 'web-a:success', 'web-b:success']);
      expect(labels(cards[0])).toEqual(['bare:success', 'bare-2:success', 'dns:warning']);
      expect(cards.length).toBe(2);
    });

    it('copes with nothing listed', function () {
      expect(picture.build('swarm')).toEqual([]);
      expect(picture.build('swarm', [{id: 'n', name: 'n'}])[0].role).toBe('');
    });

    it('says each service\'s image problem once, in the order its tasks come', function () {
      expect(picture.problems([
        {name: 'a.1', service_problem: 'image a is not in R'},
        {name: 'b.1', service_problem: null},
        {name: 'a.2', service_problem: 'image a is not in R'},
        {name: 'c.1', service_problem: 'image c is not in R'},
        {name: 'p'}
      ])).toEqual(['image a is not in R', 'image c is not in R']);
      expect(picture.problems()).toEqual([]);
    });

    it('names the kind that runs on nodes', function () {
      expect(picture.placedKind('swarm')).toBe('tasks');
      expect(picture.placedKind('kubernetes')).toBe('pods');
    });
  });
})();
