/**
 * One benchmark scenario, in its own process so that peak memory is its own. Prints one JSON
 * line. Stages, timed separately:
 *   read      the file as the clean takes it (CSV: straight from its bytes into a column table,
 *             numbers converted as a Sheets import does; XLSX: the runner's loader, getValues rows)
 *   clean     the pure cleaner on every log sheet
 *   summarise the pure summaries
 *   write     the adapter's writes (src/server/sheets.ts) to the emulator: the changed-cell
 *             rectangles of every log and every summary tab
 * and, where the log fits in a spreadsheet, the real bundle's Clean & Summarize on the emulator
 * for its service calls, and a second run to check that an already-clean log gets 0 cells.
 */
import * as path from 'path';
import { Emulator, callEntry, runInContext } from '../emulator';
import type { EmuSheet } from '../emulator';
import { readCsvTableFile } from '../runner/csv';
import { loadInput, fillSheet } from '../runner/io';
import { loadBundle } from '../runner/run';
import { detectMapping } from '../../src/core/mapping';
import { cleanLog, CleanPlan } from '../../src/core/clean';
import { summarise } from '../../src/core/summarise';
import { tabContract } from '../../src/core/contract';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { intlZoneClock } from '../emulator';
import type { Grid } from '../../src/core/cells';
import { ColumnTable, rowsOf } from '../../src/core/columns';
import { writePatch, writeTable, ensureSize, readGrid, Patch } from '../../src/server/sheets';
import { patchesFor, MAX_ROWS_PER_CALL } from '../../src/core/rectangles';
import { cellsByMethod, changedCells, ratio, smallTabCells, tableCells, usedCells, usedGrid } from './io';

const TZ = 'Asia/Jakarta';
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

interface Sheet {
  name: string;
  /** What the clean reads: a CSV straight into a column table, a workbook as getValues gives it. */
  input: Grid | ColumnTable;
  /** The rows, for the emulator's sheets (made after the timed stages for a CSV). */
  grid: Grid;
}

function readInput(file: string): Sheet[] {
  if (file.toLowerCase().endsWith('.csv')) {
    const table = readCsvTableFile(file, { numbers: true });
    const sheet = { name: path.basename(file).replace(/\.csv$/i, ''), input: table, grid: [] as Grid };
    return [sheet];
  }
  const { ss } = loadInput(file);
  return ss.getSheets().map((s) => {
    const grid = s.getRange(1, 1, s.getLastRow(), s.getLastColumn()).getValues() as Grid;
    return { name: s.getName(), input: grid, grid };
  });
}

/** The rows of a sheet read as a column table (outside the timed stages: the emulator needs rows). */
function withRows(sheet: Sheet): void {
  if (!Array.isArray(sheet.input)) sheet.grid = rowsOf(sheet.input, 0, sheet.input.rowCount);
}

async function main(): Promise<void> {
  const [name, file] = process.argv.slice(2);
  const out: Record<string, unknown> = { scenario: name, file: path.basename(file) };
  const clock = intlZoneClock(TZ);

  let t = Date.now();
  const sheets = readInput(file);
  out.read_ms = Date.now() - t;
  const rows = sheets.reduce((n, s) => n + Math.max(0, (Array.isArray(s.input) ? s.input.length : s.input.rowCount) - 1), 0);
  out.rows = rows;

  t = Date.now();
  const plans: { sheet: Sheet; plan: CleanPlan }[] = [];
  for (const sheet of sheets) {
    const mapping = detectMapping(sheet.input, sheet.name);
    if (!mapping) continue;
    plans.push({ sheet, plan: cleanLog(sheet.input, { sheetName: sheet.name, mapping, clock, settings: DEFAULT_SETTINGS, kamus: [], lang: 'id' }) });
  }
  out.clean_ms = Date.now() - t;

  t = Date.now();
  const summaries = summarise(
    plans.map(({ sheet, plan }) => ({ sheetName: sheet.name, visits: plan.visits, counts: plan.counts, rowsRead: plan.rowsRead })),
    DEFAULT_SETTINGS,
    clock,
    { version: 'bench', refreshedAt: new Date().toISOString(), lastRun: null },
  );
  out.summarise_ms = Date.now() - t;
  out.peak_rss_mb = rssMb();
  out.pipeline_ms = (out.read_ms as number) + (out.clean_ms as number) + (out.summarise_ms as number);
  out.counted = summaries.counts.OK + summaries.counts.DIPERBAIKI;
  // The emulator and the write stage need rows: a CSV read as columns gets them now, untimed.
  for (const sheet of sheets) withRows(sheet);

  // The adapter's writes, against the emulator (its cell limit lifted: a 1M-row log with its
  // derived columns does not fit in one spreadsheet, and the add-on refuses it there).
  const emu = new Emulator({ timeZone: TZ, cellLimit: Number.MAX_SAFE_INTEGER });
  const ss = emu.createSpreadsheet('bench');
  const targets = new Map<string, EmuSheet>();
  plans.forEach(({ sheet }, i) => {
    const s = i === 0 ? ss.getSheets()[0] : ss.insertSheet(sheet.name);
    if (i === 0) s.setName(sheet.name);
    fillSheet(s, sheet.grid as (string | number | boolean | Date)[][]);
    targets.set(sheet.name, s);
  });
  emu.resetStats();
  // The adapter's chunked read (no call moves more than MAX_ROWS_PER_CALL rows).
  let maxRowsPerCall = 0;
  for (const s of targets.values()) {
    readGrid(s as unknown as GoogleAppsScript.Spreadsheet.Sheet);
    maxRowsPerCall = Math.max(maxRowsPerCall, Math.min(s.getLastRow(), MAX_ROWS_PER_CALL));
  }
  const adapterReads = { calls: emu.stats.totalCalls, cells: emu.stats.cellsRead };
  emu.resetStats();
  t = Date.now();
  for (const { sheet, plan } of plans) {
    const target = targets.get(sheet.name) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    ensureSize(target, sheet.grid.length, plan.derivedStart + 6);
    for (const p of patchesFor(plan.changes, sheet.grid, new Set(), sheet.grid[0].length)) {
      const patch: Patch = { ...p, formats: null, originalFormats: null, current: p.values.map((r) => r.map(() => 'General')) };
      writePatch(target, patch);
      maxRowsPerCall = Math.max(maxRowsPerCall, p.values.length);
    }
  }
  for (const table of summaries.tables) {
    const tab = ss.insertSheet(table.name) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    writeTable(tab, table.headers, table.rows, tabContract(table.name).columns.map((c) => c.type));
  }
  out.write_ms = Date.now() - t;
  out.write_calls = emu.stats.totalCalls;
  out.write_cells = emu.stats.cellsWritten;
  out.total_ms = (out.pipeline_ms as number) + (out.write_ms as number);

  // The real bundle (one Clean & Summarize over every log sheet), where the log fits a spreadsheet.
  const cells = sheets.reduce((n, s) => n + s.grid.length * ((s.grid[0]?.length ?? 0) + 6) * 2, 0);
  if (cells < 9_000_000) {
    const bundle = await loadBundle();
    const real = new Emulator({ timeZone: TZ });
    const rss = real.createSpreadsheet('bench');
    sheets.forEach((sheet, i) => {
      const s = i === 0 ? rss.getSheets()[0] : rss.insertSheet(sheet.name);
      if (i === 0) s.setName(sheet.name);
      fillSheet(s, sheet.grid as (string | number | boolean | Date)[][]);
    });
    real.setActive(rss);
    const ctx = runInContext(bundle.code, real);
    // Issue #12's I/O figures (tools/bench/io.ts says what each counts).
    const logNames = new Set(sheets.map((s) => s.name));
    const logs = () => rss.getSheets().filter((s) => logNames.has(s.getName()));
    const before = logs().map(usedGrid);
    const usedLog = logs().reduce((n, s) => n + usedCells(s), 0);
    const small = smallTabCells(rss);
    real.resetStats();
    let first: { ok: boolean; error?: { message: string } } = { ok: false };
    const byMethod = cellsByMethod(real, () => (first = callEntry(ctx, 'analyzeAll') as typeof first));
    if (!first.ok) throw new Error(first.error?.message);
    const firstStats = { read: real.stats.cellsRead, written: real.stats.cellsWritten };
    // The logs' read plus the re-check of the cells each write overwrites; the formats read.
    out.cells_read_values = byMethod['Range.getValues']?.read ?? 0;
    out.cells_read_formats = byMethod['Range.getNumberFormats']?.read ?? 0;
    const derivedLog = logs().reduce((n, s, i) => n + changedCells(before[i] ?? [], usedGrid(s)), 0);
    const derived = derivedLog + tableCells(rss, logNames);
    out.used_log_cells = usedLog;
    out.small_tab_cells = small;
    out.read_ratio = ratio(firstStats.read, usedLog + small);
    out.derived_log_cells = derivedLog;
    out.derived_cells = derived;
    out.write_ratio = ratio(firstStats.written, derived);
    const rerunUsed = logs().reduce((n, s) => n + usedCells(s), 0);
    const rerunSmall = smallTabCells(rss);
    const calls = real.stats.calls;
    out.sheets_calls = Object.entries(calls).filter(([k]) => /^(Spreadsheet|Sheet|Range|SpreadsheetApp)\./.test(k)).reduce((n, [, v]) => n + v, 0);
    out.sheets_calls_reads = (calls['Range.getValues'] ?? 0) + (calls['Range.getFormulas'] ?? 0) + (calls['Range.getNumberFormats'] ?? 0) + (calls['Range.getValue'] ?? 0);
    out.sheets_calls_writes = (calls['Range.setValues'] ?? 0) + (calls['Range.setNumberFormats'] ?? 0) + (calls['Range.setValue'] ?? 0);
    out.cells_read = firstStats.read;
    out.cells_written = firstStats.written;
    real.resetStats();
    callEntry(ctx, 'analyzeAll');
    const logIds = sheets.map((s) => rss.getSheetByName(s.name)!.getSheetId());
    out.rerun_log_cells_written = logIds.reduce((n, id) => n + (real.rt.cellsWrittenBySheet[id] ?? 0), 0);
    out.rerun_cells_read = real.stats.cellsRead;
    out.rerun_cells_written = real.stats.cellsWritten;
    out.rerun_used_log_cells = rerunUsed;
    out.rerun_small_tab_cells = rerunSmall;
    out.rerun_read_ratio = ratio(real.stats.cellsRead, rerunUsed + rerunSmall);
    out.calls_source = 'bundle';
  } else {
    // The bundle refuses this log (see note); count the adapter's own reads and writes instead.
    out.sheets_calls = adapterReads.calls + (out.write_calls as number);
    out.cells_read = adapterReads.cells;
    out.cells_written = out.write_cells;
    out.calls_source = 'adapter';
    out.bundle_note = 'log + derived columns exceed one spreadsheet (10,000,000 cells): the add-on refuses it with TOO_LARGE before writing';
  }
  out.max_rows_per_call = maxRowsPerCall;
  out.peak_rss_total_mb = rssMb();
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
