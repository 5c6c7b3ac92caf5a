import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { LineIndex } from '../../src/core/lineIndex';
import { classifyFile, looksBinary } from '../../src/core/fileFilter';

describe('analyze inputs: LineIndex', () => {
  it('maps offsets to 0-based line/character', () => {
    const idx = new LineIndex('ab\ncd\r\n\nxyz');
    assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(idx.positionAt(5), { line: 1, character: 2 });
    assert.deepEqual(idx.positionAt(8), { line: 3, character: 0 });
    assert.deepEqual(idx.positionAt(99), { line: 3, character: 3 });
    assert.equal(idx.lineText(1), 'cd');
    assert.equal(idx.lineText(2), '');
    assert.equal(idx.lineCount, 4);
  });

  it('agrees with a naive count for any text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '\n', 'é', '\r') }), fc.nat(), (text, n) => {
      const offset = text.length ? n % (text.length + 1) : 0;
      const before = text.slice(0, offset);
      const expected = { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
      assert.deepEqual(new LineIndex(text).positionAt(offset), expected);
    }));
  });
});

describe('analyze inputs: classifyFile', () => {
  it('text, UTF-8 and Latin-1 text are scanned', () => {
    assert.deepEqual(classifyFile('a.ts', Buffer.from('const x = "héllo → 世界";\n'), 1000), { skip: false });
    assert.deepEqual(classifyFile('a.txt', Buffer.from('caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9 text in latin-1 with mostly ascii', 'latin1'), 1000), { skip: false });
    assert.deepEqual(classifyFile('empty', new Uint8Array(), 10), { skip: false });
  });

  it('NUL bytes or mostly invalid UTF-8 mean binary; size is checked first', () => {
    assert.deepEqual(classifyFile('a.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), 1000), { skip: true, reason: 'binary' });
    const noise = Uint8Array.from({ length: 512 }, (_, i) => 0x80 + (i * 37) % 0x7f);
    assert.ok(looksBinary(noise));
    assert.deepEqual(classifyFile('big', new Uint8Array(11), 10), { skip: true, reason: 'too-large' });
  });

  it('a multi-byte character cut by the 8 KB window is not counted', () => {
    const text = Buffer.from('a'.repeat(8191) + '€');
    assert.ok(!looksBinary(text));
  });
});
