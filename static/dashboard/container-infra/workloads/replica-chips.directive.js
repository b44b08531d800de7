/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .directive('magnumReplicaChips', magnumReplicaChips);

  magnumReplicaChips.$inject = ['$parse'];

  /**
   * @ngdoc directive
   * @name magnumReplicaChips
   * @param {Function} $parse
   * @description
   * A node card's replicas (from the bay-picture service) as coloured
   * labels, "web.1 running"; a click on one evaluates `on-pick` with
   * `item`, the task or pod:
   *
   *     <div magnum-replica-chips="card.replicas"
   *          on-pick="ctrl.showDetails(ctrl.placedKind, item)"></div>
   *
   * Written as plain DOM text, with one click handler per card, so a bay
   * of hundreds of replicas stays quick to redraw every few seconds.
   * @returns {Object} The directive
   */
  function magnumReplicaChips($parse) {
    return {
      restrict: 'A',
      link: link
    };

    function link(scope, element, attrs) {
      var onPick = $parse(attrs.onPick);
      var replicas = [];

      scope.$watch(attrs.magnumReplicaChips, render);
      element.on('click', picked);

      function render(values) {
        var box = element[0];
        replicas = values || [];
        while (box.firstChild) {
          box.removeChild(box.firstChild);
        }
        replicas.forEach(function chip(replica, index) {
          var label = document.createElement('span');
          var state = document.createElement('small');
          label.className = 'label workload-replica label-' + replica.stateClass;
          label.title = replica.label + ': ' + replica.state;
          label.setAttribute('data-index', index);
          label.appendChild(document.createTextNode(replica.label + ' '));
          state.textContent = replica.state;
          label.appendChild(state);
          box.appendChild(label);
        });
      }

      function picked(event) {
        // jQuery gives a text node's parent as the target.
        var chip = event.target.closest('.workload-replica');
        var replica = chip ? replicas[Number(chip.getAttribute('data-index'))] : null;
        if (replica) {
          scope.$apply(function pick() {
            onPick(scope, {item: replica.item});
          });
        }
      }
    }
  }
})();
