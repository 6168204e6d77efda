/**
 * The add-on's flows: read → plan → write, for clean, reports, summaries, undo and nightly. Each
 * flow runs under the run lock (lock.ts) and talks to Sheets only through sheets.ts and
 * backup.ts. What to write, and whether, is decided by the core's plan (core/plan.ts): this
 * module reads a log once into a snapshot, hands it to `planLog`, and executes the answer.
 */
import type { CleanResult, Lang, MappingView, ReportResult, Role, RunRecord, Settings, SummaryResult, TabLink, UndoEntryView, UndoResult } from '../shared/api';
import { Cell, Grid, isBlank } from '../core/cells';
import { CleanPlan } from '../core/clean';
import { SavedMapping, detectMapping } from '../core/mapping';
import { KamusEntry } from '../core/canonical';
import { REPORT_TABS, SUMMARY_TABS, tabContract } from '../core/contract';
import { summarise } from '../core/summarise';
import { lookerStudioUrl } from '../core/looker';
import { VERSION } from '../core/version';
import { errorText } from '../core/i18n';
import { ZoneClock, isoOfDay } from '../core/zone';
import {
  LogPlan,
  LogSnapshot,
  PlannedLog,
  SAMPLE_ROWS,
  cellGrowth,
  confirmMapping,
  kamusOfRows,
  blocksOf,
  cellsOf,
  formattedColumns,
  infoWithRun,
  kamusRows,
  mappingViewOf,
  patchFormatReads,
  patchFormatsToWrite,
  pendingWithout,
  pendingWriting,
  planLog,
  problemRows,
  runRecordOf,
  sheetRecordsOf,
  widthOf,
} from '../core/plan';
import { Deadline, zoneClockOf } from './clock';
import { UserError, isProtectionRefusal, writingTo } from './errors';
import { RunContext, saveState } from './lock';
import { DocState, markLog } from './state';
import {
  CELL_LIMIT,
  FORMAT_NOT_READ,
  Patch,
  ensureSize,
  ensureTab,
  findOwnTab,
  findSheetById,
  isOwnTab,
  readFormats,
  readFormulaCells,
  readGrid,
  readMerges,
  readTable,
  readValues,
  slicePatch,
  spreadsheetCells,
  styleTable,
  writePatch,
  writeTable,
} from './sheets';
import { dashboardPlan, writeDashboard } from './dasbor';
import { DASHBOARD_EXTRA_TABS, DASHBOARD_TAB } from '../core/dasbor';
import { backupGrowth, clearBlocks, dropBackupEntry, restoreBackup, saveBackup, undoHistory } from './backup';
import { historyView, sameRunEntries } from '../core/undo';
import { PlainPatch, conflictingRows, rowsLeftForStaff, withoutRows } from '../core/rectangles';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What every flow needs besides the lock context. */
export interface Env {
  lang: Lang;
  settings: Settings;
  clock: ZoneClock;
  /** The spreadsheet's locale: evidence for how ambiguous text dates read. */
  locale: string;
}

export function envOf(ss: Spreadsheet, state: DocState, lang: Lang, language: Settings['language']): Env {
  return { lang, settings: { ...state.settings, language }, clock: zoneClockOf(ss.getSpreadsheetTimeZone()), locale: ss.getSpreadsheetLocale() };
}

// ---------------------------------------------------------------------------------------------
// Mapping (the sidebar reads only the top rows of a sheet)

function savedMapping(state: DocState, sheet: Sheet): SavedMapping | undefined {
  return state.mappings[String(sheet.getSheetId())];
}

/** The mapping the user confirms in the sidebar (decided by core/plan.ts confirmMapping). */
export function confirmedMapping(state: DocState, sheet: Sheet, roles: Record<string, Role>, constants: { service: string; channel: string }): SavedMapping {
  const confirmed = confirmMapping(readTable(sheet, SAMPLE_ROWS), sheet.getName(), savedMapping(state, sheet), roles, constants);
  if (!confirmed.ok) throw new UserError(confirmed.code, confirmed.code === 'BAD_INPUT' ? { detail: 'roles' } : { sheet: sheet.getName() });
  return confirmed.mapping;
}

/** The sidebar's view of a sheet's mapping; reads only the top rows. */
export function mappingView(state: DocState, sheet: Sheet, env: Env): MappingView {
  const sheetId = sheet.getSheetId();
  const facts = { sheetId, sheetName: sheet.getName(), lastRow: sheet.getLastRow(), saved: savedMapping(state, sheet), registered: state.registered.includes(sheetId) };
  return mappingViewOf(readTable(sheet, SAMPLE_ROWS), facts, env.clock, env.lang);
}

// ---------------------------------------------------------------------------------------------
// Read once, plan

export function readKamus(ss: Spreadsheet, state: DocState): KamusEntry[] {
  const sheet = findOwnTab(ss, state.tabs, 'kamus');
  return sheet ? kamusOfRows(readTable(sheet)) : [];
}

/** A log as the core plans it: its used range, formula cells and merged ranges, read once. */
export function readSnapshot(ss: Spreadsheet, state: DocState, sheet: Sheet): LogSnapshot {
  const snap: LogSnapshot = { sheetId: sheet.getSheetId(), sheetName: sheet.getName(), ownTab: isOwnTab(ss, state.tabs, sheet), grid: [], formulas: new Set(), merges: [] };
  if (snap.ownTab) return snap;
  const grid = readGrid(sheet);
  const width = grid[0]?.length ?? 0;
  if (width === 0) return snap;
  return { ...snap, grid, formulas: readFormulaCells(sheet, grid.length, width), merges: readMerges(sheet, grid.length, width) };
}

/** Reads a sheet and plans its clean. Throws the plan's refusal (NOT_A_LOG, NO_DATE_COLUMN, …). */
export function planSheet(ss: Spreadsheet, state: DocState, env: Env, sheet: Sheet, kamus: readonly KamusEntry[]): { log: LogPlan; grid: Grid } {
  const snap = readSnapshot(ss, state, sheet);
  const outcome = planLog(snap, { lang: env.lang, settings: env.settings, clock: env.clock, locale: env.locale, kamus, saved: savedMapping(state, sheet) });
  if (!outcome.ok) throw new UserError(outcome.refusal.code, outcome.refusal.params);
  return { log: outcome.log, grid: snap.grid };
}

/**
 * The formats each patch is written with, as core/plan.ts decides them: the adapter reads the
 * formats it is told to read, and patches that write dates keep the originals for the backup.
 */
function withFormats(sheet: Sheet, plan: CleanPlan, patches: PlainPatch[], readWidth: number): Patch[] {
  const formatted = formattedColumns(plan.changes);
  return patches.map((p) => {
    const { reads, current } = patchFormatReads(p, formatted, readWidth);
    for (const f of reads) {
      const read = readFormats(sheet, p.row + f.row, f.col, f.rows, f.cols);
      for (let i = 0; i < f.rows; i++) {
        const row = current[f.row + i];
        const got = read[i];
        if (!row || !got) continue;
        for (let k = 0; k < f.cols; k++) row[f.col - p.col + k] = got[k] ?? FORMAT_NOT_READ;
      }
    }
    const formats = patchFormatsToWrite(plan.changes, p, current, readWidth, plan.derivedStart);
    return { ...p, formats, originalFormats: formats ? current : null, current };
  });
}

/**
 * Rows of a patch that hold something else now than the plan was made from: staff edited them
 * (or typed into the empty cells the derived block was to take) between the read and the write.
 * Every cell the patch would write is checked again just before it is written: the columns at
 * its right that were empty in every row (the derived block on a first run) by one isBlank()
 * call, the others by a read.
 */
function editedRows(sheet: Sheet, p: Patch): number[] {
  const rows = p.values.length;
  const cols = widthOf(p);
  let blankFrom = cols;
  while (blankFrom > 0 && p.originals.every((row) => isBlank(row[blankFrom - 1]))) blankFrom--;
  if (blankFrom < cols && !sheet.getRange(p.row + 1, p.col + blankFrom + 1, rows, cols - blankFrom).isBlank()) blankFrom = cols;
  if (blankFrom === 0) return [];
  const now = readValues(sheet, p.row, p.col, rows, blankFrom);
  return conflictingRows(
    p.originals.map((row) => row.slice(0, blankFrom)),
    now,
  ).map((i) => p.row + i);
}

// ---------------------------------------------------------------------------------------------
// Clean

export interface CleanOutcome {
  result: CleanResult;
  plan: CleanPlan;
}

/** Tabs this run may still create (kamus, masalah_data, summaries, dasbor): each a new 1000 × 26 grid. */
function tabsToCreate(state: DocState): number {
  return [...REPORT_TABS, ...SUMMARY_TABS, { name: DASHBOARD_TAB }].filter((tab) => state.tabs[tab.name] === undefined).length + (state.tabs[DASHBOARD_TAB] === undefined ? DASHBOARD_EXTRA_TABS : 0);
}

/**
 * Cleans one sheet in place. Order matters for safety: plan everything, check the cell limit,
 * commit the backup, write the dictionary, then the log; a failed log write rolls back what it
 * wrote. At the deadline the run stops between writes and records where to continue.
 */
export function cleanSheetFlow(ctx: RunContext, env: Env, sheet: Sheet, deadline: Deadline): CleanOutcome {
  const { ss, state } = ctx;
  // The dictionary is read for each log, just before it is planned: a staff edit to the kamus tab
  // made while an earlier log of the run was cleaned is kept (a copy carried over would overwrite it).
  const { log, grid } = planSheet(ss, state, env, sheet, readKamus(ss, state));
  const { plan, patches: plain } = log;
  const width = grid[0]?.length ?? 0;
  const sheetId = sheet.getSheetId();

  let cellsWritten = 0;
  let rowsEditedDuringRun = 0;
  let complete = true;
  if (plain.length > 0) {
    // Every execution backs up exactly what it is about to write, also when it continues a run
    // cut at its deadline: staff may have typed in between, and undo must give that back too.
    const neededCols = Math.max(sheet.getMaxColumns(), log.neededColumns);
    const growth = cellGrowth({ maxRows: sheet.getMaxRows(), maxColumns: sheet.getMaxColumns() }, neededCols, backupGrowth(ss, state.tabs, plain), tabsToCreate(state));
    if (spreadsheetCells(ss) + growth > CELL_LIMIT) throw new UserError('TOO_LARGE', { limit: CELL_LIMIT.toLocaleString('id-ID') });
    // The grid is widened first: the derived block may lie past the sheet's last column, and
    // formats can only be read inside the grid.
    writingTo(sheet.getName(), () => ensureSize(sheet, grid.length, neededCols));
    const patches = withFormats(sheet, plan, plain, width);
    const startedAt = state.pending?.startedAt ?? new Date().toISOString();
    const kind = state.pending?.kind ?? 'clean';
    const { entry, evicted } = saveBackup(ss, state.tabs, sheet, patches, kind, grid, Math.min(width, plan.derivedStart), kind + '@' + startedAt);
    state.pending = pendingWriting(state.pending, sheetId, entry.id, startedAt);
    const written: Patch[] = [];
    /** The patch being written: its formats may be set while its values call fails. */
    let inFlight: Patch | null = null;
    try {
      // Inside the try: a failure from here on ends the run with its undo entry dropped.
      saveState(ctx);
      if (log.kamusChanged) writeKamus(ss, state, plan.kamus);
      for (const block of blocksOf(patches)) {
        // At least one block per execution, so a continuation always makes progress; never
        // between the pieces of one block.
        if (written.length > 0 && deadline.passed()) {
          complete = false;
          break;
        }
        // Each patch is checked right before its own write; a row found edited is left out of
        // the rest of its block too, and counted.
        const edited = new Set<number>();
        for (const p of block) {
          for (const r of editedRows(sheet, p)) edited.add(r);
          for (const q of edited.size ? withoutRows(p, edited, slicePatch) : [p]) {
            inFlight = q;
            writePatch(sheet, q);
            inFlight = null;
            written.push(q);
            cellsWritten += cellsOf(q);
          }
        }
        rowsEditedDuringRun += edited.size;
      }
    } catch (e) {
      // Put back what this run wrote, newest first, so the log is as it was before the run; a row
      // staff edited since our write keeps their edit. The run is over: nothing is pending. Its
      // undo entry goes when everything was put back (it would restore nothing and hide the run
      // before it); when a row was left for staff's edit, the rest of that row is still cleaned,
      // and the entry stays so undo can give those cells back one by one.
      /** Gives a patch's rows their originals back, except the rows staff changed (core/rectangles.ts decides which). */
      const restore = (q: Patch, cutOff: boolean): number => {
        const staff = rowsLeftForStaff(q, readValues(sheet, q.row, q.col, q.values.length, widthOf(q)), cutOff);
        for (const r of staff.size ? withoutRows(q, staff, slicePatch) : [q]) writePatch(sheet, r, true);
        return staff.size;
      };
      let leftForStaff = 0;
      if (inFlight) {
        try {
          leftForStaff += restore(inFlight, true);
        } catch {
          // Refused as the write was (a protected range): it changed nothing there. The failure
          // reported is the write's own.
        }
      }
      for (const q of written.slice().reverse()) leftForStaff += restore(q, false);
      if (leftForStaff === 0) dropBackupEntry(ss, state.tabs, entry.id, evicted);
      state.pending = null;
      if (isProtectionRefusal(e)) throw new UserError('PROTECTED', { sheet: sheet.getName() });
      throw e;
    }
    clearBlocks(ss, state.tabs, evicted);
  } else if (log.kamusChanged) {
    writeKamus(ss, state, plan.kamus);
  }

  if (complete) state.pending = pendingWithout(state.pending, sheetId);
  const newlyRegistered = !state.registered.includes(sheetId);
  if (newlyRegistered) state.registered.push(sheetId);
  // The mapping this clean used is the confirmed one from now on (core/plan.ts mappingToSave).
  const key = String(sheetId);
  if (log.mappingToSave) {
    state.mappings[key] = log.mappingToSave;
    markLog(sheet, log.mappingToSave);
  } else if (newlyRegistered) markLog(sheet, state.mappings[key]);
  saveState(ctx);
  return {
    plan,
    result: {
      sheetId,
      sheetName: sheet.getName(),
      rowsRead: plan.rowsRead,
      blankRows: plan.blankRows,
      byStatus: plan.counts,
      cellsWritten,
      rowsEditedDuringRun,
      topChanges: plan.topChanges,
      problems: plan.problems.length,
      complete,
      check: plan.check,
    },
  };
}

function writeKamus(ss: Spreadsheet, state: DocState, entries: KamusEntry[]): void {
  writeReportTab(ss, state, 'kamus', kamusRows(entries));
}

// ---------------------------------------------------------------------------------------------
// Reports and summaries

const WIDTHS: Record<string, number> = { tanggal: 100, topik: 220, catatan: 260, masalah: 240, tindakan: 260, nilai_asli: 180, nilai_baku: 180, nilai: 260, kunci: 180 };

function writeReportTab(ss: Spreadsheet, state: DocState, name: string, rows: Cell[][]): Sheet {
  const contract = tabContract(name);
  const fresh = findOwnTab(ss, state.tabs, name) === null;
  const sheet = ensureTab(ss, state.tabs, name);
  const headers = contract.columns.map((c) => c.header);
  writingTo(sheet.getName(), () => writeTable(sheet, headers, rows, contract.columns.map((c) => c.type)));
  if (fresh) styleTable(sheet, headers, headers.map((h) => WIDTHS[h] ?? 120));
  return sheet;
}

function tabLink(ss: Spreadsheet, sheet: Sheet, rows: number): TabLink {
  return { name: sheet.getName(), sheetId: sheet.getSheetId(), rows, url: `${ss.getUrl()}#gid=${sheet.getSheetId()}` };
}

/**
 * Plans every registered sheet without writing (the log is already clean, or will be), reusing
 * the plans this run already made: each log is read once per run. A registered sheet that is no
 * longer a log (emptied, its date header gone) is left out, not fatal: one bad sheet must not
 * stop the summaries of the others.
 */
export function planRegistered(ctx: RunContext, env: Env, given: Map<number, CleanPlan> = new Map(), skipped: string[] = [], blocked?: string[]): PlannedLog[] {
  const { ss, state } = ctx;
  const kamus = state.registered.some((id) => !given.has(id)) ? readKamus(ss, state) : [];
  const out: PlannedLog[] = [];
  for (const id of state.registered) {
    const sheet = findSheetById(ss, id);
    if (!sheet) continue;
    let plan = given.get(id);
    if (!plan) {
      try {
        plan = planSheet(ss, state, env, sheet, kamus).log.plan;
      } catch (e) {
        // A sheet whose confirmed columns moved blocks the summaries: without it they would
        // silently drop its visits. Other unplannable sheets are skipped and named.
        // (Collected in `blocked` when the caller decides what a blocked run does.)
        if (!(e instanceof UserError)) throw e;
        if (e.code === 'MAPPING_CHANGED') {
          if (!blocked) throw e;
          blocked.push(`${sheet.getName()}: ${errorText(env.lang, e.code, e.params).message}`);
          continue;
        }
        skipped.push(sheet.getName());
        continue;
      }
    }
    out.push({ sheetName: sheet.getName(), plan });
  }
  return out;
}

export function writeReportsFlow(ctx: RunContext, plans: readonly PlannedLog[]): ReportResult {
  const rows = problemRows(plans);
  const sheet = writeReportTab(ctx.ss, ctx.state, 'masalah_data', rows);
  saveState(ctx);
  return { problems: rows.length, tab: tabLink(ctx.ss, sheet, rows.length) };
}

export function summariseFlow(ctx: RunContext, env: Env, plans: readonly PlannedLog[], lastRun: RunRecord | null): SummaryResult {
  const { ss, state } = ctx;
  const summaries = summarise(sheetRecordsOf(plans), env.settings, env.clock, {
    version: VERSION,
    refreshedAt: Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), "yyyy-MM-dd'T'HH:mm:ssXXX"),
    lastRun,
    today: env.clock.toLocal(new Date()).day,
    lang: env.lang,
  });
  const links: TabLink[] = [];
  for (const table of summaries.tables) {
    const sheet = writeReportTab(ss, state, table.name, table.rows);
    links.push(tabLink(ss, sheet, table.rows.length));
  }
  writingTo(DASHBOARD_TAB, () => writeDashboard(ss, state.tabs, dashboardPlan(summaries, env.clock, env.lang)));
  saveState(ctx);
  // Data sources are named by contract name (a renamed tab keeps its id and its data source).
  const lookerTabs = SUMMARY_TABS.filter((tab) => tab.name.startsWith('ds_')).flatMap((tab) => {
    const sheetId = state.tabs[tab.name];
    return sheetId === undefined ? [] : [{ name: tab.name, sheetId }];
  });
  return {
    tabs: links,
    byStatus: summaries.counts,
    earlyMonthPeaks: summaries.earlyMonthPeaks,
    lookerStudioUrl: lookerStudioUrl(ss.getId(), lookerTabs, 'Pola Layanan \u2013 ' + ss.getName()),
    sheetsIncluded: plans.map((p) => p.sheetName),
    findings: summaries.findings,
    weeks: summaries.weeks.map((w) => ({ ...w, monday: isoOfDay(w.monday) })),
    weekOfMonth: summaries.peaks.map((p) => ({ week: p.week, perWorkingDay: Math.round(p.perWorkingDay * 100) / 100, peak: p.peak })),
  };
}

/**
 * Records a run's outcome in info_ringkasan's run_terakhir_* rows only, so a failed run is
 * visible there while every data tab keeps the last good summaries.
 */
export function recordRunInInfo(ss: Spreadsheet, tabs: Record<string, number>, record: RunRecord): void {
  const sheet = findOwnTab(ss, tabs, 'info_ringkasan');
  if (!sheet) return;
  const columns = tabContract('info_ringkasan').columns;
  writeTable(sheet, columns.map((c) => c.header), infoWithRun(readTable(sheet).slice(1), record), columns.map((c) => c.type));
}

// ---------------------------------------------------------------------------------------------
// Undo

export function undoFlow(ctx: RunContext, entryId?: string): UndoResult {
  const restored = restoreBackup(ctx.ss, ctx.state.tabs, entryId);
  if (!restored) throw new UserError('NO_UNDO');
  const { entry } = restored;
  let { cells, rowsSkipped, cellsKept } = restored;
  // A run continued over several executions left one entry per execution: undo them together.
  for (const more of sameRunEntries(undoHistory(ctx.ss, ctx.state.tabs), entry)) {
    const next = restoreBackup(ctx.ss, ctx.state.tabs, more.id);
    if (!next) break;
    cells += next.cells;
    rowsSkipped += next.rowsSkipped;
    cellsKept += next.cellsKept;
  }
  // A run still pending on that sheet would continue from a backup that is gone: drop it.
  if (ctx.state.pending && ctx.state.pending.backupId === entry.id) ctx.state.pending = null;
  saveState(ctx);
  return { entryId: entry.id, sheetName: entry.sheetName, cellsRestored: cells, rowsSkipped, cellsKept };
}

/** The history as the sidebar lists it: newest first, each marked undoable when it is the newest of its sheet. */
export function undoHistoryView(ss: Spreadsheet, state: DocState): UndoEntryView[] {
  return historyView(undoHistory(ss, state.tabs)).map(({ entry: e, rows, undoable }) => {
    const sheet = findSheetById(ss, e.sheetId);
    return { id: e.id, sheetName: sheet ? sheet.getName() : e.sheetName, at: e.at, kind: e.kind, rows, undoable: undoable && sheet !== null };
  });
}

// ---------------------------------------------------------------------------------------------
// Run records

export function runRecord(kind: RunRecord['kind'], start: Date, ok: boolean, rows: number, error = '', continued = false, review = ''): RunRecord {
  return runRecordOf(kind, start.toISOString(), new Date().toISOString(), ok, rows, error, continued, review);
}


/** Sheets of a workbook that look like service logs (for the runner's "clean every log"). */
export function logSheets(ss: Spreadsheet, tabs: Record<string, number>): Sheet[] {
  return ss.getSheets().filter((sheet) => {
    if (isOwnTab(ss, tabs, sheet) || sheet.isSheetHidden()) return false;
    const lastRow = sheet.getLastRow();
    const lastCol = sheet.getLastColumn();
    if (lastRow < 2 || lastCol === 0) return false;
    const top = sheet.getRange(1, 1, Math.min(lastRow, 15), lastCol).getValues() as Grid;
    return detectMapping(top, sheet.getName()) !== null;
  });
}
