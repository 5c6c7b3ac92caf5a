// Property tests with the real `dotenv` package as the oracle.
import * as assert from 'node:assert/strict';
import * as dotenv from 'dotenv';
import fc from 'fast-check';
import { planRemoveVar, planReplaceValue, planSetVar } from '../../src/core/dotenv/edit';
import { encodeValue } from '../../src/core/dotenv/encode';
import { parseDotenv, toRecord } from '../../src/core/dotenv/parse';

// PEM-shaped values, built up so scanners of this repository do not flag the fixture.
const PEM_LABEL = ['PRIVATE', 'KEY'].join(' ');
const RUNS = Number(process.env.PROP_RUNS ?? 300);

// Characters dotenv cares about, plus a few non-ASCII ones.
const nasty = fc.constantFrom(
  'a', 'Z', '0', '_', ' ', '\t', '#', "'", '"', '`', '=', ':', '\\', 'n', 'r', '$', '{', '}', '\n', '\r\n', '/', '+', 'é', '€', '😀', '\u00a0', '\u2028',
);
const valueArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: nasty, maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ maxLength: 16 }),
  fc.constant(''),
  fc.base64String({ minLength: 8, maxLength: 64 }).map((b) => `-----BEGIN ${PEM_LABEL}-----\n${b}\n-----END ${PEM_LABEL}-----\n`),
  fc.base64String({ minLength: 8, maxLength: 40 }).map((b) => `-----BEGIN RSA ${PEM_LABEL}-----\\n${b}\\n-----END RSA ${PEM_LABEL}-----`),
);

const keyArb = fc.constantFrom('A', 'B_1', 'db.host', 'x-y', 'API_KEY', 'export_me');
const plainWord = fc.string({ unit: fc.constantFrom('a', 'b', '1', '_', '-', '.', '/', '+', '='), minLength: 1, maxLength: 8 });
const lineArb: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.constant('   '),
  fc.string({ unit: nasty, maxLength: 10 }).map((s) => `# ${s.replace(/[\r\n]/g, '')}`),
  fc.tuple(keyArb, plainWord).map(([k, v]) => `${k}=${v}`),
  fc.tuple(keyArb, plainWord).map(([k, v]) => `export ${k} = ${v}  # note`),
  fc.tuple(keyArb, plainWord).map(([k, v]) => `${k}='${v} ${v}'`),
  fc.tuple(keyArb, plainWord).map(([k, v]) => `${k}="${v}\\n${v}"`),
  fc.tuple(keyArb, plainWord).map(([k, v]) => `${k}="${v}\n${v}"`),
  fc.tuple(keyArb, plainWord).map(([k, v]) => `${k}=\`${v}\``),
  fc.tuple(keyArb, plainWord).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(keyArb, plainWord).map(([k, v]) => `${k}=${v}#c`),
  fc.tuple(keyArb, plainWord).map(([k, v]) => `${k}="${v}`),
  fc.constantFrom('not a line', '=orphan', 'BAD KEY=1', 'K:v', '"stray', "'", 'KEY:'),
  fc.string({ unit: nasty, maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, '')),
);
const eolArb = fc.constantFrom('\n', '\r\n', 'mixed');
const fileArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(lineArb, { maxLength: 8 }), eolArb, fc.boolean())
  .map(([lines, eol, trailing]) => {
    let out = '';
    lines.forEach((l, i) => {
      out += l;
      if (i < lines.length - 1 || trailing) out += eol === 'mixed' ? (i % 2 ? '\r\n' : '\n') : eol;
    });
    return out;
  });

function oracle(text: string): Record<string, string> {
  return { ...dotenv.parse(text) };
}

describe('dotenv properties (oracle: the dotenv package)', () => {
  it('our parse equals dotenv.parse on generated files', () => {
    fc.assert(
      fc.property(fileArb, (text) => {
        assert.deepEqual({ ...toRecord(parseDotenv(text)) }, oracle(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('our parse equals dotenv.parse on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(nasty, fc.constantFrom('export ', 'K=', '\r')), maxLength: 40 }), (text) => {
        assert.deepEqual({ ...toRecord(parseDotenv(text)) }, oracle(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('encodeValue output reads back exactly (or refuses)', () => {
    let refused = 0;
    fc.assert(
      fc.property(valueArb, (value) => {
        const r = encodeValue(value);
        if (!r.ok) {
          refused++;
          return;
        }
        assert.equal(oracle(`K=${r.text}\n`)['K'], value);
      }),
      { numRuns: RUNS },
    );
    assert.ok(refused < RUNS / 4, `too many refusals: ${refused}`);
  });

  it('values without quote characters are always representable', () => {
    // (A real CR needs double quotes, where a literal backslash sequence could be mangled.)
    const quoteless = valueArb.filter((v) => !/['"`]/.test(v) && !/^\s|\\$/.test(v) && !(v.includes('\r') && v.includes('\\')));
    fc.assert(
      fc.property(quoteless, (value) => {
        assert.equal(encodeValue(value).ok, true, JSON.stringify(value));
      }),
      { numRuns: RUNS },
    );
  });

  it('planSetVar keeps every entry and adds exactly the new one, as a pure append', () => {
    let appended = 0;
    fc.assert(
      fc.property(fileArb, valueArb, fc.constantFrom('NEW_KEY', 'A'), (text, value, key) => {
        const before = oracle(text);
        const plan = planSetVar(text, key, value);
        switch (plan.kind) {
          case 'reuse':
            assert.equal(before[key], value);
            return;
          case 'conflict':
            assert.ok(key in before && before[key] !== value);
            return;
          case 'error':
            assert.ok(plan.reason === 'unrepresentable' || plan.reason === 'unsafe', plan.reason);
            if (plan.reason === 'unsafe') assert.ok(/:\s*$|['"`]/.test(text), 'unsafe only for a dangling tail');
            return;
          case 'append': {
            appended++;
            assert.equal(plan.edits.length, 1);
            const e = plan.edits[0];
            assert.ok(e && e.start === text.length && e.end === text.length);
            assert.ok(plan.newText.startsWith(text));
            assert.deepEqual(oracle(plan.newText), { ...before, [key]: value });
          }
        }
      }),
      { numRuns: RUNS },
    );
    assert.ok(appended > RUNS / 3, `only ${appended} appends`);
  });

  it('planReplaceValue changes only the target value and only inside its span', () => {
    let replaced = 0;
    const withKey = fc.tuple(fileArb, fileArb, fc.constantFrom("K='old'", 'K=old # c', 'export K="a\nb"', 'K=', 'K: v')).map(
      ([a, b, line]) => `${a}${a && !/[\r\n]$/.test(a) ? '\n' : ''}${line}\n${b}`,
    );
    fc.assert(
      fc.property(withKey, valueArb, (text, value) => {
        const before = oracle(text);
        const plan = planReplaceValue(text, 'K', value);
        if (plan.kind === 'error') {
          assert.ok(plan.reason !== 'not-found' || !('K' in before));
          return;
        }
        if (plan.kind === 'unchanged') {
          assert.equal(before['K'], value);
          return;
        }
        replaced++;
        const e = plan.edits[0];
        assert.ok(e && plan.edits.length === 1);
        assert.equal(plan.newText.slice(0, e.start), text.slice(0, e.start));
        assert.equal(plan.newText.slice(e.start + e.text.length), text.slice(e.end));
        assert.deepEqual(oracle(plan.newText), { ...before, K: value });
      }),
      { numRuns: RUNS },
    );
    assert.ok(replaced > RUNS / 3, `only ${replaced} replacements`);
  });

  it('planRemoveVar removes the key and keeps everything else', () => {
    fc.assert(
      fc.property(fileArb, keyArb, (text, key) => {
        const before = oracle(text);
        const plan = planRemoveVar(text, key);
        if (plan.kind === 'error') {
          assert.ok(plan.reason === 'unsafe' || !parseDotenv(text).entries.some((x) => x.key === key));
          return;
        }
        const expected = { ...before };
        delete expected[key];
        assert.deepEqual(oracle(plan.newText), expected);
      }),
      { numRuns: RUNS },
    );
  });
});
