import type { Rule } from '../types';
import { validateOnePasswordServiceToken } from '../validators/onePasswordToken';
import { keyed, WIDE_CONTEXT } from './keyed';

// Identity providers and secret managers.
// Token formats:
//   1Password  https://developer.1password.com/docs/service-accounts/security/ ,
//              https://1passwordstatic.com/files/security/1password-white-paper.pdf (secret key)
//   Vault      https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes
//   Doppler    https://docs.doppler.com/reference/auth-token-formats
//   Infisical  https://infisical.com/docs/documentation/platform/token
//   Entra ID   https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials
//   Google     https://support.google.com/cloud/answer/15549257 (GOCSPX- client secrets)
//   Stytch     https://stytch.com/docs/api/authentication
// Clerk and WorkOS keys share Stripe's `sk_live_`/`sk_test_` prefixes: these rules need the
// provider's name next to the value, and the Stripe rules (payments family) skip that context.

const VAULT_DOCS = 'https://developer.hashicorp.com/vault/docs/commands/token/revoke';
const DOPPLER_DOCS = 'https://docs.doppler.com/docs/access-logs-and-token-revocation';

/** The six Doppler token kinds differ only by their second label. */
function doppler(kind: string, title: string, advice: string, a: string, b: string, pattern?: RegExp): Rule {
  return {
    id: `doppler-${kind}-token`,
    title: `Doppler ${title}`,
    provider: 'Doppler',
    confidence: 'high',
    pattern: pattern ?? new RegExp(String.raw`\b(dp\.${kind}\.[A-Za-z0-9]{40,44})\b`),
    keywords: [`dp.${kind}.`],
    minEntropy: 3.5,
    docs: DOPPLER_DOCS,
    advice,
    examples: {
      positive: [`DOPPLER_TOKEN=${a}`, `doppler secrets download --token "${b}"`],
      negative: [`DOPPLER_TOKEN=dp.${kind}.xxxxxxxx`, `Doppler ${title}s start with dp.${kind}.`],
    },
  };
}

export const rules: readonly Rule[] = [
  // ── Identity providers ──────────────────────────────────────────────────────────────────
  {
    id: 'okta-api-token',
    title: 'Okta API token',
    provider: 'Okta',
    confidence: 'high',
    pattern: keyed('okta', '00[A-Za-z0-9_-]{40}', WIDE_CONTEXT),
    keywords: ['okta'],
    minEntropy: 3.5,
    docs: 'https://developer.okta.com/docs/guides/create-an-api-token/main/#token-management',
    advice: 'An Okta API token acts with its admin\'s privileges over users, groups and apps in the org. Revoke it in Security → API → Tokens and use an OAuth service app instead.',
    examples: {
      positive: ['OKTA_API_TOKEN=00Vk12fs4jSPTFcLDlJN-N3uN4ZLgHZedG5li9zZYm', 'okta:\n  client:\n    token: 00rgV1m6GZpdAiWsyRl6t6dISOFgoAaZsPeQx0KRC4'],
      negative: ['OKTA_API_TOKEN=${OKTA_API_TOKEN}', 'okta_domain: dev-42.okta.com'],
    },
  },
  {
    id: 'auth0-client-secret',
    title: 'Auth0 client secret',
    provider: 'Auth0',
    confidence: 'medium',
    pattern: keyed(String.raw`auth0[\w.-]{0,20}?secret`, '[A-Za-z0-9_-]{64}', WIDE_CONTEXT),
    keywords: ['auth0'],
    minEntropy: 4,
    docs: 'https://auth0.com/docs/get-started/applications/rotate-client-secret',
    advice: 'An Auth0 client secret lets anyone authenticate as your application, and for machine-to-machine apps call the Management API. Rotate it in Applications → Settings.',
    examples: {
      positive: ['AUTH0_CLIENT_SECRET=jgit82Hb_n0y4LCcdFeiKvaOqgmnhcAd9cVBTd-zjINf623qioL5X5WIEkQSobBP', 'auth0_secret = "oYE6UoNGBdYsC5JY6bW1ZPXyHv03oEawzwTJtiKoRPBNFPy6XwoB0Y7WuamB0q38"'],
      negative: ['AUTH0_CLIENT_SECRET=${AUTH0_CLIENT_SECRET}', 'auth0_domain: acme.eu.auth0.com'],
    },
  },
  {
    id: 'clerk-secret-key',
    title: 'Clerk secret key',
    provider: 'Clerk',
    confidence: 'high',
    pattern: keyed('clerk', 'sk_(?:live|test)_[A-Za-z0-9]{40,60}', WIDE_CONTEXT),
    keywords: ['clerk'],
    minEntropy: 3.5,
    docs: 'https://clerk.com/docs/deployments/overview#api-keys-and-environment-variables',
    advice: 'A Clerk secret key manages every user and session of the instance through the Backend API. Roll it in the Dashboard → API keys and keep it server-side.',
    examples: {
      positive: ['CLERK_SECRET_KEY=sk_live_SOdo7R2K8n6qAkYINHH2uFjSKk28DtZv3T30L0TBvU', 'clerk:\n  secret_key: "sk_test_onGUy19LlIlyzXxZJqPofmEX4caFzdL7Ljo1H4hDU78mVP"'],
      negative: ['CLERK_SECRET_KEY=${CLERK_SECRET_KEY}', 'Clerk secret keys start with sk_live_ or sk_test_.'],
    },
  },
  {
    id: 'workos-api-key',
    title: 'WorkOS API key',
    provider: 'WorkOS',
    confidence: 'high',
    pattern: keyed('workos', 'sk_(?:live|test)_[A-Za-z0-9]{40,80}', WIDE_CONTEXT),
    keywords: ['workos'],
    minEntropy: 3.5,
    docs: 'https://workos.com/docs/reference/api-keys',
    advice: 'A WorkOS API key manages SSO connections, directories and users of the environment. Revoke it in the Dashboard → API Keys.',
    examples: {
      positive: ['WORKOS_API_KEY=sk_live_a2V5XzAxK9BJWh8Z0SrOPvRYST3iOzgMAOjmrHsMDnorgtlY', "const workos = new WorkOS('sk_test_a2V5XzAxuPF4GBvzRhi48FsHPNyFRrnAvsjZQwTk81Gu4PGz'); // workos"],
      negative: ['WORKOS_API_KEY=${WORKOS_API_KEY}', 'workos_client_id: client_01H'],
    },
  },
  {
    id: 'microsoft-entra-client-secret',
    title: 'Microsoft Entra ID (Azure AD) client secret',
    provider: 'Microsoft Entra ID',
    confidence: 'high',
    // Current secrets: 3 chars, a digit, `Q~`, then 31–34 chars.
    pattern: /(?<![\w~.-])([A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![\w~.-])/,
    keywords: ['q~'],
    minEntropy: 3.5,
    docs: 'https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials?tabs=client-secret',
    advice: 'An Entra client secret lets anyone sign in as the app registration and use its API permissions (often Graph). Delete it under Certificates & secrets and prefer a certificate or managed identity.',
    examples: {
      positive: ['AZURE_CLIENT_SECRET=J2m8Q~g--nleBtTuSqbTfikkiHh4Z.dRO-Ab7.Lu', '"ClientSecret": "xg47Q~Ig6haZyl0~r4_HgFG7IUxI_nGCCgth7"'],
      negative: ['AZURE_CLIENT_SECRET=${AZURE_CLIENT_SECRET}', 'Secrets contain Q~ after their first four characters.'],
    },
  },
  {
    id: 'google-oauth-client-secret',
    title: 'Google OAuth client secret',
    provider: 'Google',
    confidence: 'high',
    pattern: /\b(GOCSPX-[A-Za-z0-9_-]{28})(?![\w-])/,
    keywords: ['gocspx-'],
    minEntropy: 3.5,
    docs: 'https://support.google.com/cloud/answer/15549257#rotate-client-secret',
    advice: 'A Google OAuth client secret lets anyone run the OAuth flow as your app. Add a new secret to the client in the Cloud console, deploy it, then disable the old one.',
    examples: {
      positive: ['GOOGLE_CLIENT_SECRET=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', '{"web": {"client_secret": "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"}}'],
      negative: ['GOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'Client secrets begin with GOCSPX-.'],
    },
  },
  {
    id: 'ping-identity-client-secret',
    title: 'Ping Identity client secret',
    provider: 'Ping Identity',
    confidence: 'medium',
    pattern: keyed(String.raw`ping[_-]?(?:identity|one|fed(?:erate)?)[\w.-]{0,20}?secret`, '[A-Za-z0-9_.~-]{64}', WIDE_CONTEXT),
    keywords: ['pingone', 'pingidentity', 'ping_', 'ping-', 'pingfed'],
    minEntropy: 4,
    docs: 'https://docs.pingidentity.com/pingone/applications/p1_edit_application_oidc.html',
    advice: 'A PingOne or PingFederate client secret authenticates your application (and worker apps reach the management API). Regenerate it in the application\'s configuration.',
    examples: {
      positive: ['PINGONE_CLIENT_SECRET=xSS7AnTm9mgBiYqVm4JYBvv9gPWjEP223GMEuGE6745A6lGZ57I2x77Znkgsp5L0', 'ping_identity_secret: "wsQFwswy0ULw5UgI0H8s6QIxkzn5CnA5wRa6kiQs7NU51pXaq4cXi6eDG5MmpU6J"'],
      negative: ['PINGONE_CLIENT_SECRET=${PINGONE_CLIENT_SECRET}', 'pingone_region: EU'],
    },
  },
  {
    id: 'duo-secret-key',
    title: 'Duo application secret key',
    provider: 'Duo',
    confidence: 'medium',
    pattern: keyed(String.raw`(?<![a-z])duo[\w.-]{0,20}?(?:secret|skey)`, '[A-Za-z0-9]{40}', WIDE_CONTEXT),
    keywords: ['duo'],
    minEntropy: 3.5,
    docs: 'https://duo.com/docs/adminapi#first-steps',
    advice: 'The Duo secret key, with the integration key (DI…), calls the Admin or Auth API: bypass codes, user changes. Reset it on the application\'s page in the Admin Panel.',
    examples: {
      positive: ['DUO_SECRET_KEY=XmCdIxO7fuxKi0abLStxHXNhbQURlI2u5kCQ62bi', 'duo_skey = "DtAP1lwmSK5iQwlddn5wnpE2yKv6ShmxCHRl31Kt"'],
      negative: ['DUO_SECRET_KEY=${DUO_SECRET_KEY}', 'duo_ikey: DIZWQA8DP4H26BFA0VX0'],
    },
  },
  {
    id: 'stytch-secret',
    title: 'Stytch project secret',
    provider: 'Stytch',
    confidence: 'high',
    pattern: /\b(secret-(?:live|test)-[A-Za-z0-9_=-]{36})(?![\w=-])/,
    keywords: ['secret-live-', 'secret-test-'],
    minEntropy: 3.5,
    docs: 'https://stytch.com/docs/workspace-management/api-keys',
    advice: 'A Stytch secret authenticates your backend to the project: users, sessions and passwords. Rotate it in the Dashboard → API Keys.',
    examples: {
      positive: ['STYTCH_SECRET=secret-live-b-4Xzkbgajn4hdVRhiXtoUL4w9nC6MMACEU3', "client = stytch.Client(project_id=pid, secret='secret-test-cLG29ueOHvioLj2rgqbcJckTXrs8AV4DSyBP')"],
      negative: ['STYTCH_SECRET=secret-test-xxxxxxxx', 'Project secrets start with secret-live- or secret-test-.'],
    },
  },
  {
    id: 'onelogin-client-secret',
    title: 'OneLogin API client secret',
    provider: 'OneLogin',
    confidence: 'medium',
    pattern: keyed(String.raw`onelogin[\w.-]{0,20}?secret`, '[0-9a-f]{64}', WIDE_CONTEXT),
    keywords: ['onelogin'],
    minEntropy: 3,
    docs: 'https://developers.onelogin.com/api-docs/2/getting-started/working-with-api-credentials',
    advice: 'OneLogin API credentials manage users, apps and roles with their scope. Delete them in Developers → API Credentials.',
    examples: {
      positive: ['ONELOGIN_CLIENT_SECRET=cf9f1a59a3142af9b61c90be5d3af79fe4014614bd309794ac1b3ad7c83c2456', 'onelogin_secret: "27326ab6d3099316719e0a30093cfe901b77a4cabd4816198d03949097ead36c"'],
      negative: ['ONELOGIN_CLIENT_SECRET=${ONELOGIN_CLIENT_SECRET}', 'onelogin_subdomain: acme'],
    },
  },
  {
    id: 'keycloak-client-secret',
    title: 'Keycloak client secret',
    provider: 'Keycloak',
    confidence: 'medium',
    pattern: keyed(String.raw`keycloak[\w.-]{0,20}?secret`, '[A-Za-z0-9]{32}', WIDE_CONTEXT),
    keywords: ['keycloak'],
    minEntropy: 3.5,
    docs: 'https://www.keycloak.org/docs/latest/server_admin/#_client-credentials',
    advice: 'A Keycloak client secret authenticates a confidential client (and its service account). Regenerate it in the client\'s Credentials tab.',
    examples: {
      positive: ['KEYCLOAK_CLIENT_SECRET=JoNGIdQ8AyV3ik3prD9zcqV4CNHGrUEo', 'keycloak.credentials.secret=mHsnqy2zkE7k3GDFusKpO7We3ZwGbIPo'],
      negative: ['KEYCLOAK_CLIENT_SECRET=${KEYCLOAK_CLIENT_SECRET}', 'keycloak_realm: acme'],
    },
  },
  // ── Password managers and secret stores ─────────────────────────────────────────────────
  {
    id: '1password-service-account-token',
    title: '1Password service account token',
    provider: '1Password',
    confidence: 'high',
    pattern: /\b(ops_eyJ[A-Za-z0-9+/]{250,5000}={0,3})/,
    keywords: ['ops_eyj'],
    minEntropy: 4,
    validate: validateOnePasswordServiceToken,
    docs: 'https://developer.1password.com/docs/service-accounts/manage-service-accounts/#revoke-a-service-account',
    advice: 'A 1Password service account token reads (and maybe writes) every vault it was granted. Revoke the service account on 1Password.com and inject the new token from CI secrets.',
    examples: {
      positive: ['export OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsInVzZXJBdXRoIjp7Im1ldGhvZCI6IlNSUGctNDA5NiIsImFsZyI6IlBCRVMyZy1IUzI1NiIsIml0ZXJhdGlvbnMiOjY1MDAwMCwic2FsdCI6Ii1YT2FmaEZ2OFYtUGNoVC04TXpXLUcifSwiZW1haWwiOiJoeTVsdnR6cTIxcmxkQDFwYXNzd29yZHNlcnZpY2VhY2NvdW50cy5jb20iLCJzcnBYIjoiODkxNWY1YWNlOTZiMTc5YTg1NWQ2Nzk1ZmIwYjAwNTg5MzEzMjkxM2NmZWJhMGU3NjZhYzM0MmZlNjJiMDRlYSIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoiLVk4MjdlQU9NS0pXTVJkZGZxbFhrdno1NUxsYmRWNVo2TnRFdHR0a2ttXyIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtWVJOOE44LThZNEVZTi0zNzNXRy1DVEY0Si01SFg4VS1PNDFBSiIsInRocm90dGxlU2VjcmV0Ijp7InNlZWQiOiJjM2RlZGU0MjU3NzUxNWE0YjNmYzkyNzI3MGQ5NmRmYjcxYzdlZWNjOTU4OTZiYmRkNWI4YTJhZDU2Zjc4OWQwIiwidXVpZCI6IjFXSTRPNEhWVlFEQzE1VEVUVENLRFdBUUtNIn0sImRldmljZVV1aWQiOiIwbXR1a2I4ajV0dXlrbzMzc2IxYWRmemI3OSJ9', 'op_token: "ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsInVzZXJBdXRoIjp7Im1ldGhvZCI6IlNSUGctNDA5NiIsImFsZyI6IlBCRVMyZy1IUzI1NiIsIml0ZXJhdGlvbnMiOjY1MDAwMCwic2FsdCI6ImhVdmZHNW96dExBNnBMTHVJc1pFbEwifSwiZW1haWwiOiJkZTNpaWJhYTN6aXF6QDFwYXNzd29yZHNlcnZpY2VhY2NvdW50cy5jb20iLCJzcnBYIjoiNDAxNDMxZGFiODJjOWIzOWJiN2M0Njc1MWY4NGY3ZmMzNDdlMjAwOWJhZTAxZjViOTI0MDcwMDI5ZWI2N2U4MCIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoic1BRX2FrWHduU2ttOWRuazh6Q2lRU0pjQzkzRnB6R3NEdGlYc2dlUmlzYyIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtR1I4TERDLVE4SUtKRy1EWTVFOS04QzBaVS1DTThESS0wT0Q1MiIsInRocm90dGxlU2VjcmV0Ijp7InNlZWQiOiIzMzBhNTcxNTk5ZGUxZjNhNmI2OGE5OGE2Y2NkMGFkZDBmMjJlYjgxNjE4MGY2NmUwOWRiYTgxYzMxNzNlYTA5IiwidXVpZCI6IlJWVDBDVkwzVk1PR09EMVpMTzNIMDY1NDRCIn0sImRldmljZVV1aWQiOiJiN2E2MzNhenN5aTRkbHgycDQ4cG15YjEzZyJ9"'],
      negative: ['OP_SERVICE_ACCOUNT_TOKEN=${{ secrets.OP_SERVICE_ACCOUNT_TOKEN }}', 'Service account tokens start with ops_eyJ.'],
    },
  },
  {
    id: '1password-secret-key',
    title: '1Password account Secret Key',
    provider: '1Password',
    confidence: 'high',
    pattern: /\b(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})\b/,
    keywords: ['a3-'],
    minEntropy: 3.5,
    docs: 'https://support.1password.com/secret-key/',
    advice: 'The Secret Key is half of what protects a 1Password account: with the account password it opens every vault. Regenerate it in your account settings and store it only in the Emergency Kit.',
    examples: {
      positive: ['secret_key: A3-SCSF2I-RGDQ8B-TH9RX-7GY2W-G6JFU-5RB23', 'OP_SECRET_KEY="A3-D3ZM3B-S95R5GBAUAN-EW0TS-A6OLS-UNOEA"'],
      negative: ['secret_key: A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX', 'Secret Keys start with A3- followed by six groups.'],
    },
  },
  {
    id: 'vault-service-token',
    title: 'HashiCorp Vault service token',
    provider: 'HashiCorp Vault',
    confidence: 'high',
    pattern: /\b(hvs\.[A-Za-z0-9_-]{24,200})(?![\w-])/,
    keywords: ['hvs.'],
    minEntropy: 3.5,
    docs: VAULT_DOCS,
    advice: 'A Vault service token reads and writes every path its policies allow, often your most sensitive secrets. Revoke it with `vault token revoke` and authenticate workloads with a short-lived auth method.',
    examples: {
      positive: ['VAULT_TOKEN=hvs.CAESIwSZzPBY6lGc2j4a0wS4H7_byhcYyCDhF7veizOAKyVaP-Hch21D-dvZM8_b2AT2sVf_gICA83CQPmlFlCiWVHI8h0iM', 'vault login hvs.0f6GZ5x8739p8jYHvkVrxRu3'],
      negative: ['VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxx', 'Service tokens start with hvs.'],
    },
  },
  {
    id: 'vault-batch-token',
    title: 'HashiCorp Vault batch token',
    provider: 'HashiCorp Vault',
    confidence: 'high',
    pattern: /\b(hvb\.[A-Za-z0-9_-]{138,300})(?![\w-])/,
    keywords: ['hvb.'],
    minEntropy: 4,
    docs: 'https://developer.hashicorp.com/vault/docs/concepts/tokens#batch-tokens',
    advice: 'A batch token carries its policies until it expires and cannot be revoked on its own. Revoke its parent or the auth method\'s lease, and keep TTLs short.',
    examples: {
      positive: ['VAULT_TOKEN=hvb.AAAAAQf6wjlV0nyyfxciNPrF1sEKAFuyjWydReIDeEPetVXO36TsCHEmVBrhtBnkGPYjEo4ghP7b3syZn4wmXqftFKbMUuQ-cpx3bNfZFa5DBtNTa92eh6gqd0GOjjw6hLRTS2tvsVecwJyuvdg1uu9fKLPO', "headers = {'X-Vault-Token': 'hvb.AAAAAQv0ahAfsRnKRfrOl1G3kCy09NZFw3cNIyBtom7E04owplRAD6ElRH5Nv88DyAg9UDE9zwKzexZzBx0vxTe1Vz7UyxEZGwAXsef4AA349SED30kWtL9ZeBlKdI0lSeoI6sjLAv3zmjKgOg'}"],
      negative: ['VAULT_TOKEN=hvb.xxxxxxxx', 'Batch tokens start with hvb.'],
    },
  },
  {
    id: 'vault-recovery-token',
    title: 'HashiCorp Vault recovery token',
    provider: 'HashiCorp Vault',
    confidence: 'high',
    pattern: /\b(hvr\.[A-Za-z0-9_-]{24,200})(?![\w-])/,
    keywords: ['hvr.'],
    minEntropy: 3.5,
    docs: 'https://developer.hashicorp.com/vault/docs/concepts/recovery-mode',
    advice: 'A recovery token gives raw storage access while Vault runs in recovery mode. Revoke it and restart Vault normally.',
    examples: {
      positive: ['VAULT_RECOVERY_TOKEN=hvr.Y0yVNozH5yv3HBbc5x4QQa6c', 'recovery_token: hvr.CAESItR0teoS3Z54tNmBHyIQpekDbjAA2_1wBIg6UK3dUnYCORB7HmABGm-cl0Sk9QkJz9ULV5M20GXW6n573u-4XZ_yoWN8'],
      negative: ['VAULT_RECOVERY_TOKEN=hvr.xxxxxxxx', 'Recovery tokens start with hvr.'],
    },
  },
  {
    id: 'vault-legacy-token',
    title: 'HashiCorp Vault token (legacy s. format)',
    provider: 'HashiCorp Vault',
    confidence: 'medium',
    // Mixed letters and at least one digit: `s.` followed by a word is a property access.
    pattern: keyed('vault', String.raw`s\.(?=[A-Za-z]{0,23}\d)[A-Za-z0-9]{24}`, WIDE_CONTEXT),
    keywords: ['vault'],
    minEntropy: 3.5,
    docs: VAULT_DOCS,
    advice: 'A pre-1.10 Vault token reads and writes every path its policies allow. Revoke it with `vault token revoke` and upgrade to short-lived auth.',
    examples: {
      positive: ['VAULT_TOKEN=s.ZaJBwR0saQ7DloCo38YPQgrJ', 'vault_token: "s.jYCoN3f8xELUYddI6NOUD4ae"'],
      negative: ['VAULT_TOKEN=${VAULT_TOKEN}', 'vault_addr = cfg.vaultAddress'],
    },
  },
  doppler('pt', 'personal token', 'A Doppler personal token acts as you across every workplace project. Revoke it in Tokens → Personal and use service tokens in apps.', 'dp.pt.7ES8D6pl5l5g8GycMD6lWmpRIwdM1uf6mRxnkkzYSSO', 'dp.pt.56p2mbXTlKPdM9oAg3mjcvIIITlXQs3zxZaXEbMGwCB'),
  doppler('ct', 'CLI token', 'A Doppler CLI token carries your full access from `doppler login`. Revoke it with `doppler logout --yes` or in Tokens → CLI.', 'dp.ct.t5utwg7OdzPNAYMRaUT29GAwjaGxbunXfRx8vmqLOAp', 'dp.ct.037M2TKL9wXCTAbNjVY0UTOdsg7o2mivPGrI51WbnxD'),
  doppler(
    'st',
    'service token',
    'A Doppler service token reads (or writes) every secret of one config. Revoke it in the config\'s Access tab and inject it from your platform\'s secret store.',
    'dp.st.IWyenNmI79jXfrYcsv6MxSUZgaKbkLp459W2ewkntMy',
    'dp.st.prd.JbxNgG9B4rPWEl2nc273LFWvyBc5CuMFtQaQgAsjBNX',
    /\b(dp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44})\b/,
  ),
  doppler('sa', 'service account token', 'A Doppler service account token has its account\'s role across the workplace. Revoke it under Team → Service Accounts.', 'dp.sa.Fux81PZFp2tMqCgDPdMcbMC7dumyNgKbGSCSJrok5SO', 'dp.sa.rBk44oRYGA4meIN3IWnkZhtysbycuUWzKwGXWotgXgo'),
  doppler('scim', 'SCIM token', 'A Doppler SCIM token provisions and removes workplace users. Regenerate it in Settings → SCIM and update your identity provider.', 'dp.scim.k0C0BoaHLIGUgr2QvqKnLFxriFqSPShN2EmmB517tll', 'dp.scim.YMPUlFsYmLmfPYqAX627LhvORKVsyQepyL6y9PdDZbT'),
  doppler('audit', 'audit token', 'A Doppler audit token reads workplace audit logs and user details. Revoke it in Settings → Audit tokens.', 'dp.audit.cd1Zdymjvj8ENMyT3iGwRjFGjxTepOICdPzEgWehcXL', 'dp.audit.ftIu9pUn7DgaV9Z0NWyihk2ahgjKabnDkLuW37bqnwl'),
  {
    id: 'infisical-service-token',
    title: 'Infisical service token',
    provider: 'Infisical',
    confidence: 'high',
    pattern: /\b(st\.[0-9a-f-]{24,36}\.[0-9a-f]{32}\.[0-9a-f]{32})\b/,
    keywords: ['st.'],
    minEntropy: 3,
    docs: 'https://infisical.com/docs/documentation/platform/token',
    advice: 'An Infisical service token reads (or writes) the secrets of its project environment. Revoke it in Project Settings → Service Tokens and migrate to machine identities.',
    examples: {
      positive: ['INFISICAL_TOKEN=st.3a8b443d94286cdb8bcd15c1.5d0ab74c09c007a1795279451efc60fa.92aa8e7848e389bfd54c9e53c9108df1', 'infisical export --token=st.333be9ac-6496-4107-a579-cf3314ca6218.f83578befb2f5bdc81b9aaa18c43b05b.2ddcacd9efaade0d16a894edd8cc4631'],
      negative: ['INFISICAL_TOKEN=${INFISICAL_TOKEN}', 'Service tokens look like st.<id>.<secret>.<key>.'],
    },
  },
  {
    id: 'akeyless-access-key',
    title: 'Akeyless access key',
    provider: 'Akeyless',
    confidence: 'medium',
    pattern: keyed(String.raw`akeyless[\w.-]{0,20}?(?:access[_-]?key|secret)`, '[A-Za-z0-9+/]{43}=', WIDE_CONTEXT),
    keywords: ['akeyless'],
    minEntropy: 4,
    docs: 'https://docs.akeyless.io/docs/api-key',
    advice: 'An Akeyless access key, with its access id (p-…), authenticates to the vault with the role\'s permissions. Reset the API key auth method in the Console.',
    examples: {
      positive: ['AKEYLESS_ACCESS_KEY=Janp2wj6nGngw1wp40Qk0Tupld6jVfEEYMBYoXuR2+f=', 'akeyless_access_key: "EuCrrRrJjcgEVZcDwpkSsT+GXfiF3FB2eWrAyOwxsls="'],
      negative: ['AKEYLESS_ACCESS_KEY=${AKEYLESS_ACCESS_KEY}', 'akeyless_access_id: p-1a3tjho6pozs'],
    },
  },
];
