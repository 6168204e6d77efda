/**
 * `npm run rollup`: synthesise visits for many branches, run the generated views on DuckDB, run
 * the TypeScript summariser on the same rows, compare per branch and over all branches.
 */
import { tabContract } from '../../src/core/contract';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { SqlOptions, viewTabs } from '../../src/core/regional/sql';
import { loadVisits, openDuckDb, runView } from './duck';
import { compareRows, Difference } from './normal';
import { synthesise } from './synth';
import { summariseAll } from './typescript';

export interface RollupResult {
  rows: number;
  generate_ms: number;
  load_ms: number;
  query_ms: number;
  ts_ms: number;
  equal: boolean;
  branches: number;
  /**
   * CPU time the views took (DuckDB's threads, summed): on a shared machine the wall clock of
   * query_ms also counts other jobs' turns on the cores.
   */
  query_cpu_ms: number;
  /** Handing the views' rows to JavaScript for the comparison (not part of query_ms). */
  fetch_ms: number;
  /** Milliseconds per view in DuckDB (query_ms is their sum). */
  view_ms: Record<string, number>;
  differences: Difference[];
}

/** Holidays both engines leave out of the working days (a few national ones). */
export const ROLLUP_HOLIDAYS = ['2025-01-01', '2025-03-31', '2025-04-01', '2025-05-01', '2025-08-17', '2025-12-25', '2026-01-01', '2026-03-20', '2026-05-01', '2026-08-17', '2026-12-25'];

export async function runRollup(branches: number, rows: number, opts: { skipTs?: boolean } = {}): Promise<RollupResult> {
  const settings = { ...DEFAULT_SETTINGS, holidays: ROLLUP_HOLIDAYS };
  const sqlOptions: Partial<SqlOptions> = { ageBounds: settings.ageBounds, holidays: settings.holidays, peakThreshold: settings.peakThreshold };
  const ms = (t0: number): number => Math.round(performance.now() - t0);

  let t0 = performance.now();
  const visits = synthesise(branches, rows);
  const generate_ms = ms(t0);

  const con = await openDuckDb();
  t0 = performance.now();
  await loadVisits(con, visits);
  const load_ms = ms(t0);

  const tabs = viewTabs();
  const sql = new Map<string, Awaited<ReturnType<typeof runView>>['rows']>();
  const view_ms: Record<string, number> = {};
  t0 = performance.now();
  let query_ms = 0;
  let query_cpu_ms = 0;
  for (const tab of tabs) {
    const run = await runView(con, tab, sqlOptions);
    query_cpu_ms += run.cpuMs;
    sql.set(tab, run.rows);
    view_ms[tab] = Math.round(run.ms);
    query_ms += run.ms;
  }
  query_ms = Math.round(query_ms);
  query_cpu_ms = Math.round(query_cpu_ms);
  const fetch_ms = ms(t0) - query_ms;
  con.closeSync();

  const differences: Difference[] = [];
  let ts_ms = 0;
  if (!opts.skipTs) {
    t0 = performance.now();
    const ts = summariseAll(visits, tabs, settings);
    ts_ms = ms(t0);
    for (const tab of tabs) {
      const columns = tabContract(tab).columns;
      const types = columns.map((c) => c.type);
      const a = ts.get(tab) ?? new Map();
      const b = sql.get(tab) ?? new Map();
      for (const cabang of new Set([...a.keys(), ...b.keys()])) differences.push(...compareRows(tab, cabang, types, a.get(cabang) ?? [], b.get(cabang) ?? [], columns.map((c) => c.header)));
    }
  }
  return { rows, generate_ms, load_ms, query_ms, ts_ms, equal: !opts.skipTs && differences.length === 0, branches, query_cpu_ms, fetch_ms, view_ms, differences };
}
