/**
 * The add-on's flows: read grid → clean → write, rebuild reports, summarise, undo, nightly.
 * Each flow runs under the run lock (lock.ts) and talks to Sheets only through sheets.ts and
 * backup.ts; the decisions are made by the pure core.
 */
import type { CleanResult, Lang, MappingView, ReportResult, Role, RunRecord, Settings, SummaryResult, TabLink, UndoEntryView, UndoResult } from '../shared/api';
import { Cell, Grid, cellText, isBlank, isDate } from '../core/cells';
import { CleanPlan, cleanLog } from '../core/clean';
import { ColumnMapping, MappingResolution, SavedMapping, applyOverrides, detectMapping, columnOf, mappingFromHeader, resolveMapping, savedMappingOf } from '../core/mapping';
import { KamusEntry } from '../core/canonical';
import { FORMAT_OF_TYPE, REPORT_TABS, SUMMARY_TABS, tabContract } from '../core/contract';

/** Cells of a new tab as Sheets creates it (1000 rows × 26 columns). */
const NEW_TAB_CELLS = 26000;
import { SheetRecords, runStatusText, summarise } from '../core/summarise';
import { lookerStudioUrl } from '../core/looker';
import { t } from '../core/i18n';
import { VERSION } from '../core/version';
import { ZoneClock, isoOfDay } from '../core/zone';
import { Deadline, zoneClockOf } from './clock';
import { UserError, isProtectionRefusal, writingTo } from './errors';
import { RunContext, saveState } from './lock';
import { DocState, markLog } from './state';
import { maskPersonal } from '../core/text';
import {
  CELL_LIMIT,
  FORMAT_NOT_READ,
  Patch,
  ensureSize,
  formatSensitive,
  ensureTab,
  findOwnTab,
  findSheetById,
  isOwnTab,
  readFormats,
  readFormulaCells,
  readGrid,
  readMergedRows,
  readTable,
  readValues,
  slicePatch,
  spreadsheetCells,
  styleTable,
  writePatch,
  writeTable,
} from './sheets';
import { backupGrowth, dropBackupEntry, restoreBackup, saveBackup, undoHistory } from './backup';
import { historyView, sameRunEntries } from '../core/undo';
import { PlainPatch, conflictingRows, patchesFor, withoutRows } from '../core/rectangles';
import { DERIVED_HEADERS } from '../core/mapping';

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
// Mapping

/** The mapping of a sheet: detected from its header, with the saved roles applied by header identity. */
export function mappingOf(state: DocState, sheet: Sheet, grid: Grid): MappingResolution {
  return resolveMapping(grid, sheet.getName(), state.mappings[String(sheet.getSheetId())]);
}

const SAMPLE_ROWS = 25;


function topRows(sheet: Sheet): Grid {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  return lastRow > 0 && lastCol > 0 ? (sheet.getRange(1, 1, Math.min(lastRow, SAMPLE_ROWS), lastCol).getValues() as Grid) : [];
}

/**
 * The mapping the user confirms in the sidebar: today's effective mapping (or, when the saved
 * one no longer fits the header, today's detection) with the user's changes on top, saved with
 * the header every column stands under.
 */
export function confirmedMapping(state: DocState, sheet: Sheet, roles: Record<string, Role>, constants: { service: string; channel: string }): SavedMapping {
  const top = topRows(sheet);
  const current = mappingOf(state, sheet, top);
  const base = current.kind !== 'none' ? current.mapping : top.length > 0 ? mappingFromHeader(top[0], 0, sheet.getName()) : null;
  if (!base) throw new UserError('NOTHING_TO_CLEAN', { sheet: sheet.getName() });
  for (const k of Object.keys(roles)) if (Number(k) >= base.width) throw new UserError('BAD_INPUT', { detail: 'roles' });
  return savedMappingOf(applyOverrides(base, roles, constants), top);
}

function sampleText(v: Cell, clock: ZoneClock): string {
  if (isDate(v)) {
    const local = clock.toLocal(v);
    return isoOfDay(local.day);
  }
  return cellText(v);
}

/** The sidebar's view of a sheet's mapping; reads only the top rows. */
export function mappingView(state: DocState, sheet: Sheet, env: Env): MappingView {
  const lastRow = sheet.getLastRow();
  const top = topRows(sheet);
  const resolution = mappingOf(state, sheet, top);
  const mapping = resolution.kind === 'none' ? null : resolution.mapping;
  const sheetId = sheet.getSheetId();
  const saved = state.mappings[String(sheetId)] !== undefined;
  const registered = state.registered.includes(sheetId);
  if (!mapping) {
    return {
      sheetId,
      sheetName: sheet.getName(),
      headerRow: 1,
      dataRows: Math.max(0, lastRow - 1),
      columns: (top[0] ?? []).map((h, index) => ({
        index,
        header: cellText(h),
        role: 'ignore',
        samples: top.slice(1).map((r) => r[index]).filter((v) => !isBlank(v)).slice(0, 3).map((v) => sampleText(v, env.clock)),
      })),
      constants: { service: '', channel: '' },
      constantSource: { service: 'none', channel: 'none' },
      saved,
      registered,
      blockers: [top.length === 0 ? t(env.lang, 'note.empty') : t(env.lang, 'error.NO_DATE_COLUMN', { sheet: sheet.getName() })],
    };
  }
  const header = top[mapping.headerRow] ?? [];
  const blockers: string[] = [];
  if (resolution.kind === 'uncertain') blockers.push(t(env.lang, 'error.MAPPING_CHANGED', { sheet: sheet.getName(), columns: resolution.missing.join('", "') }));
  if (columnOf(mapping, 'date') < 0) blockers.push(t(env.lang, 'error.NO_DATE_COLUMN', { sheet: sheet.getName() }));
  return {
    sheetId,
    sheetName: sheet.getName(),
    headerRow: mapping.headerRow + 1,
    dataRows: Math.max(0, lastRow - mapping.headerRow - 1),
    columns: mapping.roles.map((role, index) => {
      const samples: string[] = [];
      for (let r = mapping.headerRow + 1; r < top.length && samples.length < 3; r++) {
        const v = top[r][index];
        if (!isBlank(v)) samples.push(role === 'personal' ? maskPersonal(sampleText(v, env.clock)) : sampleText(v, env.clock));
      }
      return { index, header: cellText(header[index] ?? ''), role, samples };
    }),
    constants: { ...mapping.constants },
    constantSource: { ...mapping.constantSource },
    saved,
    registered,
    blockers,
  };
}

// ---------------------------------------------------------------------------------------------
// Planning (shared by clean, reports and summaries)

export interface SheetPlan {
  sheet: Sheet;
  grid: Grid;
  mapping: ColumnMapping;
  plan: CleanPlan;
  formulas: Set<number>;
  /** The saved mapping to store when the confirmed columns moved. */
  saveAs: SavedMapping | null;
}

export function readKamus(ss: Spreadsheet, state: DocState): KamusEntry[] {
  const sheet = findOwnTab(ss, state.tabs, 'kamus');
  if (!sheet) return [];
  const rows = readTable(sheet);
  return rows.slice(1).map((r) => ({ kolom: cellText(r[0] ?? ''), asli: cellText(r[1] ?? ''), baku: cellText(r[2] ?? '') }));
}

/** Reads a sheet and plans its clean. Throws NOT_A_LOG / NO_DATE_COLUMN / NOTHING_TO_CLEAN. */
export function planSheet(state: DocState, env: Env, sheet: Sheet, kamus: KamusEntry[], withFormulas: boolean): SheetPlan {
  const name = sheet.getName();
  if (isOwnTab(sheet.getParent(), state.tabs, sheet)) throw new UserError('NOT_A_LOG', { sheet: name });
  const grid = readGrid(sheet);
  if (grid.length === 0) throw new UserError('NOTHING_TO_CLEAN', { sheet: name });
  const resolution = mappingOf(state, sheet, grid);
  if (resolution.kind === 'uncertain') throw new UserError('MAPPING_CHANGED', { sheet: name, columns: resolution.missing.join('", "') });
  const mapping = resolution.kind === 'ok' ? resolution.mapping : null;
  if (!mapping || columnOf(mapping, 'date') < 0) throw new UserError('NO_DATE_COLUMN', { sheet: name });
  if (grid.length <= mapping.headerRow + 1) throw new UserError('NOTHING_TO_CLEAN', { sheet: name });
  const width = grid[0].length;
  const formulas = withFormulas ? readFormulaCells(sheet, grid.length, width) : new Set<number>();
  const plan = cleanLog(grid, {
    sheetName: name,
    mapping,
    clock: env.clock,
    settings: env.settings,
    kamus,
    lang: env.lang,
    isFormula: formulas.size ? (r, c) => c < width && formulas.has(r * width + c) : undefined,
    locale: env.locale,
    dateMerges: readMergedRows(sheet, columnOf(mapping, 'date'), grid.length),
  });
  if (plan.rowsRead === 0) throw new UserError('NOTHING_TO_CLEAN', { sheet: name });
  return { sheet, grid, mapping, plan, formulas, saveAs: resolution.kind === 'ok' ? resolution.saveAs : null };
}

/** Formats the add-on gives its derived block (plain text, and a whole number for minggu_ke). */
const DERIVED_FORMATS: readonly string[] = DERIVED_HEADERS.map((h) => (h === 'minggu_ke' ? FORMAT_OF_TYPE.integer : FORMAT_OF_TYPE.text));
/** The format of a cell nobody has formatted: what the derived block held before a first run wrote it. */
const UNFORMATTED = 'General';

/** Whether a string in column k of these rows would be written differently in a plain-text cell than elsewhere. */
function columnFormatSensitive(rows: readonly (readonly Cell[])[], k: number): boolean {
  return rows.some((row) => formatSensitive(row[k]));
}

/**
 * The formats each patch is written with. In the staff's columns they are read (only under
 * patches where they matter: a date written, or text that lands differently in a plain-text
 * cell). The derived block lying beyond the sheet's last column when it was read (a first run)
 * belongs to the add-on and held nothing: its formats are set, not read, and undo gives back
 * the unformatted cells it found. Patches that write dates keep the originals for the backup.
 */
function withFormats(sheet: Sheet, plan: CleanPlan, patches: PlainPatch[], readWidth: number): Patch[] {
  const formatAt = new Map<number, Map<number, string>>();
  for (const ch of plan.changes) {
    if (!ch.formats) continue;
    const m = new Map<number, string>();
    ch.rows.forEach((r, i) => (ch.formats as string[])[i] && m.set(r, (ch.formats as string[])[i]));
    formatAt.set(ch.col, m);
  }
  return patches.map((p) => {
    const rows = p.values.length;
    const cols = p.values[0].length;
    // The add-on's new block: its columns holding text that a format would change get theirs.
    const ownFormat = (c: number): string | undefined => (c >= readWidth && columnFormatSensitive(p.values, c - p.col) ? DERIVED_FORMATS[c - plan.derivedStart] : undefined);
    // Columns [p.col, staffEnd) were inside the grid as read; the rest is the add-on's new block.
    const staffEnd = Math.max(p.col, Math.min(p.col + cols, readWidth));
    let touches = false;
    for (let c = staffEnd; c < p.col + cols; c++) if (ownFormat(c) !== undefined) touches = true;
    for (let c = p.col; c < staffEnd; c++) if (formatAt.has(c)) touches = true;
    // Formats are read only over the staff columns where they decide something: a date written
    // (its original format goes to the backup) or text that a plain-text cell would keep otherwise.
    let first = staffEnd;
    let last = p.col - 1;
    for (let c = p.col; c < staffEnd; c++) {
      if (formatAt.has(c) || columnFormatSensitive(p.values, c - p.col)) {
        first = Math.min(first, c);
        last = c;
      }
    }
    const read = last >= first ? readFormats(sheet, p.row, first, rows, last - first + 1) : null;
    // Without a read, every string written here lands the same in any format.
    const current = p.values.map((_, i) => {
      const row: string[] = new Array(cols);
      for (let k = 0; k < cols; k++) row[k] = p.col + k >= readWidth ? UNFORMATTED : read?.[i]?.[p.col + k - first] ?? FORMAT_NOT_READ;
      return row;
    });
    if (!touches) return { ...p, formats: null, originalFormats: null, current };
    const formats = current.map((row, i) => row.map((f, k) => formatAt.get(p.col + k)?.get(p.row + i) ?? ownFormat(p.col + k) ?? f));
    return { ...p, formats, originalFormats: current, current };
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
  const cols = p.values[0].length;
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

function kamusRows(entries: KamusEntry[]): Cell[][] {
  return entries.map((e) => [e.kolom, e.asli, e.baku]);
}

function sameKamus(a: KamusEntry[], b: KamusEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].kolom !== b[i].kolom || a[i].asli !== b[i].asli || a[i].baku !== b[i].baku) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Clean

export interface CleanOutcome {
  result: CleanResult;
  plan: CleanPlan;
}

/**
 * Cleans one sheet in place. Order matters for safety: plan everything, check the cell limit,
 * commit the backup, write the dictionary, then the log; a failed log write rolls back what it
 * wrote. At the deadline the run stops between writes and records where to continue.
 */
export function cleanSheetFlow(ctx: RunContext, env: Env, sheet: Sheet, deadline: Deadline): CleanOutcome {
  const { ss, state } = ctx;
  const kamus = readKamus(ss, state);
  const sp = planSheet(state, env, sheet, kamus, true);
  const { plan, grid, formulas } = sp;
  const width = grid[0].length;
  const plain = patchesFor(plan.changes, grid, formulas, width);
  const sheetId = sheet.getSheetId();
  const kamusChanged = !sameKamus(kamus, plan.kamus);

  let cellsWritten = 0;
  let rowsEditedDuringRun = 0;
  let complete = true;
  if (plain.length > 0) {
    // Every execution backs up exactly what it is about to write, also when it continues a run
    // cut at its deadline: staff may have typed in between, and undo must give that back too.
    const neededCols = Math.max(sheet.getMaxColumns(), plan.derivedStart + DERIVED_HEADERS.length);
    // Tabs this run may still create (kamus, masalah_data, summaries): a new tab is 1000 × 26.
    const tabsToCreate = [...REPORT_TABS, ...SUMMARY_TABS].filter((t) => state.tabs[t.name] === undefined).length;
    const growth = (neededCols - sheet.getMaxColumns()) * sheet.getMaxRows() + backupGrowth(ss, state.tabs, plain) + tabsToCreate * NEW_TAB_CELLS;
    if (spreadsheetCells(ss) + growth > CELL_LIMIT) throw new UserError('TOO_LARGE', { limit: CELL_LIMIT.toLocaleString('id-ID') });
    // The grid is widened first: the derived block may lie past the sheet's last column, and
    // formats can only be read inside the grid.
    writingTo(sheet.getName(), () => ensureSize(sheet, grid.length, neededCols));
    const patches = withFormats(sheet, plan, plain, width);
    const startedAt = state.pending?.startedAt ?? new Date().toISOString();
    const kind = state.pending?.kind ?? 'clean';
    const entry = saveBackup(ss, state.tabs, sheet, patches, kind, grid, Math.min(width, plan.derivedStart), kind + '@' + startedAt);
    const rest = (state.pending?.sheetIds ?? []).filter((id) => id !== sheetId);
    state.pending = { kind, sheetIds: [sheetId, ...rest], backupId: entry.id, startedAt };
    const written: Patch[] = [];
    try {
      // Inside the try: a failure from here on ends the run with its undo entry dropped.
      saveState(ctx);
      if (kamusChanged) writeKamus(ss, state, plan.kamus);
      for (let i = 0; i < patches.length; ) {
        let j = i;
        while (j < patches.length && patches[j].group === patches[i].group) j++;
        // At least one block per execution, so a continuation always makes progress; never
        // between the pieces of one block.
        if (written.length > 0 && deadline.passed()) {
          complete = false;
          break;
        }
        // Each patch is checked right before its own write; a row found edited is left out of
        // the rest of its block too, and counted.
        const edited = new Set<number>();
        for (const p of patches.slice(i, j)) {
          for (const r of editedRows(sheet, p)) edited.add(r);
          for (const q of edited.size ? withoutRows(p, edited, slicePatch) : [p]) {
            writePatch(sheet, q);
            written.push(q);
            cellsWritten += q.values.length * q.values[0].length;
          }
        }
        rowsEditedDuringRun += edited.size;
        i = j;
      }
    } catch (e) {
      // Put back what this run wrote, newest first, so the log is as it was before the run; a row
      // staff edited since our write keeps their edit. The run is over: nothing is pending, and
      // its undo entry goes (it would restore nothing and hide the run before it).
      for (let i = written.length - 1; i >= 0; i--) {
        const q = written[i];
        const edited = new Set(conflictingRows(q.values, readValues(sheet, q.row, q.col, q.values.length, q.values[0].length)).map((k) => q.row + k));
        for (const r of edited.size ? withoutRows(q, edited, slicePatch) : [q]) writePatch(sheet, r, true);
      }
      dropBackupEntry(ss, state.tabs, entry.id);
      state.pending = null;
      if (isProtectionRefusal(e)) throw new UserError('PROTECTED', { sheet: sheet.getName() });
      throw e;
    }
  } else if (kamusChanged) {
    writeKamus(ss, state, plan.kamus);
  }

  if (complete && state.pending) {
    state.pending.sheetIds = state.pending.sheetIds.filter((id) => id !== sheetId);
    if (state.pending.sheetIds.length === 0) state.pending = null;
  }
  const newlyRegistered = !state.registered.includes(sheetId);
  if (newlyRegistered) state.registered.push(sheetId);
  // The mapping this clean used is the confirmed one from now on, kept with the header it read
  // (a v1 mapping without headers is upgraded; one whose columns moved follows them).
  const key = String(sheetId);
  const saved = state.mappings[key];
  if (!saved || !saved.headers || sp.saveAs) {
    state.mappings[key] = sp.saveAs ?? savedMappingOf(sp.mapping, grid, saved?.roles);
    markLog(sheet, state.mappings[key]);
  } else if (newlyRegistered) markLog(sheet, saved);
  saveState(ctx);
  return {
    plan,
    result: {
      sheetId,
      sheetName: sheet.getName(),
      rowsRead: plan.rowsRead,
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
 * Plans every registered sheet without writing (the log is already clean, or will be). Formulas
 * are read as the clean reads them, so counts agree with the log's status_bersih. A registered
 * sheet that is no longer a log (emptied, its date header gone) is left out, not fatal: one bad
 * sheet must not stop the summaries of the others.
 */
export function planRegistered(ctx: RunContext, env: Env, given: Map<number, CleanPlan> = new Map(), skipped: string[] = []): { sheetName: string; plan: CleanPlan }[] {
  const { ss, state } = ctx;
  const kamus = given.size < state.registered.length ? readKamus(ss, state) : [];
  const out: { sheetName: string; plan: CleanPlan }[] = [];
  for (const id of state.registered) {
    const sheet = findSheetById(ss, id);
    if (!sheet) continue;
    let plan = given.get(id);
    if (!plan) {
      try {
        plan = planSheet(state, env, sheet, kamus, true).plan;
      } catch (e) {
        // A sheet whose confirmed columns moved blocks the summaries: without it they would
        // silently drop its visits. Other unplannable sheets are skipped and named.
        if (!(e instanceof UserError) || e.code === 'MAPPING_CHANGED') throw e;
        skipped.push(sheet.getName());
        continue;
      }
    }
    out.push({ sheetName: sheet.getName(), plan });
  }
  return out;
}

export function writeReportsFlow(ctx: RunContext, plans: { sheetName: string; plan: CleanPlan }[]): ReportResult {
  const rows: Cell[][] = [];
  for (const { sheetName, plan } of plans) {
    for (const p of plan.problems) rows.push([sheetName, p.row, p.kolom, p.nilaiAsli, p.masalah, p.tindakan]);
  }
  const sheet = writeReportTab(ctx.ss, ctx.state, 'masalah_data', rows);
  saveState(ctx);
  return { problems: rows.length, tab: tabLink(ctx.ss, sheet, rows.length) };
}

export function summariseFlow(ctx: RunContext, env: Env, plans: { sheetName: string; plan: CleanPlan }[], lastRun: RunRecord | null): SummaryResult {
  const { ss, state } = ctx;
  const sheets: SheetRecords[] = plans.map(({ sheetName, plan }) => ({ sheetName, visits: plan.visits, counts: plan.counts, rowsRead: plan.rowsRead, check: plan.check }));
  const summaries = summarise(sheets, env.settings, env.clock, {
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
  saveState(ctx);
  // Data sources are named by contract name (a renamed tab keeps its id and its data source).
  const lookerTabs = SUMMARY_TABS.filter((tab) => tab.name.startsWith('ds_')).map((tab) => ({ name: tab.name, sheetId: state.tabs[tab.name] }));
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
  const rows = readTable(sheet).slice(1);
  const set: Record<string, string> = {
    run_terakhir_jenis: record.kind,
    run_terakhir_mulai: record.start,
    run_terakhir_selesai: record.end,
    run_terakhir_status: runStatusText(record),
    run_terakhir_baris: String(record.rowsProcessed),
    run_terakhir_galat: record.error,
  };
  const next = rows.map((r) => [r[0], String(r[0]) in set ? set[String(r[0])] : r[1]]);
  writeTable(sheet, tabContract('info_ringkasan').columns.map((c) => c.header), next, tabContract('info_ringkasan').columns.map((c) => c.type));
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
  return { kind, start: start.toISOString(), end: new Date().toISOString(), ok, rowsProcessed: rows, error, continued, review };
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
