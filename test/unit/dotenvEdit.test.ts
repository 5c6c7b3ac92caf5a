import * as assert from 'node:assert/strict';
import * as dotenv from 'dotenv';
import { planExampleKey, planRemoveVar, planReplaceValue, planSetVar } from '../../src/core/dotenv/edit';
import { encodeValue } from '../../src/core/dotenv/encode';
import { applyEdits } from '../../src/core/dotenv/textEdit';

// A PEM-shaped block (built up so scanners of this repository do not flag the fixture).
const LABEL = ['PRIVATE', 'KEY'].join(' ');
const PEM = [`-----BEGIN ${LABEL}-----`, 'AAAAfakefakefakefakefakefakefake', 'fakefakefakefakefakefakefake0000', `-----END ${LABEL}-----`, ''].join('\n');

describe('dotenv/encode', () => {
  const cases: Array<[string, string]> = [
    ['abc123', 'abc123'],
    ['', ''],
    ['base64+/=', 'base64+/='],
    ['postgres://u:p@h:5432/db', 'postgres://u:p@h:5432/db'],
    ['with space', "'with space'"],
    [' lead', "' lead'"],
    ['hash#tag', "'hash#tag'"],
    ['$HOME', "'$HOME'"],
    ['say "hi"', `'say "hi"'`],
    ["it's", `"it's"`],
    [`it's "x"`, "`it's \"x\"`"],
    ['C:\\dir\\new', "'C:\\dir\\new'"],
    ['line1\nline2', '"line1\\nline2"'],
    ['cr\rhere', '"cr\\rhere"'],
    ['ends\\', 'ends\\'],
  ];
  for (const [value, expected] of cases) {
    it(`encodes ${JSON.stringify(value)} as ${expected}`, () => {
      const r = encodeValue(value);
      assert.ok(r.ok);
      assert.equal(r.text, expected);
      assert.equal(dotenv.parse(`K=${r.text}\n`)['K'], value);
    });
  }

  it('keeps a PEM key on one line with \\n escapes', () => {
    const r = encodeValue(PEM);
    assert.ok(r.ok);
    assert.equal(r.style, 'double');
    assert.ok(!r.text.includes('\n'));
    assert.equal(dotenv.parse(`K=${r.text}`)['K'], PEM);
  });

  it('falls back to a literal multi-line quote when the value holds a literal \\n too', () => {
    const v = 'real\nnewline and literal \\n';
    const r = encodeValue(v, '\r\n');
    assert.ok(r.ok);
    assert.equal(r.style, 'single');
    assert.equal(r.text, "'real\r\nnewline and literal \\n'");
    assert.equal(dotenv.parse(`K=${r.text}`)['K'], v);
  });

  it('refuses what dotenv cannot hold exactly', () => {
    for (const v of [`'"\``, `'a"b\`\nc`, ' \\']) {
      const r = encodeValue(v);
      assert.equal(r.ok, false, JSON.stringify(v));
    }
  });
});

describe('dotenv/edit: planSetVar', () => {
  it('appends with the file line ending and keeps a missing final newline missing', () => {
    const p = planSetVar('A=1\r\nB=2\r\n', 'NEW', 'v v');
    assert.equal(p.kind, 'append');
    if (p.kind !== 'append') return;
    assert.deepEqual(p.edits, [{ start: 10, end: 10, text: "NEW='v v'\r\n" }]);
    assert.equal(p.line, 2);
    const q = planSetVar('A=1', 'NEW', 'x');
    assert.equal(q.kind === 'append' && q.newText, 'A=1\nNEW=x');
  });

  it('produces the whole content for a missing or empty file', () => {
    const p = planSetVar(undefined, 'API_KEY', 'abc');
    assert.ok(p.kind === 'append' && p.createFile && p.newText === 'API_KEY=abc\n');
    const q = planSetVar('', 'API_KEY', 'abc');
    assert.ok(q.kind === 'append' && !q.createFile && q.newText === 'API_KEY=abc\n');
  });

  it('reuses an identical value and reports a conflict otherwise, never overwriting', () => {
    const text = 'API_KEY=old\nAPI_KEY="same"\n';
    const reuse = planSetVar(text, 'API_KEY', 'same');
    assert.equal(reuse.kind, 'reuse');
    const conflict = planSetVar(text, 'API_KEY', 'other');
    assert.equal(conflict.kind, 'conflict');
    assert.equal(conflict.kind === 'conflict' && conflict.entry.line, 1, 'the entry dotenv uses (last one)');
  });

  it('writes a PEM key that dotenv reads back exactly', () => {
    const p = planSetVar('# keys\n', 'TLS_KEY', PEM);
    assert.ok(p.kind === 'append');
    assert.equal(dotenv.parse(p.newText)['TLS_KEY'], PEM);
  });

  it('refuses to append where the tail of the file would swallow the new line', () => {
    const p = planSetVar('DANGLING:', 'NEW', 'x');
    assert.equal(p.kind, 'error');
    assert.equal(p.kind === 'error' && p.reason, 'unsafe');
  });

  it('rejects keys dotenv cannot read and values it cannot hold', () => {
    assert.equal(planSetVar('', 'BAD KEY', 'x').kind, 'error');
    const p = planSetVar('', 'K', `'"\`\n`);
    assert.ok(p.kind === 'error' && p.reason === 'unrepresentable');
  });

  it('appends after a malformed file without touching it', () => {
    const text = 'not a line\n"stray\nA=1';
    const p = planSetVar(text, 'NEW', 'v');
    assert.ok(p.kind === 'append');
    assert.ok(p.newText.startsWith(text));
    assert.equal(p.edits[0]?.start, text.length);
  });
});

describe('dotenv/edit: planReplaceValue', () => {
  it('replaces only the raw value span, keeping quote style, export and comment', () => {
    const text = "A=1\nexport KEY='old value' # rotated by ops\nB=2\n";
    const p = planReplaceValue(text, 'KEY', 'new value');
    assert.ok(p.kind === 'replace');
    assert.equal(p.newText, "A=1\nexport KEY='new value' # rotated by ops\nB=2\n");
    assert.equal(p.style, 'single');
  });

  it('switches style when the old one cannot hold the new value', () => {
    const p = planReplaceValue('KEY=plain\n', 'KEY', 'has # hash');
    assert.ok(p.kind === 'replace');
    assert.equal(p.newText, "KEY='has # hash'\n");
    const q = planReplaceValue("KEY='x'\n", 'KEY', "it's");
    assert.ok(q.kind === 'replace');
    assert.equal(q.newText, `KEY="it's"\n`);
  });

  it('replaces a multi-line value with a one-line one, and an empty `KEY:` value', () => {
    const p = planReplaceValue('KEY="a\nb"\nZ=1\n', 'KEY', 'c');
    assert.ok(p.kind === 'replace');
    assert.deepEqual(dotenv.parse(p.newText), { KEY: 'c', Z: '1' });
    const q = planReplaceValue('KEY:\nZ=1\n', 'KEY', 'v');
    // `KEY:` followed by a line is dotenv's "value on the next line" quirk: Z is KEY's value.
    assert.ok(q.kind === 'replace' || q.kind === 'error');
  });

  it('reports unchanged and not-found', () => {
    assert.equal(planReplaceValue('K=v\n', 'K', 'v').kind, 'unchanged');
    assert.equal(planReplaceValue('K=v\n', 'X', 'v').kind, 'error');
  });
});

describe('dotenv/edit: planRemoveVar and planExampleKey', () => {
  it('removes every occurrence and the policy comment above', () => {
    const text = 'K=1\nA=2\n# leakproof: rotate=90d\nK=3\n';
    const p = planRemoveVar(text, 'K');
    assert.ok(p.kind === 'remove');
    assert.equal(p.newText, 'A=2\n');
    assert.equal(p.removed, 2);
    const keep = planRemoveVar(text, 'K', { keepPolicyComment: true });
    assert.equal(keep.kind === 'remove' && keep.newText, 'A=2\n# leakproof: rotate=90d\n');
  });

  it('removes a last line without a final newline cleanly', () => {
    const p = planRemoveVar('A=1\r\nK=2', 'K');
    assert.equal(p.kind === 'remove' && p.newText, 'A=1');
  });

  it('adds KEY= to .env.example only when missing', () => {
    const p = planExampleKey('# docs\nA=\n', 'API_KEY');
    assert.ok(p.kind === 'append');
    assert.equal(applyEdits('# docs\nA=\n', p.edits), '# docs\nA=\nAPI_KEY=\n');
    assert.equal(planExampleKey('API_KEY=\n', 'API_KEY').kind, 'present');
    const created = planExampleKey(undefined, 'API_KEY');
    assert.ok(created.kind === 'append' && created.createFile && created.newText === 'API_KEY=\n');
  });
});
