import type { Rule } from '../types';

// Token formats: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
// Key IDs are base32 after a 4-letter type prefix (AKIA long-term, ASIA temporary (STS)).
const ROTATE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console';

export const rules: readonly Rule[] = [
  {
    id: 'aws-access-key-id',
    envName: 'AWS_ACCESS_KEY_ID',
    title: 'AWS access key ID',
    provider: 'AWS',
    confidence: 'high',
    pattern: /\b((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})\b/,
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    minEntropy: 3,
    docs: ROTATE,
    advice: 'An AWS access key ID grants API access with its secret key. Deactivate it in IAM, create a new one and load it from the environment.',
    examples: {
      positive: ['const k = "AKIAQ3EGUMZ7K4HL2NFW";', 'aws_access_key_id = ASIAY34FZKBOKMUTVV7A'],
      negative: [
        'const k = "AKIAIOSFODNN7EXAMPLE";',
        'const k = "your-aws-key-here";',
        'const k = "AKIAXXXXXXXXXXXXXXXX";',
        'const k = "AKIA1234567890123456";',
      ],
    },
  },
  {
    id: 'aws-secret-access-key',
    envName: 'AWS_SECRET_ACCESS_KEY',
    title: 'AWS secret access key',
    provider: 'AWS',
    confidence: 'high',
    pattern: /(?:aws_?secret_?(?:access_?)?key|secret_?access_?key|aws_?secret)\w*["']?\s*(?::|=>?|:=)\s*["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/i,
    keywords: ['secret_access_key', 'secretaccesskey', 'aws_secret', 'awssecret', 'secret-access-key'],
    minEntropy: 4,
    docs: ROTATE,
    advice: 'The secret half of an AWS access key signs every request. Rotate the key pair in IAM and read it from the environment or a profile.',
    examples: {
      positive: [
        'aws_secret_access_key = q8Zt3RbP0vXw1NcY7kLmA2sD9fGhJ4uE6iOpTzV5',
        '"AWS_SECRET_ACCESS_KEY": "Xb2Lq9Pz+Rt4Wv7Yc1Nm3Kd8Fg5Hj0Ts6Ue/Ao2I"',
      ],
      negative: [
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}',
        'aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]',
      ],
    },
  },
  {
    id: 'aws-session-token',
    title: 'AWS session token',
    provider: 'AWS',
    envName: 'AWS_SESSION_TOKEN',
    confidence: 'high',
    // Temporary (STS) credentials: a long base64 blob, usually starting with the encoded
    // "origin"/"aws" preamble (IQoJb3JpZ2lu…, FwoGZXIvYXdz…).
    pattern: /(?:aws_?session_?token|aws_?security_?token|sessionToken)["']?\s*(?::|=>?|:=)\s*["']?(?<secret>[A-Za-z0-9/+]{100,2000}={0,2})(?![A-Za-z0-9/+=])/i,
    keywords: ['session_token', 'sessiontoken', 'security_token', 'securitytoken'],
    minEntropy: 4.5,
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_disable-perms.html',
    advice: 'A temporary AWS session token works with its key pair until it expires (up to 36 hours). Revoke the role session if it leaked, and never commit temporary credentials.',
    examples: {
      positive: [
        'aws_session_token = IQoJb3JpZ2luX2VjEF2vu6jBgXT+g4/1nUpvFYQFQhenu1DIP+0UU2YBsO+gNeVuKCD6cyKKenx5hHrhXxlNyHRLKwCDDE1G/0p1+z5rWbRfPw39HpyG4f3RZRuzMVRH8MGRS/zWWECp48x1QdskSthxbfRFsRuh2yvq+gTM65APEqhTbr9+h5Oe4NueG7OSGSw3AJWlr3yGdtitJYnLnnyJU3CazmYgUvokKaVwx+fBrsDoeymcwAy1Tfs5CFBOLL3FsBU',
        '"SessionToken": "FwoGZXIvYXdzEq74EqhZRLLL2c9khOMuAyjMyx7jD2e6G62eKfdHXBW2zm3D4CgXHQeTB/pdRWBehymQTcZwvnx/JeUW8hWyZvZn+IrSLLZubWKVscMKGQ/UqbuEnK3lAvIqK5wNztTH+NHVPA9DxRY+qzCg2kcYcpjgUjkXJPXhpVcEakUom1mRwEjcH+IYL579dRShisTQX/15qb"',
      ],
      negative: [
        'aws_session_token = ${AWS_SESSION_TOKEN}',
        'sessionToken: session.credentials.sessionToken',
      ],
    },
  },
  {
    id: 'aws-mws-auth-token',
    title: 'Amazon MWS auth token',
    provider: 'AWS',
    envName: 'MWS_AUTH_TOKEN',
    confidence: 'high',
    // Amazon Marketplace Web Service: `amzn.mws.` + a UUID.
    pattern: /\b(amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/,
    keywords: ['amzn.mws.'],
    docs: 'https://developer-docs.amazon.com/sp-api/docs/authorizing-selling-partner-api-applications',
    advice: 'An MWS auth token lets an application act for a seller account. Revoke the developer authorisation in Seller Central and keep the token out of code.',
    examples: {
      positive: ['mws_token = "amzn.mws.1cacdb7c-5f3c-e113-338e-f9e1ca6101dc"', 'MWS_AUTH_TOKEN=amzn.mws.78dbe4c1-ddf6-12ed-8dd3-fda0dba2bfb8'],
      negative: ['token = "amzn.mws.<token>"', 'docs: amzn.mws.1234 is not a token'],
    },
  },
  {
    id: 'aws-appsync-api-key',
    title: 'AWS AppSync API key',
    provider: 'AWS',
    envName: 'APPSYNC_API_KEY',
    confidence: 'medium',
    // AppSync API keys: `da2-` + 26 lower-case alphanumerics. Often shipped to browsers by design,
    // hence medium: still worth keeping out of the repository and rotating.
    pattern: /\b(da2-[a-z0-9]{26})\b/,
    keywords: ['da2-'],
    minEntropy: 3.5,
    docs: 'https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#api-key-authorization',
    advice: 'An AppSync API key authorises GraphQL calls until it expires. Rotate it in the AppSync console and load it from configuration.',
    examples: {
      positive: ['aws_appsync_apiKey: "da2-6rdpkrc32aw8truv6k03aqd88m"', "const apiKey = 'da2-9a1uiwh1pwu3k4vg7uyljoywwi';"],
      negative: ['apiKey: "da2-xxxxxxxxxxxxxxxxxxxxxxxxxx"', 'id = "da2-short"'],
    },
  },
];
