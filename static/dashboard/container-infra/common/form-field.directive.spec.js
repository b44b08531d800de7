/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('magnumFormField', function () {
    var scope, $compile;

    beforeEach(module('horizon.dashboard.container-infra.common'));

    beforeEach(inject(function (_$compile_, $rootScope) {
      $compile = _$compile_;
      scope = $rootScope.$new();
      scope.ctrl = {bad: false, refusal: ''};
    }));

    function render(attributes) {
      var element = $compile('<div class="col-xs-4" magnum-form-field="Nodes" ' +
        'input-id="nodes" ' + attributes + '>' +
        '<input id="nodes" ng-model="ctrl.nodes"><span class="help-block">A number.</span>' +
        '</div>')(scope);
      scope.$digest();
      return element;
    }

    it('frames the field as a form group, its label naming the field', function () {
      var element = render('');
      var label = element.children('label');

      expect(element.hasClass('form-group')).toBe(true);
      expect(element.hasClass('col-xs-4')).toBe(true);
      expect(element.hasClass('required')).toBe(false);
      expect(label.attr('for')).toBe('nodes');
      expect(label.text().trim()).toBe('Nodes');
      expect(label.find('.hz-icon-required').length).toBe(0);
      expect(element.find('label + div > input#nodes').length).toBe(1);
      expect(element.find('.help-block').text()).toBe('A number.');
      expect(element.hasClass('has-error')).toBe(false);
    });

    it('marks a required field with the asterisk', function () {
      var element = render('required');

      expect(element.hasClass('required')).toBe(true);
      expect(element.find('label .hz-icon-required').length).toBe(1);
    });

    it('is in error while the field is invalid', function () {
      var element = render('invalid="ctrl.bad"');

      scope.ctrl.bad = true;
      scope.$digest();
      expect(element.hasClass('has-error')).toBe(true);
      scope.ctrl.bad = false;
      scope.$digest();
      expect(element.hasClass('has-error')).toBe(false);
    });

    it('shows the service\'s refusal of the field last, and is in error with it', function () {
      var element = render('field-error="ctrl.refusal" error-class="nodes-error"');

      scope.ctrl.refusal = 'Too many nodes.';
      scope.$digest();
      expect(element.hasClass('has-error')).toBe(true);
      expect(element.children('.help-block.nodes-error').text()).toBe('Too many nodes.');
      expect(element.children().last().hasClass('nodes-error')).toBe(true);
      scope.ctrl.refusal = '';
      scope.$digest();
      expect(element.hasClass('has-error')).toBe(false);
      expect(element.find('.nodes-error').length).toBe(0);
    });

    it('keeps its classes beside the classes ng-class gives', function () {
      var element;
      scope.width = 'col-xs-6';
      element = $compile('<div ng-class="width" magnum-form-field="Nodes" required ' +
        'invalid="true"></div>')(scope);
      scope.$digest();

      expect(element.hasClass('col-xs-6')).toBe(true);
      expect(element.hasClass('form-group')).toBe(true);
      expect(element.hasClass('required')).toBe(true);
      expect(element.hasClass('has-error')).toBe(true);
    });

    it('binds the field to the outer scope', function () {
      var element = render('');

      element.find('input').val('3').triggerHandler('input');
      expect(scope.ctrl.nodes).toBe('3');
    });
  });
})();
