/**
 * `npm run rollup -- --branches 325 --rows 10000000`: prints one JSON line
 * {rows, generate_ms, load_ms, query_ms, ts_ms, equal, branches, view_ms}; differences (if any)
 * go to stderr. Exit code 1 when the engines disagree.
 */
import { runRollup } from './run';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf('--' + name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer`);
  return v;
}

runRollup(arg('branches', 325), arg('rows', 10000000))
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
