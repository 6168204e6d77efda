/**
 * `npm run rollup -- --branches 325 --rows 10000000`: prints one JSON line
 * {rows, generate_ms, load_ms, query_ms, ts_ms, equal, branches, fetch_ms, view_ms}; differences
 * (if any) go to stderr. Exit code 1 when the engines disagree.
 */
import { runRollup } from './run';
import { integerOption, parseCli, printedHelp, runMain } from '../runner/args';

const USAGE = `Usage: npm run rollup -- [--branches N] [--rows N]

Synthesises N visits of that many branches, runs the regional views (sql/) on DuckDB and
summarise() on the same visits, compares them per branch and over all branches, and prints one
JSON line: rows, generate_ms, load_ms, query_ms, ts_ms, equal (then branches, fetch_ms, view_ms).

  --branches N   branches (default 325)
  --rows N       visits (default 10000000)
  --help         this text
`;

const SPEC = { name: 'rollup', usage: USAGE, options: { branches: { type: 'string' }, rows: { type: 'string' } } } as const;

async function main(): Promise<void> {
  const parsed = parseCli(SPEC, process.argv.slice(2));
  if (printedHelp(parsed, SPEC)) return;
  const branches = parsed.values.branches === undefined ? 325 : integerOption('branches', parsed.values.branches, { min: 1, max: 100000 });
  const rows = parsed.values.rows === undefined ? 10000000 : integerOption('rows', parsed.values.rows, { min: 1, max: 100000000 });
  const r = await runRollup(branches, rows);
  const { differences, ...line } = r;
  console.log(JSON.stringify(line));
  for (const d of differences.slice(0, 20)) console.error(`${d.view} ${d.cabang}: ${d.what}`);
  if (differences.length > 20) console.error(`… ${differences.length - 20} more differences`);
  // The engines disagree: exit 1 (the line above still says equal: false).
  if (!r.equal) process.exitCode = 1;
}

runMain('rollup', main);
