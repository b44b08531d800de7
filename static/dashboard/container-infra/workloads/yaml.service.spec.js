/*
 * SPDX-License-Identifier: Apache-2.0
 */
(function () {
  'use strict';

  describe('horizon.dashboard.container-infra.workloads.yaml', function () {
    var yaml;

    beforeEach(module('horizon.dashboard.container-infra.workloads'));
    beforeEach(inject(function ($injector) {
      yaml = $injector.get('horizon.dashboard.container-infra.workloads.yaml');
    }));

    it('writes nested mappings and sequences in block style', function () {
      expect(yaml.dump({
        Spec: {Name: 'web', Args: ['sh', '-c', 'echo hi'], Replicas: 3, Global: false},
        Ports: [{Target: 80, Protocol: 'tcp'}, {Target: 443}],
        Matrix: [[1, 2], []],
        Empty: {},
        None: null
      })).toBe([
        'Spec:',
        '  Name: web',
        '  Args:',
        '    - sh',
        '    - "-c"',
        '    - echo hi',
        '  Replicas: 3',
        '  Global: false',
        'Ports:',
        '  - Target: 80',
        '    Protocol: tcp',
        '  - Target: 443',
        'Matrix:',
        '  - - 1',
        '    - 2',
        '  - []',
        'Empty: {}',
        'None: null',
        ''
      ].join('\n'));
    });

    it('quotes strings a reader would take for something else', function () {
      expect(yaml.dump(['true', 'no', '12', '1.5', '', 'a: b', '#x', ' x', 'x ', 'null', 'ok']))
        .toBe('- "true"\n- "no"\n- "12"\n- "1.5"\n- ""\n- "a: b"\n- "#x"\n- " x"\n- "x "\n' +
          '- "null"\n- ok\n');
      expect(yaml.dump({'a:b': 1, 'key with space': 2})).toBe('a:b: 1\nkey with space: 2\n');
      expect(yaml.dump('bell\u0007')).toBe('"bell\\u0007"\n');
    });

    it('keeps multi-line strings readable as literal blocks', function () {
      expect(yaml.dump({script: 'echo a\n\necho b\n'}))
        .toBe('script: |\n  echo a\n\n  echo b\n');
      expect(yaml.dump({script: 'a\nb'})).toBe('script: |-\n  a\n  b\n');
      expect(yaml.dump({script: 'a\n\u0001'})).toBe('script: "a\\n\\u0001"\n');
    });

    it('writes scalars and empty collections at the top level', function () {
      expect(yaml.dump(3)).toBe('3\n');
      expect(yaml.dump([])).toBe('[]\n');
      expect(yaml.dump({})).toBe('{}\n');
      expect(yaml.dump(undefined)).toBe('null\n');
    });
  });
})();
