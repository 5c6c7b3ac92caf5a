import * as assert from 'node:assert/strict';
import { keyed, keyedPrefix, WIDE_CONTEXT } from '../../src/core/rules/keyed';

// A made-up provider, so no real rule's wording leaks into what is tested here.
const VALUE = 'q7Rk2Lm9Xw4Tz8Vb';
const VALUE_SOURCE = '[A-Za-z0-9]{16}';
const strict = keyed(String.raw`acme[\w.-]{0,20}?token`, VALUE_SOURCE);
const wide = keyed('acme', VALUE_SOURCE, WIDE_CONTEXT);

const secretOf = (re: RegExp, text: string): string | undefined => re.exec(text)?.groups?.secret;

describe('rules/keyed', () => {
  describe('strict (default) context', () => {
    const found: Record<string, string> = {
      '.env': `ACME_TOKEN=${VALUE}`,
      'shell export': `export ACME_API_TOKEN='${VALUE}'`,
      'code assignment': `const acmeToken = "${VALUE}";`,
      'Go/Pascal :=': `acmeToken := "${VALUE}"`,
      'PHP/Ruby =>': `'acme_token' => '${VALUE}',`,
      JSON: `{ "acme_token": "${VALUE}" }`,
      'YAML, same line': `acme_token: ${VALUE}`,
      'CLI flag': `deploy --acme-token ${VALUE}`,
      'template literal': 'const acme_token = `' + VALUE + '`',
    };
    for (const [kind, text] of Object.entries(found)) {
      it(`finds the value in ${kind}`, () => assert.equal(secretOf(strict, text), VALUE));
    }

    it('matches the name case-insensitively', () => assert.equal(secretOf(strict, `AcMe_ToKeN=${VALUE}`), VALUE));

    const missed: Record<string, string> = {
      'a call argument': `acme_token("${VALUE}")`,
      'a nested YAML key': `acme_token:\n  value: ${VALUE}`,
      'another name': `ACME_USER=${VALUE}`,
      'a name tail over 25 characters': `ACME_TOKEN_${'X'.repeat(30)}=${VALUE}`,
      'a value that runs on as base64': `ACME_TOKEN=${VALUE}+/Q=`,
      'a longer token': `ACME_TOKEN=${VALUE}Z`,
    };
    for (const [kind, text] of Object.entries(missed)) {
      it(`ignores ${kind}`, () => assert.equal(secretOf(strict, text), undefined));
    }
  });

  describe('wide context', () => {
    const found: Record<string, string> = {
      '.env': `ACME_TOKEN=${VALUE}`,
      'a call argument': `acme_login("${VALUE}")`,
      'a later call argument': `client.auth("acme", "${VALUE}")`,
      'one nested YAML key': `acme:\n  token: ${VALUE}`,
      'two nested YAML keys': `acme:\n  api:\n    token: "${VALUE}"`,
      'a name tail up to 40 characters': `ACME_${'X'.repeat(35)}=${VALUE}`,
      'a value followed by base64 padding': `ACME_TOKEN=${VALUE}==`,
    };
    for (const [kind, text] of Object.entries(found)) {
      it(`finds the value in ${kind}`, () => assert.equal(secretOf(wide, text), VALUE));
    }

    const missed: Record<string, string> = {
      'three nested YAML keys': `acme:\n  a:\n    b:\n      token: ${VALUE}`,
      'a name tail over 40 characters': `ACME_${'X'.repeat(41)}=${VALUE}`,
      'a value that runs on with a dash': `ACME_TOKEN=${VALUE}-more`,
      '`==` (not an operator here)': `acme_token == ${VALUE}`,
    };
    for (const [kind, text] of Object.entries(missed)) {
      it(`ignores ${kind}`, () => assert.equal(secretOf(wide, text), undefined));
    }
  });

  describe('keyedPrefix', () => {
    // The use it exists for: a value that does not count in another provider's context.
    const notAcme = new RegExp(`(?<!${keyedPrefix('acme', WIDE_CONTEXT)})\\b(zz_${VALUE_SOURCE})\\b`, 'i');

    it('has no capture groups, so a look-behind built from it keeps group numbers', () => {
      assert.equal(new RegExp(`${keyedPrefix('a|b', WIDE_CONTEXT)}|`).exec('')?.length, 1);
    });
    it('finds the value outside that context', () => assert.equal(notAcme.exec(`OTHER_KEY=zz_${VALUE}`)?.[1], `zz_${VALUE}`));
    it('skips the value in that context', () => {
      assert.equal(notAcme.exec(`ACME_KEY=zz_${VALUE}`), null);
      assert.equal(notAcme.exec(`acme:\n  secret: "zz_${VALUE}"`), null);
    });
  });
});
