import type { Rule } from '../types';

// Payment providers.
// Token formats:
//   Stripe        https://docs.stripe.com/keys#obtain-api-keys
//   Braintree     https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials
//   Square        https://developer.squareup.com/docs/build-basics/access-tokens
//   Shopify       https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens
//   Adyen         https://docs.adyen.com/development-resources/api-credentials/
//   Flutterwave   https://developer.flutterwave.com/docs/integration-guides/authentication
//   Paystack      https://paystack.com/docs/api/authentication/
//   Paddle        https://developer.paddle.com/api-reference/about/api-keys
//   Checkout.com  https://www.checkout.com/docs/developer-resources/api/manage-api-keys
// Clerk and WorkOS reuse Stripe's `sk_live_`/`sk_test_` prefixes; their rules (identity family) need
// the provider's name nearby, and the Stripe rules step aside in that context so each key is
// reported once, under the right provider.

// Up to two nested YAML keys are allowed between the name and the value (`stripe:\n  api_key: …`).
const NESTED = String.raw`(?:[ \t]{0,3}\r?\n[ \t]{1,12}[\w.-]{1,40}:)?`;

/** `name… = value` in code, YAML, JSON, .env, shell, CLI flags and calls (name case-insensitive). */
function assigned(name: string, value: string): RegExp {
  return new RegExp(String.raw`(?:${name})[\w.-]{0,40}?["'\x60]?\s{0,3}(?::=|=>|[=:(,]|\s)${NESTED}${NESTED}\s{0,3}["'\x60]?(?<secret>${value})(?![\w-])`, 'i');
}

/** A Stripe-style key, unless it is assigned to a Clerk or WorkOS name (see the header). */
function stripeKey(prefix: string): RegExp {
  const notOther = String.raw`(?<!(?:clerk|workos)[\w.-]{0,40}["'\x60]?\s{0,3}(?::=|=>|[=:(,]|\s)${NESTED}${NESTED}\s{0,3}["'\x60]?)`;
  // Exactly 40 lower-case hex characters is Paystack's format, not Stripe's base62.
  return new RegExp(String.raw`${notOther}\b(${prefix}(?![0-9a-f]{40}(?![A-Za-z0-9]))[A-Za-z0-9]{24,247})\b`, 'i');
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const STRIPE_DOCS = 'https://docs.stripe.com/keys#rolling-keys';
const SHOPIFY_DOCS = 'https://help.shopify.com/en/manual/apps/app-types/custom-apps#rotate-api-credentials';

export const rules: readonly Rule[] = [
  // ── Stripe ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'stripe-secret-key',
    envName: 'STRIPE_SECRET_KEY',
    title: 'Stripe live secret key',
    provider: 'Stripe',
    confidence: 'high',
    pattern: stripeKey('sk_live_'),
    keywords: ['sk_live_'],
    minEntropy: 3.5,
    docs: STRIPE_DOCS,
    advice: 'A live Stripe secret key can charge cards, issue refunds and read customer data. Roll it in the Dashboard (Developers → API keys) and load it from the environment.',
    examples: {
      positive: ['STRIPE_SECRET_KEY=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', "const stripe = require('stripe')('sk_live_7Dv7YnDZ7LZvEbTDQXmZnunv');"],
      negative: ["const stripe = Stripe('pk_live_51GYLY0FkWzGBy5iwpQ8oVo8sKu1wbwKDB0mlgbt1tCq0XA2SAbLNokxsrTdIo1VAjetCLPL6XKbltqAoCQmBGRMy3PCUyIx3Je');", 'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'stripe-test-secret-key',
    envName: 'STRIPE_SECRET_KEY',
    title: 'Stripe test-mode secret key',
    provider: 'Stripe',
    confidence: 'medium',
    pattern: stripeKey('sk_test_'),
    keywords: ['sk_test_'],
    minEntropy: 3.5,
    docs: STRIPE_DOCS,
    advice: 'A test-mode key moves no money but exposes your test data and account settings. Roll it if it left your machine, and keep even test keys in .env.',
    examples: {
      positive: ['stripe.api_key = "sk_test_51kvgmqE5eBgr5KaTyIkxrqw43zNnCoJmQuWY2cjLwz6jgbFSdiuWupJdgGj3V0h8sM2jiMhK1oPetZOrS6kISwxG8aU8SmceF3"', 'STRIPE_KEY: sk_test_aAtH8CK7rhLFz9FS3rgkUodH'],
      negative: ['STRIPE_KEY: ${STRIPE_TEST_KEY}', 'Test keys start with sk_test_.'],
    },
  },
  {
    id: 'stripe-restricted-key',
    envName: 'STRIPE_SECRET_KEY',
    title: 'Stripe live restricted key',
    provider: 'Stripe',
    confidence: 'high',
    pattern: stripeKey('rk_live_'),
    keywords: ['rk_live_'],
    minEntropy: 3.5,
    docs: 'https://docs.stripe.com/keys#limit-access',
    advice: 'A restricted key has the live permissions it was granted, often write access to charges or payouts. Roll or delete it in Developers → API keys.',
    examples: {
      positive: ['STRIPE_RESTRICTED_KEY=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', '"stripeKey": "rk_live_AuIJGanyAvHIEkkumJhiykzB"'],
      negative: ['STRIPE_RESTRICTED_KEY=rk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'Restricted keys begin with rk_live_.'],
    },
  },
  {
    id: 'stripe-test-restricted-key',
    title: 'Stripe test-mode restricted key',
    provider: 'Stripe',
    confidence: 'medium',
    pattern: stripeKey('rk_test_'),
    keywords: ['rk_test_'],
    minEntropy: 3.5,
    docs: 'https://docs.stripe.com/keys#limit-access',
    advice: 'A test-mode restricted key exposes test data with its permissions. Roll it and keep it in .env.',
    examples: {
      positive: ['STRIPE_RK=rk_test_51PkmLJuiWF2O1mCyMDZ1PPRfOTuR3I2wLONxcfvJIgfAKAbKaLJ7rQcItaY8h17i6W90OStRDJXtFHjNN0YGe5KyQ29Ohszdko', "stripe_key = 'rk_test_R7r3IoQKheBaGAWW308sULO4'"],
      negative: ['STRIPE_RK=rk_test_xxxxxxxxxxxxxxxxxxxxxxxx', 'rk_test_ keys are restricted test keys.'],
    },
  },
  {
    id: 'stripe-webhook-secret',
    envName: 'STRIPE_WEBHOOK_SECRET',
    title: 'Stripe webhook signing secret',
    provider: 'Stripe',
    confidence: 'medium',
    pattern: /\b(whsec_[A-Za-z0-9]{32,64})\b/,
    keywords: ['whsec_'],
    minEntropy: 3.5,
    docs: 'https://docs.stripe.com/webhooks#roll-endpoint-secrets',
    advice: 'The webhook signing secret lets anyone forge events your endpoint will trust (paid invoices, new subscriptions). Roll it on the webhook endpoint\'s page.',
    examples: {
      positive: ['STRIPE_WEBHOOK_SECRET=whsec_dqj5qzFTMsEiv8cYa0wL7d886Y1lUDKR', 'event = stripe.Webhook.construct_event(payload, sig, "whsec_1ytnKWm9lwYm5mldLyYgJW3h0uQVugoY")'],
      negative: ['STRIPE_WEBHOOK_SECRET=whsec_...', 'Signing secrets begin with whsec_.'],
    },
  },
  // ── PayPal / Braintree ──────────────────────────────────────────────────────────────────
  {
    id: 'braintree-access-token',
    title: 'PayPal Braintree access token',
    provider: 'PayPal Braintree',
    confidence: 'high',
    pattern: /\b(access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})\b/,
    keywords: ['access_token$'],
    minEntropy: 3,
    docs: 'https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials#access-token',
    advice: 'A Braintree access token processes payments and reads transactions for the merchant. Revoke it in the PayPal or Braintree control panel and read it from the environment.',
    examples: {
      positive: ['BRAINTREE_ACCESS_TOKEN=access_token$production$3er0dxaaqhug58h9$26f10a2b516fb018d18483c0aacae592', 'gateway = braintree.BraintreeGateway(access_token="access_token$sandbox$i40p74fkg6q2vjhi$f35435803fcd40c0e5bc46ecd5cbe686")'],
      negative: ['BRAINTREE_ACCESS_TOKEN=access_token$production$xxxxxxxxxxxxxxxx$xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'Access tokens look like access_token$production$…'],
    },
  },
  {
    id: 'braintree-private-key',
    title: 'Braintree private key',
    provider: 'PayPal Braintree',
    confidence: 'medium',
    pattern: assigned(String.raw`braintree[\w.-]{0,20}?private`, '[0-9a-f]{32}'),
    keywords: ['braintree'],
    minEntropy: 3,
    docs: 'https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials#api-keys',
    advice: 'The Braintree private key signs API calls for your merchant account. Create a new API key pair in the control panel and retire this one.',
    examples: {
      positive: ['BRAINTREE_PRIVATE_KEY=c3ff315a961c6f4fa27e7b762ab3921e', 'braintree_private_key: "648c11a4b9826efddc53e67c7d9cf111"'],
      negative: ['BRAINTREE_PRIVATE_KEY=${BRAINTREE_PRIVATE_KEY}', 'braintree_environment: sandbox'],
    },
  },
  {
    id: 'paypal-client-secret',
    title: 'PayPal REST client secret',
    provider: 'PayPal',
    confidence: 'medium',
    pattern: assigned(String.raw`paypal[\w.-]{0,20}?secret`, '[A-Za-z0-9_-]{80}'),
    keywords: ['paypal'],
    minEntropy: 4,
    docs: 'https://developer.paypal.com/api/rest/#link-getclientidandclientsecret',
    advice: 'With the client id, the PayPal secret mints OAuth tokens for your app\'s payments API. Generate a new secret in the developer dashboard and disable the old one.',
    examples: {
      positive: ['PAYPAL_CLIENT_SECRET=ELmfnIs2UXFlJ9XId58hIXbGF8m4h50EsDGGMpu6wpvslTe8Wtezm7HVf3_hqQkCs97ke7ObSD3jsCy2', '"paypalClientSecret": "EoWdklv_EYSqMuRG1lCPyM67ePh1n3fCbhmyclGoUlIbdFO_1_IPIVULD8EatNHSZtKMWlXcLFgfDwab"'],
      negative: ['PAYPAL_CLIENT_SECRET=${{ secrets.PAYPAL_CLIENT_SECRET }}', 'paypal_mode: live'],
    },
  },
  // ── Square ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'square-access-token',
    title: 'Square access token',
    provider: 'Square',
    confidence: 'high',
    pattern: /\b(sq0atp-[A-Za-z0-9_-]{22}|EAAA[A-Za-z0-9_-]{60})(?![\w-])/,
    keywords: ['sq0atp-', 'eaaa'],
    minEntropy: 3.5,
    docs: 'https://developer.squareup.com/docs/build-basics/access-tokens',
    advice: 'A Square access token takes payments and reads orders and customers for the seller. Replace it in the Developer Console (or revoke the OAuth grant).',
    examples: {
      positive: ['SQUARE_ACCESS_TOKEN=sq0atp-50ZVr8PjvnBtYZe3j7w0fG', 'client = Client(access_token="EAAAdOPqAzP8zae_JJlUQb8q053xowTd2ZfkEQ2KrzO5o_-B62v27yQLJumvSsfc", environment="production")'],
      negative: ['SQUARE_ACCESS_TOKEN=EAAAxxxxxxxx', 'Sandbox and production tokens begin with EAAA.'],
    },
  },
  {
    id: 'square-oauth-secret',
    title: 'Square application (OAuth) secret',
    provider: 'Square',
    confidence: 'high',
    pattern: /\b(sq0csp-[A-Za-z0-9_-]{43})(?![\w-])/,
    keywords: ['sq0csp-'],
    minEntropy: 3.5,
    docs: 'https://developer.squareup.com/docs/oauth-api/overview',
    advice: 'The application secret exchanges OAuth codes for seller tokens. Replace it in the Developer Console → OAuth and keep it server-side.',
    examples: {
      positive: ['SQUARE_APP_SECRET=sq0csp-xpNaU5x14qHTYT5kB8yH_U-AvKbb45z-FfRb7sluTad', '"client_secret": "sq0csp-40E1q2QH5DGgvfqY8VZncMdhIkniynMUGaqd3g8d1u_"'],
      negative: ['SQUARE_APP_SECRET=sq0csp-xxxxxxxx', 'Application secrets start with sq0csp-.'],
    },
  },
  // ── Shopify ─────────────────────────────────────────────────────────────────────────────
  {
    id: 'shopify-access-token',
    title: 'Shopify Admin API access token',
    provider: 'Shopify',
    confidence: 'high',
    pattern: /\b(shpat_[0-9a-fA-F]{32})\b/,
    keywords: ['shpat_'],
    minEntropy: 3,
    docs: SHOPIFY_DOCS,
    advice: 'A Shopify Admin API token reads and writes the store\'s orders, customers and products. Rotate it by reinstalling the app or rotating the custom app\'s credentials.',
    examples: {
      positive: ['SHOPIFY_ACCESS_TOKEN=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', "headers: { 'X-Shopify-Access-Token': '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' }"],
      negative: ['SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'Admin tokens start with shpat_.'],
    },
  },
  {
    id: 'shopify-custom-app-token',
    title: 'Shopify custom app access token',
    provider: 'Shopify',
    confidence: 'high',
    pattern: /\b(shpca_[0-9a-fA-F]{32})\b/,
    keywords: ['shpca_'],
    minEntropy: 3,
    docs: SHOPIFY_DOCS,
    advice: 'A custom app token acts on the store with the app\'s scopes. Rotate the app credentials in the store admin.',
    examples: {
      positive: ['SHOPIFY_TOKEN=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', 'shopify:\n  token: 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'],
      negative: ['SHOPIFY_TOKEN=shpca_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'Custom app tokens start with shpca_.'],
    },
  },
  {
    id: 'shopify-private-app-token',
    title: 'Shopify private app access token',
    provider: 'Shopify',
    confidence: 'high',
    pattern: /\b(shppa_[0-9a-fA-F]{32})\b/,
    keywords: ['shppa_'],
    minEntropy: 3,
    docs: SHOPIFY_DOCS,
    advice: 'A private app password acts on the store with the app\'s permissions. Delete the private app or migrate it to a custom app with new credentials.',
    examples: {
      positive: ['SHOPIFY_PASSWORD=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', 'session = shopify.Session("acme.myshopify.com", "2024-01", "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")'],
      negative: ['SHOPIFY_PASSWORD=shppa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'Private app tokens start with shppa_.'],
    },
  },
  {
    id: 'shopify-shared-secret',
    title: 'Shopify app shared secret',
    provider: 'Shopify',
    confidence: 'high',
    pattern: /\b(shpss_[0-9a-fA-F]{32})\b/,
    keywords: ['shpss_'],
    minEntropy: 3,
    docs: SHOPIFY_DOCS,
    advice: 'The shared secret verifies webhooks and OAuth for your app; with it anyone can forge them. Rotate the API secret key in the Partner Dashboard.',
    examples: {
      positive: ['SHOPIFY_API_SECRET=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', 'apiSecretKey: "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",'],
      negative: ['SHOPIFY_API_SECRET=shpss_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'Shared secrets start with shpss_.'],
    },
  },
  {
    id: 'shopify-partner-api-token',
    title: 'Shopify Partner API token',
    provider: 'Shopify',
    confidence: 'high',
    pattern: /\b(prtapi_[0-9a-fA-F]{32})\b/,
    keywords: ['prtapi_'],
    minEntropy: 3,
    docs: 'https://shopify.dev/docs/api/partner#authentication',
    advice: 'A Partner API token reads your partner organization\'s apps, stores and payouts. Revoke it in the Partner Dashboard → Settings → Partner API clients.',
    examples: {
      positive: ['SHOPIFY_CLI_PARTNERS_TOKEN=prtapi_af4b0cfbbbee00d6bf18e89cfd45ac2d', 'partners_token: "prtapi_9ac67b0c66176279c4787e226e20622e"'],
      negative: ['SHOPIFY_CLI_PARTNERS_TOKEN=prtapi_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'Partner tokens start with prtapi_.'],
    },
  },
  // ── Other processors ────────────────────────────────────────────────────────────────────
  {
    id: 'adyen-api-key',
    title: 'Adyen API key',
    provider: 'Adyen',
    confidence: 'high',
    pattern: /\b(AQE[A-Za-z0-9+/]{50,200}={0,2}-[A-Za-z0-9+/]{43}=(?:-[^\s"'`]{8,32})?)/,
    keywords: ['aqe'],
    minEntropy: 4,
    docs: 'https://docs.adyen.com/development-resources/api-credentials/#generate-api-key',
    advice: 'An Adyen API key makes payments, refunds and payouts with its API credential\'s roles. Generate a new key for the credential in the Customer Area and revoke this one.',
    examples: {
      positive: ['ADYEN_API_KEY=AQE34sl7larGjynuvO14mjmvdWyGRxhnqQrndkgAvdTl62RyRR0nbPViHSlTFJaUUPdaV5Ael4gQ6DewFIOyCKpts2FOUAiDq==-knG26j7Js9GD2SfuFWWnffIIZC/Az/w6TLjlhLGdi4R=-sfDUmdcpYMdQesS9', 'client.xapikey = "AQElsfeSgQ4PIo/7xAjO029K7WNJdn7achTci3K4cJHUu6VVJl9XzD0qtn5yeZSssks1tya7xiCtxhfZpT9Tuu2FWQRuDw3EVTOGH==-tUQsEdz+x9jt0+LLorxeQZKVIlLgh+4p9qykycQf67g=-g9GzDbEig0HEeu2D"'],
      negative: ['ADYEN_API_KEY=AQExxxxx', 'API keys issued by Adyen begin with AQE.'],
    },
  },
  {
    id: 'razorpay-key-secret',
    title: 'Razorpay key secret',
    provider: 'Razorpay',
    confidence: 'medium',
    pattern: assigned(String.raw`razorpay[\w.-]{0,20}?secret|rzp[\w.-]{0,10}?secret`, '[A-Za-z0-9]{24}'),
    keywords: ['razorpay', 'rzp'],
    minEntropy: 3.5,
    docs: 'https://razorpay.com/docs/payments/dashboard/account-settings/api-keys/#regenerate-api-keys',
    advice: 'With the key id, the Razorpay key secret creates orders, captures payments and issues refunds. Regenerate the API key in the Dashboard and keep the secret server-side.',
    examples: {
      positive: ['RAZORPAY_KEY_SECRET=pdzjuHuFGffZfuRkPz4ORkSL', 'razorpay_secret = "pzwPR678ejW4pwtb7BmGS1gE"'],
      negative: ['RAZORPAY_KEY_SECRET=${RAZORPAY_KEY_SECRET}', 'Razorpay key ids look like rzp_live_ followed by 14 characters.'],
    },
  },
  {
    id: 'plaid-access-token',
    title: 'Plaid access token',
    provider: 'Plaid',
    confidence: 'high',
    pattern: new RegExp(String.raw`\b(access-(?:sandbox|development|production)-${UUID})\b`),
    keywords: ['access-sandbox-', 'access-development-', 'access-production-'],
    docs: 'https://plaid.com/docs/api/items/#itemremove',
    advice: 'A Plaid access token reads a user\'s linked bank accounts and transactions. Rotate it with /item/access_token/invalidate (or remove the Item) and keep tokens in your database, not code.',
    examples: {
      positive: ['PLAID_ACCESS_TOKEN=access-production-174a8a0b-7204-4ac2-a284-84af5f5f34da', 'client.transactions_get({"access_token": "access-sandbox-173967f6-26d6-4574-ab84-cce9b03ee252"})'],
      negative: ['PLAID_ACCESS_TOKEN=access-sandbox-xxxxxxxx', 'Access tokens look like access-<env>-<uuid>.'],
    },
  },
  {
    id: 'plaid-secret',
    title: 'Plaid API secret',
    provider: 'Plaid',
    confidence: 'medium',
    pattern: assigned(String.raw`plaid[\w.-]{0,20}?secret`, '[0-9a-f]{30}'),
    keywords: ['plaid'],
    minEntropy: 3,
    docs: 'https://plaid.com/docs/account/security/#rotating-keys',
    advice: 'The Plaid secret, with the client id, calls every Plaid API for your team. Rotate it in the Dashboard → Keys.',
    examples: {
      positive: ['PLAID_SECRET=8757376ca37969a0333454bc66f409', 'plaid_secret: "3e171542da3f0b04539e939d5f6d75"'],
      negative: ['PLAID_SECRET=${PLAID_SECRET}', 'plaid_env: sandbox'],
    },
  },
  {
    id: 'coinbase-api-secret',
    title: 'Coinbase API secret',
    provider: 'Coinbase',
    confidence: 'medium',
    pattern: assigned(String.raw`coinbase[\w.-]{0,20}?secret`, '[A-Za-z0-9+/=_-]{32,88}'),
    keywords: ['coinbase'],
    minEntropy: 3.5,
    docs: 'https://docs.cdp.coinbase.com/get-started/docs/cdp-api-keys',
    advice: 'A Coinbase API secret signs requests that can trade or move funds. Delete the API key in the developer platform and create a new one with least privilege.',
    examples: {
      positive: ['COINBASE_API_SECRET=SMJLPYvw4vtCgbS3NP1NJf6vNUKKyynj', 'coinbase_secret: "CFBYPlmrL1Rnlp7mYY86MIidpK72vHfu"'],
      negative: ['COINBASE_API_SECRET=${COINBASE_API_SECRET}', 'coinbase_sandbox: true'],
    },
  },
  {
    id: 'flutterwave-secret-key',
    title: 'Flutterwave secret key',
    provider: 'Flutterwave',
    confidence: 'high',
    pattern: /\b(FLWSECK(?:_TEST)?-[0-9a-fA-F]{32}-X)(?![\w-])/,
    keywords: ['flwseck'],
    minEntropy: 3,
    docs: 'https://developer.flutterwave.com/docs/integration-guides/authentication',
    advice: 'A Flutterwave secret key initiates charges, transfers and refunds. Regenerate your API keys in the Dashboard → Settings → API.',
    examples: {
      positive: ['FLW_SECRET_KEY=FLWSECK-1c741aae0cf061515028f87b644b76c5-X', "const flw = new Flutterwave(publicKey, 'FLWSECK_TEST-e7bdd29614be108673d71ab47f6cc0f4-X');"],
      negative: ['FLW_SECRET_KEY=FLWSECK_TEST-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-X', 'Secret keys look like FLWSECK-…-X.'],
    },
  },
  {
    id: 'flutterwave-encryption-key',
    title: 'Flutterwave encryption key',
    provider: 'Flutterwave',
    confidence: 'high',
    pattern: /\b(FLWSECK(?:_TEST)?[0-9a-fA-F]{12})\b/,
    keywords: ['flwseck'],
    minEntropy: 3,
    docs: 'https://developer.flutterwave.com/docs/integration-guides/authentication',
    advice: 'The encryption key protects card payloads sent to Flutterwave. Regenerate your API keys in the Dashboard and keep it with the secret key.',
    examples: {
      positive: ['FLW_ENCRYPTION_KEY=FLWSECK_TEST1f3ae11bc89e', 'encryption_key: "FLWSECK295030699970"'],
      negative: ['FLW_ENCRYPTION_KEY=FLWSECK_TESTxxxxxxxxxxxx', 'Encryption keys start with FLWSECK.'],
    },
  },
  {
    id: 'paystack-secret-key',
    title: 'Paystack secret key',
    provider: 'Paystack',
    confidence: 'high',
    pattern: /\b(sk_(?:live|test)_[0-9a-f]{40})\b/,
    keywords: ['sk_live_', 'sk_test_'],
    minEntropy: 3,
    docs: 'https://paystack.com/docs/api/authentication/',
    advice: 'A Paystack secret key charges customers, issues refunds and makes transfers. Generate new keys in Settings → API Keys & Webhooks.',
    examples: {
      positive: ['PAYSTACK_SECRET_KEY=sk_live_d9a0cfdfa7e46a0ed149cf9c842c2ddf91fa50d1', "headers: { Authorization: 'Bearer sk_test_9e7fd4dc85f557c17013bef9e9968742ae0ef39b' }"],
      negative: ['PAYSTACK_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'Paystack keys are sk_live_ plus 40 hex characters.'],
    },
  },
  {
    id: 'mollie-api-key',
    title: 'Mollie API key or access token',
    provider: 'Mollie',
    confidence: 'medium',
    pattern: assigned('mollie', '(?:live|test)_[A-Za-z0-9]{30}|access_[A-Za-z0-9]{40}'),
    keywords: ['mollie'],
    minEntropy: 3.5,
    docs: 'https://docs.mollie.com/reference/authentication',
    advice: 'A Mollie API key creates payments and refunds for the profile. Reset it in the Dashboard → Developers → API keys.',
    examples: {
      positive: ['MOLLIE_API_KEY=live_FW2rhBUtjRdmhRODXyJBVpe9fVHc02', "mollie_key: 'test_tLv3CtvPFvjuVfblRHItvxYYthFONb'"],
      negative: ['MOLLIE_API_KEY=${MOLLIE_API_KEY}', 'mollie_profile: pfl_default'],
    },
  },
  {
    id: 'gocardless-access-token',
    title: 'GoCardless access token',
    provider: 'GoCardless',
    confidence: 'high',
    pattern: assigned('gocardless', '(?:live|sandbox)_[A-Za-z0-9_=-]{40}'),
    keywords: ['gocardless'],
    minEntropy: 3.5,
    docs: 'https://developer.gocardless.com/getting-started/api/making-your-first-request/',
    advice: 'A GoCardless access token collects Direct Debit payments and reads mandates and customers. Revoke it in Developers → Access tokens.',
    examples: {
      positive: ['GOCARDLESS_ACCESS_TOKEN=live_KIIIl5RBHOxPZGogaHjz8IXMe1OCSmMmY5ee96da', 'gocardless:\n  access_token: "sandbox_pGzwKOsfO6Qlk8OIyhlvEfwllDRPhIW1bXuyVkly"'],
      negative: ['GOCARDLESS_ACCESS_TOKEN=${GOCARDLESS_ACCESS_TOKEN}', 'gocardless_environment: sandbox'],
    },
  },
  {
    id: 'checkout-secret-key',
    title: 'Checkout.com secret key',
    provider: 'Checkout.com',
    confidence: 'high',
    pattern: new RegExp(String.raw`\b(sk_sbox_[a-z0-9]{26,30}|sk_(?:test_)?${UUID})\b`),
    keywords: ['sk_sbox_', 'sk_'],
    minEntropy: 3,
    docs: 'https://www.checkout.com/docs/developer-resources/api/manage-api-keys',
    advice: 'A Checkout.com secret key requests payments, refunds and payouts. Revoke it in the Dashboard → Developers → Keys and create a scoped replacement.',
    examples: {
      positive: ['CKO_SECRET_KEY=sk_sbox_eztpit6nts8ycn0wha4c75wgc1r', 'api = checkout_sdk.CheckoutSdk.builder().secret_key("sk_test_76bebd6b-b24e-45b7-aabd-e575f5a43c1b").build()'],
      negative: ['CKO_SECRET_KEY=sk_sbox_xxxxxxxxxxxxxxxxxxxxxxxxxx', 'Sandbox keys start with sk_sbox_.'],
    },
  },
  {
    id: 'checkout-live-secret-key',
    title: 'Checkout.com live secret key',
    provider: 'Checkout.com',
    confidence: 'medium',
    pattern: assigned(String.raw`checkout(?:[_.-]?com)?|(?<![a-z])cko`, 'sk_[a-z0-9]{26,30}'),
    keywords: ['checkout', 'cko'],
    minEntropy: 3.5,
    docs: 'https://www.checkout.com/docs/developer-resources/api/manage-api-keys',
    advice: 'A live Checkout.com secret key moves real money. Revoke it in the Dashboard and read the replacement from the environment.',
    examples: {
      positive: ['CKO_SECRET_KEY=sk_i5dgv0mkysp1jrsi8oa3byz1m5x', 'checkout_secret_key: "sk_i5dgv0mkysp1jrsi8oa3byz1m5x"'],
      negative: ['CKO_SECRET_KEY=${CKO_SECRET_KEY}', 'checkout_url: /cart/checkout'],
    },
  },
  {
    id: 'lemon-squeezy-api-key',
    title: 'Lemon Squeezy API key',
    provider: 'Lemon Squeezy',
    confidence: 'high',
    pattern: assigned(String.raw`lemon[_.-]?squeezy|(?<![a-z])lsq`, String.raw`eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{20,2000}`),
    keywords: ['lemon', 'lsq'],
    docs: 'https://docs.lemonsqueezy.com/api/getting-started/requests#authentication',
    advice: 'A Lemon Squeezy API key (a long-lived JWT) manages your store, orders, subscriptions and customers. Delete it in Settings → API and create a new one.',
    examples: {
      positive: ['LEMONSQUEEZY_API_KEY=eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiI5NGQ1OWNlZi1kYmI4LTRlYTUtYjE3OC1kMjU0MGZjZDY5MTkiLCJqdGkiOiI3ZjUwNGZjNmY1NzdhMjllMTc3NDIzMjY0YmRiYjk1ODQ3Nzk3YmQ5MWQxNGIyM2I4ZWEwNzU3MTYyMzMyMDMyIiwiaWF0IjoxNzE4MDAwMDAwLCJuYmYiOjE3MTgwMDAwMDAsInN1YiI6Ijg2ODM5MiIsInNjb3BlcyI6W119.0U7OXgIqh7TQlZrRvqvo5c-XFMQQUxIhIcwm-7qEYEPuuZMlbLeiDT-MVlu3VQq809FwOUlPMCDpBols67GAcNbvH9mZCcOCxgMcikOVbExhHJCxVNWDrYXA6p7TSYIvLNI9ogRRmAYEt-D5-jUTnaBqQdfFBFzhO1Rb3k3GedmJPYjrfkBihY5Fa7nYrCMCSCPldxjTk601LvV_HP6PQFYSDu12Zt4H4JGCLqs6JPwf5_hCV7UqRc5l69asZWUHKL2Okdhkwy38umuBC5DhT6IUpO3OaSUxSsDUmQ3FRR4CzichRexPZ_drEL4RaYIynvQT5PjNDAaWBHPAX9EWtf', 'lemon_squeezy:\n  api_key: "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiI5NGQ1OWNlZi1kYmI4LTRlYTUtYjE3OC1kMjU0MGZjZDY5MTkiLCJqdGkiOiIwMWY0ZmIyOWFhYjNiOGU3ZTU5MjlhNzE1YmZjN2YwMmUxOWQ4ODFmODEyZjUyMTE0ZmViY2MxN2U3NzdmN2I5IiwiaWF0IjoxNzIxMDAwMDAwLCJuYmYiOjE3MjEwMDAwMDAsInN1YiI6IjMxNTY3OSIsInNjb3BlcyI6W119.33vX-GWvNmx2eXTvxffrQIOqy8gHn87m6d5SQYNfA_81CJFry-XIj2qcLC30G4rLqAoy2DxDUgc8lcDhQ0MSUtWYYxIVwHZudcN5dv3Js2tfgeyL3UrndO7BWKMfJ9OaAyMnJFS4ZOgS678C3-aiUOPLoHGBvs6BBXhYnunLp48KE5pE9SKDf_UjN8C3Qbc8EhiqdAXSntY1ae4Ydwfx1wLh4ikpnCTSfTvumsx7RK1of7wgAx3bmOiFSdbZUC2piY7QcR2TtM2Iwn-dO0q49K46GGX2oYLHqJyEhRxbM6Bvr1I4ZdTlsngqQIb1ZldT2mf22i0Q3TmqL9XipKrNsu"'],
      negative: ['LEMONSQUEEZY_API_KEY=${LEMONSQUEEZY_API_KEY}', 'lemon_squeezy_store: acme'],
    },
  },
  {
    id: 'paddle-api-key',
    title: 'Paddle Billing API key',
    provider: 'Paddle',
    confidence: 'high',
    pattern: /\b(pdl_(?:live|sdbx)_apikey_[a-z0-9]{26}_[A-Za-z0-9]{22}_[A-Za-z0-9]{3})\b/,
    keywords: ['pdl_'],
    minEntropy: 3.5,
    docs: 'https://developer.paddle.com/api-reference/about/api-keys',
    advice: 'A Paddle API key manages products, prices, subscriptions and customers with its permissions. Revoke it in Paddle → Developer tools → Authentication.',
    examples: {
      positive: ['PADDLE_API_KEY=pdl_live_apikey_01evzukul2bzcal3foe4ur4mds_FWmqzBWDSqDkEQPPr1CFhI_tcI', "const paddle = new Paddle('pdl_sdbx_apikey_01uy1hy09lvqikrgwz53hn6vij_LLvvImAfYfly99wZCUF1Ls_lLo');"],
      negative: ['PADDLE_API_KEY=pdl_live_apikey_xxxxxxxx', 'Billing keys start with pdl_live_apikey_.'],
    },
  },
  {
    id: 'wise-api-token',
    title: 'Wise (TransferWise) API token',
    provider: 'Wise',
    confidence: 'medium',
    pattern: assigned(String.raw`(?<![a-z])(?:transfer[_-]?)?wise`, UUID),
    keywords: ['wise'],
    minEntropy: 3,
    docs: 'https://wise.com/help/articles/2958107/getting-started-with-the-api',
    advice: 'A Wise personal API token reads balances and statements and can fund transfers. Revoke it in Settings → API tokens.',
    examples: {
      positive: ['WISE_API_TOKEN=3dbdb493-db73-4ba0-a6d1-259b326f1607', 'transferwise_token: "ba58a6b9-45be-4f40-a4e4-46b1c5e77dbb"'],
      negative: ['WISE_API_TOKEN=${WISE_API_TOKEN}', 'otherwise: fallback'],
    },
  },
];
