import * as assert from 'node:assert/strict';
import { planEnvReference } from '../../src/core/envref/idioms';
import { applyEdits } from '../../src/core/dotenv/textEdit';

// Clearly fake; the tests are about the code around it, not its format.
const S = 's3cr3t-Value_0123456789abcdef';

/** Apply the plan for the secret marked `⟦…⟧` (first occurrence) and return the new text. */
function run(languageId: string, snippet: string, name = 'API_KEY', viteProject?: boolean): string {
  const start = snippet.indexOf('⟦');
  const text = snippet.replace('⟦', '').replace('⟧', '');
  const end = snippet.indexOf('⟧') - 1;
  const plan = planEnvReference({ languageId, text, start, end, name, ...(viteProject === undefined ? {} : { viteProject }) });
  if (!plan.ok) throw new Error(`${plan.error}: ${plan.message}`);
  return applyEdits(text, plan.edits);
}

function error(languageId: string, snippet: string): string {
  const start = snippet.indexOf('⟦');
  const text = snippet.replace('⟦', '').replace('⟧', '');
  const plan = planEnvReference({ languageId, text, start, end: snippet.indexOf('⟧') - 1, name: 'API_KEY' });
  assert.equal(plan.ok, false);
  return plan.ok ? '' : plan.error;
}

describe('envref/idioms: JavaScript / TypeScript', () => {
  it('replaces a whole literal in any quote style', () => {
    assert.equal(run('javascript', `const k = "⟦${S}⟧";`), 'const k = process.env.API_KEY;');
    assert.equal(run('typescript', `const k = '⟦${S}⟧';`), 'const k = process.env.API_KEY;');
    assert.equal(run('javascript', `const k = \`⟦${S}⟧\`;`), 'const k = process.env.API_KEY;');
  });

  it('turns part of a string into a template literal, escaping backticks and ${', () => {
    assert.equal(
      run('javascript', `const u = "postgres://u:⟦${S}⟧@host/db";`, 'DB_PASSWORD'),
      'const u = `postgres://u:${process.env.DB_PASSWORD}@host/db`;',
    );
    assert.equal(run('javascript', `x = 'a\`b \${no} \\'q\\' :⟦${S}⟧'`), "x = `a\\`b \\${no} \\'q\\' :${process.env.API_KEY}`");
    assert.equal(run('typescript', `x = \`pre \${a} ⟦${S}⟧ post\``), 'x = `pre ${a} ${process.env.API_KEY} post`');
  });

  it('uses import.meta.env for Vite projects and notes the VITE_ prefix', () => {
    assert.equal(run('typescript', `const k = "⟦${S}⟧";`, 'VITE_API_KEY', true), 'const k = import.meta.env.VITE_API_KEY;');
    const plan = planEnvReference({ languageId: 'javascript', text: `k = "${S}"`, start: 5, end: 5 + S.length, name: 'API_KEY', viteProject: true });
    assert.ok(plan.ok && plan.notes.some((n) => n.includes('VITE_')));
  });

  it('wraps JSX attribute values in braces', () => {
    assert.equal(run('typescriptreact', `<Stripe apiKey="⟦${S}⟧" />`), '<Stripe apiKey={process.env.API_KEY} />');
    assert.equal(run('javascriptreact', `<Db url="pg://u:⟦${S}⟧@h" />`), '<Db url={`pg://u:${process.env.API_KEY}@h`} />');
  });

  it('is not fooled by quotes in comments and other strings', () => {
    assert.equal(run('javascript', `// it's "here"\nconst a = "it's", b = '⟦${S}⟧';`), `// it's "here"\nconst a = "it's", b = process.env.API_KEY;`);
    assert.equal(run('javascript', `/* don't */ f("⟦${S}⟧")`), '/* don\'t */ f(process.env.API_KEY)');
  });
});

describe('envref/idioms: Python', () => {
  it('replaces a whole literal and adds import os once', () => {
    assert.equal(run('python', `KEY = "⟦${S}⟧"\n`), `import os\nKEY = os.environ["API_KEY"]\n`);
    assert.equal(run('python', `import os\nKEY = '⟦${S}⟧'\n`), `import os\nKEY = os.environ["API_KEY"]\n`);
    assert.equal(run('python', `import sys, os.path\nKEY = '⟦${S}⟧'\n`), `import sys, os.path\nKEY = os.environ["API_KEY"]\n`);
  });

  it('places the import after docstring, __future__ and the import block', () => {
    const src = [
      '#!/usr/bin/env python3',
      '"""Module',
      'docstring."""',
      'from __future__ import annotations',
      '',
      'import sys',
      'from typing import (',
      '    Any,',
      ')',
      '',
      `KEY = "⟦${S}⟧"`,
      '',
    ].join('\n');
    assert.equal(
      run('python', src),
      ['#!/usr/bin/env python3', '"""Module', 'docstring."""', 'from __future__ import annotations', '', 'import sys', 'from typing import (', '    Any,', ')', 'import os', '', 'KEY = os.environ["API_KEY"]', ''].join('\n'),
    );
    assert.equal(run('python', `# -*- coding: utf-8 -*-\nKEY = "⟦${S}⟧"`), `# -*- coding: utf-8 -*-\nimport os\nKEY = os.environ["API_KEY"]`);
    assert.equal(run('python', `"""Doc."""\r\nKEY = "⟦${S}⟧"\r\n`), `"""Doc."""\r\nimport os\r\nKEY = os.environ["API_KEY"]\r\n`);
  });

  it('makes an f-string for part of a string, escaping braces and using the other quote', () => {
    assert.equal(
      run('python', `import os\nDSN = "postgres://u:⟦${S}⟧@host/{db}"`, 'DB_PASSWORD'),
      `import os\nDSN = f"postgres://u:{os.environ['DB_PASSWORD']}@host/{{db}}"`,
    );
    assert.equal(run('python', `import os\nx = f'{a}:⟦${S}⟧'`), `import os\nx = f'{a}:{os.environ["API_KEY"]}'`);
    assert.equal(run('python', `import os\nx = r"\\d:⟦${S}⟧"`), `import os\nx = rf"\\d:{os.environ['API_KEY']}"`);
    assert.equal(run('python', `import os\nx = u"a:⟦${S}⟧"`), `import os\nx = f"a:{os.environ['API_KEY']}"`);
  });

  it('refuses bytes literals', () => {
    assert.equal(error('python', `x = b"⟦${S}⟧"`), 'unsupported-literal');
  });

  it('skips strings inside triple-quoted strings and comments', () => {
    assert.equal(run('python', `import os\n# "it's"\ns = """a 'b' """\nk = '⟦${S}⟧'`), `import os\n# "it's"\ns = """a 'b' """\nk = os.environ["API_KEY"]`);
  });
});

describe('envref/idioms: Go', () => {
  it('adds "os" to an import block in sorted position', () => {
    const src = `package main\n\nimport (\n\t"fmt"\n\t"strings"\n)\n\nvar key = "⟦${S}⟧"\n`;
    assert.equal(run('go', src), `package main\n\nimport (\n\t"fmt"\n\t"os"\n\t"strings"\n)\n\nvar key = os.Getenv("API_KEY")\n`);
  });

  it('turns a single import into a block, or adds one after the package clause', () => {
    assert.equal(run('go', `package main\n\nimport "fmt"\n\nvar k = "⟦${S}⟧"`), `package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nvar k = os.Getenv("API_KEY")`);
    assert.equal(run('go', `package main\n\nvar k = "⟦${S}⟧"`), `package main\n\nimport "os"\n\nvar k = os.Getenv("API_KEY")`);
  });

  it('does not duplicate "os" and honours an alias', () => {
    assert.equal(run('go', `package main\nimport (\n\t"os"\n)\nvar k = "⟦${S}⟧"`), `package main\nimport (\n\t"os"\n)\nvar k = os.Getenv("API_KEY")`);
    assert.equal(run('go', `package main\nimport xos "os"\nvar k = "⟦${S}⟧"`), `package main\nimport xos "os"\nvar k = xos.Getenv("API_KEY")`);
  });

  it('concatenates for part of a string, keeping raw strings raw', () => {
    assert.equal(
      run('go', `package main\nimport "os"\nvar u = "postgres://u:⟦${S}⟧@host/db"`, 'DB_PASSWORD'),
      `package main\nimport "os"\nvar u = "postgres://u:" + os.Getenv("DB_PASSWORD") + "@host/db"`,
    );
    assert.equal(run('go', `package main\nimport "os"\nvar u = \`a\\b:⟦${S}⟧\``), `package main\nimport "os"\nvar u = \`a\\b:\` + os.Getenv("API_KEY")`);
  });

  it('turns a one-line const into a var and refuses const blocks', () => {
    assert.equal(run('go', `package main\nimport "os"\nconst key = "⟦${S}⟧"`), `package main\nimport "os"\nvar key = os.Getenv("API_KEY")`);
    assert.equal(error('go', `package main\nconst (\n\tkey = "⟦${S}⟧"\n)`), 'unsupported-context');
  });
});

describe('envref/idioms: JVM, .NET, Ruby, PHP, Rust', () => {
  it('Java: System.getenv, concatenation for parts', () => {
    assert.equal(run('java', `String k = "⟦${S}⟧";`), 'String k = System.getenv("API_KEY");');
    assert.equal(run('java', `String u = "jdbc:x://u:⟦${S}⟧@h";`, 'DB_PASSWORD'), 'String u = "jdbc:x://u:" + System.getenv("DB_PASSWORD") + "@h";');
    assert.equal(run('java', `char c = '"'; String k = "⟦${S}⟧";`), `char c = '"'; String k = System.getenv("API_KEY");`);
  });

  it('Kotlin: templates for parts, const val loses const', () => {
    assert.equal(run('kotlin', `const val KEY = "⟦${S}⟧"`), 'val KEY = System.getenv("API_KEY")');
    assert.equal(run('kotlin', `val u = "a:⟦${S}⟧@h"`), 'val u = "a:${System.getenv("API_KEY")}@h"');
  });

  it('C#: GetEnvironmentVariable, concatenation keeping verbatim/interpolated prefixes, const fields', () => {
    assert.equal(run('csharp', `var k = "⟦${S}⟧";`), 'var k = Environment.GetEnvironmentVariable("API_KEY");');
    assert.equal(run('csharp', `var c = @"Server=db;Password=⟦${S}⟧;";`), 'var c = @"Server=db;Password=" + Environment.GetEnvironmentVariable("API_KEY") + @";";');
    assert.equal(run('csharp', `var c = $"{a}:⟦${S}⟧";`), 'var c = $"{a}:" + Environment.GetEnvironmentVariable("API_KEY");');
    assert.equal(run('csharp', `    private const string Key = "⟦${S}⟧";`), '    private static readonly string Key = Environment.GetEnvironmentVariable("API_KEY");');
  });

  it('Ruby: ENV.fetch, interpolation, single quotes become double', () => {
    assert.equal(run('ruby', `key = '⟦${S}⟧'`), 'key = ENV.fetch("API_KEY")');
    assert.equal(run('ruby', `url = "redis://:⟦${S}⟧@h"`), 'url = "redis://:#{ENV.fetch("API_KEY")}@h"');
    assert.equal(run('ruby', `s = 'a "q" #{x} \\'y\\' :⟦${S}⟧'`), 's = "a \\"q\\" \\#{x} \'y\' :#{ENV.fetch("API_KEY")}"');
  });

  it('PHP: getenv and concatenation', () => {
    assert.equal(run('php', `<?php $k = '⟦${S}⟧';`), "<?php $k = getenv('API_KEY');");
    assert.equal(run('php', `<?php $u = "mysql://u:⟦${S}⟧@h";`), `<?php $u = "mysql://u:" . getenv('API_KEY') . "@h";`);
  });

  it('Rust: std::env::var, format! for parts, refuses const and byte strings', () => {
    assert.equal(run('rust', `let k = "⟦${S}⟧";`), 'let k = std::env::var("API_KEY").expect("API_KEY is not set");');
    assert.equal(
      run('rust', `let u = "pg://u:⟦${S}⟧@h/{x}";`),
      'let u = format!("pg://u:{}@h/{{x}}", std::env::var("API_KEY").expect("API_KEY is not set"));',
    );
    assert.equal(run('rust', `fn f<'a>(x: &'a str) { let k = r#"⟦${S}⟧"#; }`), `fn f<'a>(x: &'a str) { let k = std::env::var("API_KEY").expect("API_KEY is not set"); }`);
    assert.equal(error('rust', `const KEY: &str = "⟦${S}⟧";`), 'unsupported-context');
    assert.equal(error('rust', `let k = b"⟦${S}⟧";`), 'unsupported-literal');
  });
});

describe('envref/idioms: shell, YAML, unsupported', () => {
  it('shell: quoted ${NAME}, splitting single quotes', () => {
    assert.equal(run('shellscript', `export API_KEY="⟦${S}⟧"`, 'STRIPE_KEY'), 'export API_KEY="${STRIPE_KEY}"');
    assert.equal(run('shellscript', `API_KEY=⟦${S}⟧`, 'STRIPE_KEY'), 'API_KEY="${STRIPE_KEY}"');
    assert.equal(run('shellscript', `curl -H "Authorization: Bearer ⟦${S}⟧" x`, 'TOKEN'), 'curl -H "Authorization: Bearer ${TOKEN}" x');
    assert.equal(run('shellscript', `psql 'postgres://u:⟦${S}⟧@h'`, 'PGPASS'), `psql 'postgres://u:'"\${PGPASS}"'@h'`);
  });

  it('YAML / compose: ${NAME} in place, whatever the scalar style', () => {
    assert.equal(run('yaml', `db:\n  password: ⟦${S}⟧ # prod`, 'DB_PASSWORD'), 'db:\n  password: ${DB_PASSWORD} # prod');
    assert.equal(run('dockercompose', `    environment:\n      - API_KEY=⟦${S}⟧`), '    environment:\n      - API_KEY=${API_KEY}');
    assert.equal(run('yaml', `url: "pg://u:⟦${S}⟧@h"`, 'PW'), 'url: "pg://u:${PW}@h"');
    assert.equal(run('yaml', `k: 'it''s ⟦${S}⟧'`, 'PW'), "k: 'it''s ${PW}'");
  });

  it('explains unsupported languages and refuses bad names or spans', () => {
    for (const lang of ['dockerfile', 'json', 'cobol']) {
      const plan = planEnvReference({ languageId: lang, text: `x "${S}"`, start: 3, end: 3 + S.length, name: 'API_KEY' });
      assert.ok(!plan.ok && plan.error === 'unsupported-language' && plan.message.length > 20, lang);
    }
    const bad = planEnvReference({ languageId: 'javascript', text: `x = "${S}"`, start: 5, end: 5 + S.length, name: '1-bad' });
    assert.ok(!bad.ok && bad.error === 'invalid-name');
    assert.equal(error('javascript', `// ⟦${S}⟧`), 'not-in-string');
  });
});
