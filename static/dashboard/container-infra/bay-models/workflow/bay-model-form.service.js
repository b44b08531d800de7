/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bay-models')
    .factory('horizon.dashboard.container-infra.bay-models.workflow.form.service',
      bayModelForm);

  bayModelForm.$inject = [
    'horizon.dashboard.container-infra.common.basePath',
    'horizon.framework.util.i18n.gettext',
    'horizon.dashboard.container-infra.common.labels.service',
    'horizon.dashboard.container-infra.common.form-steps.service',
    'horizon.dashboard.container-infra.bay-models.workflow.choice-fields.service',
    'horizon.dashboard.container-infra.bay-models.workflow.driver-fields.service',
    'horizon.dashboard.container-infra.bay-models.workflow.schema.service'
  ];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bay-models.workflow.form.service
   * @param {string} basePath Where this dashboard's templates are
   * @param {Function} gettext
   * @param {Object} labels The labels (key=value lines) service
   * @param {Object} formSteps The common steps layout (steps in error marked)
   * @param {Object} choiceFields Selects filled from the choices endpoint
   * @param {Object} driverFields COE, server type and OS, checked together
   * @param {Object} schemaService The form's JSON schema and steps
   * @description
   * Builds the angular-schema-form configuration of the bay model form
   * (schema, tabbed layout, model) and turns a submitted model back into
   * the REST API's fields.
   * @returns {Object} The service
   */
  function bayModelForm(basePath, gettext, labels, formSteps, choiceFields, driverFields,
                        schemaService) {
    var HELP_URL = basePath + 'bay-models/workflow/help/';

    var service = {
      build: build,
      request: request
    };

    return service;

    ///////////////

    /**
     * @name build
     * @param {Object} choices What the common choices service gave ({} if nothing)
     * @param {Object} [item] The bay model to update; none to create one
     * @param {Object} options
     * @param {boolean} options.canPublish May the user set Public and Hidden
     * @param {boolean} options.inUse Do bays use `item` (then only its name,
     *   Public and Hidden may change, as the service rules)
     * @description The form to create a bay model, or to update `item`.
     * @returns {Object} {schema, form, model} for ModalFormService
     */
    function build(choices, item, options) {
      var schema = schemaService.schema();
      var model = item ? modelOf(item, schema) : defaults(choices);
      var fields = fieldsOf(choices, model, options);

      angular.forEach(fields, function startEmpty(field, key) {
        // A select shows its empty choice only for '', not for no value.
        if (field.titleMap && angular.isUndefined(model[key]) &&
            field.titleMap.length && field.titleMap[0].value === '') {
          model[key] = '';
        }
      });
      if (item && !item.name) {
        // A bay model made without name (the API allows it) may stay so.
        schema.required = ['coe', 'server_type'];
      }
      if (item && options.inUse) {
        Object.keys(fields).forEach(function freeze(key) {
          if (schemaService.MUTABLE_IN_USE.indexOf(key) < 0) {
            fields[key].readonly = true;
          }
        });
      }

      return {
        schema: schema,
        model: model,
        form: [formSteps.create(schemaService.steps().map(function tab(step) {
          var items = step.fields.map(function field(key) { return fields[key]; });
          if (step.id === 'info' && item && options.inUse) {
            items.unshift({type: 'help', helpvalue: gettext('Bays use this bay model: ' +
              'only its name, Public and Hidden can change.')});
          }
          return {title: step.title, required: step.required,
            help: HELP_URL + step.id + '.html', items: items};
        }))]
      };
    }

    /**
     * @name request
     * @param {Object} model The submitted model
     * @description
     * The form's fields as the REST API names them, labels parsed into a
     * map. Empty fields are still there: modelCleaner.clean() or
     * modelCleaner.changes() decides what to send.
     * @returns {Object} {field: value}
     */
    function request(model) {
      var body = {};
      schemaService.fieldNames().forEach(function copy(name) {
        body[name] = model[name];
      });
      body.labels = labels.parse(model.labels);
      return body;
    }

    // The form's model of an existing bay model: its fields, nulls left out
    // (a text field holding null fails the schema's type check).
    function modelOf(item, schema) {
      var model = {};
      Object.keys(schema.properties).forEach(function copy(name) {
        if (item[name] !== null && angular.isDefined(item[name])) {
          model[name] = item[name];
        }
      });
      model.labels = labels.toText(item.labels);
      return model;
    }

    // A new bay model runs on the local driver when the service has it: it
    // is the one that works without a cloud around.
    function defaults(choices) {
      var drivers = choices.drivers || [];
      var first = drivers.filter(function isLocal(driver) {
        return driver.server_type === 'local';
      })[0] || drivers[0];
      var coes = choices.coes || [];
      return {
        coe: first ? first.coe : (coes[0] || {}).id,
        server_type: first ? first.server_type : 'vm',
        cluster_distro: '',
        public: false,
        hidden: false,
        master_lb_enabled: false,
        floating_ip_enabled: true,
        registry_enabled: false,
        tls_disabled: false,
        labels: ''
      };
    }

    function fieldsOf(choices, model, options) {
      var fields = {};

      schemaService.fieldNames().forEach(function plain(key) {
        fields[key] = {key: key};
      });

      fields.name.validationMessage = {
        202: gettext('A name starts with a letter and holds only letters, digits, ' +
          '".", "_" and "-".')
      };
      fields.dns_nameserver.validationMessage = {
        202: gettext('An IPv4 address, e.g. 8.8.8.8.')
      };
      fields.docker_volume_size.validationMessage = integerMessages();
      fields.apiserver_port.validationMessage = integerMessages();
      fields.labels = {
        key: 'labels',
        type: 'textarea',
        placeholder: 'kube_tag=v1.30.1\nauto_healing_enabled=true',
        $validators: {labels: function parses(value) { return !labels.check(value); }},
        validationMessage: {labels: function why(context) {
          // Schema form shows a message as HTML, and this one quotes what
          // the user typed: escaped, the quote stays text and never runs.
          return angular.element('<div>').text(labels.check(context.viewValue)).html();
        }}
      };
      if (!options.canPublish) {
        ['public', 'hidden'].forEach(function adminOnly(key) {
          fields[key].readonly = true;
          fields[key].description = gettext('Only an administrator can publish or ' +
            'hide a bay model.');
        });
      }

      listFields(fields, choices, model);
      fields.docker_storage_driver = known(fields.docker_storage_driver, model,
        ['overlay2', 'overlay', 'devicemapper']);
      fields.volume_driver = known(fields.volume_driver, model, ['cinder', 'rexray']);
      fields.network_driver = known(fields.network_driver, model,
        ['flannel', 'calico', 'docker']);
      return driverFields.apply(fields, choices, model);
    }

    // Images, keypairs, flavors and networks from Glance, Nova and Neutron.
    function listFields(fields, choices, model) {
      var none = gettext('None');
      var fill = function fill(key, list, extra) {
        fields[key] = choiceFields.listField(
          angular.extend(fields[key], {description: description(key)}), list,
          angular.extend({current: model[key], none: none}, extra));
      };
      fill('image_id', choices.images);
      fill('keypair_id', choices.keypairs);
      fill('flavor_id', choices.flavors, {name: flavorName});
      fill('master_flavor_id', choices.flavors, {name: flavorName});
      fill('external_network_id', choices.external_networks);
      fill('fixed_network', choices.networks);
      fill('fixed_subnet', choices.networks, {items: subnets});
    }

    function description(key) {
      return schemaService.schema().properties[key].description;
    }

    // A select over the values Magnum knows for a field, current value kept.
    function known(field, model, values) {
      return angular.extend(field, {
        type: 'select',
        titleMap: choiceFields.titleMap(values.map(function item(value) {
          return {id: value, name: value};
        }), model[field.key], {none: gettext('Default')})
      });
    }

    function integerMessages() {
      return {0: gettext('Type a whole number.')};
    }

    function flavorName(flavor) {
      return interpolate(gettext('%(name)s (%(vcpus)s VCPU, %(ram)s MB RAM, %(disk)s GB disk)'),
        flavor, true);
    }

    function subnets(list) {
      return list.items.reduce(function addSubnets(all, network) {
        return all.concat((network.subnets || []).map(function subnet(sub) {
          return {id: sub.id, name: sub.name || sub.id, group: network.name};
        }));
      }, []);
    }
  }
})();
