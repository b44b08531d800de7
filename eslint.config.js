/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * ESLint flat configuration. static/ holds AngularJS 1.8 code written in
 * ES5, one IIFE per file, the way Horizon's own code is.
 */
'use strict';

var js = require('@eslint/js');
var globals = require('globals');

module.exports = [
  {
    ignores: ['node_modules/**', 'coverage/**', '.venv/**', 'build/**', 'dist/**']
  },

  js.configs.recommended,

  {
    linterOptions: {
      reportUnusedDisableDirectives: 'error'
    }
  },

  {
    files: ['static/**/*.js'],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: 'script',
      globals: Object.assign({}, globals.browser, {
        angular: 'readonly'
      })
    },
    rules: {
      'block-scoped-var': 'error',
      curly: 'error',
      eqeqeq: 'error',
      'guard-for-in': 'error',
      'max-lines': ['error', {max: 400}],
      'no-caller': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-implicit-globals': 'error',
      'no-loop-func': 'error',
      'no-new-func': 'error',
      'no-shadow': 'error',
      'no-unused-vars': ['error', {caughtErrorsIgnorePattern: '^ignored'}],
      'no-use-before-define': ['error', {functions: false}],
      strict: ['error', 'function']
    }
  },

  {
    files: ['static/**/*.spec.js'],
    languageOptions: {
      globals: Object.assign({}, globals.jasmine, {
        // angular-mocks
        module: 'readonly',
        inject: 'readonly'
      })
    }
  },

  {
    files: ['*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'commonjs',
      globals: globals.node
    }
  }
];
