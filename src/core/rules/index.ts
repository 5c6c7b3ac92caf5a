import type { Rule } from '../types';
import { rules as aws } from './aws';
import { rules as cloud } from './cloud';
import { rules as codeHosts } from './codeHosts';
import { rules as payments } from './payments';
import { rules as messaging } from './messaging';
import { rules as ai } from './ai';
import { rules as data } from './data';
import { rules as monitoring } from './monitoring';
import { rules as identity } from './identity';
import { rules as cryptoMaterial } from './cryptoMaterial';
import { rules as saas } from './saas';
import { rules as generic } from './generic';

/** Every built-in rule, one file per provider family. Generic (context-only) rules last. */
export const RULE_FAMILIES: Readonly<Record<string, readonly Rule[]>> = {
  aws, cloud, codeHosts, payments, messaging, ai, data, monitoring, identity, cryptoMaterial, saas, generic,
};

export const BUILTIN_RULES: readonly Rule[] = Object.values(RULE_FAMILIES).flat();
