import type { Rule, Validation } from '../types';
import { decodeBase64Json } from '../validators/base64Json';
import { decodeBase64Prefix } from '../validators/base64Text';

// Cloud and hosting platforms. Token formats:
// Google API keys / service accounts: https://cloud.google.com/docs/authentication/api-keys
//   and https://cloud.google.com/iam/docs/keys-create-delete (service-account JSON key file)
// Azure: https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage
//   and https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview
// DigitalOcean: https://docs.digitalocean.com/reference/api/create-personal-access-token/
// Cloudflare: https://developers.cloudflare.com/fundamentals/api/get-started/keys/
// Heroku: https://devcenter.heroku.com/articles/authentication
// Netlify, Fly.io, Render, Vercel, Railway: each platform's "access tokens" page, linked per rule.
// Alibaba: https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair
// Tencent: https://www.tencentcloud.com/document/product/598/32675
// Yandex: https://yandex.cloud/en/docs/iam/concepts/authorization/api-key
// Patterns cross-checked against gitleaks' rule set (cmd/generate/config/rules).

/** A value without a prefix of its own, found by the name it is assigned to (`NAME=v`, `name: v`, `--name v`). */
function keyed(context: string, value: string): RegExp {
  return new RegExp(
    `(?:${context})[\\w.-]{0,25}?["'\`]?\\s{0,3}(?:[:=]{1,2}>?|\\s)\\s{0,3}["'\`]?(?<secret>${value})(?![\\w+/=-])`,
    'i',
  );
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A base64-encoded service-account key file: decode and check it is one. */
function gcpServiceAccountBase64(secret: string): Validation {
  const json = decodeBase64Json(secret);
  if (json) return json.type === 'service_account' && (typeof json.private_key === 'string' || typeof json.private_key_id === 'string') ? 'valid' : 'reject';
  // Truncated copies still decode to the start of the file.
  return decodeBase64Prefix(secret, 120)?.includes('service_account') ? 'invalid' : 'reject';
}

const GCP_KEYS = 'https://console.cloud.google.com/apis/credentials';
const GCP_SA = 'https://cloud.google.com/iam/docs/keys-create-delete#deleting';
const AZURE_STORAGE = 'https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage#manually-rotate-access-keys';

export const rules: readonly Rule[] = [
  {
    id: 'gcp-api-key',
    title: 'Google API key',
    provider: 'Google Cloud',
    confidence: 'high',
    pattern: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/,
    keywords: ['aiza'],
    minEntropy: 3.5,
    docs: GCP_KEYS,
    advice: 'A Google API key (Maps, Gemini, Firebase, Cloud APIs) bills usage to your project. Restrict or regenerate it in the Cloud console and load it from the environment.',
    examples: {
      positive: ['const GEMINI_API_KEY = "AIzanMQ5nn3yGLSwf_CcihIxguCHbaELWgBVsmL";', 'GOOGLE_MAPS_KEY=AIza9qyy01OXdeSWwPkrGKd9kwQBsIGE6pB0_9F'],
      negative: ['const key = "AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";', 'apiKey: process.env.GOOGLE_API_KEY, // starts with AIza'],
    },
  },
  {
    id: 'gcp-service-account-key',
    title: 'Google Cloud service account key file',
    provider: 'Google Cloud',
    confidence: 'high',
    // The key file's fields come in a fixed order: type, project_id, private_key_id, private_key.
    pattern: /"type"\s*:\s*"service_account"[\s\S]{0,300}?"private_key_id"\s*:\s*"(?<secret>[a-f0-9]{40})"/,
    keywords: ['service_account'],
    minEntropy: 3,
    docs: GCP_SA,
    advice: 'A service-account JSON key grants its IAM roles to whoever holds it. Delete the key in IAM, create a new one if needed, and keep the file out of the repository (prefer workload identity).',
    examples: {
      positive: [
        '{\n  "type": "service_account",\n  "project_id": "acme-prod-2817",\n  "private_key_id": "ec1cbcbacdbbaed1ac1691cb6852b0ea640e30bd",\n  "client_email": "ci@acme-prod-2817.iam.gserviceaccount.com"\n}',
        'creds = {"type": "service_account", "project_id": "billing", "private_key_id": "9776f50dac9d28a3d767183b304c8c7234a218f3"}',
      ],
      negative: [
        '{"type": "service_account", "project_id": "acme", "private_key_id": ""}',
        '{"type": "authorized_user", "quota_project_id": "acme-prod"}',
      ],
    },
  },
  {
    id: 'gcp-service-account-base64',
    title: 'Google Cloud service account key (base64)',
    provider: 'Google Cloud',
    confidence: 'high',
    // `{\n  "type": "service_account"` (pretty) and `{"type":"service_account"` / `{"type": "…` (compact), base64.
    pattern: /\b((?:ewogICJ0eXBlIjogInNlcnZpY2VfYWNjb3VudC|eyJ0eXBlIjoic2VydmljZV9hY2NvdW50I|eyJ0eXBlIjogInNlcnZpY2VfYWNjb3VudC)[A-Za-z0-9+/]{60,8000}={0,2})/,
    keywords: ['ewogicj0exblijoginnlcnzpy2vfywnjb3vudc', 'eyj0exblijoic2vydmljzv9hy2nvdw50i', 'eyj0exblijoginnlcnzpy2vfywnjb3vudc'],
    validate: gcpServiceAccountBase64,
    docs: GCP_SA,
    advice: 'This is a whole service-account key file, base64-encoded (often for a CI variable). Delete the key in IAM and store the encoded file as a CI secret, never in the repository.',
    examples: {
      positive: ['GCP_SA_KEY_B64=ewogICJ0eXBlIjogInNlcnZpY2VfYWNjb3VudCIsCiAgInByb2plY3RfaWQiOiAiYWNtZS1wcm9kLTc4NjciLAogICJwcml2YXRlX2tleV9pZCI6ICIzZWMxMGRlMGFhYTYxNmJhM2QxZDVhNjYwYTJlNWY5NjVlZDRmZWM4IiwKICAicHJpdmF0ZV9rZXkiOiAiLS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tXG5NSUlFdjV6SFhEbmdVTGZUWG1WakhoUS95ZXlROGh1VU9FbDR0V0REckQvMzdOaFdPd3FCVHlPMzYxb1g5NDMrbkFiNlh2QjdkVC9xemQvTmRTSTh5VTU3YnArbWhISFZyZjUwcDh1dUlPMVJpWWpDdC9qSG8yK3VJYWZxNFxuLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLVxuIiwKICAiY2xpZW50X2VtYWlsIjogImRlcGxveWVyQGFjbWUtcHJvZC5pYW0uZ3NlcnZpY2VhY2NvdW50LmNvbSIsCiAgImNsaWVudF9pZCI6ICI2MTQwMTI3MjgzNDI1ODA0MDA3NTQiCn0=', 'credentials: "eyJ0eXBlIjoic2VydmljZV9hY2NvdW50IiwicHJvamVjdF9pZCI6ImJpbGxpbmctZHlzem9iIiwicHJpdmF0ZV9rZXlfaWQiOiIxMmRiMmVmMjhjNDY1MWIyMGZjMDk3MzFhNDEyZDY2Yzc4NjBmNTcxIiwicHJpdmF0ZV9rZXkiOiItLS0tLUJFR0lOIFBSSVZBVEUgS0VZLS0tLS1cbk1JSUV2Qm15a1kyQTMwa29NTk9uRlVLNzVyaVJYNEl2NlZtVVhPcVArbG43SmJvS3NxWGo5azFTZDdzY3NOS2x1S3lpcWNXc2JaWGRHOHJWcmp1a1hcbi0tLS0tRU5EIFBSSVZBVEUgS0VZLS0tLS1cbiIsImNsaWVudF9lbWFpbCI6ImNpQGJpbGxpbmcuaWFtLmdzZXJ2aWNlYWNjb3VudC5jb20ifQ=="'],
      negative: ['GCP_SA_KEY_B64: ${{ secrets.GCP_SA_KEY_B64 }}', 'echo "$GCP_SA_KEY" | base64 -d > key.json'],
    },
  },
  {
    id: 'gcp-oauth-access-token',
    title: 'Google OAuth access token',
    provider: 'Google Cloud',
    confidence: 'medium',
    pattern: /\b(ya29\.[0-9A-Za-z_-]{50,2048})(?![0-9A-Za-z_-])/,
    keywords: ['ya29.'],
    minEntropy: 4,
    docs: 'https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke',
    advice: 'A Google OAuth access token acts as the signed-in user or service account for about an hour. Revoke it, and have code obtain tokens at run time instead of pasting them.',
    examples: {
      positive: ['curl -H "Authorization: Bearer ya29.5NIRnlHOQWyfmNGZQaBBRdWMt0VZI3MfPURAjIlmIrTLgaSzXtVMWfsl9-vHumqiLzwyl45QhUTLAA26OMfhwWRBExQFvHXUIAXqfpCcydy87KhA6uN7oElkIR35V7wPBN45aJnEVuG8FXMpp7c-qN0rrxCmnSWf" https://www.googleapis.com/drive/v3/files', 'token = "ya29.yfID9ysqOY5bGujz4TverCZVN4qe3ZaeZOOeMub5Okm-EOykuqtSapLfV1Y56tzue14Kmi6fnAoouXAju7ESV_LP74o3Xcgl0kG_b93T0gW4fd6vuiqET8vj"'],
      negative: ['token = "ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', '# access tokens start with ya29. and expire after an hour'],
    },
  },
  {
    id: 'azure-storage-account-key',
    title: 'Azure storage account key',
    provider: 'Azure',
    confidence: 'high',
    pattern: /(?:(?:DefaultEndpointsProtocol|AccountName)=[^;"'\s]{1,100};\s*(?:AccountName=[^;"'\s]{1,100};\s*)?AccountKey=|azure[\w.-]{0,20}?(?:storage|account)[\w.-]{0,10}?key[\w.-]{0,10}?["']?\s{0,3}[:=]\s{0,3}["']?)([A-Za-z0-9+/]{86}==)/i,
    keywords: ['accountkey', 'azure'],
    minEntropy: 4.5,
    docs: AZURE_STORAGE,
    advice: 'An Azure storage account key gives full control of every blob, queue, table and file share in the account. Rotate the key in the portal and use managed identity or a SAS with short expiry instead.',
    examples: {
      positive: [
        'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=c4/owywTe/aT9KOcGgA/DwSMjWyeciWetwN02JJ6Qfurh0ktP3EyJVY1Ugrl1IvHiTB0PDp520S0pQar/nrzfn==;EndpointSuffix=core.windows.net"',
        'azure_storage_key: bfTe2AOowb1cG2RiF5PcIRNlXroH0qPK+lRiT6Zp9PzULQjbpx0zCeRWFAv6XJoiA6ZClWj3bfh3WkP521jNg+==',
      ],
      negative: [
        'DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=${AZURE_STORAGE_KEY}',
        'UseDevelopmentStorage=true',
      ],
    },
  },
  {
    id: 'azure-cosmos-db-key',
    title: 'Azure Cosmos DB account key',
    provider: 'Azure',
    confidence: 'high',
    pattern: /(?:AccountEndpoint=https:\/\/[\w.-]{1,100}\.documents\.azure\.com[^;\s"']{0,10};\s*AccountKey=|cosmos[\w.-]{0,20}?(?:master|primary|secondary|account|db)?[_-]?key[\w.-]{0,10}?["']?\s{0,3}[:=]\s{0,3}["']?)([A-Za-z0-9+/]{86}==)/i,
    keywords: ['documents.azure.com', 'cosmos'],
    minEntropy: 4.5,
    docs: 'https://learn.microsoft.com/en-us/azure/cosmos-db/database-security#primary-keys',
    advice: 'A Cosmos DB primary key allows reading and writing every database in the account. Regenerate it in the portal (Keys blade) and switch clients to Entra ID (RBAC) authentication.',
    examples: {
      positive: [
        'COSMOS_CONNECTION="AccountEndpoint=https://acme-orders.documents.azure.com:443/;AccountKey=CttD2wtP+RpbMvgN6ZJqmeGqeDLd5qB+G1aZdpmI4H+MeiWBq8bjQgVjQd20I8624CX22uyqBATAYIDgBtdfD5==;"',
        'cosmos_primary_key = "/m0I0ohT3lOJ4ilnCY/SJDrXgtuY+wpweXaPHq4i7OLq8vDgn07qm5BrqRD5AgH+PU5DMMxCz/V/6XyhP3l0Td=="',
      ],
      negative: ['AccountEndpoint=https://localhost:8081/;AccountKey=${COSMOS_KEY}', 'cosmos_key = os.environ["COSMOS_KEY"]'],
    },
  },
  {
    id: 'azure-shared-access-key',
    title: 'Azure Service Bus / Event Hubs shared access key',
    provider: 'Azure',
    confidence: 'high',
    // Service Bus, Event Hubs, IoT Hub and Relay share the `SharedAccessKeyName=…;SharedAccessKey=` form.
    pattern: /\bSharedAccessKey\s*=\s*([A-Za-z0-9+/]{42,43}=)(?![A-Za-z0-9+/=])/,
    keywords: ['sharedaccesskey='],
    minEntropy: 4,
    docs: 'https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas#regenerating-keys',
    advice: 'A shared access key signs tokens for a Service Bus, Event Hubs or IoT Hub namespace with the policy\'s rights. Regenerate the key on the policy and prefer managed identity.',
    examples: {
      positive: [
        'SERVICEBUS_CONNECTION=Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=4vesjSEdgdWiQyAbyh24pYZE7JnBG4MREjbXTg/UcrC=',
        '"EventHub": "Endpoint=sb://telemetry.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=L+Htdjg7Hocu5Lmy4Zd7SJXsCRKZPBJ9OtvP/g2J1Nm=;EntityPath=events"',
      ],
      negative: [
        'Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=<key>',
        'Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${SB_KEY}',
      ],
    },
  },
  {
    id: 'azure-sas-token',
    title: 'Azure shared access signature',
    provider: 'Azure',
    confidence: 'medium',
    // `sv=` (service version) comes before `sig=` in every SAS the SDKs and the portal produce.
    pattern: /[?&;]sv=\d{4}-\d\d-\d\d&[^\s"'<>]{0,400}?\bsig=(?<secret>[A-Za-z0-9%+/]{40,140}={0,2})/,
    keywords: ['sig='],
    minEntropy: 4,
    docs: 'https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview#best-practices-when-using-sas',
    advice: 'A SAS URL grants whatever permissions it lists until it expires, to anyone holding it. Revoke it by rotating the signing key (or its stored access policy) and issue short-lived SAS at run time.',
    examples: {
      positive: [
        'const url = "https://acme.blob.core.windows.net/exports/report.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01T00:00:00Z&spr=https&sig=lATHnhtFlQDka59KT3p24VJnTjNSggvkyjHlkBVS3AK%3D";',
        'BLOB_SAS=?sv=2021-06-08&sr=c&sp=rl&se=2025-12-31&sig=YChHHPTZ7SajDmWezzfeCB1tVD2o01v9T670RICY%2BadI%3D',
      ],
      negative: ['https://acme.blob.core.windows.net/exports/report.csv?sv=2022-11-02&sp=r&sig=${SAS_SIG}', 'sas = f"?sv={version}&sig={signature}"'],
    },
  },
  {
    id: 'azure-function-key',
    title: 'Azure Functions key',
    provider: 'Azure',
    confidence: 'medium',
    pattern: /(?:\.azurewebsites\.net\/api\/[^\s"'?#]{1,200}\?(?:[^\s"'#]{0,200}&)?code=|x-functions-key["']?\s{0,3}[:=,]\s{0,3}["']?)(?<secret>[A-Za-z0-9_/+-]{40,100}={0,2})/i,
    keywords: ['azurewebsites.net', 'x-functions-key'],
    minEntropy: 4,
    docs: 'https://learn.microsoft.com/en-us/azure/azure-functions/function-keys-how-to#renew-or-regenerate-access-keys',
    advice: 'A function key lets anyone call the HTTP-triggered function (a host key: every function in the app). Renew the key in the portal and keep it in app settings or the caller\'s secret store.',
    examples: {
      positive: [
        'fetch("https://acme-jobs.azurewebsites.net/api/ingest?code=HlNKAMAB2pPOm6yAjXJHpE4V24NCVr9ayapY6iDJ0QrV8pjXaGrNpH==")',
        'headers = {"x-functions-key": "8UeORvUTq2VtSS1Zew0c6Dd31rsa1xOkDf9Nvvvz8QJ4C6BCOuqkeFgC"}',
      ],
      negative: ['fetch(`https://acme-jobs.azurewebsites.net/api/ingest?code=${process.env.FUNC_KEY}`)', 'headers = {"x-functions-key": os.environ["FUNC_KEY"]}'],
    },
  },
  {
    id: 'azure-openai-api-key',
    title: 'Azure OpenAI / AI services key',
    provider: 'Azure',
    confidence: 'medium',
    pattern: keyed('azure[_.-]?(?:openai|ai|cognitive)[\\w.-]{0,20}?key|ocp-apim-subscription-key', '[a-f0-9]{32}|[A-Za-z0-9]{84}'),
    keywords: ['azure', 'ocp-apim-subscription-key'],
    minEntropy: 3.3,
    docs: 'https://learn.microsoft.com/en-us/azure/ai-services/authentication#regenerate-keys',
    advice: 'An Azure OpenAI (AI services) key lets anyone call your deployments on your quota and bill. Regenerate Key 1/Key 2 in the resource and use Entra ID authentication or the environment.',
    examples: {
      positive: ['AZURE_OPENAI_API_KEY=f0794f1c8d67c2da4cb2dde47dcbe0fa', 'client = AzureOpenAI(azure_endpoint=ep, api_version="2024-06-01")  # azure_openai_key: "OgbZQLacg17AhlMPAEaDTCX4fuYT2vHNmjnH5fa2xt6qubF0kBMm9mJ2JeD1z8bsl8rSJwE48QkmQKUzsDKJ"'],
      negative: ['AZURE_OPENAI_API_KEY=<your-azure-openai-key>', 'azure_openai_key = os.getenv("AZURE_OPENAI_API_KEY")'],
    },
  },
  {
    id: 'azure-container-registry-password',
    title: 'Azure Container Registry password',
    provider: 'Azure',
    confidence: 'high',
    // Registry passwords and tokens carry a `+ACR` marker before a 6-character tail.
    pattern: /(?<![A-Za-z0-9+/])([A-Za-z0-9+/]{42}\+ACR[A-Za-z0-9]{6})(?![A-Za-z0-9+/=])/,
    keywords: ['+acr'],
    minEntropy: 4,
    docs: 'https://learn.microsoft.com/en-us/azure/container-registry/container-registry-authentication#admin-account',
    advice: 'An ACR password lets anyone pull (and often push) images in the registry. Regenerate it (or the repository-scoped token) and use a service principal or managed identity.',
    examples: {
      positive: ['docker login acme.azurecr.io -u acme -p wCb2vGktydDZNHxRMfKNKHXc6qx1MJ1VHPSbC8D9CZ+ACR44OYQb', 'ACR_PASSWORD="8JDlPCxYbXJoi2eF8LqVYOavAqFud9TtfwIwaXtOBG+ACREnmGsi"'],
      negative: ['docker login acme.azurecr.io -u acme -p "$ACR_PASSWORD"', 'The admin password ends with +ACR and six characters.'],
    },
  },
  {
    id: 'digitalocean-personal-access-token',
    title: 'DigitalOcean personal access token',
    provider: 'DigitalOcean',
    confidence: 'high',
    pattern: /\b(dop_v1_[a-f0-9]{64})\b/,
    keywords: ['dop_v1_'],
    minEntropy: 3,
    docs: 'https://cloud.digitalocean.com/account/api/tokens',
    advice: 'A DigitalOcean token can create, read and destroy droplets, databases and DNS in the team. Delete it under API > Tokens and load a new one from the environment.',
    examples: {
      positive: ['DIGITALOCEAN_TOKEN=dop_v1_41a96a5ca55ac4eb3630283f461a9161419580b130d6380bd825f743cdf36605', 'doctl auth init --access-token dop_v1_9b9923f1e3e83cb279eab65231196a71b2f4955a6170e8b362cb7bf4d238d184'],
      negative: ['DIGITALOCEAN_TOKEN=dop_v1_<token>', 'DIGITALOCEAN_TOKEN=${{ secrets.DO_TOKEN }}'],
    },
  },
  {
    id: 'digitalocean-oauth-token',
    title: 'DigitalOcean OAuth access token',
    provider: 'DigitalOcean',
    confidence: 'high',
    pattern: /\b(doo_v1_[a-f0-9]{64})\b/,
    keywords: ['doo_v1_'],
    minEntropy: 3,
    docs: 'https://docs.digitalocean.com/reference/api/oauth/#revoke',
    advice: 'A DigitalOcean OAuth token acts for the user who authorised the app. Revoke it and have the app request tokens at run time.',
    examples: {
      positive: ['"access_token": "doo_v1_0c6d781fb3528cf647e86690870a60dd484995ddee6747187510da6dd6688e4a"', 'token: doo_v1_5158c50cf3d28875d7ad233f3e6efb706cce56e07976b5b7bf329e0780a2a9d2'],
      negative: ['"access_token": "doo_v1_..."', 'token: doo_v1_${TOKEN}'],
    },
  },
  {
    id: 'digitalocean-refresh-token',
    title: 'DigitalOcean OAuth refresh token',
    provider: 'DigitalOcean',
    confidence: 'high',
    pattern: /\b(dor_v1_[a-f0-9]{64})\b/,
    keywords: ['dor_v1_'],
    minEntropy: 3,
    docs: 'https://docs.digitalocean.com/reference/api/oauth/#revoke',
    advice: 'A refresh token mints new DigitalOcean access tokens for as long as the grant lives. Revoke the grant and store refresh tokens only in a secret store.',
    examples: {
      positive: ['"refresh_token": "dor_v1_815a0d5edb1b76ceaea0a25e5eac8044cf6b2a7ce624d72340d33b5507cfe09f"', 'DO_REFRESH=dor_v1_0e1e246d735435371adf2abe7f00b7977e885bbd8a4b833586c0a019fe679798'],
      negative: ['"refresh_token": "dor_v1_xxxx"', 'DO_REFRESH=${DO_REFRESH}'],
    },
  },
  {
    id: 'cloudflare-api-token',
    title: 'Cloudflare API token',
    provider: 'Cloudflare',
    confidence: 'medium',
    pattern: keyed('cloudflare[\\w.-]{0,20}?(?:api)?[_-]?token|\\bcf[_-]api[_-]?token', '[A-Za-z0-9_-]{40}'),
    keywords: ['cloudflare', 'cf_api', 'cf-api'],
    minEntropy: 3.5,
    docs: 'https://dash.cloudflare.com/profile/api-tokens',
    advice: 'A Cloudflare API token can change DNS, WAF and Workers within its scopes. Roll or delete it under My Profile > API Tokens and read it from the environment.',
    examples: {
      positive: ['CLOUDFLARE_API_TOKEN=CKpxoxcFfB25S6avJB_Tx_U6OFdNxbVK2iP4VGbl', 'export CF_API_TOKEN="CNKqBegVXCY9JRF6uC2gcL4TqEjcldtI4mnfzguB"'],
      negative: ['CLOUDFLARE_API_TOKEN=${{ secrets.CLOUDFLARE_API_TOKEN }}', 'cloudflare_api_token = var.cloudflare_api_token'],
    },
  },
  {
    id: 'cloudflare-global-api-key',
    title: 'Cloudflare global API key',
    provider: 'Cloudflare',
    confidence: 'high',
    pattern: keyed('cloudflare[\\w.-]{0,20}?(?:api)?[_-]?key|\\bcf[_-]api[_-]?key|x-auth-key', '[a-f0-9]{37}'),
    keywords: ['cloudflare', 'cf_api', 'cf-api', 'x-auth-key'],
    minEntropy: 3.3,
    docs: 'https://developers.cloudflare.com/fundamentals/api/get-started/keys/#view-your-global-api-key',
    advice: 'The global API key has every permission of your Cloudflare account. Change it in My Profile > API Tokens and move integrations to scoped API tokens.',
    examples: {
      positive: ['CLOUDFLARE_API_KEY=bbba04ef1298ace15e21088bfeb68da64ee8c', 'curl -H "X-Auth-Key: 0b677ed48095f4c19558858068b919b17e89f" https://api.cloudflare.com/client/v4/zones'],
      negative: ['CLOUDFLARE_API_KEY=${CF_KEY}', 'curl -H "X-Auth-Key: $CF_KEY" https://api.cloudflare.com/client/v4/zones'],
    },
  },
  {
    id: 'cloudflare-origin-ca-key',
    title: 'Cloudflare Origin CA key',
    provider: 'Cloudflare',
    confidence: 'high',
    pattern: /\b(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})\b/,
    keywords: ['v1.0-'],
    minEntropy: 3,
    docs: 'https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/',
    advice: 'An Origin CA key issues and revokes origin certificates for your zones. Regenerate it in My Profile > API Tokens.',
    examples: {
      positive: ['CF_ORIGIN_CA_KEY=v1.0-991066208cdaf2a3c2c8046c-de242fbd95a6a986738f77bbbfd5ccc4fa68aef4689118b59318692bab0af659f827cadee50527e851e4d669c314f23a79fbc99e6718f57e46de12721b03543b065405380940e611d3', 'origin_ca_key: "v1.0-6c61cc073d6e52eabcebb607-87eb7e719baa0a34479c93779a1a118ebfdee4a2d1999bdb7d11417a8f015abc1df491d3f8eca3ee1274f46c85878880d5c47620d060e621c24156ee53c79a377b5d73585f3f706ae5"'],
      negative: ['version = "v1.0-beta"', 'CF_ORIGIN_CA_KEY=v1.0-${KEY}'],
    },
  },
  {
    id: 'heroku-api-key',
    title: 'Heroku API key',
    provider: 'Heroku',
    confidence: 'high',
    pattern: /\b(HRKU-AA[0-9A-Za-z_-]{58})(?![0-9A-Za-z_-])/,
    keywords: ['hrku-'],
    minEntropy: 4,
    docs: 'https://devcenter.heroku.com/articles/authentication#api-token-storage',
    advice: 'A Heroku API key controls every app the account can reach, including config vars. Revoke it (heroku authorizations:revoke) and use HEROKU_API_KEY from the CI secret store.',
    examples: {
      positive: ['HEROKU_API_KEY=HRKU-AAXytEekuAFoAy6aIJaMfVaRMzlVQifbX2ZEp7Z-famZM7DLMyIvJgZRtoG4', 'heroku_token: "HRKU-AAGbhWDj4uWK1N8VA9p9DUgywu8FASaPCscV0OPwMLvp1pbkvzsQeWf5_CK0"'],
      negative: ['HEROKU_API_KEY=HRKU-<token>', 'HEROKU_API_KEY=${{ secrets.HEROKU_API_KEY }}'],
    },
  },
  {
    id: 'heroku-legacy-api-key',
    title: 'Heroku API key (legacy UUID)',
    provider: 'Heroku',
    confidence: 'medium',
    pattern: keyed('heroku[\\w.-]{0,20}?(?:api)?[_-]?(?:key|token)', UUID),
    keywords: ['heroku'],
    docs: 'https://devcenter.heroku.com/articles/authentication#api-token-storage',
    advice: 'Older Heroku API keys are UUIDs and still grant full account access. Regenerate the key in Account settings and load it from the environment.',
    examples: {
      positive: ['HEROKU_API_KEY=72e7951b-ad1f-4251-81b3-83d65c4b2d04', 'heroku_api_token: "60591c4f-c9a0-40c9-88e9-c552284e585e"'],
      negative: ['HEROKU_API_KEY=$(heroku auth:token)', 'heroku_app_name: "acme-staging"'],
    },
  },
  {
    id: 'vercel-access-token',
    title: 'Vercel access token',
    provider: 'Vercel',
    confidence: 'medium',
    pattern: keyed('vercel[\\w.-]{0,20}?(?:token|key)|\\bnow[_-]token', '[A-Za-z0-9]{24}'),
    keywords: ['vercel', 'now_token', 'now-token'],
    minEntropy: 3.5,
    docs: 'https://vercel.com/account/settings/tokens',
    advice: 'A Vercel token can deploy, read environment variables and change domains for its scope. Delete it under Account Settings > Tokens and keep it in the CI secret store.',
    examples: {
      positive: ['VERCEL_TOKEN=OHVr00jbonggxLrjp4V0mzh1', 'env:\n  VERCEL_ACCESS_TOKEN: "BjJSJZJX5HIpp4aFzNwtuOd2"'],
      negative: ['VERCEL_TOKEN=${{ secrets.VERCEL_TOKEN }}', 'vercel_project_id: "prj_acme"'],
    },
  },
  {
    id: 'netlify-access-token',
    title: 'Netlify personal access token',
    provider: 'Netlify',
    confidence: 'high',
    pattern: /\b(nfp_[A-Za-z0-9_]{36,60})\b/,
    keywords: ['nfp_'],
    minEntropy: 4,
    docs: 'https://app.netlify.com/user/applications#personal-access-tokens',
    advice: 'A Netlify personal access token can deploy sites and read their environment variables. Delete it under User settings > Applications and store it as a CI secret.',
    examples: {
      positive: ['NETLIFY_AUTH_TOKEN=nfp_lvc01SmkMSDBLguKaWe3Mm43OwTibDCWCFe59ogm', 'netlify deploy --auth nfp_Bs8kh5H3xbxHGEc24ZIZfwfEbaEeKGIQpg5d'],
      negative: ['NETLIFY_AUTH_TOKEN=nfp_<token>', 'const nfp_count = 3;'],
    },
  },
  {
    id: 'netlify-legacy-access-token',
    title: 'Netlify access token (legacy)',
    provider: 'Netlify',
    confidence: 'medium',
    pattern: keyed('netlify[\\w.-]{0,20}?(?:auth|access)?[_-]?token', '[A-Za-z0-9_-]{43}'),
    keywords: ['netlify'],
    minEntropy: 4,
    docs: 'https://app.netlify.com/user/applications#personal-access-tokens',
    advice: 'A Netlify access token can deploy sites and read their environment variables. Delete it under User settings > Applications and store it as a CI secret.',
    examples: {
      positive: ['NETLIFY_AUTH_TOKEN=84cOo8SdqEPnlfbsX3a6udjo57cYnaaHRgRYnEtNGWW', 'netlify_token: "F7MaoGFeNm6TY9EvSk7v7LC3U1uHZ6E2fIwHfoW5csu"'],
      negative: ['NETLIFY_AUTH_TOKEN=${{ secrets.NETLIFY_AUTH_TOKEN }}', 'netlify_site_id: "acme-docs"'],
    },
  },
  {
    id: 'flyio-access-token',
    title: 'Fly.io access token',
    provider: 'Fly.io',
    confidence: 'high',
    pattern: /\b(fo1_[\w-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,2000}={0,3}|fm2_[A-Za-z0-9+/]{100,2000}={0,3})(?![A-Za-z0-9+/=])/,
    keywords: ['fo1_', 'fm1a_', 'fm1r_', 'fm2_'],
    minEntropy: 4,
    docs: 'https://fly.io/docs/security/tokens/',
    advice: 'A Fly.io token (org, deploy or personal) can deploy and read secrets of the apps it covers. Revoke it with `fly tokens revoke` and keep FLY_API_TOKEN in the CI secret store.',
    examples: {
      positive: ['FLY_API_TOKEN="FlyV1 fm2_d17fw6DOF5aUjcLCZyFygfCP3L8ppOqwiieQbZ9JlOOmNGNIM9jVsyuy0GVRikfZJ1QhsQAkwnyo+Bl5AM/EEoaP6FVF5uAcN0YhZNoJa7n44O+bA9MEU05EFh3hDer7+5jDdEj0rZfr"', 'fly_token: fo1_qnjRH6t6E5otdPKJFQrKvZQmv1gWQkOfaH3NCwoQM9D'],
      negative: ['FLY_API_TOKEN=$(fly tokens create deploy)', 'FLY_API_TOKEN="FlyV1 fm2_..."'],
    },
  },
  {
    id: 'render-api-key',
    title: 'Render API key',
    provider: 'Render',
    confidence: 'high',
    pattern: /\b(rnd_[A-Za-z0-9]{32})\b/,
    keywords: ['rnd_'],
    minEntropy: 3.5,
    docs: 'https://render.com/docs/api#1-create-an-api-key',
    advice: 'A Render API key manages every service in the workspace, including environment variables. Revoke it in Account Settings > API Keys.',
    examples: {
      positive: ['RENDER_API_KEY=rnd_I8XTXJgfcFf1qBEyCBbAnvE7AjbHy0ol', 'headers: { Authorization: "Bearer rnd_BCx7LVb3h9Zguzv1xe9eLUXjExdQs934" }'],
      negative: ['RENDER_API_KEY=rnd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'const rnd_seed = Math.random();'],
    },
  },
  {
    id: 'railway-token',
    title: 'Railway API token',
    provider: 'Railway',
    confidence: 'medium',
    pattern: keyed('railway[\\w.-]{0,20}?(?:api)?[_-]?token', UUID),
    keywords: ['railway'],
    docs: 'https://docs.railway.com/guides/public-api#creating-a-token',
    advice: 'A Railway token can deploy and read variables in its account, team or project. Delete it in Account Settings > Tokens (or the project\'s settings).',
    examples: {
      positive: ['RAILWAY_TOKEN=555f4fc6-25bb-4f54-857d-45161f05ca07', 'railway_api_token: "d10a26fb-befa-4cb9-8a41-b924b5f882f5"'],
      negative: ['RAILWAY_TOKEN=${{ secrets.RAILWAY_TOKEN }}', 'railway_project_name: "acme-api"'],
    },
  },
  {
    id: 'alibaba-access-key-id',
    title: 'Alibaba Cloud AccessKey ID',
    provider: 'Alibaba Cloud',
    confidence: 'high',
    pattern: /\b(LTAI[A-Za-z0-9]{12,20})\b/,
    keywords: ['ltai'],
    minEntropy: 3,
    docs: 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
    advice: 'An Alibaba Cloud AccessKey ID identifies a key pair that signs API calls. Disable the pair in the RAM console, create a new one and read both halves from the environment.',
    examples: {
      positive: ['ALIBABA_CLOUD_ACCESS_KEY_ID=LTAILrqvwr2pNHwdCPSNwBJi', 'accessKeyId: "LTAIygGSAUL5B4aZzkRc"'],
      negative: ['ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI****************', 'accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID'],
    },
  },
  {
    id: 'alibaba-access-key-secret',
    title: 'Alibaba Cloud AccessKey secret',
    provider: 'Alibaba Cloud',
    confidence: 'high',
    pattern: keyed('(?:alibaba|aliyun|alicloud)[\\w.-]{0,20}?(?:access)?[_-]?(?:key)?[_-]?secret|access[_-]?key[_-]?secret', '[A-Za-z0-9]{30}'),
    keywords: ['alibaba', 'aliyun', 'alicloud', 'accesskeysecret', 'access_key_secret', 'access-key-secret'],
    minEntropy: 3.5,
    docs: 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
    advice: 'The AccessKey secret signs Alibaba Cloud API calls as the RAM user. Disable the pair in the RAM console and use STS credentials or the environment.',
    examples: {
      positive: ['ALIBABA_CLOUD_ACCESS_KEY_SECRET=YBBBYg1cXhnj1B8xxaODx8CbTxy3cX', 'accessKeySecret: "UZcDJeC5II0OOU5kRfzDjT6DqFry9C"'],
      negative: ['ALIBABA_CLOUD_ACCESS_KEY_SECRET=${ALI_SECRET}', 'accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET'],
    },
  },
  {
    id: 'tencent-secret-id',
    title: 'Tencent Cloud SecretId',
    provider: 'Tencent Cloud',
    confidence: 'high',
    pattern: /\b(AKID[A-Za-z0-9]{32})\b/,
    keywords: ['akid'],
    minEntropy: 3.5,
    docs: 'https://www.tencentcloud.com/document/product/598/32675',
    advice: 'A Tencent Cloud SecretId identifies an API key pair. Disable the key in CAM > API Keys and load the pair from the environment.',
    examples: {
      positive: ['TENCENTCLOUD_SECRET_ID=AKID70I9swlLvDKrSEngA2RMbAYD5B5Ssxkg', 'cred = credential.Credential("AKIDXcZtyW4xdgE8pX5VG8ZV7hYZA29rDSii", secret_key)'],
      negative: ['TENCENTCLOUD_SECRET_ID=AKIDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'cred = credential.Credential(os.environ["TENCENTCLOUD_SECRET_ID"], key)'],
    },
  },
  {
    id: 'tencent-secret-key',
    title: 'Tencent Cloud SecretKey',
    provider: 'Tencent Cloud',
    confidence: 'high',
    pattern: keyed('tencent[\\w.-]{0,20}?secret[_-]?key', '[A-Za-z0-9]{32}'),
    keywords: ['tencent'],
    minEntropy: 3.5,
    docs: 'https://www.tencentcloud.com/document/product/598/32675',
    advice: 'The SecretKey signs Tencent Cloud API calls. Disable the key pair in CAM > API Keys and read it from the environment.',
    examples: {
      positive: ['TENCENTCLOUD_SECRET_KEY=cQ8CCIlfTObUgsGOLpMHNinzVG3gkCqk', 'tencent_secret_key: "HyIkvnZFsRqaBKXluKPTE6BvHs6WzvWA"'],
      negative: ['TENCENTCLOUD_SECRET_KEY=${TC_KEY}', 'tencent_secret_key: "<secret-key>"'],
    },
  },
  {
    id: 'ibm-cloud-api-key',
    title: 'IBM Cloud API key',
    provider: 'IBM Cloud',
    confidence: 'medium',
    pattern: keyed('\\bibm[\\w.-]{0,20}?(?:api)?[_-]?key|\\bic[_-]api[_-]?key', '[A-Za-z0-9_-]{44}'),
    keywords: ['ibm', 'ic_api_key', 'ic-api-key'],
    minEntropy: 4,
    docs: 'https://cloud.ibm.com/docs/account?topic=account-userapikey#delete_user_key',
    advice: 'An IBM Cloud API key logs in as its user or service ID with all of its IAM access. Delete it in Manage > Access (IAM) > API keys.',
    examples: {
      positive: ['IBMCLOUD_API_KEY=urIJsZslGFlmsLQBcy-nmcfhT35QokdrgLN6D_FByKDb', 'ic_api_key = "nspYudfFN1AysNLPnLocbHDkiMOqMCBpHxBFqbzPbBKB"'],
      negative: ['IBMCLOUD_API_KEY=${IBMCLOUD_API_KEY}', 'ibmcloud login --apikey @key.json  # IBM_API_KEY file'],
    },
  },
  {
    id: 'oracle-oci-secret-key',
    title: 'Oracle Cloud customer secret key',
    provider: 'Oracle Cloud',
    confidence: 'medium',
    pattern: keyed('\\boci[\\w.-]{0,20}?(?:secret[_-]?(?:access[_-]?)?key|auth[_-]?token)', '[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/=_.:;()<>{}#!-]{20}'),
    keywords: ['oci'],
    minEntropy: 3.5,
    docs: 'https://docs.oracle.com/en-us/iaas/Content/Identity/access/managing-user-credentials.htm',
    advice: 'An OCI customer secret key or auth token authenticates as the user (S3-compatible storage, registry, SMTP). Delete it under the user\'s credentials in the OCI console.',
    examples: {
      positive: ['OCI_SECRET_ACCESS_KEY=zHPW32oAmh4uEIkLaHWRC93uYpco3jA7VM0Y2eRs+k7=', 'oci_auth_token: "utqDXFa1SWvY(1Bu1yBG"'],
      negative: ['OCI_SECRET_ACCESS_KEY=${OCI_SECRET}', 'oci_auth_token: "<auth-token>"'],
    },
  },
  {
    id: 'linode-api-token',
    title: 'Linode (Akamai) API token',
    provider: 'Linode',
    confidence: 'medium',
    pattern: keyed('linode[\\w.-]{0,20}?(?:api)?[_-]?(?:token|key)', '[a-f0-9]{64}'),
    keywords: ['linode'],
    minEntropy: 3.3,
    docs: 'https://techdocs.akamai.com/cloud-computing/docs/manage-personal-access-tokens',
    advice: 'A Linode personal access token can manage instances, volumes and DNS within its scopes. Revoke it in Cloud Manager > API Tokens.',
    examples: {
      positive: ['LINODE_TOKEN=51a672b78016f95666230098c11f4d77112e01c20c734983668c463e03f79ee8', 'linode_api_token: "7a6559dff9492ff65bed9820ac61f807ae85a762a3a3112adf2697e98a66c080"'],
      negative: ['LINODE_TOKEN=${LINODE_TOKEN}', 'linode_region: "eu-central"'],
    },
  },
  {
    id: 'scaleway-access-key',
    title: 'Scaleway access key',
    provider: 'Scaleway',
    confidence: 'medium',
    pattern: /\b(SCW[A-Z0-9]{17})\b/,
    keywords: ['scw'],
    minEntropy: 3,
    docs: 'https://www.scaleway.com/en/docs/iam/how-to/create-api-keys/',
    advice: 'A Scaleway access key identifies an API key; its secret key grants the bearer\'s IAM permissions. Delete the API key in IAM > API keys.',
    examples: {
      positive: ['SCW_ACCESS_KEY=SCW0C8WR8OQH91AYADJD', 'access_key = "SCWM0PY9KHDA0JSPGZI0"'],
      negative: ['SCW_ACCESS_KEY=SCWXXXXXXXXXXXXXXXXX', 'SCW_DEFAULT_REGION=fr-par'],
    },
  },
  {
    id: 'scaleway-secret-key',
    title: 'Scaleway secret key',
    provider: 'Scaleway',
    confidence: 'high',
    pattern: keyed('(?:scw|scaleway)[\\w.-]{0,20}?secret[_-]?key', UUID),
    keywords: ['scw', 'scaleway'],
    docs: 'https://www.scaleway.com/en/docs/iam/how-to/create-api-keys/',
    advice: 'The Scaleway secret key authenticates API calls with the key\'s IAM permissions. Delete the API key in IAM > API keys and read SCW_SECRET_KEY from the environment.',
    examples: {
      positive: ['SCW_SECRET_KEY=ca5c2e98-5259-4dfb-8108-9bc46b0765ad', 'scaleway_secret_key: "77ac9030-2faf-40c1-8900-3d39ff02ce12"'],
      negative: ['SCW_SECRET_KEY=${SCW_SECRET_KEY}', 'scaleway_secret_key: "<secret-key>"'],
    },
  },
  {
    id: 'hetzner-cloud-token',
    title: 'Hetzner Cloud API token',
    provider: 'Hetzner',
    confidence: 'medium',
    pattern: keyed('(?:hcloud|hetzner)[\\w.-]{0,20}?(?:api)?[_-]?token', '[A-Za-z0-9]{64}'),
    keywords: ['hcloud', 'hetzner'],
    minEntropy: 4,
    docs: 'https://docs.hetzner.com/cloud/api/getting-started/generating-api-token/',
    advice: 'A Hetzner Cloud token manages every server, volume and network in the project. Delete it in the project\'s Security > API tokens.',
    examples: {
      positive: ['HCLOUD_TOKEN=AAXjtgke86B5M1CpFzqqFOBt8fl5jCENxqwZbnmqNNCxjP4iYEG93T50ECPy1p7u', 'hetzner_token: "CXXc0nuPbCRDih6z6Kx2z0mO05x2iiFqBCvb15bOk8eJdhgwMYkbvKRrt1ppGNzm"'],
      negative: ['HCLOUD_TOKEN=${HCLOUD_TOKEN}', 'hcloud_token = var.hcloud_token'],
    },
  },
  {
    id: 'vultr-api-key',
    title: 'Vultr API key',
    provider: 'Vultr',
    confidence: 'medium',
    pattern: keyed('vultr[\\w.-]{0,20}?(?:api)?[_-]?(?:key|token)', '[A-Z0-9]{36}'),
    keywords: ['vultr'],
    minEntropy: 3.5,
    docs: 'https://docs.vultr.com/platform/other/api/how-to-enable-the-vultr-api',
    advice: 'A Vultr API key manages every instance and DNS record of the account. Regenerate it in Account > API and restrict its allowed IPs.',
    examples: {
      positive: ['VULTR_API_KEY=VJ9RK8AESZ7BBQ7FIN9WC8JOJL49ONOGNUTJ', 'vultr_api_key: "XM959L9BT9PNVT14WKRACD5RH7FCBZDCPZQI"'],
      negative: ['VULTR_API_KEY=${VULTR_API_KEY}', 'vultr_plan: "vc2-1c-1gb"'],
    },
  },
  {
    id: 'yandex-cloud-api-key',
    title: 'Yandex Cloud API key',
    provider: 'Yandex Cloud',
    confidence: 'high',
    pattern: /\b(AQVN[A-Za-z0-9_-]{35,38})(?![A-Za-z0-9_-])/,
    keywords: ['aqvn'],
    minEntropy: 4,
    docs: 'https://yandex.cloud/en/docs/iam/operations/api-key/delete',
    advice: 'A Yandex Cloud API key authenticates as its service account. Delete it in the service account\'s keys and load a new one from the environment.',
    examples: {
      positive: ['YC_API_KEY=AQVNK18c98pcmPxG-lOWcIROAcawFEEjS6OMSmUt', 'headers = {"Authorization": "Api-Key AQVNtqpqhEfnxVKTG9i6igrlHFp9Aqksl71cdJFoqF"}'],
      negative: ['YC_API_KEY=AQVN<key>', 'headers = {"Authorization": f"Api-Key {api_key}"}'],
    },
  },
  {
    id: 'yandex-cloud-iam-token',
    title: 'Yandex Cloud IAM token',
    provider: 'Yandex Cloud',
    confidence: 'medium',
    pattern: /\b(t1\.[A-Za-z0-9_-]{10,200}={0,2}\.[A-Za-z0-9_-]{86}={0,2})(?![A-Za-z0-9_-])/,
    keywords: ['t1.'],
    minEntropy: 4,
    docs: 'https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token',
    advice: 'A Yandex Cloud IAM token acts as its account for up to 12 hours. Do not store it; have code obtain one at run time.',
    examples: {
      positive: ['YC_TOKEN=t1.9yKN7fGl4OT69lJElXOPSrkcc6LD11dxo_MUOFOS.MT-cTqC_WTt8qLC_Ft6FPsI_d7tyYXoiUgjwPjbWRj5fSsQfV3YkhvGUw_2InhFULQ0m37VfGqUHIzGApgoz1K', 'Authorization: Bearer t1.OGd8esNRqXWutoy1Ejkt_DM0OTsmzIdWMzDhhw-bnBvnr7vFW-0jV1cBs4gF.TKg8-xMiWIuJBAxnzCr_mzQG1Sl5l6nbxpoV2nsDp7oa-jIbTE7xxOCWV-XXrnw1M2y40OecLd6wAwr183LS_J'],
      negative: ['YC_TOKEN=$(yc iam create-token)', 'version t1.2 of the schema'],
    },
  },
  {
    id: 'yandex-cloud-static-key',
    title: 'Yandex Cloud static access key secret',
    provider: 'Yandex Cloud',
    confidence: 'high',
    pattern: keyed('(?:yandex|\\byc)[\\w.-]{0,25}?(?:secret|key)', 'YC[A-Za-z0-9_-]{38}'),
    keywords: ['yandex', 'yc_', 'yc-'],
    minEntropy: 4,
    docs: 'https://yandex.cloud/en/docs/iam/operations/sa/delete-access-key',
    advice: 'A Yandex Cloud static access key secret signs S3-compatible requests as its service account. Delete the static key and read it from the environment.',
    examples: {
      positive: ['YANDEX_S3_SECRET_KEY=YC5pYXuKlnCKJbwy5ydMHcmfW9uqKwvOTEIl-NVr', 'yc_storage_secret_key: "YCWV2cXjmupHIPVoNt8QaItHVDJA6J5IuHxAmPpy"'],
      negative: ['YANDEX_S3_SECRET_KEY=${YC_SECRET}', 'yc_storage_secret_key: "<secret>"'],
    },
  },
];
