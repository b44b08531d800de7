/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.bay-models.actions', function () {
    var type, $injector;

    beforeEach(module('horizon.dashboard.container-infra.bay-models'));

    beforeEach(inject(function (_$injector_) {
      $injector = _$injector_;
      type = $injector.get('horizon.framework.conf.resource-type-registry.service')
        .getResourceType('OS::Magnum::BayModel');
    }));

    function service(name) {
      return $injector.get('horizon.dashboard.container-infra.bay-models.actions.' + name);
    }

    function ids(list) {
      return list.map(function (entry) { return entry.id; });
    }

    it('creates bay models from above the table', function () {
      expect(ids(type.globalActions)).toEqual(['createBayModelAction']);
      expect(type.globalActions[0].service).toBe(service('dialogs').create);
      expect(type.globalActions[0].template).toEqual({type: 'create', text: 'Create Bay Model'});
    });

    it('updates and deletes each bay model, and deletes the selected ones', function () {
      expect(ids(type.itemActions)).toEqual(['updateBayModelAction', 'deleteBayModelAction']);
      expect(type.itemActions[0].service).toBe(service('dialogs').update);
      expect(type.itemActions[1].service).toBe(service('delete.service'));
      expect(ids(type.batchActions)).toEqual(['batchDeleteBayModelAction']);
      expect(type.batchActions[0].service).toBe(service('delete.service'));
      expect(type.batchActions[0].template.type).toBe('delete-selected');
    });
  });
})();
