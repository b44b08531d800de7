/*
 * SPDX-License-Identifier: Apache-2.0
 */
/* global interpolate -- Django's JavaScript catalog defines it on every page */
(function () {
  'use strict';

  angular
    .module('horizon.dashboard.container-infra.workloads')
    .controller('horizon.dashboard.container-infra.workloads.WorkloadsController',
      WorkloadsController);

  WorkloadsController.$inject = [
    '$q',
    '$scope',
    '$element',
    '$window',
    'horizon.app.core.openstack-service-api.magnum-workloads',
    'horizon.app.core.openstack-service-api.magnum-error-reason',
    'horizon.dashboard.container-infra.common.poller',
    'horizon.dashboard.container-infra.workloads.kinds',
    'horizon.dashboard.container-infra.workloads.bay-picture',
    'horizon.dashboard.container-infra.workloads.actions',
    'horizon.dashboard.container-infra.workloads.pollMs',
    'horizon.framework.util.i18n.gettext'
  ];

  /**
   * @ngdoc controller
   * @name horizon.dashboard.container-infra.workloads.WorkloadsController
   * @description
   * Loads the bay's summary, then every `pollMs` (the common poller's idle
   * interval: while the view is on screen, one read at a time) the chosen
   * kind and, for the picture, the nodes and their tasks or pods. A failed
   * read shows the server's reason (a 503 for an unreachable bay, a 409
   * for one not ready) in place of the tables, and the next poll tries
   * again. An item's details show as YAML (js-yaml, which Horizon serves
   * from the XStatic-JS-Yaml package) and follow the item: read again when
   * a read shows it changed, closed when it is gone. A task of a deleted
   * service that Docker is still stopping is left out.
   */
  function WorkloadsController($q, $scope, $element, $window, api, errorReason, pollerService,
                               kinds, picture, actions, pollMs, gettext) {
    var ctrl = this;
    var poller = pollerService.create($scope, refresh, {idle: pollMs, shown: onScreen});
    var generation = 0;

    ctrl.$onChanges = onChanges;
    ctrl.selectKind = selectKind;
    ctrl.applyFilters = applyFilters;
    ctrl.refresh = refresh;
    ctrl.showDetails = showDetails;
    ctrl.closeDetails = closeDetails;
    ctrl.showLogs = showLogs;
    ctrl.closeLogs = closeLogs;
    ctrl.create = create;
    ctrl.scale = scale;
    ctrl.remove = remove;
    ctrl.stateClass = kinds.stateClass;
    ctrl.emptyText = emptyText;
    reset();

    ///////////////

    function reset() {
      generation += 1;
      ctrl.summary = null;
      ctrl.kinds = [];
      ctrl.current = null;
      ctrl.items = [];
      ctrl.rows = [];
      ctrl.statuses = [];
      ctrl.namespaces = [];
      ctrl.cards = [];
      ctrl.problems = [];
      ctrl.filters = {name: '', status: '', namespace: ''};
      ctrl.error = null;
      ctrl.loaded = false;
      ctrl.detail = null;
      ctrl.logsOf = null;
      ctrl.placedKind = null;
      ctrl.allowed = {};
    }

    // bayId is the only binding: any change is a new bay.
    function onChanges() {
      reset();
      if (ctrl.bayId) {
        actions.permissions().then(function setAllowed(allowed) {
          ctrl.allowed = allowed;
        });
        refresh();
      } else {
        poller.cancel();
      }
    }

    // A details tab that is not the one shown leaves the view off screen.
    function onScreen() {
      return $element[0].offsetParent !== null;
    }

    /**
     * @name refresh
     * @description
     * Reads the summary (until it is known), then the data; the next
     * read is due pollMs after this one ended.
     * @returns {Promise} Resolves when the view shows the new data
     */
    function refresh() {
      var mine = generation;
      poller.cancel();
      return (ctrl.summary ? $q.when(ctrl.summary) : api.getSummary(ctrl.bayId).then(onSummary))
        .then(readData)
        .then(function shown(results) {
          if (mine === generation) {
            show(results);
          }
        }, function failed(response) {
          if (mine === generation) {
            ctrl.error = {status: response && response.status, reason: errorReason(response)};
            ctrl.loaded = true;
          }
        })
        .finally(function done() {
          if (mine === generation) {
            poller.schedule(false);
          }
        });

      function onSummary(response) {
        if (mine !== generation) {
          return $q.reject(response);
        }
        ctrl.summary = response.data;
        ctrl.kinds = kinds.forSummary(response.data);
        ctrl.current = ctrl.current || ctrl.kinds[0] || null;
        ctrl.placedKind = ctrl.kinds.filter(function placed(definition) {
          return definition.kind === picture.placedKind(response.data.coe);
        })[0];
        return ctrl.summary;
      }
    }

    function readData() {
      var placed = picture.placedKind(ctrl.summary.coe);
      var current = ctrl.current;
      var reads = {current: current ? list(current.kind, currentParams()) : $q.when([])};
      ['nodes', placed, 'namespaces'].forEach(function read(kind) {
        if (ctrl.summary.kinds.indexOf(kind) < 0) {
          reads[kind] = $q.when([]);
        } else if (current && current.kind === kind && !currentParams().namespace) {
          reads[kind] = reads.current;
        } else {
          reads[kind] = list(kind, {});
        }
      });
      reads.placed = reads[placed];
      return $q.all(reads);
    }

    function list(kind, params) {
      return api.list(ctrl.bayId, kind, params).then(function items(response) {
        return response.data.items.filter(notLeftOver);
      });
    }

    // A Swarm task of a deleted service, which Docker is still stopping, is
    // named by the service's id (no service has the name any more): it is no
    // workload of the bay now.
    function notLeftOver(item) {
      return !item.service_id || item.service !== item.service_id;
    }

    function currentParams() {
      return ctrl.current.namespaced && ctrl.filters.namespace
        ? {namespace: ctrl.filters.namespace} : {};
    }

    function show(results) {
      ctrl.error = null;
      ctrl.loaded = true;
      ctrl.items = results.current;
      ctrl.namespaces = results.namespaces.map(function name(ns) { return ns.name; }).sort();
      ctrl.cards = picture.build(ctrl.summary.coe, results.nodes, results.placed);
      ctrl.problems = picture.problems(results.placed);
      applyFilters();
      followDetail(results);
    }

    // The details follow their item: read again when a read shows it
    // changed (scaled here or elsewhere), closed once it is gone.
    function followDetail(results) {
      var detail = ctrl.detail;
      var listed = detail ? listedOf(results, detail.definition.kind) : null;
      var fresh;
      if (!listed) {
        return;
      }
      fresh = listed.filter(function same(item) {
        return keyOf(item) === keyOf(detail.item);
      })[0];
      if (!fresh) {
        ctrl.detail = null;
      } else if (!angular.equals(fresh, detail.item)) {
        detail.item = fresh;
        readDetail(detail);
      }
    }

    function listedOf(results, kind) {
      if (kind === ctrl.current.kind) {
        return results.current;
      }
      return {nodes: results.nodes, placed: results.placed}[
        kind === picture.placedKind(ctrl.summary.coe) ? 'placed' : kind];
    }

    function keyOf(item) {
      return item.id || (item.namespace || '') + '/' + item.name;
    }

    /**
     * @name applyFilters
     * @description Name (substring) and status filters act in the browser.
     * @returns {undefined}
     */
    function applyFilters() {
      var name = ctrl.filters.name.toLowerCase();
      var status = ctrl.filters.status;
      var statusOf = ctrl.current ? ctrl.current.status : angular.noop;
      var seen = {};
      ctrl.items.forEach(function collect(item) {
        seen[statusOf(item)] = true;
      });
      ctrl.statuses = Object.keys(seen).filter(Boolean).sort();
      ctrl.rows = ctrl.items.filter(function keep(item) {
        return (!name || String(item.name).toLowerCase().indexOf(name) >= 0) &&
          (!status || statusOf(item) === status);
      }).map(row);
    }

    // Cells are computed once per read, so the table binds plain strings.
    function row(item) {
      return {
        key: keyOf(item),
        item: item,
        cells: ctrl.current.columns.map(function cell(column) {
          return {
            text: column.value(item),
            cls: column.badge ? 'label label-' + kinds.stateClass(item[column.badge]) : ''
          };
        })
      };
    }

    /**
     * @name selectKind
     * @param {Object} definition The kind to show
     * @returns {Promise} Resolves when its table is filled
     */
    function selectKind(definition) {
      ctrl.current = definition;
      ctrl.items = [];
      ctrl.rows = [];
      ctrl.filters.status = '';
      if (!definition.namespaced) {
        ctrl.filters.namespace = '';
      }
      generation += 1;
      return refresh();
    }

    function emptyText() {
      return interpolate(gettext('No %s yet.'), [ctrl.current.label.toLowerCase()]);
    }

    function itemParams(item) {
      return item.namespace ? {namespace: item.namespace} : {};
    }

    function showDetails(definition, item) {
      ctrl.detail = {definition: definition, item: item, text: yaml(item), raw: false};
      return readDetail(ctrl.detail);
    }

    function readDetail(detail) {
      var item = detail.item;
      return api.get(ctrl.bayId, detail.definition.kind, detail.definition.ref(item),
        itemParams(item))
        .then(function full(response) {
          detail.text = yaml(response.data.raw || response.data);
          detail.raw = Boolean(response.data.raw);
          detail.error = null;
        }, function failed(response) {
          detail.error = errorReason(response);
        });
    }

    // Block-style YAML, keys in their order, lines as long as they are: an
    // orchestrator's object the way its own tools print it. Text for
    // ng-bind, never HTML.
    function yaml(value) {
      return $window.jsyaml.safeDump(value, {lineWidth: -1, noRefs: true, skipInvalid: true});
    }

    function closeDetails() {
      ctrl.detail = null;
    }

    function showLogs(definition, item) {
      ctrl.logsOf = {
        kind: definition.kind,
        name: definition.ref(item),
        label: item.name,
        params: itemParams(item)
      };
    }

    function closeLogs() {
      ctrl.logsOf = null;
    }

    // A cancelled form or confirmation rejects: nothing to do then.
    function create() {
      return actions.create(ctrl.bayId, ctrl.summary.coe).then(refresh, angular.noop);
    }

    function scale(definition, item) {
      return actions.scale(ctrl.bayId, definition, item, itemParams(item))
        .then(refresh, angular.noop);
    }

    function remove(definition, item) {
      return actions.remove(ctrl.bayId, definition, item, itemParams(item), $scope)
        .then(function removed(result) {
          if (!result) {
            return undefined;
          }
          if (ctrl.detail && ctrl.detail.item === item) {
            ctrl.detail = null;
          }
          return refresh();
        }, angular.noop);
    }
  }
})();
