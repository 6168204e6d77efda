/**
 * `tsx tools/bench/iobreakdown.ts FILE [--runs 2]`: where the real bundle's cells go on a Clean &
 * Summarize (entry analyzeAll) over FILE: cells read and written per service method and per sheet,
 * first run and re-run. A diagnostic for issue #12's I/O targets; prints a table per run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Emulator, EmuRange, callEntry, runInContext } from '../emulator';
import { readCsv } from '../runner/csv';
import { loadInput, fillSheet } from '../runner/io';
import { loadBundle } from '../runner/run';

type Row = { calls: number; read: number; written: number };

async function main(): Promise<void> {
  const file = process.argv[2];
  const runs = Number(process.argv[3] ?? 2);
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
    table.clear();
    emu.resetStats();
    const r = callEntry(ctx, 'analyzeAll') as { ok: boolean; error?: { message: string } };
    if (!r.ok) throw new Error(r.error?.message);
    console.log(`\n== run ${run}: cells read ${emu.stats.cellsRead}, written ${emu.stats.cellsWritten} (other reads: ${emu.stats.cellsRead - [...table.values()].reduce((n, x) => n + x.read, 0)})`);
    const rows = [...table.entries()].sort((a, b) => b[1].read + b[1].written - (a[1].read + a[1].written));
    for (const [k, v] of rows) console.log(`${k.padEnd(40)}\tcalls ${String(v.calls).padStart(5)}\tread ${String(v.read).padStart(9)}\twritten ${String(v.written).padStart(9)}`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
