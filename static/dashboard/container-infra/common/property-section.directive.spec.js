/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('magnumPropertySection', function () {
    beforeEach(module('horizon.dashboard.container-infra.common'));

    it('heads one group of the item\'s properties', inject(function ($compile, $rootScope,
                                                                  $templateCache) {
      var scope = $rootScope.$new();
      var element, list;
      $templateCache.put('/static/framework/widgets/property/hz-resource-property-list.html',
        '<div></div>');
      scope.bay = {name: 'web'};
      element = $compile('<magnum-property-section heading="Bay" resource-type-name="OS::Test" ' +
        'item="bay" fields="[\'name\', \'uuid\']"></magnum-property-section>')(scope);
      scope.$digest();
      list = element.find('hz-resource-property-list');
      expect(element.find('h3').text()).toBe('Bay');
      expect(list.attr('resource-type-name')).toBe('OS::Test');
      expect(list.isolateScope().propertyGroups).toEqual([['name', 'uuid']]);
      expect(list.isolateScope().item).toEqual(scope.bay);
      expect(list.isolateScope().cls).toBe('dl-horizontal');
    }));

    it('shows an item changed in place anew (Horizon\'s fields watch a reference)',
      inject(function ($compile, $rootScope, $templateCache) {
        var scope = $rootScope.$new();
        var element, list, first;
        $templateCache.put('/static/framework/widgets/property/hz-resource-property-list.html',
          '<div></div>');
        scope.bay = {name: 'web', health_status: null};
        element = $compile('<magnum-property-section heading="Bay" resource-type-name="OS::T" ' +
          'item="bay" fields="[\'health_status\']"></magnum-property-section>')(scope);
        scope.$digest();
        list = element.find('hz-resource-property-list');
        first = list.isolateScope().item;
        scope.bay.health_status = 'HEALTHY';
        scope.$digest();
        expect(list.isolateScope().item).not.toBe(first);
        expect(list.isolateScope().item.health_status).toBe('HEALTHY');
        first = list.isolateScope().item;
        scope.$digest();
        expect(list.isolateScope().item).toBe(first);  // no change, no new copy
      }));
  });
})();
