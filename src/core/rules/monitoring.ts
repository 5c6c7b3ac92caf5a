import type { Rule, Validation } from '../types';
import { decodeBase64Json } from '../validators/base64Json';

// Monitoring, logging, error tracking and developer-tooling services. Formats:
// Datadog: https://docs.datadoghq.com/account_management/api-app-keys/ (32-hex API, 40-hex application keys)
// New Relic: https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/ (`NRAK-`, `NRII-`, `NRJS-`, `…NRAL`)
// Sentry: https://docs.sentry.io/account/auth-tokens/ (`sntrys_` org tokens embed base64 JSON, `sntryu_` user tokens)
// Grafana: https://grafana.com/docs/grafana/latest/administration/service-accounts/ (`glsa_`),
//   https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/ (`glc_`)
// Dynatrace: https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication (`dt0c01.`)
// LaunchDarkly: https://launchdarkly.com/docs/home/account/environment/keys (`sdk-`, `api-`)
// SonarQube: https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/ (`sqp_`, `squ_`, `sqa_`)
// Patterns cross-checked against gitleaks' rule set (cmd/generate/config/rules).

/** A value without a prefix of its own, found by the name it is assigned to (`NAME=v`, `name: v`, `--name v`). */
function keyed(context: string, value: string): RegExp {
  return new RegExp(
    `(?:${context})[\\w.-]{0,25}?["'\`]?\\s{0,3}(?:[:=]{1,2}>?|\\s)\\s{0,3}["'\`]?(?<secret>${value})(?![\\w+/=-])`,
    'i',
  );
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Sentry org tokens: `sntrys_` + base64 JSON (iat, url, region_url, org) + `_` + secret. */
function sentryOrgToken(secret: string): Validation {
  const payload = secret.slice('sntrys_'.length, secret.lastIndexOf('_'));
  const json = decodeBase64Json(payload);
  return json && ('region_url' in json || 'url' in json) ? 'valid' : 'invalid';
}

/** Grafana API keys and Cloud tokens are base64 JSON with a key field (`k`). */
function grafanaJson(prefix: string): (secret: string) => Validation {
  return (secret) => {
    const json = decodeBase64Json(secret.slice(prefix.length));
    if (!json) return 'invalid';
    return typeof json.k === 'string' ? 'valid' : 'reject';
  };
}

const DATADOG = 'https://app.datadoghq.com/organization-settings/api-keys';
const NEW_RELIC = 'https://one.newrelic.com/api-keys';
const SENTRY = 'https://sentry.io/settings/account/api/auth-tokens/';

export const rules: readonly Rule[] = [
  {
    id: 'datadog-api-key',
    title: 'Datadog API key',
    provider: 'Datadog',
    confidence: 'high',
    pattern: keyed('datadog[\\w.-]{0,20}?api[_-]?key|\\bdd[_-]api[_-]?key', '[a-f0-9]{32}'),
    keywords: ['datadog', 'dd_api', 'dd-api'],
    minEntropy: 3,
    docs: DATADOG,
    advice: 'A Datadog API key submits metrics, logs and events to your organisation (and is half of API access). Revoke it in Organization Settings > API Keys and read DD_API_KEY from the environment.',
    examples: {
      positive: ['DD_API_KEY=dc2b1980c981bde245bc264030bd2633', 'datadog:\n  datadog_api_key: "55fd26f231f479a262c34bbdca5fa1c1"'],
      negative: ['DD_API_KEY=${DD_API_KEY}', 'datadog_api_key: "{{ datadog_api_key }}"'],
    },
  },
  {
    id: 'datadog-app-key',
    title: 'Datadog application key',
    provider: 'Datadog',
    confidence: 'high',
    pattern: keyed('datadog[\\w.-]{0,20}?app(?:lication)?[_-]?key|\\bdd[_-]app(?:lication)?[_-]?key', '[a-f0-9]{40}'),
    keywords: ['datadog', 'dd_app', 'dd-app'],
    minEntropy: 3,
    docs: 'https://app.datadoghq.com/organization-settings/application-keys',
    advice: 'A Datadog application key, with an API key, reads and changes dashboards, monitors and data as its user. Revoke it in Organization Settings > Application Keys.',
    examples: {
      positive: ['DD_APP_KEY=39203a2e98032fd09addd5787d5bab88b7f9dc31', 'curl -H "DD-APPLICATION-KEY: 2cbe0086f4d84f128827f77fcbc601754467a7ec" https://api.datadoghq.com/api/v1/validate'],
      negative: ['DD_APP_KEY=${DD_APP_KEY}', 'curl -H "DD-APPLICATION-KEY: ${DD_APP_KEY}" https://api.datadoghq.com/api/v1/validate'],
    },
  },
  {
    id: 'new-relic-user-api-key',
    title: 'New Relic user API key',
    provider: 'New Relic',
    confidence: 'high',
    pattern: /\b(NRAK-[A-Z0-9]{27})\b/,
    keywords: ['nrak-'],
    minEntropy: 3.5,
    docs: NEW_RELIC,
    advice: 'A New Relic user key queries NerdGraph as its user: data, dashboards, alert settings. Delete it on the API keys page and read it from the environment.',
    examples: {
      positive: ['NEW_RELIC_API_KEY=NRAK-O80FWF5D8D1X65C0TQD41V4IS6C', 'headers = {"API-Key": "NRAK-58JUJUYYO3B0Q2RKY7TNT8UIQ5D"}'],
      negative: ['NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX', 'headers = {"API-Key": os.environ["NEW_RELIC_API_KEY"]}'],
    },
  },
  {
    id: 'new-relic-license-key',
    title: 'New Relic ingest license key',
    provider: 'New Relic',
    confidence: 'high',
    pattern: /\b([a-f0-9]{36}NRAL)\b/i,
    keywords: ['nral'],
    minEntropy: 3,
    docs: NEW_RELIC,
    advice: 'A license key lets anyone send data into your New Relic account (and counts against your ingest). Rotate it on the API keys page and keep it in the agent\'s environment.',
    examples: {
      positive: ['NEW_RELIC_LICENSE_KEY=69316fcff2cde49254fb726d77e61313ec47NRAL', 'license_key: 8a78685c413d67f332b9542785e3651562acNRAL'],
      negative: ['NEW_RELIC_LICENSE_KEY=<license-key>NRAL', 'license_key: ${NEW_RELIC_LICENSE_KEY}'],
    },
  },
  {
    id: 'new-relic-legacy-license-key',
    title: 'New Relic license key (legacy)',
    provider: 'New Relic',
    confidence: 'medium',
    pattern: keyed('new[_-]?relic[\\w.-]{0,20}?license[_-]?key', '[a-f0-9]{40}'),
    keywords: ['newrelic', 'new_relic', 'new-relic'],
    minEntropy: 3,
    docs: NEW_RELIC,
    advice: 'A license key lets anyone send data into your New Relic account. Rotate it on the API keys page and keep it in the agent\'s environment.',
    examples: {
      positive: ['NEW_RELIC_LICENSE_KEY=d855870c20acf1b726bcb01a9e4e73191c6b1ea4', 'newrelic.license_key = "67edbe86f4d779c2b9627d00da81f3f8982d1aa4"'],
      negative: ['NEW_RELIC_LICENSE_KEY=${NEW_RELIC_LICENSE_KEY}', 'newrelic.app_name = "acme-api"'],
    },
  },
  {
    id: 'new-relic-insert-key',
    title: 'New Relic insights insert key',
    provider: 'New Relic',
    confidence: 'high',
    pattern: /\b(NRII-[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
    keywords: ['nrii-'],
    minEntropy: 3.5,
    docs: NEW_RELIC,
    advice: 'An insert key writes custom events into your New Relic account. Delete it on the API keys page (Insights insert keys) and use a license key from the environment.',
    examples: {
      positive: ['NEW_RELIC_INSERT_KEY=NRII-6IyqhmbY7uriJtk1YOHCDKrsUNEBYhc0', 'insertKey: "NRII-nQfmtdaG0DAwPpa7rLhYyAOuBT3OsL85"'],
      negative: ['NEW_RELIC_INSERT_KEY=NRII-<key>', 'insertKey: process.env.NEW_RELIC_INSERT_KEY'],
    },
  },
  {
    id: 'new-relic-query-key',
    title: 'New Relic insights query key',
    provider: 'New Relic',
    confidence: 'medium',
    pattern: /\b(NRIQ-[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
    keywords: ['nriq-'],
    minEntropy: 3.5,
    docs: NEW_RELIC,
    advice: 'A query key reads all event data of the account through the Insights API. Delete it on the API keys page.',
    examples: {
      positive: ['NEW_RELIC_QUERY_KEY=NRIQ-oxfCXBW2RQZHp0RobV11T8um69WZk15V', 'queryKey: "NRIQ-pLtOh4EuozCxAeHjf7XD15V3mbGPlDqz"'],
      negative: ['NEW_RELIC_QUERY_KEY=NRIQ-<key>', 'queryKey: process.env.NEW_RELIC_QUERY_KEY'],
    },
  },
  {
    id: 'new-relic-admin-key',
    title: 'New Relic admin API key',
    provider: 'New Relic',
    confidence: 'medium',
    pattern: /\b(NRAA-[A-Za-z0-9]{27})\b/,
    keywords: ['nraa-'],
    minEntropy: 3.5,
    docs: NEW_RELIC,
    advice: 'A New Relic admin key manages account settings through the REST API. Delete it on the API keys page.',
    examples: {
      positive: ['NEW_RELIC_ADMIN_KEY=NRAA-dh90fyn3r3iWuNEMZ5mHF6jpDmO', 'admin_key: "NRAA-PDzrAr18U4cef4fjC6vSdL2wifB"'],
      negative: ['NEW_RELIC_ADMIN_KEY=NRAA-<key>', 'admin_key: ${NEW_RELIC_ADMIN_KEY}'],
    },
  },
  {
    id: 'new-relic-browser-key',
    title: 'New Relic browser ingest key',
    provider: 'New Relic',
    confidence: 'low',
    pattern: /\b(NRJS-[a-f0-9]{19})\b/,
    keywords: ['nrjs-'],
    minEntropy: 3,
    docs: NEW_RELIC,
    advice: 'A browser key ships to every page view by design; it only sends browser data. Rotate it if it is being abused for spam ingest.',
    examples: {
      positive: ['NREUM.loader_config = { licenseKey: "NRJS-90ac9763cd9953195b7" };', 'NEW_RELIC_BROWSER_KEY=NRJS-387d68e824ee25864d9'],
      negative: ['NREUM.loader_config = { licenseKey: "NRJS-<key>" };', 'NEW_RELIC_BROWSER_KEY=${NEW_RELIC_BROWSER_KEY}'],
    },
  },
  {
    id: 'sentry-org-token',
    title: 'Sentry organisation auth token',
    provider: 'Sentry',
    confidence: 'high',
    pattern: /\b(sntrys_eyJ[A-Za-z0-9+/]{20,400}={0,2}_[A-Za-z0-9+/]{43})(?![A-Za-z0-9+/=])/,
    keywords: ['sntrys_'],
    minEntropy: 4,
    validate: sentryOrgToken,
    docs: 'https://sentry.io/orgredirect/organizations/:orgslug/settings/auth-tokens/',
    advice: 'A Sentry organisation token uploads releases and source maps and reads project data. Revoke it in Organization Settings > Auth Tokens and keep SENTRY_AUTH_TOKEN in the CI secret store.',
    examples: {
      positive: ['SENTRY_AUTH_TOKEN=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', 'sentry-cli --auth-token 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 releases new 1.4.2'],
      negative: ['SENTRY_AUTH_TOKEN=sntrys_<token>', 'SENTRY_AUTH_TOKEN=${{ secrets.SENTRY_AUTH_TOKEN }}'],
    },
  },
  {
    id: 'sentry-user-token',
    title: 'Sentry user auth token',
    provider: 'Sentry',
    confidence: 'high',
    pattern: /\b(sntryu_[a-f0-9]{64})\b/,
    keywords: ['sntryu_'],
    minEntropy: 3.3,
    docs: SENTRY,
    advice: 'A Sentry user token acts as you across every organisation you belong to, within its scopes. Revoke it under User Settings > Personal Tokens.',
    examples: {
      positive: ['SENTRY_AUTH_TOKEN=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', 'auth.token=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'],
      negative: ['SENTRY_AUTH_TOKEN=sntryu_<token>', 'auth.token=${SENTRY_AUTH_TOKEN}'],
    },
  },
  {
    id: 'sentry-legacy-auth-token',
    title: 'Sentry auth token (legacy)',
    provider: 'Sentry',
    confidence: 'medium',
    pattern: keyed('sentry[\\w.-]{0,20}?(?:auth)?[_-]?token', '[a-f0-9]{64}'),
    keywords: ['sentry'],
    minEntropy: 3.3,
    docs: SENTRY,
    advice: 'A Sentry auth token reads and writes project data within its scopes. Revoke it in Sentry and keep SENTRY_AUTH_TOKEN in the CI secret store.',
    examples: {
      positive: ['SENTRY_AUTH_TOKEN=0e68d67428746a6bbe1c295b392ea1feb102efa9ecbca584b637ef36ab0ae05d', '[auth]\nsentry_token = bafd0c7e2b0771a5a4794aea7d596700d7bebe11a0acafced56e6e866b355c61'],
      negative: ['SENTRY_AUTH_TOKEN=${SENTRY_AUTH_TOKEN}', 'sentry_org = "acme"'],
    },
  },
  {
    id: 'sentry-dsn',
    title: 'Sentry DSN',
    provider: 'Sentry',
    confidence: 'low',
    // The DSN key is meant to ship in client code; it only allows sending events. Low on purpose.
    pattern: /\bhttps:\/\/([a-f0-9]{32})@(?:o\d{1,12}\.)?ingest(?:\.[a-z]{2})?\.sentry\.io\/\d{1,12}\b/,
    keywords: ['sentry.io'],
    minEntropy: 3,
    docs: 'https://docs.sentry.io/concepts/key-terms/dsn-explainer/',
    advice: 'A DSN is semi-public (it only lets clients send events), but a leaked one invites spam into your quota. Keep it in configuration, and rotate the client key if it is abused.',
    examples: {
      positive: ['Sentry.init({ dsn: "https://f3bec8c6785016c602f6934afa884d60@o824370.ingest.sentry.io/0954833" });', 'SENTRY_DSN=https://bea004f19ecfce24e25310f9a02c3510@o405950.ingest.us.sentry.io/7947348'],
      negative: ['Sentry.init({ dsn: process.env.SENTRY_DSN });', 'SENTRY_DSN=https://<key>@o0.ingest.sentry.io/0'],
    },
  },
  {
    id: 'grafana-cloud-token',
    title: 'Grafana Cloud access policy token',
    provider: 'Grafana',
    confidence: 'high',
    pattern: /\b(glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9+/=])/,
    keywords: ['glc_'],
    minEntropy: 4,
    validate: grafanaJson('glc_'),
    docs: 'https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/',
    advice: 'A Grafana Cloud token writes or reads metrics, logs and traces for the stack within its access policy. Delete the token in the Cloud Portal (Access Policies).',
    examples: {
      positive: ['GRAFANA_CLOUD_TOKEN=glc_eyJvIjoiNDAxNDIyIiwibiI6InN0YWNrLTk3MjcwMy1obS1yZWFkIiwiayI6IjM4VlJqMEs5YUdGd0NXcWlGN0hrb1pqNiIsIm0iOnsiciI6InByb2QtdXMtZWFzdC0wIn19', 'password: glc_eyJvIjoiODc0OTA1IiwibiI6InN0YWNrLTU0NzQ2OC1obS1yZWFkIiwiayI6IjI5ZU9BSG5rRjhoRUg5TnBTWG9YMDlIaCIsIm0iOnsiciI6InByb2QtdXMtZWFzdC0wIn19'],
      negative: ['GRAFANA_CLOUD_TOKEN=glc_<token>', 'password: ${GRAFANA_CLOUD_TOKEN}'],
    },
  },
  {
    id: 'grafana-service-account-token',
    title: 'Grafana service account token',
    provider: 'Grafana',
    confidence: 'high',
    pattern: /\b(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})\b/,
    keywords: ['glsa_'],
    minEntropy: 3.5,
    docs: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/#delete-a-service-account-token',
    advice: 'A Grafana service account token calls the HTTP API with the account\'s role (often Editor or Admin). Delete the token under Administration > Service accounts.',
    examples: {
      positive: ['GRAFANA_TOKEN=glsa_LK3xcQBxqzHsacTIJu9MCKcrjx8aDTN7_c3af3ee6', 'headers: { Authorization: "Bearer glsa_49yxsmtwrBhm75748WyGaEGBcWVEgvgI_0bafb79e" }'],
      negative: ['GRAFANA_TOKEN=glsa_<token>', 'headers: { Authorization: `Bearer ${process.env.GRAFANA_TOKEN}` }'],
    },
  },
  {
    id: 'grafana-api-key',
    title: 'Grafana API key (legacy)',
    provider: 'Grafana',
    confidence: 'high',
    pattern: /\b(eyJrIjoi[A-Za-z0-9]{70,400}={0,2})(?![A-Za-z0-9+/=])/,
    keywords: ['eyjrijoi'],
    minEntropy: 4,
    validate: grafanaJson(''),
    docs: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/#migrate-api-keys-to-grafana-service-accounts-using-the-api',
    advice: 'A legacy Grafana API key calls the HTTP API with its role. Delete it and migrate the integration to a service account token.',
    examples: {
      positive: ['GRAFANA_API_KEY=eyJrIjoiNzJQU09KdXpsR0l6WnBSem1ySlFXY29ZTGw4YWxKNXciLCJuIjoiZGVwbG95LXl0dGt5IiwiaWQiOjc3MjU4fQ', 'grafana:\n  api_key: "eyJrIjoiRTNMdEVJT3JKWXR6TzI5azdCZ1VTZEZxcWJUZVVQckgiLCJuIjoiZGVwbG95LWNyeWZqIiwiaWQiOjMwODExMH0"'],
      negative: ['GRAFANA_API_KEY=eyJrIjoi<key>', 'grafana:\n  api_key: "${GRAFANA_API_KEY}"'],
    },
  },
  {
    id: 'honeycomb-api-key',
    title: 'Honeycomb API key',
    provider: 'Honeycomb',
    confidence: 'medium',
    pattern: keyed('honeycomb[\\w.-]{0,20}?(?:api|write|ingest)?[_-]?key|x-honeycomb-team', '[A-Za-z0-9]{22}|[a-f0-9]{32}'),
    keywords: ['honeycomb'],
    minEntropy: 3.3,
    docs: 'https://docs.honeycomb.io/configure/environments/manage-api-keys/',
    advice: 'A Honeycomb key sends events to (or configures) an environment. Delete it under Environment settings > API keys.',
    examples: {
      positive: ['HONEYCOMB_API_KEY=n5BIjyAHRRfEoNzWbZLs1f', 'OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=PuBIq4AKkiEESRVGWZDX0X"'],
      negative: ['HONEYCOMB_API_KEY=${HONEYCOMB_API_KEY}', 'OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=${HONEYCOMB_API_KEY}"'],
    },
  },
  {
    id: 'honeycomb-ingest-key',
    title: 'Honeycomb ingest key',
    provider: 'Honeycomb',
    confidence: 'medium',
    pattern: /\b(hc[ax]ik_[a-z0-9]{56,60})\b/,
    keywords: ['hcaik_', 'hcxik_'],
    minEntropy: 3.5,
    docs: 'https://docs.honeycomb.io/configure/environments/manage-api-keys/',
    advice: 'A Honeycomb ingest key sends events into the environment. Delete it under Environment settings > API keys.',
    examples: {
      positive: ['HONEYCOMB_API_KEY=hcaik_z39fery8xvlsfg6d0uwpa4ztcoiozlzmnxzjlsv9idbdcf8majmo4lmxay', 'headers: { "x-honeycomb-team": "hcxik_82uxra6v8po98415yzk83eu2wb29ap3429fwm7pe9vrz9snqymf0vx5xxz" }'],
      negative: ['HONEYCOMB_API_KEY=hcaik_<key>', 'headers: { "x-honeycomb-team": process.env.HONEYCOMB_API_KEY }'],
    },
  },
  {
    id: 'pagerduty-api-key',
    title: 'PagerDuty API key',
    provider: 'PagerDuty',
    confidence: 'medium',
    pattern: keyed('pagerduty[\\w.-]{0,20}?(?:api)?[_-]?(?:key|token)|token\\s+token', 'u\\+[A-Za-z0-9_+-]{18}|[A-Za-z0-9_+-]{20}'),
    keywords: ['pagerduty', 'token token='],
    minEntropy: 3.5,
    docs: 'https://support.pagerduty.com/main/docs/api-access-keys',
    advice: 'A PagerDuty API key reads and changes incidents, schedules and services. Delete it under Integrations > API Access Keys (or the user\'s tokens).',
    examples: {
      positive: ['PAGERDUTY_API_KEY=wplL4cksNDF2pEZ9YvxZ', 'curl -H "Authorization: Token token=u+9JVaaVMK9CkegHTHan" https://api.pagerduty.com/incidents'],
      negative: ['PAGERDUTY_API_KEY=${PAGERDUTY_API_KEY}', 'pagerduty_service_id: "P4QZ7LK"'],
    },
  },
  {
    id: 'rollbar-access-token',
    title: 'Rollbar access token',
    provider: 'Rollbar',
    confidence: 'medium',
    pattern: keyed('rollbar[\\w.-]{0,20}?(?:access)?[_-]?token|x-rollbar-access-token', '[a-f0-9]{32}'),
    keywords: ['rollbar'],
    minEntropy: 3,
    docs: 'https://docs.rollbar.com/docs/access-tokens',
    advice: 'A Rollbar server-side token posts or reads items (read/write scopes are sensitive). Rotate it under Project settings > Access Tokens.',
    examples: {
      positive: ['ROLLBAR_ACCESS_TOKEN=b9019444f7d4cd9f3fff67dfc5e21200', 'rollbar.init("d9012a441d478e915897191f8b4d3bd2")  # rollbar_token: 4ccb7114f901229cfc30f7882cf7ec19'],
      negative: ['ROLLBAR_ACCESS_TOKEN=${ROLLBAR_ACCESS_TOKEN}', 'rollbar.init(os.environ["ROLLBAR_ACCESS_TOKEN"])'],
    },
  },
  {
    id: 'bugsnag-api-key',
    title: 'Bugsnag API key',
    provider: 'Bugsnag',
    confidence: 'low',
    pattern: keyed('bugsnag[\\w.-]{0,20}?(?:api)?[_-]?key', '[a-f0-9]{32}'),
    keywords: ['bugsnag'],
    minEntropy: 3,
    docs: 'https://docs.bugsnag.com/product/organizations/#project-api-keys',
    advice: 'A Bugsnag notifier key ships in apps and only reports errors, but a leaked one invites spam. Regenerate it in Project settings if it is abused.',
    examples: {
      positive: ['BUGSNAG_API_KEY=ff424e312d2b866309b2fc9f714c90bd', 'Bugsnag.start({ apiKey: "b3cb2374c368d489e43575869f2823c5" }); // bugsnag_api_key: "df523ec5198928367e9405241276f6f4"'],
      negative: ['BUGSNAG_API_KEY=${BUGSNAG_API_KEY}', 'Bugsnag.start({ apiKey: process.env.BUGSNAG_API_KEY });'],
    },
  },
  {
    id: 'dynatrace-api-token',
    title: 'Dynatrace API token',
    provider: 'Dynatrace',
    confidence: 'high',
    pattern: /\b(dt0[cs]\d\d\.[A-Z0-9]{24}\.[A-Z0-9]{64})\b/,
    keywords: ['dt0c0', 'dt0s0'],
    minEntropy: 3.5,
    docs: 'https://docs.dynatrace.com/docs/manage/access-control/access-tokens',
    advice: 'A Dynatrace token reads or ingests data and may change configuration, per its scopes. Revoke it under Access tokens in the environment.',
    examples: {
      positive: ['DT_API_TOKEN=dt0c01.6NCEKB12C98B82FDWWC2EM80.07BIYOA7TG2R99ZJ9P30Q6BUUYI2GO1OUPAFA04VT96KXC8O9I3Q4DYPC3NJ7NW1', 'Authorization: Api-Token dt0c01.W4IP4FD3RM9UHPDSKOT68P6B.FQBZX78VLU3W83PKGCWNEG7242YRQTKFV1YRUKAFYBVXXUQDABSWPCWX71FIOD6Q'],
      negative: ['DT_API_TOKEN=dt0c01.<token>', 'DT_API_TOKEN=${DT_API_TOKEN}'],
    },
  },
  {
    id: 'logzio-token',
    title: 'Logz.io token',
    provider: 'Logz.io',
    confidence: 'medium',
    pattern: keyed('logz(?:io)?[\\w.-]{0,20}?(?:shipping|api)?[_-]?token', '[A-Za-z]{32}|' + UUID),
    keywords: ['logz'],
    minEntropy: 3.5,
    docs: 'https://docs.logz.io/docs/user-guide/admin/authentication-tokens/',
    advice: 'A Logz.io shipping token writes logs into the account; an API token reads and configures it. Replace the token under Settings > Manage tokens.',
    examples: {
      positive: ['LOGZIO_TOKEN=vDNoHXHbpNpgLUbCEhmbWPkDSQmMgpXH', 'logzio_api_token: "3d15793b-47dd-4c63-8b79-762294c6a0d6"'],
      negative: ['LOGZIO_TOKEN=${LOGZIO_TOKEN}', 'logzio_listener: "listener.logz.io"'],
    },
  },
  {
    id: 'splunk-hec-token',
    title: 'Splunk HTTP Event Collector token',
    provider: 'Splunk',
    confidence: 'medium',
    pattern: keyed('splunk[\\w.-]{0,20}?(?:hec)?[_-]?token|authorization["\']?\\s{0,3}:\\s{0,3}["\']?splunk', UUID),
    keywords: ['splunk'],
    docs: 'https://docs.splunk.com/Documentation/Splunk/latest/Data/UsetheHTTPEventCollector',
    advice: 'A HEC token writes events into Splunk indexes. Disable or delete it under Settings > Data inputs > HTTP Event Collector.',
    examples: {
      positive: ['SPLUNK_HEC_TOKEN=cf34ff57-ffaa-438d-8af3-816d5e8c0ff3', 'curl -H "Authorization: Splunk 4a140217-307c-45f6-8235-f5b1fef90e9e" https://splunk.acme.internal:8088/services/collector'],
      negative: ['SPLUNK_HEC_TOKEN=${SPLUNK_HEC_TOKEN}', 'splunk_index: "app_logs"'],
    },
  },
  {
    id: 'sumologic-access-id',
    title: 'Sumo Logic access ID',
    provider: 'Sumo Logic',
    confidence: 'low',
    pattern: keyed('sumo[\\w.-]{0,20}?(?:access)?[_-]?id', 'su[A-Za-z0-9]{12}'),
    keywords: ['sumo'],
    minEntropy: 3,
    docs: 'https://help.sumologic.com/docs/manage/security/access-keys/',
    advice: 'A Sumo Logic access ID names an access key; paired with its key it calls the API. Delete the access key in Preferences > Access Keys.',
    examples: {
      positive: ['SUMO_ACCESS_ID=suVFrO3PzYDbK9', 'sumologic_access_id: "suHjRAKSpAwLQl"'],
      negative: ['SUMO_ACCESS_ID=${SUMO_ACCESS_ID}', 'sumologic_access_id: "<access-id>"'],
    },
  },
  {
    id: 'sumologic-access-key',
    title: 'Sumo Logic access key',
    provider: 'Sumo Logic',
    confidence: 'high',
    pattern: keyed('sumo[\\w.-]{0,20}?(?:access)?[_-]?key', '[A-Za-z0-9]{64}'),
    keywords: ['sumo'],
    minEntropy: 4,
    docs: 'https://help.sumologic.com/docs/manage/security/access-keys/',
    advice: 'A Sumo Logic access key calls the API with its owner\'s role (search, collectors, content). Delete it in Preferences > Access Keys.',
    examples: {
      positive: ['SUMO_ACCESS_KEY=5LLHLQWdhyRAOCpgyk6DNy4Q0uuoOTRvGFCwXFDK8n8boYYl3HoFkmTs6y5QLUm7', 'sumologic_access_key: "8tswChe1u3jqLNVoCiRDzrxT5ivzDlRKJWTUtOEIsFsaoJBMuzaH55HcHlApYEdp"'],
      negative: ['SUMO_ACCESS_KEY=${SUMO_ACCESS_KEY}', 'sumologic_access_key: "<access-key>"'],
    },
  },
  {
    id: 'lightstep-access-token',
    title: 'Lightstep (ServiceNow Cloud Observability) access token',
    provider: 'Lightstep',
    confidence: 'medium',
    pattern: keyed('lightstep[\\w.-]{0,20}?(?:access)?[_-]?token|lightstep-access-token', '[A-Za-z0-9+/]{32,200}={0,2}'),
    keywords: ['lightstep'],
    minEntropy: 4,
    docs: 'https://docs.lightstep.com/docs/create-and-manage-access-tokens',
    advice: 'A Lightstep access token sends telemetry into the project. Revoke it in Project settings > Access tokens.',
    examples: {
      positive: ['LIGHTSTEP_ACCESS_TOKEN=2jDwukWX1ZvrkFMomF5VhS1Hc6JjLKrObqzNPYnEO4K41QuwXOy0Cc0Rqr9J0RaMKusKXMNOEyy9xJVo2FRB', 'headers: { "lightstep-access-token": "Oe3rlPDl82ixAoxhz8zUuGGyFwHEL6wYMcjBHfxI" }'],
      negative: ['LIGHTSTEP_ACCESS_TOKEN=${LIGHTSTEP_ACCESS_TOKEN}', 'lightstep_project: "acme-prod"'],
    },
  },
  {
    id: 'opsgenie-api-key',
    title: 'Opsgenie API key',
    provider: 'Opsgenie',
    confidence: 'medium',
    pattern: keyed('opsgenie[\\w.-]{0,20}?(?:api)?[_-]?key|geniekey', UUID),
    keywords: ['opsgenie', 'geniekey'],
    docs: 'https://support.atlassian.com/opsgenie/docs/api-key-management/',
    advice: 'An Opsgenie API key creates and closes alerts and may change configuration. Delete or re-generate it under Settings > API key management.',
    examples: {
      positive: ['OPSGENIE_API_KEY=395302dc-0101-44e4-8336-09e149f6c801', 'curl -H "Authorization: GenieKey bb743768-6fc6-4d30-874b-455893ac2af3" https://api.opsgenie.com/v2/alerts'],
      negative: ['OPSGENIE_API_KEY=${OPSGENIE_API_KEY}', 'opsgenie_team: "platform"'],
    },
  },
  {
    id: 'launchdarkly-sdk-key',
    title: 'LaunchDarkly server-side SDK key',
    provider: 'LaunchDarkly',
    confidence: 'medium',
    pattern: new RegExp(`\\b(sdk-${UUID})\\b`),
    keywords: ['sdk-'],
    docs: 'https://launchdarkly.com/docs/home/account/environment/keys#reset-environment-keys',
    advice: 'A server-side SDK key reads every flag rule and segment of the environment. Reset it in the environment\'s settings and load it from the environment.',
    examples: {
      positive: ['LAUNCHDARKLY_SDK_KEY=sdk-b5f2baba-1d8a-4fe3-8c26-b1fe9051b60b', 'client = ldclient.Config("sdk-f96ea865-cdb7-46df-841e-3b5711c49940")'],
      negative: ['LAUNCHDARKLY_SDK_KEY=sdk-<key>', 'client = ldclient.Config(os.environ["LAUNCHDARKLY_SDK_KEY"])'],
    },
  },
  {
    id: 'launchdarkly-api-token',
    title: 'LaunchDarkly API access token',
    provider: 'LaunchDarkly',
    confidence: 'high',
    pattern: keyed('launchdarkly[\\w.-]{0,20}?(?:api|access)?[_-]?(?:token|key)|\\bld[_-](?:api|access)[_-]?token', `api-${UUID}`),
    keywords: ['launchdarkly', 'ld_api', 'ld-api', 'ld_access'],
    docs: 'https://launchdarkly.com/docs/home/account/api',
    advice: 'A LaunchDarkly API token changes flags and targeting with its role. Delete it under Organization settings > Authorization.',
    examples: {
      positive: ['LAUNCHDARKLY_ACCESS_TOKEN=api-e41c19ad-d360-41b5-80ba-13f1c641f445', 'ld_api_token: "api-9ea3b8f7-5609-43c5-895c-5f16ad24ca64"'],
      negative: ['LAUNCHDARKLY_ACCESS_TOKEN=${LD_TOKEN}', 'launchdarkly_project: "default"'],
    },
  },
  {
    id: 'snyk-api-token',
    title: 'Snyk API token',
    provider: 'Snyk',
    confidence: 'medium',
    pattern: keyed('snyk[\\w.-]{0,20}?(?:api|auth|oauth)?[_-]?(?:token|key)', UUID),
    keywords: ['snyk'],
    docs: 'https://docs.snyk.io/snyk-api/authentication-for-api/revoke-and-regenerate-a-snyk-api-token',
    advice: 'A Snyk token reads projects and their vulnerabilities and can change settings as its user. Revoke and regenerate it in Account settings.',
    examples: {
      positive: ['SNYK_TOKEN=aaec55d4-67e0-4eff-8aee-a24167e7806c', 'snyk auth e3263546-c6c9-4f5d-824c-985e51bc94df  # snyk_token=bea1fcd0-f5eb-4c95-88e2-eb4643755a3d'],
      negative: ['SNYK_TOKEN=${{ secrets.SNYK_TOKEN }}', 'snyk_org: "acme"'],
    },
  },
  {
    id: 'sonarqube-token',
    title: 'SonarQube / SonarCloud token',
    provider: 'SonarSource',
    confidence: 'high',
    pattern: /\b(sq[pua]_[a-f0-9]{40})\b/,
    keywords: ['sqp_', 'squ_', 'sqa_'],
    minEntropy: 3,
    docs: 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/',
    advice: 'A SonarQube token runs analyses and reads code and issues for its projects. Revoke it in My Account > Security.',
    examples: {
      positive: ['SONAR_TOKEN=sqp_1f4655904a37cf59f50c0d1306d4a9ce3b6fc252', 'sonar-scanner -Dsonar.token=squ_ce0d5c69824fd82ea4f17372b39e92c4c20c71d5'],
      negative: ['SONAR_TOKEN=sqp_<token>', 'sonar-scanner -Dsonar.token=$SONAR_TOKEN'],
    },
  },
  {
    id: 'sonar-legacy-token',
    title: 'SonarCloud token (legacy)',
    provider: 'SonarSource',
    confidence: 'medium',
    pattern: keyed('sonar[_.-]?(?:login|token)', '[a-f0-9]{40}'),
    keywords: ['sonar'],
    minEntropy: 3,
    docs: 'https://docs.sonarsource.com/sonarqube-cloud/managing-your-account/managing-tokens/',
    advice: 'A SonarCloud token runs analyses and reads code and issues. Revoke it in My Account > Security and keep SONAR_TOKEN in the CI secret store.',
    examples: {
      positive: ['SONAR_TOKEN=a707517ab181f26cbf7df58949d54cf6a0367cbf', 'sonar.login=96d2bea5204725fcf067c3dc62084fa50687bdb7'],
      negative: ['SONAR_TOKEN=${{ secrets.SONAR_TOKEN }}', 'sonar.login=${env.SONAR_TOKEN}'],
    },
  },
  {
    id: 'checkly-api-key',
    title: 'Checkly API key',
    provider: 'Checkly',
    confidence: 'medium',
    pattern: keyed('checkly[\\w.-]{0,20}?(?:api)?[_-]?key', 'cu_[a-f0-9]{32}'),
    keywords: ['checkly'],
    minEntropy: 3,
    docs: 'https://www.checklyhq.com/docs/accounts-and-users/creating-api-key/',
    advice: 'A Checkly API key deploys and changes checks and reads results. Delete it in User settings > API keys.',
    examples: {
      positive: ['CHECKLY_API_KEY=cu_357ad19bc9634d002e2446d7ebf9ce91', 'checkly_api_key: "cu_007b89a332737a7059048e1a82c826cd"'],
      negative: ['CHECKLY_API_KEY=${CHECKLY_API_KEY}', 'checkly_account_id: "${CHECKLY_ACCOUNT_ID}"'],
    },
  },
  {
    id: 'betterstack-token',
    title: 'Better Stack token',
    provider: 'Better Stack',
    confidence: 'medium',
    pattern: keyed('(?:better[_-]?stack|better[_-]?uptime|logtail)[\\w.-]{0,20}?(?:source|api)?[_-]?token', '[A-Za-z0-9]{24,32}'),
    keywords: ['betterstack', 'better_stack', 'better-stack', 'betteruptime', 'better_uptime', 'logtail'],
    minEntropy: 3.5,
    docs: 'https://betterstack.com/docs/uptime/api/getting-started-with-uptime-api/',
    advice: 'A Better Stack token sends logs to a source or manages monitors via the API. Regenerate it in the source or API tokens settings.',
    examples: {
      positive: ['LOGTAIL_SOURCE_TOKEN=jkU1peLSSH6aJgbl5rqGdUyf', 'betterstack_api_token: "1ieAHCECDZqp4yTe4E9S1q8jVXfobUTA"'],
      negative: ['LOGTAIL_SOURCE_TOKEN=${LOGTAIL_SOURCE_TOKEN}', 'betterstack_team: "acme"'],
    },
  },
  {
    id: 'axiom-api-token',
    title: 'Axiom API token',
    provider: 'Axiom',
    confidence: 'high',
    pattern: new RegExp(`\\b(xa[ap]t-${UUID})\\b`),
    keywords: ['xaat-', 'xapt-'],
    docs: 'https://axiom.co/docs/reference/tokens',
    advice: 'An Axiom token ingests into or queries datasets within its permissions. Delete it in Settings > API tokens.',
    examples: {
      positive: ['AXIOM_TOKEN=xaat-e800475c-3bf2-4106-83e0-1806891b948f', 'const axiom = new Axiom({ token: "xapt-de148666-69ba-4e54-80ce-223135b25338" });'],
      negative: ['AXIOM_TOKEN=xaat-<token>', 'const axiom = new Axiom({ token: process.env.AXIOM_TOKEN });'],
    },
  },
];
