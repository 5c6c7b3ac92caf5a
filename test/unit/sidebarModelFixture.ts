/** A `.env` text for the sidebar's rotation planning tests (fake values). */
export const dotenvFixture = [
  '# top comment',
  '',
  '# leakproof: rotate=100y rotated=2026-01-01',
  'SESSION=lp_old_value_1 # inline comment',
  "OTHER='quoted # not a comment'",
  'export LAST="x"',
  '',
].join('\n');
