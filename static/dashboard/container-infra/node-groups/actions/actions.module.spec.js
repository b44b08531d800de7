/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('the actions of OS::Magnum::NodeGroup', function () {
    var type, $injector;

    beforeEach(module('horizon.dashboard.container-infra.node-groups'));

    beforeEach(inject(function (_$injector_) {
      $injector = _$injector_;
      type = $injector.get('horizon.framework.conf.resource-type-registry.service')
        .getResourceType('OS::Magnum::NodeGroup');
    }));

    function service(name) {
      return $injector.get('horizon.dashboard.container-infra.node-groups.actions.' + name);
    }

    it('offers Resize, Edit Bounds and Delete on each group', function () {
      expect(type.itemActions.map(function (action) { return action.template.text; }))
        .toEqual(['Resize Node Group', 'Edit Bounds', 'Delete Node Group']);
      expect(type.itemActions.map(function (action) { return action.service; })).toEqual([
        service('dialogs').resize, service('dialogs').bounds, service('delete')
      ]);
      expect(type.itemActions[2].template.type).toBe('delete');
    });

    it('has no table-wide actions: the tab creates, and groups go one at a time', function () {
      expect(type.globalActions.length).toBe(0);
      expect(type.batchActions.length).toBe(0);
    });
  });
})();
