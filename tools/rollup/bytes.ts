/**
 * `npx tsx tools/rollup/bytes.ts`: what a regional dashboard refresh reads in BigQuery. On-demand
 * BigQuery bills the logical bytes of the columns a query reads (STRING: 2 bytes + its UTF-8
 * length; DATE: 8 bytes), at least 10 MB per table referenced. The average column sizes come from
 * the synthetic visits in DuckDB; each view's columns from viewReads.
 */
import { integerOption, parseCli, printedHelp, runMain } from '../runner/args';
import { REGIONAL_COLUMNS } from '../../src/core/regional/rows';
import { viewReads, viewTabs } from '../../src/core/regional/sql';
import { loadVisits, openDuckDb } from './duck';
import { synthesise } from './synth';

/** A branch's visits a year (the figure) and the head office's branches. */
export const VISITS_PER_BRANCH_YEAR = 17000;
export const BRANCHES = 325;
/** On-demand list price, USD per TiB (cloud.google.com/bigquery/pricing; first TiB a month free). */
export const USD_PER_TIB = 6.25;
const MIN_BYTES_PER_TABLE = 10 * 1024 * 1024;
const TIB = 1024 ** 4;

export async function columnBytes(rows = 200000): Promise<Record<string, number>> {
  const con = await openDuckDb();
  await loadVisits(con, synthesise(BRANCHES, rows));
  const exprs = REGIONAL_COLUMNS.map((c) => (c.type === 'DATE' ? `8 AS ${c.name}` : c.name === 'kunci_baris' ? `66 AS ${c.name}` : `AVG(2 + strlen(CAST(${c.name} AS VARCHAR))) AS ${c.name}`));
  const reader = await con.runAndReadAll(`SELECT ${exprs.join(', ')} FROM kunjungan`);
  const row = reader.getRowObjectsJson()[0] as Record<string, unknown>;
  con.closeSync();
  return Object.fromEntries(REGIONAL_COLUMNS.map((c) => [c.name, Math.round(Number(row[c.name]) * 10) / 10]));
}

export async function refreshBytes(years = 1): Promise<Record<string, unknown>> {
  const sizes = await columnBytes();
  const rows = BRANCHES * VISITS_PER_BRANCH_YEAR * years;
  const perView: Record<string, number> = {};
  for (const tab of viewTabs()) perView[tab] = Math.max(MIN_BYTES_PER_TABLE, Math.round(rows * viewReads(tab).reduce((s, c) => s + (sizes[c] ?? 0), 0)));
  const total = Object.values(perView).reduce((s, b) => s + b, 0);
  // ds_harian filtered to one month by a date range control reads one month of partitions.
  const harianMonth = Math.max(MIN_BYTES_PER_TABLE, Math.round(perView.ds_harian / (12 * years)));
  const mb = (b: number): number => Math.round((b / 1024 ** 2) * 10) / 10;
  return {
    rows,
    years,
    table_mb: mb(rows * REGIONAL_COLUMNS.reduce((s, c) => s + (sizes[c.name] ?? 0), 0)),
    column_bytes: sizes,
    view_mb: Object.fromEntries(Object.entries(perView).map(([k, v]) => [k, mb(v)])),
    refresh_mb: mb(total),
    refresh_usd: Math.round((total / TIB) * USD_PER_TIB * 10000) / 10000,
    ds_harian_one_month_mb: mb(harianMonth),
    refreshes_in_free_tib: Math.floor(TIB / total),
  };
}

const USAGE = `Usage: npx tsx tools/rollup/bytes.ts [YEARS]

What one dashboard refresh of every regional view reads in BigQuery after YEARS years (default 1)
of 325 branches' visits, with and without a one-month date filter. One JSON line.

Options:
  -h, --help   this text`;

const SPEC = { name: 'bytes', usage: USAGE, maxPositionals: 1, options: {} } as const;

if (require.main === module) {
  runMain('bytes', async () => {
    const parsed = parseCli(SPEC, process.argv.slice(2));
    if (printedHelp(parsed, SPEC)) return;
    const given = parsed.positionals[0];
    const years = given === undefined ? 1 : integerOption('years', given, { min: 1, max: 50 });
    console.log(JSON.stringify(await refreshBytes(years)));
  });
}
