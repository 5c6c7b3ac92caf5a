import { parseArgs } from 'node:util';
import type { Confidence } from '../core/types';
import { DEFAULT_MAX_FILE_BYTES } from '../core/fileFilter';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface ScanArgs {
  readonly command: 'scan';
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly baselines: readonly string[];
  readonly writeBaseline?: string;
  readonly config?: string;
  readonly exclude: readonly string[];
  readonly minConfidence: Confidence;
  readonly reveal: boolean;
  readonly preCommit: boolean;
  readonly maxFileSize: number;
  readonly color: boolean | undefined;
  readonly verbose: boolean;
}

export type CliArgs = ScanArgs | { readonly command: 'help' } | { readonly command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: leakproof scan [options] [paths...]

Scan files and folders (default: .) for hardcoded secrets. Use - to read stdin.
Exit code: 0 clean, 1 secrets found, 2 usage or runtime error.

Options:
  --format text|json|sarif   output format (default: text)
  --baseline FILE            suppress findings whose fingerprints are in FILE (repeatable)
  --write-baseline FILE      write the current findings to FILE as a baseline and exit 0
  --config FILE              use this .leakproof.json instead of the one at the scan root
  --exclude GLOB             skip matching files or folders (repeatable)
  --min-confidence LEVEL     low|medium|high (default: low)
  --reveal                   print raw secret values (default: masked)
  --pre-commit               scan the staged content of added/changed files (git index)
  --max-file-size SIZE       skip larger files, e.g. 500KB, 2MB (default: 2MB)
  --verbose                  report skipped files, suppressions and config details on stderr
  --no-color                 plain output (also honours NO_COLOR)
  -h, --help                 show this help
  -v, --version              print the version

Policy files read from the scan root: .leakproof.json, .leakproof-baseline.json,
.gitleaks.toml, .gitleaksignore, .secrets.baseline, .gitguardian.yaml.
`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const CONFIDENCES: readonly Confidence[] = ['low', 'medium', 'high'];

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        baseline: { type: 'string', multiple: true },
        'write-baseline': { type: 'string' },
        config: { type: 'string', short: 'c' },
        exclude: { type: 'string', multiple: true, short: 'e' },
        'min-confidence': { type: 'string' },
        reveal: { type: 'boolean' },
        'pre-commit': { type: 'boolean' },
        'max-file-size': { type: 'string' },
        verbose: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        color: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split('. To specify')[0]);
  }
  const v = parsed.values;
  if (v.help) return { command: 'help' };
  if (v.version) return { command: 'version' };
  const [command, ...paths] = parsed.positionals;
  if (command === undefined) throw new UsageError('missing command (try: leakproof scan .)');
  if (command === 'help') return { command: 'help' };
  if (command !== 'scan') throw new UsageError(`unknown command "${command}" (the only command is "scan")`);

  const format = (v.format ?? 'text') as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const minConfidence = (v['min-confidence'] ?? 'low') as Confidence;
  if (!CONFIDENCES.includes(minConfidence)) throw new UsageError(`--min-confidence must be one of ${CONFIDENCES.join(', ')}`);
  const maxFileSize = v['max-file-size'] !== undefined ? parseSize(v['max-file-size']) : DEFAULT_MAX_FILE_BYTES;
  if (v['pre-commit'] && paths.includes('-')) throw new UsageError('--pre-commit reads the git index; it cannot be combined with -');

  return {
    command: 'scan',
    paths: paths.length ? paths : ['.'],
    format,
    baselines: v.baseline ?? [],
    writeBaseline: v['write-baseline'],
    config: v.config,
    exclude: v.exclude ?? [],
    minConfidence,
    reveal: v.reveal ?? false,
    preCommit: v['pre-commit'] ?? false,
    maxFileSize,
    color: v['no-color'] ? false : v.color ? true : undefined,
    verbose: v.verbose ?? false,
  };
}

/** `2MB`, `500kb`, `1048576` → bytes (binary units). */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(text.trim());
  if (!m) throw new UsageError(`--max-file-size: cannot read "${text}" (examples: 500KB, 2MB, 1048576)`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number(m[1]) * mult);
  if (bytes <= 0) throw new UsageError('--max-file-size must be positive');
  return bytes;
}
