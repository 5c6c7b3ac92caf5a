import * as assert from 'node:assert/strict';
import { IgnoreIndex } from '../../src/core/ignoreDirectives';
import { scan } from '../../src/core/scan';

/** Line numbers (0-based) that the index ignores. */
function ignoredLines(text: string): number[] {
  const index = new IgnoreIndex(text);
  const out: number[] = [];
  let offset = 0;
  text.split('\n').forEach((line, i) => {
    if (index.isIgnored(offset)) out.push(i);
    offset += line.length + 1;
  });
  return out;
}

const SECRET = 'api_token = "Zk4Lq8Rm2Vt7Xw1Bn5Cd9Fh3Jp6"';

describe('ignoreDirectives', () => {
  describe('same-line directives', () => {
    for (const directive of [
      '// leakproof-ignore',
      '# gitleaks:allow',
      '# betterleaks:allow',
      '# trufflehog:ignore',
      '# pragma: allowlist secret',
      '#pragma:allowlist secret',
      '// secretlint-disable-line',
      '// LEAKPROOF-IGNORE',
    ]) {
      it(`"${directive}" covers its own line only`, () => {
        const text = `${SECRET} ${directive}\n${SECRET}`;
        assert.deepEqual(ignoredLines(text), [0]);
        assert.equal(scan(text).length, 1);
        assert.ok(scan(text)[0].start > text.indexOf('\n'));
      });
    }
  });

  describe('next-line directives', () => {
    for (const directive of ['// leakproof-ignore-next-line', '# pragma: allowlist nextline secret', '// secretlint-disable-next-line']) {
      it(`"${directive}" covers the following line only`, () => {
        const text = `${directive}\n${SECRET}\n${SECRET}`;
        assert.deepEqual(ignoredLines(text), [1]);
        assert.equal(scan(text).length, 1);
      });
    }
    it('a next-line directive on the last line is harmless', () => {
      assert.deepEqual(ignoredLines(`${SECRET}\n// leakproof-ignore-next-line`), []);
    });
    it('leakproof-ignore-next-line does not also ignore its own line', () => {
      assert.deepEqual(ignoredLines(`${SECRET} // leakproof-ignore-next-line\n${SECRET}`), [1]);
    });
  });

  describe('block directives', () => {
    it('secretlint-disable … secretlint-enable covers the lines between', () => {
      const text = ['a', '/* secretlint-disable */', SECRET, SECRET, '/* secretlint-enable */', SECRET].join('\n');
      // The directive lines themselves are covered too: harmless, they hold comments.
      assert.deepEqual(ignoredLines(text), [1, 2, 3, 4]);
      assert.equal(scan(text).length, 1);
    });
    it('leakproof-disable without enable covers the rest of the file', () => {
      const text = ['x', '# leakproof-disable', SECRET, SECRET].join('\n');
      assert.deepEqual(ignoredLines(text), [1, 2, 3]);
    });
    it('disable and enable on one line do not leak into the following lines', () => {
      const text = [`/* secretlint-disable */ ${SECRET} /* secretlint-enable */`, SECRET].join('\n');
      assert.deepEqual(ignoredLines(text), [0]);
      assert.equal(scan(text).length, 1);
    });
    it('enable then disable on one line keeps the block open', () => {
      const text = ['/* secretlint-disable */', '/* secretlint-enable */ /* secretlint-disable */', SECRET].join('\n');
      assert.deepEqual(ignoredLines(text), [0, 1, 2]);
    });
    it('secretlint-disable-next-line is not a block opener', () => {
      const text = ['// secretlint-disable-next-line', SECRET, SECRET].join('\n');
      assert.deepEqual(ignoredLines(text), [1]);
    });
  });

  it('a text without directives ignores nothing', () => {
    assert.deepEqual(ignoredLines(`${SECRET}\n${SECRET}`), []);
  });
  it('CRLF line endings work', () => {
    const text = `// leakproof-ignore-next-line\r\n${SECRET}\r\n${SECRET}`;
    assert.equal(scan(text).length, 1);
  });
  it('a multi-line private key is ignored by a directive on the line before it', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    let seed = 11;
    let body = '';
    for (let i = 0; i < 1200; i++) body += alphabet[(seed = (seed * 48271) % 2147483647) % 64];
    const pem = `-----BEGIN PRIVATE KEY-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----`;
    assert.deepEqual(scan(pem).map((f) => f.ruleId), ['private-key']);
    assert.deepEqual(scan(`# leakproof-ignore-next-line\n${pem}`), []);
    assert.deepEqual(scan(`${pem.replace('-----\n', '----- # gitleaks:allow\n')}`), []);
  });
});

describe('DIRECTIVE_PIECES', () => {
  // The scanner only builds the ignore index when one of these pieces occurs: every directive the
  // index understands must contain one, or a new directive would be silently skipped.
  const { DIRECTIVE_PIECES } = require('../../src/core/ignoreDirectives') as typeof import('../../src/core/ignoreDirectives');
  const directives = ['leakproof-ignore', 'leakproof-ignore-next-line', 'gitleaks:allow', 'betterleaks:allow', 'trufflehog:ignore',
    'pragma: allowlist secret', 'pragma: allowlist nextline secret', 'secretlint-disable-line', 'secretlint-disable-next-line',
    'secretlint-disable', 'secretlint-enable', 'nosec', 'detect-secrets: allow'];
  for (const d of directives) {
    it(`covers ${d}`, () => {
      if (!DIRECTIVE_PIECES.some((p) => d.toLowerCase().includes(p))) throw new Error(`${d} has no piece`);
    });
  }
});
