/**
 * `npm run rollup -- --branches 325 --rows 10000000`: prints one JSON line
 * {rows, generate_ms, load_ms, query_ms, ts_ms, equal, branches, fetch_ms, view_ms}; differences
 * (if any) go to stderr. Exit code 1 when the engines disagree.
 */
import { runRollup } from './run';

const USAGE = `Usage: npm run rollup -- [--branches N] [--rows N]

Synthesises N visits of that many branches, runs the regional views (sql/) on DuckDB and
summarise() on the same visits, compares them per branch and over all branches, and prints one
JSON line: rows, generate_ms, load_ms, query_ms, ts_ms, equal (then branches, fetch_ms, view_ms).

  --branches N   branches (default 325)
  --rows N       visits (default 10000000)
  --help         this text
`;

function parse(argv: string[]): { branches: number; rows: number } | null {
  const out = { branches: 325, rows: 10000000 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--help') return null;
    if (flag !== '--branches' && flag !== '--rows') throw new Error(`rollup: unknown option ${flag} (see --help)`);
    const v = Number(argv[++i]);
    if (!Number.isInteger(v) || v <= 0) throw new Error(`rollup: ${flag} takes a positive integer`);
    out[flag === '--branches' ? 'branches' : 'rows'] = v;
  }
  return out;
}

let args: { branches: number; rows: number } | null;
try {
  args = parse(process.argv.slice(2));
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
if (!args) {
  process.stdout.write(USAGE);
  process.exit(0);
}

runRollup(args.branches, args.rows)
  .then((r) => {
    const { differences, ...line } = r;
    console.log(JSON.stringify(line));
    for (const d of differences.slice(0, 20)) console.error(`${d.view} ${d.cabang}: ${d.what}`);
    if (differences.length > 20) console.error(`… ${differences.length - 20} more differences`);
    process.exit(r.equal ? 0 : 1);
  })
  .catch((e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
