/**
 * The one command-line parser of the tools (tools/runner/args.ts, on node:util's parseArgs), and
 * the guard that keeps it the only one: a tool that reads process.argv hands it to parseCli.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../../tools/build';
import { UsageError, integerOption, millisecondsOption, parseCli, parseOneInput, printedHelp } from '../../tools/runner/args';
import { parseArgs as previewArgs } from '../../tools/preview/server';

const SPEC = {
  name: 'tool',
  usage: 'Usage: npm run tool\n',
  maxPositionals: 1,
  options: { out: { type: 'string' }, strict: { type: 'boolean' }, map: { type: 'string', multiple: true } },
} as const;

/** The message of the UsageError parseCli throws for argv (fails the test when it throws none). */
function refusal(argv: string[], spec: Parameters<typeof parseCli>[0] = SPEC): string {
  try {
    parseCli(spec, argv);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(argv)}`);
}

describe('parseCli', () => {
  test('--flag value and --flag=value, booleans, repeated options and one positional', () => {
    const parsed = parseCli(SPEC, ['in.csv', '--out', 'a', '--strict', '--map=1:date', '--map', '2:age']);
    expect(parsed).toEqual({ help: false, values: { out: 'a', strict: true, map: ['1:date', '2:age'] }, positionals: ['in.csv'] });
    expect(parseCli(SPEC, ['--out=b=c'])).toEqual({ help: false, values: { out: 'b=c' }, positionals: [] });
  });

  test('--help and -h win over everything else and drop the values', () => {
    expect(parseCli(SPEC, ['in.csv', '--out', 'a', '--help'])).toEqual({ help: true, values: {}, positionals: [] });
    expect(parseCli(SPEC, ['-h']).help).toBe(true);
  });

  test('one short line for each mistake, pointing at --help', () => {
    expect(refusal(['--bogus'])).toBe('unknown option --bogus (see --help)');
    expect(refusal(['--out'])).toBe('--out needs a value');
    expect(refusal(['--strict=yes'])).toBe('--strict takes no value');
    expect(refusal(['a.csv', 'b.csv'])).toBe('unexpected argument "b.csv": only 1 input (see --help)');
    expect(refusal(['a.csv'], { ...SPEC, maxPositionals: undefined })).toBe('unexpected argument "a.csv" (see --help)');
  });
});

describe('number options', () => {
  test('integerOption takes digits in range, nothing Number() would stretch into a number', () => {
    expect([integerOption('port', '0', { min: 0, max: 65535 }), integerOption('port', '65535', { min: 0, max: 65535 }), integerOption('seed', '-7', { min: -10, max: 10 })]).toEqual([0, 65535, -7]);
    for (const bad of ['', ' ', '1e3', '0x10', '1.5', '65536', '-1', '8080 ']) {
      expect(() => integerOption('port', bad, { min: 0, max: 65535 })).toThrow(new UsageError(`--port takes a whole number from 0 to 65535, not "${bad}"`));
    }
  });

  test('millisecondsOption takes a plain non-negative decimal', () => {
    expect([millisecondsOption('delay', '0'), millisecondsOption('delay', '250'), millisecondsOption('delay', '1.5')]).toEqual([0, 250, 1.5]);
    for (const bad of ['', '-1', '1e3', 'Infinity', '.5']) expect(() => millisecondsOption('delay', bad)).toThrow(`--delay takes a number of milliseconds, not "${bad}"`);
  });

  test('preview reads its port and delay through them', () => {
    expect(previewArgs(['--port', '0', '--delay=40', 'log.csv'])).toEqual({ port: 0, delayMs: 40, file: 'log.csv' });
    expect(() => previewArgs(['--port='])).toThrow(UsageError);
    expect(() => previewArgs(['--delay', '-5'])).toThrow(UsageError);
  });
});

test('printedHelp prints the usage without its trailing newline only when asked', () => {
  const lines: unknown[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(line));
  try {
    expect(printedHelp({ help: false }, SPEC)).toBe(false);
    expect(printedHelp({ help: true }, SPEC)).toBe(true);
  } finally {
    log.mockRestore();
  }
  expect(lines).toEqual(['Usage: npm run tool']);
});

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

test('every tool that reads its command line reads it through parseCli', () => {
  // bench/scenario.ts is bench's own child process: bench passes it a name and a file, a user never does.
  const CHILD_PROCESSES = ['tools/bench/scenario.ts'];
  const readers = sources(path.join(ROOT, 'tools'))
    .map((f) => path.relative(ROOT, f))
    .filter((f) => /process\.argv/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
  /** The file calls parseCli (or parseOneInput, which is parseCli for a tool run on one input), and every read of process.argv hands it to one of them or to the file's parseArgs wrapper. */
  const throughParseCli = (text: string): boolean => {
    const reads = (text.match(/process\.argv/g) ?? []).length;
    const handedOver = (text.match(/(parseCli\(\w+, |parseOneInput\(\w+, |parseArgs\()process\.argv\.slice\(2\)[,)]/g) ?? []).length;
    return /\b(parseCli|parseOneInput)\(/.test(text) && reads === handedOver;
  };
  const handRolled = readers.filter((f) => !CHILD_PROCESSES.includes(f) && !throughParseCli(fs.readFileSync(path.join(ROOT, f), 'utf8')));
  expect(handRolled).toEqual([]);
  // The CLIs themselves are among the readers (the scan sees them).
  expect(readers).toEqual(expect.arrayContaining(['tools/demo.ts', 'tools/runner/cli.ts', 'tools/sample/cli.ts', 'tools/preview/server.ts', 'tools/bench/cli.ts']));
});

test('parseOneInput: the one input, null after --help, a one-line UsageError when it is missing', () => {
  const spec = { name: 'read', usage: 'Usage: read FILE.csv', maxPositionals: 1, options: {} } as const;
  expect(parseOneInput(spec, ['log.csv'], 'FILE.csv')?.input).toBe('log.csv');
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  expect(parseOneInput(spec, ['--help'], 'FILE.csv')).toBeNull();
  expect(log).toHaveBeenCalledWith('Usage: read FILE.csv');
  log.mockRestore();
  expect(() => parseOneInput(spec, [], 'FILE.csv')).toThrow(new UsageError('needs FILE.csv (see --help)'));
  expect(() => parseOneInput(spec, ['a.csv', 'b.csv'], 'FILE.csv')).toThrow(UsageError);
});
