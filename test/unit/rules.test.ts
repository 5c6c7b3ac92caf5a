import * as assert from 'node:assert/strict';
import { RULE_FAMILIES, BUILTIN_RULES } from '../../src/core/rules';
import { scan } from '../../src/core/scan';

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
          for (const text of rule.examples.positive) {
            const hits = scan(text).filter((f) => f.ruleId === rule.id);
            assert.ok(hits.length > 0, `${rule.id} missed: ${JSON.stringify(text)} (got ${scan(text).map((f) => f.ruleId).join(', ') || 'nothing'})`);
          }
        });
        it(`${rule.id}: stays quiet on its negative examples`, () => {
          for (const text of rule.examples.negative) {
            const hits = scan(text);
            assert.equal(hits.length, 0, `${rule.id} negative flagged by ${hits.map((f) => f.ruleId).join(', ')}: ${JSON.stringify(text)}`);
          }
        });
      }
    });
  }
});
