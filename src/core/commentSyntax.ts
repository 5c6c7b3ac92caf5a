/** Line-comment tokens by VS Code language id, for inserting `leakproof-ignore` comments. */
const LINE_COMMENT: Readonly<Record<string, string>> = {
  javascript: '//', typescript: '//', javascriptreact: '//', typescriptreact: '//', java: '//', csharp: '//',
  go: '//', rust: '//', c: '//', cpp: '//', kotlin: '//', swift: '//', dart: '//', scala: '//', php: '//',
  jsonc: '//', groovy: '//', 'objective-c': '//', fsharp: '//', vue: '//', svelte: '//',
  python: '#', ruby: '#', shellscript: '#', yaml: '#', dockercompose: '#', dockerfile: '#', toml: '#',
  perl: '#', r: '#', makefile: '#', powershell: '#', properties: '#', dotenv: '#', ini: '#', elixir: '#',
  terraform: '#', hcl: '#', nix: '#', julia: '#', coffeescript: '#',
  sql: '--', lua: '--', haskell: '--',
  bat: 'REM', vb: "'", clojure: ';', lisp: ';', erlang: '%', latex: '%', matlab: '%',
};

/** The token, or undefined for languages that cannot hold a comment (JSON) or are unknown. */
export function lineCommentFor(languageId: string): string | undefined {
  return LINE_COMMENT[languageId];
}

/**
 * Text to insert at the end of a line to ignore it. Trailing comments would become part of a
 * value in `.properties`/INI/dotenv-style files, so those get a comment on the line above instead.
 */
export function ignoreComment(languageId: string): { text: string; placement: 'end-of-line' | 'line-above' } | undefined {
  const token = lineCommentFor(languageId);
  if (!token) return undefined;
  const above = ['properties', 'ini', 'dotenv', 'bat', 'makefile'].includes(languageId);
  return above
    ? { text: `${token} leakproof-ignore-next-line`, placement: 'line-above' }
    : { text: ` ${token} leakproof-ignore`, placement: 'end-of-line' };
}
