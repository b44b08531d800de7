/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.common form steps layout', function () {
    var layout, formSteps, $compile, $rootScope;

    beforeEach(module('gettext'));
    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function ($injector) {
      layout = $injector.get('schemaFormDecorators').decorator('bootstrapDecorator')['magnum-steps'];
      formSteps = $injector.get('horizon.dashboard.container-infra.common.form-steps.service');
      $compile = $injector.get('$compile');
      $rootScope = $injector.get('$rootScope');
    }));

    function template() {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', '/base/static/dashboard/container-infra/common/form-steps.html', false);
      xhr.send();
      // Without Horizon's help panel: the step list is what is checked.
      return xhr.responseText.replace(/<help-panel>[\s\S]*<\/help-panel>/, '');
    }

    it('is a schema-form layout built as Horizon\'s tabs, from this dashboard', inject(
      function (hzBuilder) {
        expect(layout.template).toBe('/static/dashboard/container-infra/common/form-steps.html');
        expect(layout.builder).toContain(hzBuilder.tabsBuilder);
        expect(layout.replace).toBe(true);
      }));

    it('marks the steps that hold a field in error in its step list', function () {
      var scope = $rootScope.$new();
      var element, steps;
      scope.model = {};
      scope.form = formSteps.create([
        {title: 'Info', items: [{key: ['name']}]},
        {title: 'Network', items: [{key: ['dns_nameserver']}]}
      ]);
      scope.formCtrl = {name: {$invalid: false}, dns_nameserver: {$invalid: true, $dirty: true}};
      element = $compile('<div>' + template() + '</div>')(scope);
      scope.$digest();
      steps = element.find('li.nav-item');
      expect(steps.length).toBe(2);
      expect(steps.eq(0).hasClass('has-error')).toBe(false);
      expect(steps.eq(0).find('.step-error').length).toBe(0);
      expect(steps.eq(1).hasClass('has-error')).toBe(true);
      expect(steps.eq(1).find('.step-error').length).toBe(1);
    });
  });
})();
