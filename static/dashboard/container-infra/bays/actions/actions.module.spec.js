/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('the actions of OS::Magnum::Bay', function () {
    var type, $injector;

    beforeEach(module('horizon.dashboard.container-infra.bays'));

    beforeEach(inject(function (_$injector_) {
      $injector = _$injector_;
      type = $injector.get('horizon.framework.conf.resource-type-registry.service')
        .getResourceType('OS::Magnum::Bay');
    }));

    function service(name) {
      return $injector.get('horizon.dashboard.container-infra.bays.actions.' + name);
    }

    function dialog(name) {
      return service('dialogs')[name];
    }

    it('creates bays from above the table', function () {
      expect(type.globalActions.length).toBe(1);
      expect(type.globalActions[0].service).toBe(dialog('create'));
      expect(type.globalActions[0].template).toEqual({type: 'create', text: 'Create Bay'});
    });

    it('offers the bay actions on each bay', function () {
      expect(type.itemActions.map(function (action) { return action.template.text; })).toEqual([
        'Show Progress', 'Resize Bay', 'Upgrade Bay', 'Show CA Certificate',
        'Sign Certificate Request', 'Rotate CA Certificate', 'Download Client Configuration',
        'Delete Bay'
      ]);
      expect(type.itemActions.map(function (action) { return action.service; })).toEqual([
        dialog('progress'), dialog('resize'), dialog('upgrade'), dialog('showCa'),
        dialog('signCsr'), dialog('rotateCa'), service('config'),
        type.batchActions[0].service
      ]);
    });

    it('starts every menu entry with an icon, so that the entries line up', function () {
      type.itemActions.forEach(function (action) {
        // Horizon's delete template has its own (fa-trash).
        expect(action.template.icon || action.template.type === 'delete').toBeTruthy(
          action.template.text);
        expect(action.template.type).not.toBe('danger');
      });
    });

    it('deletes the selected bays', function () {
      expect(type.batchActions.length).toBe(1);
      expect(type.batchActions[0].service).toBe(type.itemActions[7].service);
      expect(type.batchActions[0].service.perform).toEqual(jasmine.any(Function));
      expect(type.batchActions[0].template.type).toBe('delete-selected');
    });
  });
})();
