import * as assert from 'node:assert/strict';
import { RULE_FAMILIES, BUILTIN_RULES } from '../../src/core/rules';
import { scan } from '../../src/core/scan';
import { mask } from '../../src/core/mask';

// Failure messages name the example by index and mask long tokens: test logs hold no key-shaped values.
const shown = (text: string, i: number): string => `example #${i} ${JSON.stringify(text.replace(/[A-Za-z0-9+/_.=-]{12,}/g, mask))}`;

// Every rule carries its own examples; this one generic test runs them all.
describe('rules: examples', () => {
  it('every rule id is unique and kebab-case', () => {
    const ids = BUILTIN_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
    for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  for (const [family, rules] of Object.entries(RULE_FAMILIES)) {
    describe(family, () => {
      for (const rule of rules) {
        it(`${rule.id}: has positive and negative examples`, () => {
          assert.ok(rule.examples.positive.length >= 1, `${rule.id} has no positive example`);
          assert.ok(rule.examples.negative.length >= 1, `${rule.id} has no negative example`);
        });
        it(`${rule.id}: flags its positive examples`, () => {
          for (const [i, text] of rule.examples.positive.entries()) {
            const hits = scan(text).filter((f) => f.ruleId === rule.id);
            assert.ok(hits.length > 0, `${rule.id} missed ${shown(text, i)} (got ${scan(text).map((f) => f.ruleId).join(', ') || 'nothing'})`);
          }
        });
        it(`${rule.id}: stays quiet on its negative examples`, () => {
          for (const [i, text] of rule.examples.negative.entries()) {
            const hits = scan(text);
            assert.equal(hits.length, 0, `${rule.id} negative ${shown(text, i)} flagged by ${hits.map((f) => f.ruleId).join(', ')}`);
          }
        });
      }
    });
  }
});
