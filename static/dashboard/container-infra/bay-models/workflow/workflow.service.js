/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bay-models')
    .factory('horizon.dashboard.container-infra.bay-models.workflow.service', workflow);

  workflow.$inject = [
    '$q',
    'horizon.app.core.openstack-service-api.magnum-bay-models',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.widgets.form.ModalFormService',
    'horizon.framework.widgets.toast.service',
    'horizon.dashboard.container-infra.common.allowed.service',
    'horizon.dashboard.container-infra.common.choices.service',
    'horizon.dashboard.container-infra.common.model-cleaner.service',
    'horizon.dashboard.container-infra.bay-models.service',
    'horizon.dashboard.container-infra.bay-models.workflow.form.service'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bay-models.workflow.service
   * @param {Object} $q
   * @param {Object} bayModelsAPI The bay models' API service
   * @param {Function} gettext
   * @param {Object} modalFormService Horizon's schema-form modal
   * @param {Object} toast
   * @param {Object} allowed The common allowed() builder
   * @param {Object} choices The common choices
   * @param {Object} modelCleaner
   * @param {Object} bayModelsService
   * @param {Object} formService Builds the form and reads it back
   * @description
   * The Create Bay Model and Update Bay Model forms: opens the form, sends
   * what it holds (a new bay model's filled fields; an update's changes
   * only) and, when the server refuses it, opens the form again with the
   * entries kept while the API service's toast gives the reason.
   * @returns {Object} The service
   */
  function workflow($q, bayModelsAPI, gettext, modalFormService, toast, allowed, choices,
                    modelCleaner, bayModelsService, formService) {
    var service = {
      create: create,
      update: update
    };

    return service;

    ///////////////

    /**
     * @name create
     * @description Asks for a new bay model and creates it.
     * @returns {Promise} Resolves with the created bay model; rejects if cancelled
     */
    function create() {
      return prepare(null, false).then(function open(config) {
        return submitLoop(config, {
          title: gettext('Create Bay Model'),
          submitText: gettext('Create'),
          send: function send(body) {
            return bayModelsAPI.createBayModel(modelCleaner.clean(body));
          },
          done: gettext('Bay model %s was created.')
        });
      });
    }

    /**
     * @name update
     * @param {Object} item The bay model to change
     * @description Asks for changes to `item` and sends those that were made.
     * @returns {Promise} Resolves with the updated bay model (`item` itself
     *   when nothing changed); rejects if cancelled
     */
    function update(item) {
      var inUse = bayModelsService.getBaysUsing(item).then(function any(bays) {
        return bays.length > 0;
      }, function unknown() {
        // The service still refuses a change it does not allow.
        return false;
      });
      return inUse.then(function build(used) {
        return prepare(item, used);
      }).then(function open(config) {
        return submitLoop(config, {
          title: gettext('Update Bay Model'),
          submitText: gettext('Update'),
          send: function send(body) {
            var changes = modelCleaner.changes(item, body);
            if (!Object.keys(changes).length) {
              return $q.resolve({data: item, unchanged: true});
            }
            return bayModelsAPI.updateBayModel(item.uuid, changes);
          },
          done: gettext('Bay model %s was updated.')
        });
      });
    }

    // The choices and the publishing right, then the form built from them.
    function prepare(item, inUse) {
      return $q.all({
        choices: choices.get(true).catch(function none() {
          // The API service has toasted why; every list becomes free text.
          return {};
        }),
        canPublish: allowed.check('clustertemplate:publish')
      }).then(function build(found) {
        return formService.build(found.choices, item, {
          canPublish: found.canPublish,
          inUse: inUse
        });
      });
    }

    function submitLoop(config, how) {
      return modalFormService.open({
        title: how.title,
        submitText: how.submitText,
        schema: config.schema,
        form: config.form,
        model: config.model,
        size: 'lg'
      }).then(function submitted() {
        return how.send(formService.request(config.model)).then(function saved(response) {
          var name = bayModelsService.itemName(response.data);
          if (response.unchanged) {
            toast.add('info', interpolate(gettext('Nothing was changed in %s.'), [name]));
          } else {
            toast.add('success', interpolate(how.done, [name]));
          }
          return response.data;
        }, function refused() {
          return submitLoop(config, how);
        });
      });
    }
  }
})();
