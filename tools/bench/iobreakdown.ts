/**
 * `tsx tools/bench/iobreakdown.ts FILE [--runs N]`: where the real bundle's cells go on a Clean &
 * Summarize (entry analyzeAll) over FILE: cells read and written per Range method and per sheet,
 * first run and re-runs. A diagnostic for issue #12's I/O targets; prints a table per run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Emulator, EmuRange, callEntry, runInContext } from '../emulator';
import { readCsv } from '../runner/csv';
import { loadInput, fillSheet } from '../runner/io';
import { loadBundle } from '../runner/run';
import { integerOption, parseOneInput, runMain } from '../runner/args';

const USAGE = `Usage: tsx tools/bench/iobreakdown.ts FILE.csv|FILE.xlsx [--runs N] [--append PCT]

Runs the bundle's analyzeAll on FILE in the emulator N times (default 2: a first run and a
re-run) and prints, per run, the cells read and written per Range method and per sheet.

Options:
  --runs N       how many runs (1 to 10, default 2)
  --append PCT   before each re-run, append again the last PCT % of each log's original rows
                 (the staff's columns only, names suffixed so they are not duplicates, dates
                 set to the log's last so they do not go back): the nightly case of a log that grew since it was cleaned
  -h, --help     this text`;

const SPEC = { name: 'iobreakdown', usage: USAGE, maxPositionals: 1, options: { runs: { type: 'string' }, append: { type: 'string' } } } as const;

type Row = { calls: number; read: number; written: number };

async function main(): Promise<void> {
  const parsed = parseOneInput(SPEC, process.argv.slice(2), 'a file to run');
  if (!parsed) return;
  const file = parsed.input;
  const runs = parsed.values.runs === undefined ? 2 : integerOption('--runs', parsed.values.runs, { min: 1, max: 10 });
  const appendPct = parsed.values.append === undefined ? 0 : integerOption('--append', parsed.values.append, { min: 0, max: 100 });
  const sheets: { name: string; grid: unknown[][] }[] = file.toLowerCase().endsWith('.csv')
    ? [{ name: path.basename(file).replace(/\.csv$/i, ''), grid: readCsv(fs.readFileSync(file, 'utf8'), { numbers: true }) as unknown[][] }]
    : loadInput(file).ss.getSheets().map((s) => ({ name: s.getName(), grid: s.getRange(1, 1, s.getLastRow(), s.getLastColumn()).getValues() }));
  const emu = new Emulator({ timeZone: 'Asia/Jakarta' });
  const ss = emu.createSpreadsheet('bench');
  sheets.forEach((sheet, i) => {
    const s = i === 0 ? ss.getSheets()[0] : ss.insertSheet(sheet.name);
    if (i === 0) s.setName(sheet.name);
    fillSheet(s, sheet.grid as (string | number | boolean | Date)[][]);
  });
  emu.setActive(ss);
  for (const s of ss.getSheets()) console.log(`used ${s.getName()}: ${s.getLastRow()} x ${s.getLastColumn()} = ${s.getLastRow() * s.getLastColumn()}`);
  const table = new Map<string, Row>();
  const proto = EmuRange.prototype as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const fn = proto[name];
    if (name === 'constructor' || name.startsWith('_') || typeof fn !== 'function') continue;
    proto[name] = function (this: EmuRange, ...args: unknown[]) {
      const r0 = emu.stats.cellsRead;
      const w0 = emu.stats.cellsWritten;
      const out = (fn as (...a: unknown[]) => unknown).apply(this, args);
      const dr = emu.stats.cellsRead - r0;
      const dw = emu.stats.cellsWritten - w0;
      if (dr || dw) {
        const key = `${name}\t${this.getSheet().getName()}`;
        const row = table.get(key) ?? { calls: 0, read: 0, written: 0 };
        row.calls++;
        row.read += dr;
        row.written += dw;
        table.set(key, row);
      }
      return out;
    };
  }
  const bundle = await loadBundle();
  const ctx = runInContext(bundle.code, emu);
  for (let run = 1; run <= runs; run++) {
    if (run > 1 && appendPct > 0) {
      sheets.forEach((sheet, i) => {
        const s = ss.getSheets()[i];
        const header = (sheet.grid[0] ?? []).map(String);
        const name = header.findIndex((h) => /nama/i.test(h));
        const n = Math.floor(((sheet.grid.length - 1) * appendPct) / 100);
        // The visit date column (the first whose header names a date): the appended rows keep its
        // blanks (a date written once per day) and take the log's last date elsewhere, so the
        // dates do not go back (a log kept day by day stays one).
        const date = header.findIndex((h) => /tgl|tanggal|timestamp/i.test(h));
        const lastDate = sheet.grid.map((r) => r[date]).filter((v) => v !== '' && v !== null && v !== undefined).pop();
        const rows = sheet.grid.slice(sheet.grid.length - n).map((r) => r.map((v, k) => (k === name ? `${String(v)} ${run}` : k === date && v !== '' && v !== null && v !== undefined ? lastDate : v)));
        const need = s.getLastRow() + rows.length - s.getMaxRows();
        if (need > 0) s.insertRowsAfter(s.getMaxRows(), need);
        if (rows.length) s.getRange(s.getLastRow() + 1, 1, rows.length, header.length).setValues(rows);
        console.log(`appended ${rows.length} rows to ${s.getName()}: used now ${s.getLastRow()} x ${s.getLastColumn()} = ${s.getLastRow() * s.getLastColumn()}`);
      });
    }
    table.clear();
    emu.resetStats();
    const r = callEntry(ctx, 'analyzeAll') as { ok: boolean; error?: { message: string } };
    if (!r.ok) throw new Error(r.error?.message);
    console.log(`\n== run ${run}: cells read ${emu.stats.cellsRead}, written ${emu.stats.cellsWritten} (other reads: ${emu.stats.cellsRead - [...table.values()].reduce((n, x) => n + x.read, 0)})`);
    const rows = [...table.entries()].sort((a, b) => b[1].read + b[1].written - (a[1].read + a[1].written));
    for (const [k, v] of rows) console.log(`${k.padEnd(40)}\tcalls ${String(v.calls).padStart(5)}\tread ${String(v.read).padStart(9)}\twritten ${String(v.written).padStart(9)}`);
  }
}

if (require.main === module) runMain('iobreakdown', main, [Error]);
