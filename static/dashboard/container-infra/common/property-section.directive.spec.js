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
      expect(list.isolateScope().item).toBe(scope.bay);
      expect(list.isolateScope().cls).toBe('dl-horizontal');
    }));
  });
})();
