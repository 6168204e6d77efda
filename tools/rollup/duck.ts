/**
 * The SQL side of the proof: the synthetic visits as the regional table in DuckDB, and the
 * generated BigQuery views run through the dialect shim.
 */
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { tabContract } from '../../src/core/contract';
import { SqlOptions, viewQuery } from '../../src/core/regional/sql';
import { normalise, Row, ViewRows } from './normal';
import { toDuckDb } from './shim';
import type { SynthVisits } from './synth';

export async function openDuckDb(): Promise<DuckDBConnection> {
  // Row order of a result does not matter here (a view has none either).
  const db = await DuckDBInstance.create(':memory:', { threads: String(Math.max(1, os.cpus().length)), preserve_insertion_order: 'false' });
  return db.connect();
}

const CODE_COLUMNS = ['cabang', 'sumber', 'day', 'layanan', 'kanal', 'topik', 'kelompok_usia', 'generasi', 'status_bersih'] as const;

/**
 * Loads the visits as the regional table `kunjungan`: the codes go through a CSV file of small
 * integers (a few bytes a row, written in chunks), and DuckDB turns them into the table's text
 * and date columns itself. kunci_baris is the row number (the synthetic rows are distinct visits).
 */
export async function loadVisits(con: DuckDBConnection, v: SynthVisits): Promise<void> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rollup-')), 'visits.csv');
  const fd = fs.openSync(file, 'w');
  try {
    const CHUNK = 200000;
    for (let start = 0; start < v.size; start += CHUNK) {
      const end = Math.min(v.size, start + CHUNK);
      const lines: string[] = new Array(end - start);
      for (let i = start; i < end; i++) {
        lines[i - start] = `${i},${v.cabang[i]},${v.sumber[i]},${v.day[i]},${v.layanan[i]},${v.kanal[i]},${v.topik[i]},${v.kelompok_usia[i]},${v.generasi[i]},${v.status_bersih[i]}`;
      }
      fs.writeSync(fd, lines.join('\n') + '\n');
    }
  } finally {
    fs.closeSync(fd);
  }
  const list = (values: string[]): string => '[' + values.map((s) => "'" + s.replace(/'/g, "''") + "'").join(', ') + ']';
  const columns = ['i', ...CODE_COLUMNS].map((c) => `'${c}': 'INTEGER'`).join(', ');
  // Text columns are stored as DuckDB ENUMs (a dictionary, as BigQuery's columnar storage keeps
  // them): the views see text, grouping reads small codes.
  const text = (c: Exclude<(typeof CODE_COLUMNS)[number], 'day'>): string => `CAST(${list(v.dict[c])}[r.${c} + 1] AS enum_${c}) AS ${c}`;
  try {
    for (const c of CODE_COLUMNS) if (c !== 'day') await con.run(`CREATE TYPE enum_${c} AS ENUM (${list(Array.from(new Set(v.dict[c]))).slice(1, -1)})`);
    await con.run(
      `CREATE OR REPLACE TABLE kunjungan AS SELECT ${text('cabang')}, ${text('sumber')}, DATE '1970-01-01' + r.day AS tanggal, ${text('layanan')}, ${text('kanal')}, ${text('topik')}, ` +
        `${text('kelompok_usia')}, ${text('generasi')}, ${text('status_bersih')}, CAST(r.i AS VARCHAR) AS kunci_baris ` +
        `FROM read_csv('${file}', header = false, columns = {${columns}}) AS r`,
    );
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

export interface ViewRun {
  rows: ViewRows;
  ms: number;
  /** CPU time of the process (DuckDB's threads run in it) while the query ran. */
  cpuMs: number;
}

/**
 * Runs one view; its rows by cabang, normalised by the contract's column types. `ms` is the
 * query's run into a result table, as a dashboard's query runs in BigQuery; handing the rows to
 * JavaScript for the comparison (millions of cells for ds_harian) is not counted.
 */
export async function runView(con: DuckDBConnection, tab: string, options: Partial<SqlOptions>): Promise<ViewRun> {
  const types = tabContract(tab).columns.map((c) => c.type);
  const t0 = performance.now();
  const cpu = process.cpuUsage();
  await con.run(`CREATE OR REPLACE TEMP TABLE hasil_${tab} AS ${toDuckDb(viewQuery(tab, options))}`);
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - t0;
  const reader = await con.runAndReadAll(`SELECT * FROM hasil_${tab}`);
  await con.run(`DROP TABLE hasil_${tab}`);
  const rows: ViewRows = new Map();
  for (const raw of reader.getRowsJson()) {
    const cabang = String(raw[0]);
    const row: Row = types.map((type, i) => normalise(raw[i + 1], type, () => ''));
    const list = rows.get(cabang);
    if (list) list.push(row);
    else rows.set(cabang, [row]);
  }
  return { rows, ms, cpuMs: (used.user + used.system) / 1000 };
}
