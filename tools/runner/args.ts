/**
 * The one command-line parser of every local tool (analyze, demo, sample, preview, bench), on
 * node:util's parseArgs: `--flag value` and `--flag=value`, `--help`, and a single clear line for
 * anything it does not know.
 */
import { parseArgs as nodeParseArgs } from 'node:util';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export interface CliSpec<O extends OptionSpec> {
  /** The command's name in messages, e.g. "analyze". */
  name: string;
  /** The whole text `--help` prints. */
  usage: string;
  options: O;
  /** How many positional arguments it takes at most (default 0). */
  maxPositionals?: number;
}

/** A mistake on the command line: the tool prints `name: message` and exits 1. */
export class UsageError extends Error {}

type Values<O extends OptionSpec> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? (O[K]['multiple'] extends true ? boolean[] : boolean) : O[K]['multiple'] extends true ? string[] : string;
};

export interface Parsed<O extends OptionSpec> {
  help: boolean;
  values: Values<O>;
  positionals: string[];
}

/** Parses argv (without node and the script); `help` is true when --help or -h was given. */
export function parseCli<O extends OptionSpec>(spec: CliSpec<O>, argv: string[]): Parsed<O> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = nodeParseArgs({
      args: argv,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(parseErrorLine(e as Error & { code?: string }));
  }
  const { help, ...values } = parsed.values;
  if (help) return { help: true, values: {} as Values<O>, positionals: [] };
  const max = spec.maxPositionals ?? 0;
  if (parsed.positionals.length > max) {
    const extra = parsed.positionals[max];
    throw new UsageError(max === 0 ? `unexpected argument "${extra}" (see --help)` : `unexpected argument "${extra}": only ${max} input${max > 1 ? 's' : ''} (see --help)`);
  }
  return { help: false, values: values as Values<O>, positionals: parsed.positionals };
}

/**
 * An integer option's value, written as digits (an optional minus first): '' or '1e3' or '0x10'
 * are refused rather than read as 0, 1000 or 16 the way Number() would.
 */
export function integerOption(flag: string, text: string, range: { min: number; max: number }): number {
  const n = /^-?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max) throw new UsageError(`--${flag} takes a whole number from ${range.min} to ${range.max}, not "${text}"`);
  return n;
}

/** A number of milliseconds: a plain decimal number, at least 0. */
export function millisecondsOption(flag: string, text: string): number {
  const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(n)) throw new UsageError(`--${flag} takes a number of milliseconds, not "${text}"`);
  return n;
}

/** node:util's messages are long and mention its own syntax; one short line instead. */
function parseErrorLine(e: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? ''} (see --help)`.replace('  ', ' ');
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(e.message) ? `${option ?? 'an option'} needs a value` : `${option ?? 'an option'} takes no value`;
  }
  return e.message.split('\n')[0];
}

/**
 * Runs a tool's main the same way everywhere: --help prints the usage and exits 0; a
 * UsageError (or another known error class) prints one line and exits 1.
 */
export function runMain(name: string, main: () => Promise<void> | void, known: (new (...args: never[]) => Error)[] = []): void {
  Promise.resolve()
    .then(main)
    .catch((e: unknown) => {
      const isKnown = e instanceof UsageError || known.some((k) => e instanceof k);
      console.error(isKnown ? `${name}: ${(e as Error).message}` : `${name}: unexpected error: ${e instanceof Error ? e.stack : String(e)}`);
      process.exit(1);
    });
}

/** Prints the usage when asked; true means the caller should stop. */
export function printedHelp(parsed: { help: boolean }, spec: { usage: string }): boolean {
  if (parsed.help) console.log(spec.usage.trimEnd());
  return parsed.help;
}

/**
 * The command line of a tool run on one input: parsed, with that input. Null when --help was
 * given (the usage is printed); a UsageError naming `what` when the input is missing.
 */
export function parseOneInput<O extends OptionSpec>(spec: CliSpec<O>, argv: string[], what: string): (Parsed<O> & { input: string }) | null {
  const parsed = parseCli(spec, argv);
  if (printedHelp(parsed, spec)) return null;
  const input = parsed.positionals[0];
  if (!input) throw new UsageError(`needs ${what} (see --help)`);
  return { ...parsed, input };
}
