import * as assert from 'node:assert/strict';
import { envNameFromRuleId, suggestEnvName, toEnvName, uniqueEnvName } from '../../src/core/envref/name';

// Clearly fake; the tests are about the code around it, not its format.
const S = 's3cr3t-Value_0123456789abcdef';

/** `⟦⟧` marks the secret in the snippet. */
function name(snippet: string, ruleId?: string, hint?: string): string {
  const start = snippet.indexOf('⟦');
  const text = snippet.replace('⟦', '').replace('⟧', '');
  const end = snippet.indexOf('⟧') - 1;
  return suggestEnvName(text, start, end, ruleId, hint);
}

describe('envref/name', () => {
  it('converts identifiers to SCREAMING_SNAKE_CASE', () => {
    assert.equal(toEnvName('stripeSecretKey'), 'STRIPE_SECRET_KEY');
    assert.equal(toEnvName('client-secret'), 'CLIENT_SECRET');
    assert.equal(toEnvName('X-Api-Key'), 'X_API_KEY');
    assert.equal(toEnvName('APIKey'), 'API_KEY');
    assert.equal(toEnvName('apiKeyV2'), 'API_KEY_V2');
    assert.equal(toEnvName('db.password'), 'DB_PASSWORD');
    assert.equal(toEnvName('$apiKey'), 'API_KEY');
    assert.equal(toEnvName('@api_key'), 'API_KEY');
    assert.equal(toEnvName('clé_api'), 'CLE_API');
    assert.equal(toEnvName('2fa-secret'), 'SECRET_2FA_SECRET');
    assert.equal(envNameFromRuleId('aws-access-key-id'), 'AWS_ACCESS_KEY_ID');
  });

  const cases: Array<[string, string, string?, string?]> = [
    [`const stripeSecretKey = "⟦${S}⟧";`, 'STRIPE_SECRET_KEY'],
    [`let apiKey = '⟦${S}⟧'`, 'API_KEY'],
    [`  apiKey: "⟦${S}⟧",`, 'API_KEY'],
    [`{ "client-secret": "⟦${S}⟧" }`, 'CLIENT_SECRET'],
    [`        self.db_password = "⟦${S}⟧"`, 'DB_PASSWORD'],
    [`headers["X-Api-Key"] = "⟦${S}⟧"`, 'X_API_KEY'],
    [`headers.set("X-Api-Key", "⟦${S}⟧")`, 'X_API_KEY'],
    [`client = Stripe(api_key="⟦${S}⟧")`, 'API_KEY'],
    [`apiKey := "⟦${S}⟧"`, 'API_KEY'],
    [`var apiKey string = "⟦${S}⟧"`, 'API_KEY'],
    [`const apiKey: string = "⟦${S}⟧";`, 'API_KEY'],
    [`let api_key: &str = "⟦${S}⟧";`, 'API_KEY'],
    [`private static final String API_TOKEN = "⟦${S}⟧";`, 'API_TOKEN'],
    [`$apiKey = '⟦${S}⟧';`, 'API_KEY'],
    [`@api_key = "⟦${S}⟧"`, 'API_KEY'],
    [`'stripe_key' => '⟦${S}⟧',`, 'STRIPE_KEY'],
    [`define('MAILGUN_KEY', '⟦${S}⟧');`, 'MAILGUN_KEY'],
    [`export SENDGRID_API_KEY="⟦${S}⟧"`, 'SENDGRID_API_KEY'],
    [`SENDGRID_API_KEY=⟦${S}⟧`, 'SENDGRID_API_KEY'],
    [`const key = process.env.STRIPE_KEY || "⟦${S}⟧";`, 'STRIPE_KEY'],
    [`key = os.getenv("STRIPE_KEY", "⟦${S}⟧")`, 'STRIPE_KEY'],
    [`key = os.environ.get("STRIPE_KEY") or "⟦${S}⟧"`, 'STRIPE_KEY'],
    [`client.setApiKey("⟦${S}⟧")`, 'API_KEY'],
    [`<password>⟦${S}⟧</password>`, 'PASSWORD'],
    [`if (token === "⟦${S}⟧") {`, 'TOKEN'],
    [`stripe.key = "⟦${S}⟧"`, 'STRIPE_KEY'],
    [`config.password = "⟦${S}⟧"`, 'PASSWORD'],
    [`password = f"⟦${S}⟧"`, 'PASSWORD'],
    [`string ConnStr = @"Server=db;Password=⟦${S}⟧;"`, 'CONN_STR_PASSWORD'],
    // Generic names defer to the rule.
    [`const key = "⟦${S}⟧";`, 'STRIPE_SECRET_KEY', 'stripe-secret-key'],
    [`token = "⟦ghp_x⟧"`, 'GITHUB_TOKEN', 'github-pat-classic', 'GITHUB_TOKEN'],
    [`foo("⟦${S}⟧")`, 'AWS_ACCESS_KEY_ID', 'aws-access-key-id'],
    [`foo("⟦${S}⟧")`, 'SECRET'],
    // Passwords inside connection URLs.
    [`DATABASE_URL = "postgres://app:⟦${S}⟧@db:5432/app"`, 'DATABASE_PASSWORD'],
    [`const dbUrl = "postgres://app:⟦${S}⟧@db/app";`, 'DB_PASSWORD'],
    [`connect("mongodb+srv://u:⟦${S}⟧@cluster0/x")`, 'MONGODB_PASSWORD'],
    [`redis_url: "redis://:⟦${S}⟧@cache:6379"`, 'REDIS_PASSWORD'],
    [`url = "https://api.example.test/v1?api_key=⟦${S}⟧&x=1"`, 'API_KEY'],
  ];
  for (const [snippet, expected, ruleId, hint] of cases) {
    it(`${snippet.replace(/⟦.*⟧/, '…')} → ${expected}`, () => {
      assert.equal(name(snippet, ruleId, hint), expected);
    });
  }

  it('qualifies a generic YAML key by its parent', () => {
    const text = `database:\n  host: db\n  password: ${S}\nsmtp:\n  password: "${S}"\n`;
    const first = text.indexOf(S);
    assert.equal(suggestEnvName(text, first, first + S.length), 'DATABASE_PASSWORD');
    const second = text.lastIndexOf(S);
    assert.equal(suggestEnvName(text, second, second + S.length), 'SMTP_PASSWORD');
  });

  it('makes names unique', () => {
    assert.equal(uniqueEnvName('API_KEY', new Set()), 'API_KEY');
    assert.equal(uniqueEnvName('API_KEY', new Set(['API_KEY', 'API_KEY_2'])), 'API_KEY_3');
  });
});
