/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.app.core.openstack-service-api')
    .factory('horizon.app.core.openstack-service-api.magnum-policy', policyAPI);

  policyAPI.$inject = [
    '$q',
    '$timeout',
    'horizon.app.core.openstack-service-api.magnum-http',
    'horizon.framework.util.i18n.gettext'
  ];

  /**
   * @ngdoc service
   * @name horizon.app.core.openstack-service-api.magnum-policy
   * @param {Object} $q
   * @param {Function} $timeout
   * @param {Object} http The dashboard's http helper
   * @param {Function} gettext
   * @description
   * Horizon's policy check (`ifAllowed`, the same questions and answers),
   * with the questions asked in one turn of the browser sent in one
   * request (a panel asks one per action as it builds its table) and each
   * answer kept for the page's life, as Horizon's own service keeps them.
   * A request that fails toasts once, refuses its questions and keeps no
   * answer: they are asked again next time.
   * @returns {Object} The service
   */
  function policyAPI($q, $timeout, http, gettext) {
    var answers = {};
    var waiting = null;
    var service = {
      ifAllowed: ifAllowed
    };

    return service;

    ///////////////

    /**
     * @name ifAllowed
     * @param {Object} question {rules: [[scope, rule], ...], target: {...}}
     * @returns {Promise} Resolves if every rule allows it, rejects otherwise
     */
    function ifAllowed(question) {
      var key = angular.toJson(question);
      if (!answers[key]) {
        answers[key] = ask(key, question);
      }
      return answers[key];
    }

    function ask(key, question) {
      var answer = $q.defer();
      if (!waiting) {
        waiting = [];
        $timeout(send, 0, false);
      }
      waiting.push({key: key, question: question, answer: answer});
      return answer.promise;
    }

    function send() {
      var asked = waiting;
      waiting = null;
      http.post(http.url('policy'), {questions: asked.map(function question(one) {
        return one.question;
      })}, gettext('Unable to check what you may do: %s')).then(function answered(response) {
        asked.forEach(function settle(one, index) {
          if (response.data.allowed[index] === true) {
            one.answer.resolve();
          } else {
            one.answer.reject();
          }
        });
      }, function failed() {
        asked.forEach(function refuse(one) {
          delete answers[one.key];
          one.answer.reject();
        });
      });
    }
  }
})();
