/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * A spec helper, loaded before the specs (karma.conf.js): what the specs
 * of the actions built by the common factories share.
 */
/* global beforeEach, module, inject, spyOn */
(function (globals) {
  'use strict';

  globals.actionSpecs = {
    horizon: horizon,
    renderBody: renderBody,
    dialogBody: dialogBody,
    capture: capture,
    allowPolicy: allowPolicy,
    isAllowed: isAllowed,
    settle: settle
  };

  /**
   * @name horizon
   * @description
   * The services an action spec works with: $q, $rootScope, a new `scope`,
   * Horizon's `policy`, `simpleModal` and `toast` (its add() spied on).
   * Call it in a beforeEach, after the module under test is loaded.
   * @returns {Object} The services, by those names
   */
  function horizon() {
    var found = {};
    inject(function ($injector) {
      found.$q = $injector.get('$q');
      found.$rootScope = $injector.get('$rootScope');
      found.scope = found.$rootScope.$new();
      found.policy = $injector.get('horizon.app.core.openstack-service-api.magnum-policy');
      found.simpleModal = $injector.get('horizon.framework.widgets.modal.simple-modal.service');
      found.toast = $injector.get('horizon.framework.widgets.toast.service');
      spyOn(found.toast, 'add');
    });
    return found;
  }

  /**
   * @name renderBody
   * @param {string} path A dialog body's template, under container-infra/
   * @param {Object} ctrl Its controller
   * @param {string[]=} partials The templates the body includes, under
   *   container-infra/ (put where the dashboard serves them)
   * @description
   * Compiles the body as the common dialog frame holds it: in a form
   * named ctrl.form, with `ctrl` on the scope.
   * @returns {Object} The element (jqLite), in the document
   */
  function renderBody(path, ctrl, partials) {
    var element;
    inject(function ($compile, $rootScope, $templateCache, $injector) {
      var basePath = $injector.get('horizon.dashboard.container-infra.common.basePath');
      var scope = $rootScope.$new();
      (partials || []).forEach(function cache(partial) {
        $templateCache.put(basePath + partial, read(partial));
      });
      scope.ctrl = ctrl;
      element = $compile('<form name="ctrl.form">' + read(path) + '</form>')(scope);
      scope.$digest();
    });
    return element;
  }

  function read(path) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', '/base/static/dashboard/container-infra/' + path, false);
    xhr.send();
    return xhr.responseText;
  }

  /**
   * @name dialogBody
   * @param {string} controller A dialog body's controller
   * @param {Object} context What the dialog action gives it
   * @param {string} path Its template, under container-infra/
   * @description Builds the controller and renders its body (renderBody).
   * @returns {Object} {ctrl, element}
   */
  function dialogBody(controller, context, path) {
    var ctrl;
    inject(function ($controller) {
      ctrl = $controller(controller, {context: context});
    });
    return {ctrl: ctrl, element: renderBody(path, ctrl)};
  }

  /**
   * @name capture
   * @param {string} factoryName A common factory with a `create(options)`
   * @description
   * Records the options of every action the factory builds, from the
   * start (run blocks build actions as the module loads). Call it in a
   * describe, after the module under test is loaded.
   * @returns {Object} {optionsOf(service)}: the options `service` was built with
   */
  function capture(factoryName) {
    var built = [];
    beforeEach(module(function ($provide) {
      $provide.decorator(factoryName, function ($delegate) {
        var create = $delegate.create;
        built.length = 0;
        spyOn($delegate, 'create').and.callFake(function (options) {
          var service = create(options);
          built.push({service: service, options: options});
          return service;
        });
        return $delegate;
      });
    }));
    return {
      optionsOf: function optionsOf(service) {
        return built.filter(function isIt(one) { return one.service === service; })[0].options;
      }
    };
  }

  /**
   * @name allowPolicy
   * @param {string[]} [refused] The rules the policy refuses
   * @description Has Horizon's policy service answer without a server.
   * @returns {Object} The policy service's spy
   */
  function allowPolicy(refused) {
    var spy;
    inject(function ($injector) {
      var $q = $injector.get('$q');
      spy = spyOn($injector.get('horizon.app.core.openstack-service-api.magnum-policy'), 'ifAllowed')
        .and.callFake(function (query) {
          return (refused || []).indexOf(query.rules[0][1]) < 0 ? $q.resolve() : $q.reject();
        });
    });
    return spy;
  }

  /**
   * @name isAllowed
   * @param {Object} action An action service
   * @param {Object} [item] The item acted on
   * @description Settles the action's allowed(item).
   * @returns {boolean} Whether it resolved
   */
  function isAllowed(action, item) {
    return 'resolved' in settle(action.allowed(item));
  }

  /**
   * @name settle
   * @param {Promise} promise
   * @description Runs a digest and says how the promise ended.
   * @returns {Object} {resolved: value} or {rejected: reason}
   */
  function settle(promise) {
    var outcome = {};
    promise.then(function (value) {
      outcome.resolved = value;
    }, function (reason) {
      outcome.rejected = reason;
    });
    inject(function ($rootScope) {
      $rootScope.$apply();
    });
    return outcome;
  }
})(window);
