/**
 * `npm run analyze -- <input> [options]` (see USAGE)
 *
 * Loads a .csv, .xlsx or state.json into the emulator, runs the add-on's bundle on it and writes
 * every tab as CSV, workbook.xlsx, state.json and report.json. Bad input: exit 1 with one line,
 * nothing written (a previous output folder stays as it was).
 */
import * as path from 'path';
import { analyze, AnalyzeOptions, RunError, parseColumnMapping } from './run';
import { InputError, RunnerLocale } from './io';
import { parseCli, printedHelp, runMain, UsageError } from './args';
import { runSummaryLines } from './console';

export const USAGE = `Usage: npm run analyze -- <input.csv|input.xlsx|state.json> [options]

Loads the file into the emulated spreadsheet, runs Clean & Summarize (dist/Code.js) on it and
writes DIR/<tab>.csv, DIR/workbook.xlsx, DIR/state.json and DIR/report.json.

Options:
  --out DIR              output folder (default out/<input name>); replaced whole, only on success
  --locale id|en         the spreadsheet's locale, id_ID or en_US (default id); also the language
                         and number style of this output
  --map role=Header      save a column's role before the run, as the sidebar would (repeatable);
                         roles: date, age, birthDate, service, topic, channel, personal, ignore
  --append FILE.csv      add the CSV's data rows to --sheet NAME first (as staff typing visits)
  --sheet NAME           the sheet --append adds to
  --run clean|nightly    Clean & Summarize from the sidebar (default), or the nightly trigger
  --budget-ms N          shorten each execution's time budget (simulated Apps Script latency)
  --strict               exit 2 when the outcome needs checking (PERLU PERIKSA: more than 10 %
                         of a sheet's rows left out, or an undecidable date order) or failed
  -h, --help             this text

CSV input is read as Sheets imports it: ',', ';' or tab between fields, numbers as numbers
(12,5 with ';'), digit strings with a leading zero (KPJ, NIK, 0812...) kept as text.`;

const SPEC = {
  name: 'analyze',
  usage: USAGE,
  maxPositionals: 1,
  options: {
    out: { type: 'string' },
    locale: { type: 'string' },
    map: { type: 'string', multiple: true },
    append: { type: 'string' },
    sheet: { type: 'string' },
    run: { type: 'string' },
    'budget-ms': { type: 'string' },
    strict: { type: 'boolean' },
  },
} as const;

/** The command line as options for analyze(); null when it asked for --help (already printed). */
export function parseArgs(argv: string[]): (AnalyzeOptions & { strict?: boolean }) | null {
  const parsed = parseCli(SPEC, argv);
  if (printedHelp(parsed, SPEC)) return null;
  const v = parsed.values;
  const input = parsed.positionals[0];
  if (!input) throw new UsageError('no input file (usage: npm run analyze -- <input.csv|input.xlsx|state.json> [options]; see --help)');
  const opts: AnalyzeOptions & { strict?: boolean } = { input, mode: 'clean', out: v.out, strict: v.strict === true };
  if (v.run !== undefined) {
    if (v.run !== 'clean' && v.run !== 'nightly') throw new UsageError(`--run takes clean or nightly, not "${v.run}"`);
    opts.mode = v.run;
  }
  if (v.locale !== undefined) {
    if (v.locale !== 'id' && v.locale !== 'en') throw new UsageError(`--locale takes id or en, not "${v.locale}"`);
    opts.locale = v.locale;
  }
  if (v['budget-ms'] !== undefined) {
    opts.budgetMs = Number(v['budget-ms']);
    if (!(opts.budgetMs > 0)) throw new UsageError('--budget-ms takes a positive number of milliseconds');
  }
  if (v.append !== undefined || v.sheet !== undefined) {
    if (!v.append || !v.sheet) throw new UsageError('--append FILE.csv and --sheet NAME go together');
    opts.append = { file: v.append, sheet: v.sheet };
  }
  if (v.map?.length) opts.mappings = v.map.map(parseColumnMapping);
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts) return;
  const { report, outputs } = await analyze(opts);
  // One language per run: the spreadsheet's (a state.json keeps its own unless --locale is given).
  const lang: RunnerLocale = opts.locale ?? (report.locale.toLowerCase().startsWith('en') ? 'en' : 'id');
  for (const line of runSummaryLines(report, outputs, lang, path.basename(opts.input))) console.log(line);
  // A run that left many rows out says so loudly; with --strict it also fails (exit 2), after
  // the outputs are written.
  if (report.status !== 'BERHASIL') console.error(`${report.status === 'GAGAL' ? 'GAGAL' : 'PERLU PERIKSA'}: ${report.statusReason}`);
  if (opts.strict && report.status !== 'BERHASIL') process.exitCode = 2;
}

if (require.main === module) runMain('analyze', main, [InputError, RunError]);
