import * as assert from 'node:assert/strict';
import * as dotenv from 'dotenv';
import { parseDotenv, toRecord, effectiveEntries } from '../../src/core/dotenv/parse';

function same(text: string): void {
  assert.deepEqual({ ...toRecord(parseDotenv(text)) }, dotenv.parse(text), JSON.stringify(text));
}

describe('dotenv/parse', () => {
  it('agrees with dotenv on the documented syntax and its quirks', () => {
    for (const t of [
      '',
      'A=1',
      'A=1\nB=2\n',
      'export A=1\n  export   B = 2  \n',
      "A='single # not comment' # comment\n",
      'A="double\\nnewline\\r"\n',
      "A='no\\nexpansion'\n",
      'A=`back tick`\n',
      'A="multi\nline"\nB=after\n',
      "A='multi\r\nline'\r\nB=crlf\r\n",
      'A=value#comment\nB=value # comment\n',
      'A= spaced value  \n',
      'A: colon form\nB:nospace\n',
      'A:\nB=swallowed by A\n',
      'export\nB=on next line\n',
      'A\n=value\n',
      'A="unterminated\nB=2\n',
      "A='it\\'s'\n",
      "A='x' trailing\n",
      'A=\nB=\n',
      'A=   # only comment\n',
      '\uFEFFA=bom\n',
      'A=1\rB=2\rC=3',
      'DUP=1\nDUP=2\n',
      'foo.bar-baz=1\n',
      '# comment\n\n   \n# another\nA=1',
      'bad line\n=novalue\nBAD KEY=1\nA=ok\n',
    ])
      same(t);
  });

  it('reports offsets of key, raw value (quotes included) and whole lines', () => {
    const text = "# top\nexport API_KEY='s3cr3t value' # live\r\nB=2";
    const p = parseDotenv(text);
    const e = p.entries[0];
    assert.ok(e);
    assert.equal(e.key, 'API_KEY');
    assert.equal(text.slice(e.keyStart, e.keyEnd), 'API_KEY');
    assert.equal(text.slice(e.valueStart, e.valueEnd), "'s3cr3t value'");
    assert.equal(e.value, 's3cr3t value');
    assert.equal(e.quote, "'");
    assert.equal(e.exported, true);
    assert.equal(e.line, 1);
    assert.equal(text.slice(e.rawLineStart, e.rawLineEnd), "export API_KEY='s3cr3t value' # live");
    assert.equal(text.slice(e.rawLineEnd, e.nextLineStart), '\r\n');
    assert.equal(e.comment?.text, '# live');
    assert.equal(p.lineEnding, 'mixed');
    assert.equal(p.endsWithNewline, false);
    const b = p.entries[1];
    assert.ok(b);
    assert.equal(b.nextLineStart, text.length);
  });

  it('maps offsets back through CRLF in multi-line values', () => {
    const text = 'A=1\r\nPEM="-----BEGIN-----\r\nMIIB\r\n-----END-----"\r\nZ=9\r\n';
    const p = parseDotenv(text);
    const pem = p.entries.find((e) => e.key === 'PEM');
    assert.ok(pem);
    assert.equal(pem.value, '-----BEGIN-----\nMIIB\n-----END-----');
    assert.equal(text.slice(pem.valueStart, pem.valueEnd), '"-----BEGIN-----\r\nMIIB\r\n-----END-----"');
    assert.equal(pem.line, 1);
    assert.equal(pem.endLine, 3);
    assert.deepEqual(p.lines.map((l) => l.kind), ['entry', 'entry', 'continuation', 'continuation', 'entry']);
    assert.equal(p.lineEnding, 'crlf');
    assert.equal(p.eol, '\r\n');
    const z = p.entries.find((e) => e.key === 'Z');
    assert.equal(z && text.slice(z.keyStart, z.keyEnd), 'Z');
  });

  it('reports malformed lines with a reason and never drops them', () => {
    const p = parseDotenv('GOOD=1\njust words\n=x\nBAD KEY=1\nK:v\n"stray"\n');
    assert.deepEqual(p.malformed.map((m) => m.line), [1, 2, 3, 4, 5]);
    for (const m of p.malformed) assert.equal(m.malformed, true);
    assert.match(p.malformed[0]?.reason ?? '', /no '='/);
    assert.match(p.malformed[1]?.reason ?? '', /missing key/);
    assert.match(p.malformed[2]?.reason ?? '', /key has characters/);
    assert.match(p.malformed[3]?.reason ?? '', /':'/);
    assert.match(p.malformed[4]?.reason ?? '', /stray/);
  });

  it('flags a value whose opening quote dotenv could not match', () => {
    const e = parseDotenv('A="open\n').entries[0];
    assert.equal(e?.unterminatedQuote, true);
    assert.equal(e?.value, '"open');
  });

  it('attaches a leakproof policy comment from the comment block directly above', () => {
    const text = [
      '# leakproof: rotate=90d expires=2027-01-31 rotated=2026-10-01',
      'STRIPE_KEY=a',
      '',
      '# leakproof: rotate=30d',
      '# Stripe restricted key',
      'OTHER=b',
      '# leakproof: rotate=7d',
      '',
      'LONELY=c',
    ].join('\n');
    const byKey = effectiveEntries(parseDotenv(text));
    const s = byKey.get('STRIPE_KEY')?.policyComment;
    assert.equal(s?.text, '# leakproof: rotate=90d expires=2027-01-31 rotated=2026-10-01');
    assert.equal(s && text.slice(s.start, s.end), s?.text);
    assert.equal(byKey.get('OTHER')?.policyComment?.text, '# leakproof: rotate=30d');
    assert.equal(byKey.get('LONELY')?.policyComment, undefined, 'a blank line separates it');
  });

  it('describes comments, line endings and the final newline', () => {
    const p = parseDotenv('  # indented\nA=1\n');
    assert.deepEqual(p.comments.map((c) => [c.line, c.text]), [[0, '# indented']]);
    assert.equal(p.lineEnding, 'lf');
    assert.equal(p.endsWithNewline, true);
    assert.equal(parseDotenv('A=1').lineEnding, 'none');
  });
});
