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
];
