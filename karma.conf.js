/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Karma runs the Jasmine specs of static/ in headless Chromium, against
 * the Angular libraries of the xstatic packages and Horizon's own
 * framework, all taken from the Python environment of the project.
 *
 * PYTHON names that environment's interpreter (default: .venv/bin/python
 * of this repository); CHROME_BIN the browser (default: /usr/bin/chromium).
 */
'use strict';

var childProcess = require('child_process');
var fs = require('fs');
var os = require('os');
var path = require('path');

process.env.CHROME_BIN = process.env.CHROME_BIN || '/usr/bin/chromium';

// The xstatic packages whose data/ folder holds the libraries we load.
var XSTATIC_PACKAGES = [
  'jquery',
  'angular',
  'angular_bootstrap',
  'angular_gettext',
  'angular_fileupload',
  'angular_smart_table',
  'angular_lrdragndrop',
  'tv4',
  'objectpath',
  'angular_schema_form',
  'js_yaml'
];

// Asks the project's Python where Horizon and the xstatic data live.
function pythonPaths() {
  var python = process.env.PYTHON || path.join(__dirname, '.venv', 'bin', 'python');
  var script = [
    'import importlib, json, os',
    'import horizon, openstack_dashboard',
    'out = {"horizon": os.path.dirname(horizon.__file__),',
    '       "openstack_dashboard": os.path.dirname(openstack_dashboard.__file__),',
    '       "xstatic": {}}',
    'for name in ' + JSON.stringify(XSTATIC_PACKAGES) + ':',
    '    out["xstatic"][name] = importlib.import_module("xstatic.pkg." + name).BASE_DIR',
    'print(json.dumps(out))'
  ].join('\n');
  var output;

  try {
    output = childProcess.execFileSync(python, ['-c', script], {
      cwd: __dirname,
      encoding: 'utf8',
      // Leave no __pycache__ behind in the environment.
      env: Object.assign({}, process.env, {PYTHONDONTWRITEBYTECODE: '1'})
    });
  } catch (err) {
    throw new Error(
      'karma.conf.js: cannot find Horizon and the xstatic packages with ' +
      python + ' (set PYTHON to an interpreter that has them): ' + err.message,
      {cause: err});
  }
  return JSON.parse(output);
}

// Globals that Horizon's pages get from Django (the jsi18n catalog and the
// base template): identity translations, STATIC_URL and WEBROOT. The file
// lives in a temporary folder so that nothing test-only sits in static/.
function writeShim() {
  var dir = fs.mkdtempSync(path.join(os.tmpdir(), 'magnum-ui-karma-'));
  var file = path.join(dir, 'horizon-globals.js');
  var shim = [
    '(function (globals) {',
    '  "use strict";',
    '  globals.STATIC_URL = "/static/";',
    '  globals.WEBROOT = "/";',
    '  globals.gettext = function (msgid) { return msgid; };',
    '  globals.gettext_noop = globals.gettext;',
    '  globals.ngettext = function (singular, plural, count) {',
    '    return count === 1 ? singular : plural;',
    '  };',
    '  globals.pgettext = function (context, msgid) { return msgid; };',
    '  globals.npgettext = function (context, singular, plural, count) {',
    '    return count === 1 ? singular : plural;',
    '  };',
    '  globals.interpolate = function (fmt, obj, named) {',
    '    if (named) {',
    '      return fmt.replace(/%\\(\\w+\\)s/g, function (match) {',
    '        return String(obj[match.slice(2, -2)]);',
    '      });',
    '    }',
    '    return fmt.replace(/%s/g, function () { return String(obj.shift()); });',
    '  };',
    '}(window));',
    ''
  ].join('\n');

  fs.writeFileSync(file, shim);
  process.on('exit', function removeShim() {
    fs.rmSync(dir, {recursive: true, force: true});
  });
  return file;
}

// Prints the closing line 'karma: N passed, N failed[, N skipped]'.
function SummaryLineReporter() {
  var skipped = 0;

  this.onRunStart = function onRunStart() {
    skipped = 0;
  };
  this.onSpecComplete = function onSpecComplete(browser, result) {
    if (result.skipped || result.pending) {
      skipped += 1;
    }
  };
  this.onRunComplete = function onRunComplete(browsers, results) {
    var line = 'karma: ' + results.success + ' passed, ' + results.failed + ' failed';
    if (skipped) {
      line += ', ' + skipped + ' skipped';
    }
    process.stdout.write(line + '\n');
  };
}
SummaryLineReporter.$inject = [];

module.exports = function (config) {
  var found = pythonPaths();
  var xstatic = found.xstatic;
  var horizonStatic = path.join(found.horizon, 'static');
  var serviceApi = path.join(
    found.openstack_dashboard, 'static', 'app', 'core', 'openstack-service-api');

  function lib(pkg, file) {
    return path.join(xstatic[pkg], file);
  }

  config.set({
    basePath: __dirname,

    frameworks: ['jasmine'],

    files: [
      writeShim(),

      // Third-party libraries, in the order Horizon loads them.
      lib('jquery', 'jquery.js'),
      lib('angular', 'angular.js'),
      lib('angular', 'angular-route.js'),
      lib('angular', 'angular-mocks.js'),
      lib('angular', 'angular-cookies.js'),
      lib('angular_bootstrap', 'angular-bootstrap.js'),
      lib('angular_gettext', 'angular-gettext.js'),
      lib('angular_fileupload', 'ng-file-upload-all.js'),
      lib('angular', 'angular-sanitize.js'),
      lib('angular_smart_table', 'smart-table.js'),
      lib('angular_lrdragndrop', 'lrdragndrop.js'),
      lib('tv4', 'tv4.js'),
      lib('objectpath', 'ObjectPath.js'),
      lib('angular_schema_form', 'schema-form.js'),
      // Ours (the enabled file's ADD_XSTATIC_MODULES).
      lib('js_yaml', 'js-yaml.js'),

      // Horizon's framework: module definitions first, then the rest.
      path.join(horizonStatic, 'horizon', 'js', 'horizon.js'),
      path.join(horizonStatic, 'framework', '**', '*.module.js'),
      path.join(horizonStatic, 'framework', '**', '!(*.spec|*.mock).js'),

      // The module our API service is registered on, and its services.
      path.join(serviceApi, '*.module.js'),
      path.join(serviceApi, '!(*.spec|*.mock).js'),

      // Our code: modules, then the other sources, then the spec helpers
      // (*.mock.js), then the specs.
      'static/**/*.module.js',
      'static/**/!(*.spec|*.mock).js',
      'static/**/*.mock.js',
      'static/**/*.spec.js',

      // Templates, served under /base/static/ for the specs to read.
      {pattern: 'static/**/*.html', included: false}
    ],

    preprocessors: {
      'static/**/!(*.spec|*.mock).js': ['coverage']
    },

    reporters: ['dots', 'coverage', 'summary-line'],

    coverageReporter: {
      reporters: [{type: 'text-summary'}],
      // A run whose coverage falls under these numbers fails. All four are
      // at 100% now; with this little code one missed line or branch
      // already takes them under 99%.
      check: {
        global: {
          statements: 99,
          branches: 99,
          functions: 99,
          lines: 99
        }
      }
    },

    plugins: [
      'karma-jasmine',
      'karma-chrome-launcher',
      'karma-coverage',
      {'reporter:summary-line': ['type', SummaryLineReporter]}
    ],

    client: {
      jasmine: {
        random: true
      }
    },

    browsers: ['ChromiumHeadlessNoSandbox'],

    customLaunchers: {
      ChromiumHeadlessNoSandbox: {
        base: 'ChromeHeadless',
        flags: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync'
        ]
      }
    },

    // Everything stays on the loopback interface.
    hostname: '127.0.0.1',
    listenAddress: '127.0.0.1',

    colors: Boolean(process.stdout.isTTY),
    autoWatch: false,
    failOnEmptyTestSuite: true,
    browserNoActivityTimeout: 60000,
    logLevel: config.LOG_WARN
  });
};
