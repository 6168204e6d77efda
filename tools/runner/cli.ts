/**
 * `npm run analyze -- <input> [--out DIR] [--append FILE.csv --sheet NAME] [--run clean|nightly]`
 *
 * Loads a .csv, .xlsx or state.json into the emulator, runs the add-on's bundle on it and writes
 * every tab as CSV, workbook.xlsx, state.json and report.json. Bad input: exit 1 with one line,
 * nothing written.
 */
import { analyze, AnalyzeOptions, RunError } from './run';
import { InputError } from './io';

export function parseArgs(argv: string[]): AnalyzeOptions {
  const opts: AnalyzeOptions = { input: '', mode: 'clean' };
  let appendFile = '';
  let appendSheet = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new InputError(`${a} needs a value`);
      return v;
    };
    if (a === '--out') opts.out = value();
    else if (a === '--append') appendFile = value();
    else if (a === '--sheet') appendSheet = value();
    else if (a === '--run') {
      const m = value();
      if (m !== 'clean' && m !== 'nightly') throw new InputError(`--run takes clean or nightly, not "${m}"`);
      opts.mode = m;
    } else if (a === '--budget-ms') opts.budgetMs = Number(value());
    else if (a.startsWith('--')) throw new InputError(`unknown option ${a}`);
    else if (!opts.input) opts.input = a;
    else throw new InputError(`unexpected argument "${a}"`);
  }
  if (!opts.input) throw new InputError('usage: npm run analyze -- <input.csv|input.xlsx|state.json> [--out DIR] [--append FILE.csv --sheet NAME] [--run clean|nightly] [--budget-ms N]');
  if (opts.budgetMs !== undefined && !(opts.budgetMs > 0)) throw new InputError('--budget-ms takes a positive number of milliseconds');
  if (appendFile || appendSheet) {
    if (!appendFile || !appendSheet) throw new InputError('--append FILE.csv and --sheet NAME go together');
    opts.append = { file: appendFile, sheet: appendSheet };
  }
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const { report, outputs } = await analyze(opts);
  const s = report.byStatus;
  console.log(
    `${report.mode === 'nightly' ? 'Nightly' : 'Clean & Summarize'}: ${report.rowsRead} rows read — OK ${s.OK}, DIPERBAIKI ${s.DIPERBAIKI}, DUPLIKAT ${s.DUPLIKAT}, TIDAK_VALID ${s.TIDAK_VALID}; ` +
      `${report.executions} execution(s), ${report.totalCalls} service calls, ${report.cellsWritten} cells written.`,
  );
  if (outputs) console.log(`Wrote ${outputs.csv.length} tab CSVs, workbook.xlsx, state.json and report.json to ${outputs.dir}`);
}

if (require.main === module) {
  main().catch((e) => {
    const known = e instanceof InputError || e instanceof RunError;
    console.error(known ? `analyze: ${e.message}` : `analyze: unexpected error: ${e instanceof Error ? e.stack : e}`);
    process.exit(1);
  });
}
