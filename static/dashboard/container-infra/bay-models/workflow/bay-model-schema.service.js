/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.bay-models')
    .factory('horizon.dashboard.container-infra.bay-models.workflow.schema.service',
      bayModelSchema);

  bayModelSchema.$inject = ['horizon.framework.util.i18n.gettext'];

  /**
   * @ngdoc service
   * @name horizon.dashboard.container-infra.bay-models.workflow.schema.service
   * @param {Function} gettext
   * @description
   * The JSON schema of the bay model form, written after the service's
   * CREATE_SCHEMA (magnum_ui/service/api/cluster_templates.py): the same
   * fields, name pattern, lengths and ranges, with a title and a help text
   * each, and the steps they are grouped into. `labels` is text here
   * (key=value lines); the form service turns it into the API's map.
   * @returns {Object} The service
   */
  function bayModelSchema(gettext) {
    // bodies.NAME_PATTERN of the service.
    var NAME_PATTERN = '^[a-zA-Z][a-zA-Z0-9_.-]*$';
    // An IPv4 address, as Magnum's dns_nameserver (IPv4AddressType).
    var IPV4_PATTERN = '^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}' +
      '(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$';
    // The kinds of field. The service's strings are at most 255 characters
    // long; labels are key=value lines, which the form service turns into
    // the API's map.
    var TEXT = {type: 'string', maxLength: 255};
    var LINES = {type: 'string'};
    var FLAG = {type: 'boolean'};
    var INTEGER = {type: 'integer'};

    // The steps of the form, and the fields of each in order, a row a field:
    // [name as the API has it, kind, title, help text, constraints].
    var STEPS = [
      {id: 'info', title: gettext('Info'), required: true, fields: [
        ['name', TEXT, gettext('Name'),
          gettext('Starts with a letter; then letters, digits, ".", "_" and "-".'),
          {pattern: NAME_PATTERN, maxLength: 242}],
        ['coe', TEXT, gettext('Container Orchestration Engine'),
          gettext('The orchestrator the bays of this model run.')],
        ['server_type', TEXT, gettext('Server Type'),
          gettext('Where the nodes run: virtual machines of the cloud, or Docker ' +
            'Engines on the service host (the local driver, no cloud needed).')],
        ['cluster_distro', TEXT, gettext('Operating System'),
          gettext('The operating system of the nodes. Automatic lets the driver use ' +
            'its own.')],
        ['image_id', TEXT, gettext('Image'),
          gettext('The Glance image the nodes boot from.')],
        ['keypair_id', TEXT, gettext('Keypair'),
          gettext('The Nova keypair installed on the nodes for SSH access; a bay may ' +
            'name another.')],
        ['public', FLAG, gettext('Public'),
          gettext('Every project can see and use a public bay model.')],
        ['hidden', FLAG, gettext('Hidden'),
          gettext('A hidden bay model is left out of other projects\' lists; bays ' +
            'made from it keep working.')],
        ['tags', TEXT, gettext('Tags'),
          gettext('Comma-separated words, for your own sorting.')]
      ]},
      {id: 'nodes', title: gettext('Nodes'), fields: [
        ['flavor_id', TEXT, gettext('Node Flavor'),
          gettext('The size of the worker nodes: a Nova flavor, or a local flavor ' +
            '(CPU, memory, processes and disk) for local bays. Empty: local.small ' +
            'for local bays.')],
        ['master_flavor_id', TEXT, gettext('Master Flavor'),
          gettext('The size of the master nodes, as for the worker nodes.')],
        ['docker_volume_size', INTEGER, gettext('Docker Volume Size (GB)'),
          gettext('The disk each node keeps its images and containers on: a Cinder ' +
            'volume on a cloud, a file system of its own on local nodes (at most 100). ' +
            'Empty: no volume, or the flavor\'s disk for local nodes.'), {minimum: 1}],
        ['docker_storage_driver', TEXT, gettext('Docker Storage Driver'),
          gettext('How Docker stores images and containers on the nodes. Empty: ' +
            'the driver\'s default.')],
        ['volume_driver', TEXT, gettext('Volume Driver'),
          gettext('Gives containers persistent volumes: cinder (Kubernetes) or ' +
            'rexray (Swarm). Empty: none.')],
        ['master_lb_enabled', FLAG, gettext('Master Load Balancer'),
          gettext('A load balancer in front of the masters (needs Octavia); useful ' +
            'with several masters.')],
        ['floating_ip_enabled', FLAG, gettext('Floating IPs'),
          gettext('Each node gets a floating IP of the external network.')]
      ]},
      {id: 'network', title: gettext('Network'), fields: [
        ['network_driver', TEXT, gettext('Network Driver'),
          gettext('Connects containers across nodes: flannel or calico (Kubernetes), ' +
            'docker or flannel (Swarm). Empty: the driver\'s default.')],
        ['external_network_id', TEXT, gettext('External Network'),
          gettext('The network that gives the bay its floating IPs and its way out.')],
        ['fixed_network', TEXT, gettext('Fixed Network'),
          gettext('The private network of the nodes. Empty: each bay gets a new one.')],
        ['fixed_subnet', TEXT, gettext('Fixed Subnet'),
          gettext('The subnet of the fixed network the nodes use. Empty: a new one.')],
        ['dns_nameserver', TEXT, gettext('DNS Nameserver'),
          gettext('The DNS server of the nodes, e.g. 8.8.8.8.'), {pattern: IPV4_PATTERN}],
        ['apiserver_port', INTEGER, gettext('API Server Port'),
          gettext('Port of the orchestrator\'s API on the masters, 1024 to 65535. ' +
            'Empty: the driver\'s default.'), {minimum: 1024, maximum: 65535}],
        ['http_proxy', TEXT, gettext('HTTP Proxy'),
          gettext('Proxy the nodes use for HTTP, e.g. http://10.0.0.1:3128.')],
        ['https_proxy', TEXT, gettext('HTTPS Proxy'),
          gettext('Proxy the nodes use for HTTPS.')],
        ['no_proxy', TEXT, gettext('No Proxy'),
          gettext('Comma-separated hosts and networks the nodes reach without proxy.')],
        ['registry_enabled', FLAG, gettext('Docker Registry'),
          gettext('Runs a Docker registry in each bay.')],
        ['tls_disabled', FLAG, gettext('Disable TLS'),
          gettext('Serves the orchestrator\'s API without TLS or client certificates: ' +
            'whoever reaches it controls the bay. For tests only.')],
        ['insecure_registry', TEXT, gettext('Insecure Registry'),
          gettext('A registry (host:port) the nodes may pull from over plain HTTP.')]
      ]},
      {id: 'labels', title: gettext('Labels'), fields: [
        ['labels', LINES, gettext('Labels'),
          gettext('One key=value a line. Labels pass settings to the ' +
            'driver, e.g. kube_tag=v1.30.1.')]
      ]}
    ];

    var service = {
      schema: schema,
      steps: steps,
      fieldNames: fieldNames,
      MUTABLE_IN_USE: ['name', 'public', 'hidden']
    };

    return service;

    ///////////////

    /**
     * @name schema
     * @description A new copy of the form's JSON schema.
     * @returns {Object} The schema
     */
    function schema() {
      var properties = {};
      STEPS.forEach(function addStep(step) {
        step.fields.forEach(function addField(row) {
          properties[row[0]] = angular.extend({title: row[2], description: row[3]}, row[1],
            row[4]);
        });
      });
      return {type: 'object', required: ['name', 'coe', 'server_type'], properties: properties};
    }

    /**
     * @name steps
     * @description The steps of the form and the fields of each, in order.
     * @returns {Object[]} [{id, title, required (the first only), fields: [...]}, ...]
     */
    function steps() {
      return STEPS.map(function stepOf(step) {
        var shown = {id: step.id, title: step.title};
        if (step.required) {
          shown.required = true;
        }
        shown.fields = step.fields.map(nameOf);
        return shown;
      });
    }

    /**
     * @name fieldNames
     * @description The fields of the form, as the API names them.
     * @returns {string[]} The names
     */
    function fieldNames() {
      return Object.keys(schema().properties);
    }

    function nameOf(row) {
      return row[0];
    }
  }
})();
