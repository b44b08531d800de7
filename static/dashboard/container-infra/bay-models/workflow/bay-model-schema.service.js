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
      return {
        type: 'object',
        required: ['name', 'coe', 'server_type'],
        properties: {
          name: text(gettext('Name'),
            gettext('Starts with a letter; then letters, digits, ".", "_" and "-".'),
            {pattern: NAME_PATTERN, maxLength: 242}),
          coe: text(gettext('Container Orchestration Engine'),
            gettext('The orchestrator the bays of this model run.')),
          server_type: text(gettext('Server Type'),
            gettext('Where the nodes run: virtual machines of the cloud, or Docker ' +
              'Engines on the service host (the local driver, no cloud needed).')),
          cluster_distro: text(gettext('Operating System'),
            gettext('The operating system of the nodes. Automatic lets the driver use ' +
              'its own.')),
          image_id: text(gettext('Image'),
            gettext('The Glance image the nodes boot from.')),
          keypair_id: text(gettext('Keypair'),
            gettext('The Nova keypair installed on the nodes for SSH access; a bay may ' +
              'name another.')),
          public: flag(gettext('Public'),
            gettext('Every project can see and use a public bay model.')),
          hidden: flag(gettext('Hidden'),
            gettext('A hidden bay model is left out of other projects\' lists; bays ' +
              'made from it keep working.')),
          tags: text(gettext('Tags'),
            gettext('Comma-separated words, for your own sorting.')),

          flavor_id: text(gettext('Node Flavor'),
            gettext('The size of the worker nodes: a Nova flavor, or a local flavor ' +
              '(CPU, memory, processes and disk) for local bays. Empty: local.small ' +
              'for local bays.')),
          master_flavor_id: text(gettext('Master Flavor'),
            gettext('The size of the master nodes, as for the worker nodes.')),
          docker_volume_size: integer(gettext('Docker Volume Size (GB)'),
            gettext('The disk each node keeps its images and containers on: a Cinder ' +
              'volume on a cloud, a file system of its own on local nodes (at most 100). ' +
              'Empty: no volume, or the flavor\'s disk for local nodes.'), 1),
          docker_storage_driver: text(gettext('Docker Storage Driver'),
            gettext('How Docker stores images and containers on the nodes. Empty: ' +
              'the driver\'s default.')),
          volume_driver: text(gettext('Volume Driver'),
            gettext('Gives containers persistent volumes: cinder (Kubernetes) or ' +
              'rexray (Swarm). Empty: none.')),
          master_lb_enabled: flag(gettext('Master Load Balancer'),
            gettext('A load balancer in front of the masters (needs Octavia); useful ' +
              'with several masters.')),
          floating_ip_enabled: flag(gettext('Floating IPs'),
            gettext('Each node gets a floating IP of the external network.')),

          network_driver: text(gettext('Network Driver'),
            gettext('Connects containers across nodes: flannel or calico (Kubernetes), ' +
              'docker or flannel (Swarm). Empty: the driver\'s default.')),
          external_network_id: text(gettext('External Network'),
            gettext('The network that gives the bay its floating IPs and its way out.')),
          fixed_network: text(gettext('Fixed Network'),
            gettext('The private network of the nodes. Empty: each bay gets a new one.')),
          fixed_subnet: text(gettext('Fixed Subnet'),
            gettext('The subnet of the fixed network the nodes use. Empty: a new one.')),
          dns_nameserver: text(gettext('DNS Nameserver'),
            gettext('The DNS server of the nodes, e.g. 8.8.8.8.'), {pattern: IPV4_PATTERN}),
          apiserver_port: integer(gettext('API Server Port'),
            gettext('Port of the orchestrator\'s API on the masters, 1024 to 65535. ' +
              'Empty: the driver\'s default.'), 1024, 65535),
          http_proxy: text(gettext('HTTP Proxy'),
            gettext('Proxy the nodes use for HTTP, e.g. http://10.0.0.1:3128.')),
          https_proxy: text(gettext('HTTPS Proxy'),
            gettext('Proxy the nodes use for HTTPS.')),
          no_proxy: text(gettext('No Proxy'),
            gettext('Comma-separated hosts and networks the nodes reach without proxy.')),
          registry_enabled: flag(gettext('Docker Registry'),
            gettext('Runs a Docker registry in each bay.')),
          tls_disabled: flag(gettext('Disable TLS'),
            gettext('Serves the orchestrator\'s API without TLS or client certificates: ' +
              'whoever reaches it controls the bay. For tests only.')),
          insecure_registry: text(gettext('Insecure Registry'),
            gettext('A registry (host:port) the nodes may pull from over plain HTTP.')),

          labels: {
            type: 'string',
            title: gettext('Labels'),
            description: gettext('One key=value a line. Labels pass settings to the ' +
              'driver, e.g. kube_tag=v1.30.1.')
          }
        }
      };
    }

    /**
     * @name steps
     * @description The steps of the form and the fields of each, in order.
     * @returns {Object[]} [{id, title, fields: [...]}, ...]
     */
    function steps() {
      return [
        {id: 'info', title: gettext('Info'), required: true, fields: [
          'name', 'coe', 'server_type', 'cluster_distro', 'image_id', 'keypair_id',
          'public', 'hidden', 'tags']},
        {id: 'nodes', title: gettext('Nodes'), fields: [
          'flavor_id', 'master_flavor_id', 'docker_volume_size', 'docker_storage_driver',
          'volume_driver', 'master_lb_enabled', 'floating_ip_enabled']},
        {id: 'network', title: gettext('Network'), fields: [
          'network_driver', 'external_network_id', 'fixed_network', 'fixed_subnet',
          'dns_nameserver', 'apiserver_port', 'http_proxy', 'https_proxy', 'no_proxy',
          'registry_enabled', 'tls_disabled', 'insecure_registry']},
        {id: 'labels', title: gettext('Labels'), fields: ['labels']}
      ];
    }

    /**
     * @name fieldNames
     * @description The fields of the form, as the API names them.
     * @returns {string[]} The names
     */
    function fieldNames() {
      return Object.keys(schema().properties);
    }

    // The service's strings are at most 255 characters long.
    function text(title, description, extra) {
      return angular.extend({type: 'string', title: title, description: description,
        maxLength: 255}, extra);
    }

    function flag(title, description) {
      return {type: 'boolean', title: title, description: description};
    }

    function integer(title, description, minimum, maximum) {
      var property = {type: 'integer', title: title, description: description,
        minimum: minimum};
      if (angular.isDefined(maximum)) {
        property.maximum = maximum;
      }
      return property;
    }
  }
})();
