// A validator for the subset of JSON Schema (draft-07) that media/leakproof.schema.json uses:
// type, properties, additionalProperties: false, required, items, enum, pattern, minLength,
// minItems, minimum, maximum and local `#/definitions/…` refs. Enough to give precise messages
// without a dependency; the same schema gives completion in VS Code.

export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly minItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly $ref?: string;
  readonly definitions?: Readonly<Record<string, JsonSchema>>;
}

/** Returns messages like `/rules/0/id: must match ^[a-z0-9]+…$`; empty when valid. */
export function validateJson(value: unknown, schema: JsonSchema): string[] {
  const errors: string[] = [];
  walk(value, schema, schema, '', errors);
  return errors;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function walk(v: unknown, s: JsonSchema, root: JsonSchema, at: string, errors: string[]): void {
  if (s.$ref) {
    const name = /^#\/definitions\/(.+)$/.exec(s.$ref)?.[1];
    const target = name ? root.definitions?.[name] : undefined;
    if (target) walk(v, target, root, at, errors);
    return;
  }
  const where = at || '/';
  if (s.type) {
    const allowed = typeof s.type === 'string' ? [s.type] : s.type;
    const t = typeOf(v);
    if (!allowed.includes(t) && !(t === 'integer' && allowed.includes('number'))) {
      errors.push(`${where}: must be ${allowed.map(article).join(' or ')}, not ${article(t)}`);
      return;
    }
  }
  if (s.enum && !s.enum.includes(v)) errors.push(`${where}: must be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  if (typeof v === 'string') {
    if (s.minLength !== undefined && v.length < s.minLength) errors.push(`${where}: must not be empty`);
    if (s.pattern && !new RegExp(s.pattern).test(v)) errors.push(`${where}: must match ${s.pattern}`);
  }
  if (typeof v === 'number') {
    if (s.minimum !== undefined && v < s.minimum) errors.push(`${where}: must be ≥ ${s.minimum}`);
    if (s.maximum !== undefined && v > s.maximum) errors.push(`${where}: must be ≤ ${s.maximum}`);
  }
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) errors.push(`${where}: needs at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}`);
    if (s.items) v.forEach((item, i) => walk(item, s.items!, root, `${at}/${i}`, errors));
  } else if (v !== null && typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    for (const key of s.required ?? []) if (!(key in obj)) errors.push(`${where}: missing required property "${key}"`);
    for (const [key, val] of Object.entries(obj)) {
      const sub = s.properties?.[key];
      if (sub) walk(val, sub, root, `${at}/${key}`, errors);
      else if (s.additionalProperties === false) {
        const known = Object.keys(s.properties ?? {}).filter((k) => k !== '$schema');
        errors.push(`${where}: unknown property "${key}" (expected one of: ${known.join(', ')})`);
      }
    }
  }
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}
