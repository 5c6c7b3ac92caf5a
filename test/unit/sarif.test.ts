import * as assert from 'node:assert/strict';
import { buildSarif, FINGERPRINT_KEY } from '../../src/core/sarif';
import { BUILTIN_RULES } from '../../src/core/rules';
import { scan } from '../../src/core/scan';
import type { Finding } from '../../src/core/types';

interface SarifRun {
  tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, any>> } };
  results: Array<Record<string, any>>;
}

function finding(ruleId: string, confidence: Finding['confidence']): Finding {
  return { ruleId, title: `Title ${ruleId}`, provider: 'Acme', start: 0, end: 4, confidence, preview: 'abcd…', fingerprint: 'f'.repeat(64) };
}

describe('sarif', () => {
  it('has the required 2.1.0 structure', () => {
    const text = 'const k = "AKIAQ3EGUMZ7K4HL2NFW";';
    const [f] = scan(text);
    const log = buildSarif([{ uri: 'src/my file.ts', startLine: 1, startColumn: 12, endLine: 1, endColumn: 32, finding: f }], { toolVersion: '1.2.3', rules: BUILTIN_RULES });
    assert.equal(log.version, '2.1.0');
    assert.ok(log.$schema.includes('sarif-2.1.0'));
    assert.equal(log.runs.length, 1);
    const run = log.runs[0] as SarifRun;
    assert.deepEqual({ name: run.tool.driver.name, version: run.tool.driver.version }, { name: 'Leakproof', version: '1.2.3' });
    assert.match(run.tool.driver.informationUri, /^https:\/\//);
    assert.equal(run.tool.driver.rules.length, 1, 'only rules with results are described');
    const rule = run.tool.driver.rules[0];
    assert.equal(rule.id, 'aws-access-key-id');
    assert.equal(rule.name, 'AwsAccessKeyId');
    assert.equal(rule.shortDescription.text, 'AWS access key ID');
    assert.ok(rule.fullDescription.text.length > 10);
    assert.equal(rule.helpUri, BUILTIN_RULES.find((r) => r.id === 'aws-access-key-id')!.docs);
    assert.deepEqual(rule.defaultConfiguration, { level: 'error' });
    assert.deepEqual(rule.properties.tags, ['security', 'secret', 'AWS']);
    const res = run.results[0];
    assert.equal(res.ruleId, 'aws-access-key-id');
    assert.equal(res.ruleIndex, 0);
    assert.equal(res.level, 'error');
    assert.ok(res.message.text.includes('AKIA…'));
    assert.ok(!JSON.stringify(log).includes('AKIAQ3EGUMZ7K4HL2NFW'), 'raw value in SARIF');
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'src/my%20file.ts');
    assert.deepEqual(loc.region, { startLine: 1, startColumn: 12, endLine: 1, endColumn: 32 });
    assert.equal(res.partialFingerprints[FINGERPRINT_KEY], f.fingerprint);
  });

  it('maps confidence to level and describes unknown (custom) rules from the finding', () => {
    const log = buildSarif([
      { uri: 'a', startLine: 1, startColumn: 1, endLine: 1, endColumn: 5, finding: finding('zeta-custom', 'low') },
      { uri: 'b', startLine: 1, startColumn: 1, endLine: 1, endColumn: 5, finding: finding('alpha-custom', 'medium') },
    ], { toolVersion: '0.0.1', rules: [] });
    const run = log.runs[0] as SarifRun;
    assert.deepEqual(run.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level]), [['alpha-custom', 'warning'], ['zeta-custom', 'note']]);
    assert.deepEqual(run.results.map((r) => [r.ruleId, r.ruleIndex, r.level]), [['zeta-custom', 1, 'note'], ['alpha-custom', 0, 'warning']]);
    assert.equal(run.tool.driver.rules[0].helpUri, undefined);
  });

  it('an empty result set is still a valid log', () => {
    const run = buildSarif([], { toolVersion: '1.0.0', rules: BUILTIN_RULES }).runs[0] as SarifRun;
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.tool.driver.rules, []);
  });
});
