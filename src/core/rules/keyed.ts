// Context patterns for values that carry no prefix of their own: a 32-hex string is only a
// Datadog key when it is assigned to a name that says so (`DD_API_KEY=…`, `datadog:\n  api_key: …`,
// `--datadog-api-key …`). Every provider family builds those patterns here, so a fix to how names,
// operators or YAML nesting are recognised reaches every rule at once.

/** How far the context reaches from the name to the value. Defaults: the strict assignment form. */
export interface KeyedOptions {
  /** Name characters allowed after the matched name (`twilio` + `_AUTH_TOKEN`); default 25. */
  readonly nameTail?: number;
  /**
   * `assignment` (default): `=`, `:`, `==`, `:=`, `=>`, `::` or whitespace (`.env`, YAML, JSON, shell, CLI flags).
   * `assignmentOrArgument`: `=`, `:`, `:=`, `=>` or whitespace, and also `(` and `,` for calls (`auth("okta", v)`).
   */
  readonly operators?: 'assignment' | 'assignmentOrArgument';
  /** YAML keys allowed between the name and the value (`okta:\n  api_token: v` is one); default 0. */
  readonly nestedKeys?: number;
  /**
   * What may not follow the value, so a match is never the head of a longer token:
   * `base64` (default) also refuses `+`, `/` and `=`; `word` refuses only word characters and `-`.
   */
  readonly valueEnd?: 'base64' | 'word';
}

/** The wider context: longer names, call arguments and two nested YAML keys. */
export const WIDE_CONTEXT: KeyedOptions = { nameTail: 40, operators: 'assignmentOrArgument', nestedKeys: 2, valueEnd: 'word' };

const OPERATORS = {
  assignment: String.raw`[:=]{1,2}>?`,
  assignmentOrArgument: String.raw`:=|=>|[=:(,]`,
} as const;

const VALUE_END = {
  base64: String.raw`[\w+/=-]`,
  word: String.raw`[\w-]`,
} as const;

// A regular string, not String.raw: the class needs a literal backtick for template literals.
const QUOTE = '["\'`]?';

// The name's line may end after `name:`; the next line holds a deeper key (indented up to 12).
const NESTED_KEY = String.raw`(?:[ \t]{0,3}\r?\n[ \t]{1,12}[\w.-]{1,40}:)?`;

/**
 * The source from a name up to where its value starts (no capture groups), for rules that need the
 * context without a value, e.g. in a look-behind. `name` is regex source; the result is for flag `i`.
 */
export function keyedPrefix(name: string, options: KeyedOptions = {}): string {
  const { nameTail = 25, operators = 'assignment', nestedKeys = 0 } = options;
  const nested = NESTED_KEY.repeat(nestedKeys);
  return String.raw`(?:${name})[\w.-]{0,${nameTail}}?${QUOTE}\s{0,3}(?:${OPERATORS[operators]}|\s)${nested}\s{0,3}${QUOTE}`;
}

/**
 * `name… = value`, case-insensitive, with the value in the `secret` group. `name` and `value` are
 * regex source; alternatives in either are grouped here, so `a|b` is safe.
 */
export function keyed(name: string, value: string, options: KeyedOptions = {}): RegExp {
  const end = VALUE_END[options.valueEnd ?? 'base64'];
  return new RegExp(`${keyedPrefix(name, options)}(?<secret>${value})(?!${end})`, 'i');
}
