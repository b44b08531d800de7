/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.admin.quotas')
    .factory('horizon.dashboard.container-infra.admin.quotas.form.service', quotaFormService);

  quotaFormService.$inject = [
    'horizon.framework.widgets.form.ModalFormService',
    'horizon.framework.util.i18n.gettext',
    'horizon.framework.util.i18n.ngettext',
    'horizon.dashboard.container-infra.admin.quotas.service'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.admin.quotas.form.service
   * @param {Object} modalForm Horizon's schema-form modal
   * @param {Function} gettext
   * @param {Function} ngettext
   * @param {Object} quotasService The panel's data service
   * @description
   * The quota form, for creating (project and resource chosen) and for
   * updating (only the hard limit changes). Schema-form checks each field
   * as it is typed and shows the error under it; the submit button stays
   * disabled while a field is wrong.
   * @returns {Object} The service
   */
  function quotaFormService(modalForm, gettext, ngettext, quotasService) {
    // The service API's bounds: Magnum takes limits from 1 up (a project is
    // kept at zero bays by other means), stored as a 32-bit integer.
    var MIN_LIMIT = 1;
    var MAX_LIMIT = 2147483647;

    var service = {
      open: open
    };

    return service;

    ///////////////

    /**
     * @name open
     * @param {Object} options
     * @param {string} options.title Modal title
     * @param {string} options.submitText Text of the submit button
     * @param {Object[]} options.projects [{id, name}] the project may be chosen from
     * @param {Object} [options.quota] The quota being updated: project and
     *   resource are then shown but fixed
     * @param {number} [options.defaultLimit] The limit of projects without a
     *   quota, when known: the hard limit's help names it
     * @description Opens the form in a modal.
     * @returns {Promise} Resolves with the model {project_id, resource,
     *   hard_limit} on submit; rejects on cancel
     */
    function open(options) {
      var updating = Boolean(options.quota);
      var model = updating ? {
        project_id: options.quota.project_id,
        resource: options.quota.resource,
        hard_limit: options.quota.hard_limit
      } : {resource: 'Cluster', hard_limit: MIN_LIMIT};

      return modalForm.open({
        title: options.title,
        submitText: options.submitText,
        size: 'md',
        schema: schema(),
        form: form(updating, options.projects, options.defaultLimit),
        model: model
      }).then(function submitted(context) {
        return context.model;
      });
    }

    function schema() {
      return {
        type: 'object',
        properties: {
          project_id: {type: 'string', title: gettext('Project'), minLength: 1},
          resource: {
            type: 'string',
            title: gettext('Resource'),
            enum: quotasService.resources().map(function value(choice) {
              return choice.value;
            })
          },
          hard_limit: {
            type: 'integer',
            title: gettext('Hard Limit'),
            minimum: MIN_LIMIT,
            maximum: MAX_LIMIT
          }
        },
        required: ['project_id', 'resource', 'hard_limit']
      };
    }

    function form(updating, projects, defaultLimit) {
      return [
        {
          key: 'project_id',
          type: 'select',
          readonly: updating,
          titleMap: projects.map(function choice(project) {
            return {value: project.id, name: project.name || project.id};
          }),
          description: updating ? '' : projectHelp(projects),
          validationMessage: {302: gettext('Choose a project.')}
        },
        {
          key: 'resource',
          type: 'select',
          readonly: updating,
          titleMap: quotasService.resources()
        },
        {
          key: 'hard_limit',
          type: 'number',
          step: 1,
          description: limitHelp(defaultLimit),
          validationMessage: {
            0: gettext('Enter a whole number.'),
            101: gettext('The hard limit must be 1 or more.'),
            103: gettext('The hard limit is too large.'),
            302: gettext('Enter a hard limit.'),
            'number': gettext('Enter a whole number.')
          }
        }
      ];
    }

    function limitHelp(defaultLimit) {
      if (angular.isNumber(defaultLimit)) {
        return ngettext(
          'The most bays the project may have at once. Without a quota of its ' +
            'own, a project may have %s bay (the default).',
          'The most bays the project may have at once. Without a quota of its ' +
            'own, a project may have %s bays (the default).',
          defaultLimit).replace('%s', String(defaultLimit));
      }
      return gettext(
        'The most bays the project may have at once. Without a quota of ' +
        'its own, a project gets the default limit.');
    }

    function projectHelp(projects) {
      if (!projects.length) {
        return gettext(
          'Every project already has a quota (or the projects could not be ' +
          'listed): change a quota with Update Quota.');
      }
      return gettext('Projects that already have a quota are not listed: update theirs instead.');
    }
  }
})();
