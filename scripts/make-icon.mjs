// Draws media/icon.png (128x128): a padlock-shaped shield on VS Code blue. Run once; output committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const S = 128;
const px = Buffer.alloc(S * S * 4);
const set = (x, y, [r, g, b, a]) => { const i = (y * S + x) * 4; px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = a; };
const bg = [0, 102, 184, 255], white = [255, 255, 255, 255], dark = [0, 60, 110, 255];
for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) {
  const dx = Math.max(0, Math.abs(x - 63.5) - 44), dy = Math.max(0, Math.abs(y - 63.5) - 44);
  set(x, y, Math.hypot(dx, dy) <= 20 ? bg : [0, 0, 0, 0]);
  // shackle
  const r = Math.hypot(x - 64, y - 50);
  if (y <= 56 && r >= 15 && r <= 23) set(x, y, white);
  // body
  if (x >= 34 && x <= 94 && y >= 54 && y <= 100) set(x, y, white);
  // keyhole
  if (Math.hypot(x - 64, y - 72) <= 7 || (Math.abs(x - 64) <= 3 && y >= 72 && y <= 88)) set(x, y, dark);
}
const raw = Buffer.alloc((S * 4 + 1) * S);
for (let y = 0; y < S; y++) { raw[y * (S * 4 + 1)] = 0; px.copy(raw, y * (S * 4 + 1) + 1, y * S * 4, (y + 1) * S * 4); }
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (b) => { let c = 0xffffffff; for (const v of b) c = crcTable[(c ^ v) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(S, 0); ihdr.writeUInt32BE(S, 4); ihdr[8] = 8; ihdr[9] = 6;
writeFileSync('media/icon.png', Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
