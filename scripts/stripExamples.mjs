// esbuild plugin: removes the `examples` property from built-in rule objects in the shipped
// bundles. Examples are test data (the unit tests run them from source); shipping them would put
// hundreds of key-shaped strings into the .vsix (vsce's own secret check rightly refuses that)
// and weigh the bundle down. Uses the TypeScript parser, so it never cuts on a look-alike text.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

export function stripRuleExamples() {
  return {
    name: 'strip-rule-examples',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]core[\\/]rules[\\/][^\\/]+\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const file = ts.createSourceFile(args.path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
        const cuts = [];
        const visit = (node) => {
          if (ts.isPropertyAssignment(node) && node.name.getText(file) === 'examples' && ts.isObjectLiteralExpression(node.initializer)) {
            cuts.push([node.getStart(file), node.getEnd()]);
            return;
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
        let out = source;
        for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) {
          out = `${out.slice(0, start)}examples: { positive: [], negative: [] }${out.slice(end)}`;
        }
        return { contents: out, loader: 'ts' };
      });
    },
  };
}
