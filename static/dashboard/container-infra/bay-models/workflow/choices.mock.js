/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * A spec helper, loaded before the specs (karma.conf.js): what the choices
 * endpoint answers about drivers and COEs, for the bay model form's specs.
 */
(function (globals) {
  'use strict';

  globals.bayModelChoices = {
    DRIVERS: [
      {name: 'k8s_fcos', coe: 'kubernetes', server_type: 'vm', os: 'fedora-coreos',
        requires: ['image_id', 'external_network_id']},
      {name: 'local_swarm', coe: 'swarm-mode', server_type: 'local', os: 'docker',
        requires: []},
      {name: 'swarm_fcos', coe: 'swarm-mode', server_type: 'vm', os: 'fedora-coreos',
        requires: ['image_id', 'external_network_id']}
    ],
    COES: [{id: 'swarm-mode', name: 'Docker Swarm (mode)'},
      {id: 'kubernetes', name: 'Kubernetes'}]
  };
})(window);
