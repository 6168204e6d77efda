/**
 * The run plan: everything a Clean & Summarize decides, as pure functions of what the adapter
 * read. The adapter (src/server) reads a log once into a `LogSnapshot`, asks `planLog` what to
 * do, and executes the answer: it makes no decision of its own. One plan per log serves the
 * whole run (clean, masalah_data, summaries), so no log is read twice.
 *
 *   getValues ─► LogSnapshot ─► planLog ─► LogPlan { clean plan, patches, mapping to save }
 *                                             ├─► problemRows      → masalah_data
 *                                             ├─► sheetRecordsOf   → summarise → ds_ tabs
 *                                             └─► patches          → the log, column spans
 */
import type { Lang, MappingView, Role, RunRecord } from '../shared/api';
import { ROLES } from '../shared/api';
import { Cell, Grid, cellText, isBlank, isDate, literalText } from './cells';
import { CleanPlan, ColumnChange, changeFormat, cleanLog, hasFormats } from './clean';
import { FORMAT_OF_TYPE } from './contract';
import { KamusEntry } from './canonical';
import { ColumnMapping, DERIVED_HEADERS, SavedMapping, applyOverrides, columnOf, mappingFromHeader, resolveMapping, savedMappingOf } from './mapping';
import { PlainPatch, patchesFor } from './rectangles';
import { SheetRecords, runStatusText } from './summarise';
import type { Settings } from '../shared/api';
import { ZoneClock, isoOfDay } from './zone';
import { t } from './i18n';
import { maskPersonal } from './text';

// ---------------------------------------------------------------------------------------------
// What the adapter read

/** A merged range of the sheet, 0-based (Range.getMergedRanges). */
export interface MergedRange {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** One log as the adapter read it: the only input of its plan. */
export interface LogSnapshot {
  sheetId: number;
  sheetName: string;
  /** True when the tab carries one of the add-on's own markers (a summary, the state…). */
  ownTab: boolean;
  /** The used range, as getValues returned it. */
  grid: Grid;
  /** Positions (row * width + col) of formula cells; empty when none were looked for. */
  formulas: Set<number>;
  /** Merged ranges in the used range (dates written once per day). */
  merges: readonly MergedRange[];
}

/** What the run knows besides the log: the document's settings, clock, dictionary, saved mapping. */
export interface PlanContext {
  lang: Lang;
  settings: Settings;
  clock: ZoneClock;
  locale: string;
  kamus: readonly KamusEntry[];
  saved: SavedMapping | undefined;
}

/** Why a log cannot be planned: each is one translated line for the user (errors in i18n.ts). */
export type Refusal =
  | { code: 'NOT_A_LOG'; params: { sheet: string } }
  | { code: 'NOTHING_TO_CLEAN'; params: { sheet: string } }
  | { code: 'NO_DATE_COLUMN'; params: { sheet: string } }
  | { code: 'MAPPING_CHANGED'; params: { sheet: string; columns: string } };

export interface LogPlan {
  sheetId: number;
  sheetName: string;
  mapping: ColumnMapping;
  plan: CleanPlan;
  /** The cells to write, as column spans, each with the originals it was planned from. */
  patches: PlainPatch[];
  /** Columns the sheet needs for its derived block. */
  neededColumns: number;
  /** The dictionary tab must be rewritten (the clean met spellings it did not hold). */
  kamusChanged: boolean;
  /** The confirmed mapping to store after a clean (first clean, columns moved, v1 upgrade); null: keep. */
  mappingToSave: SavedMapping | null;
}

export type LogOutcome = { ok: true; log: LogPlan } | { ok: false; refusal: Refusal };

/** Merged ranges of one column, as grid row ranges [start, end). */
export function mergedRowsOf(merges: readonly MergedRange[], col: number): { start: number; end: number }[] {
  if (col < 0) return [];
  return merges.filter((m) => m.col <= col && col < m.col + m.cols).map((m) => ({ start: m.row, end: m.row + m.rows }));
}

// ---------------------------------------------------------------------------------------------
// Planning one log

/** Decides everything about one log: whether it can be cleaned, what to write, what to keep. */
export function planLog(snap: LogSnapshot, ctx: PlanContext): LogOutcome {
  const sheet = snap.sheetName;
  // Refused with the sheet's name as the only parameter (MAPPING_CHANGED names the columns too).
  const refuse = (code: Exclude<Refusal['code'], 'MAPPING_CHANGED'>): LogOutcome => ({ ok: false, refusal: { code, params: { sheet } } });
  if (snap.ownTab) return refuse('NOT_A_LOG');
  const { grid } = snap;
  if (grid.length === 0) return refuse('NOTHING_TO_CLEAN');
  const resolution = resolveMapping(grid, sheet, ctx.saved);
  if (resolution.kind === 'uncertain') return { ok: false, refusal: { code: 'MAPPING_CHANGED', params: { sheet, columns: resolution.missing.join('", "') } } };
  const mapping = resolution.kind === 'ok' ? resolution.mapping : null;
  if (!mapping || columnOf(mapping, 'date') < 0) return refuse('NO_DATE_COLUMN');
  if (grid.length <= mapping.headerRow + 1) return refuse('NOTHING_TO_CLEAN');
  const width = grid[0]?.length ?? 0;
  const { formulas } = snap;
  const plan = cleanLog(grid, {
    sheetName: sheet,
    mapping,
    clock: ctx.clock,
    settings: ctx.settings,
    kamus: ctx.kamus,
    lang: ctx.lang,
    isFormula: formulas.size ? (r, c) => c < width && formulas.has(r * width + c) : undefined,
    locale: ctx.locale,
    dateMerges: mergedRowsOf(snap.merges, columnOf(mapping, 'date')),
  });
  if (plan.rowsRead === 0) return refuse('NOTHING_TO_CLEAN');
  return {
    ok: true,
    log: {
      sheetId: snap.sheetId,
      sheetName: sheet,
      mapping,
      plan,
      patches: patchesFor(plan.changes, grid, formulas, width),
      neededColumns: plan.derivedStart + DERIVED_HEADERS.length,
      kamusChanged: !sameKamus(ctx.kamus, plan.kamus),
      mappingToSave: mappingToSave(ctx.saved, resolution.kind === 'ok' ? resolution.saveAs : null, mapping, grid),
    },
  };
}

/**
 * The mapping a clean confirms: the columns followed after a move, a first clean's detection, or
 * a v1 mapping (no headers) upgraded with the header it was read under; null keeps the saved one.
 */
export function mappingToSave(saved: SavedMapping | undefined, movedTo: SavedMapping | null, mapping: ColumnMapping, grid: Grid): SavedMapping | null {
  if (movedTo) return movedTo;
  if (!saved || !saved.headers) return savedMappingOf(mapping, grid, saved?.roles);
  return null;
}

export function sameKamus(a: readonly KamusEntry[], b: readonly KamusEntry[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((e, i) => {
    const o = b[i];
    return o !== undefined && e.kolom === o.kolom && e.asli === o.asli && e.baku === o.baku;
  });
}

export function kamusRows(entries: readonly KamusEntry[]): Cell[][] {
  return entries.map((e) => [e.kolom, e.asli, e.baku]);
}

/** The dictionary as the kamus tab holds it (columns kolom, asli, baku under a header row). */
export function kamusOfRows(rows: readonly (readonly Cell[])[]): KamusEntry[] {
  return rows.slice(1).map((r) => ({ kolom: cellText(r[0] ?? ''), asli: cellText(r[1] ?? ''), baku: cellText(r[2] ?? '') }));
}

// ---------------------------------------------------------------------------------------------
// Reports and summaries from the plans

export interface PlannedLog {
  sheetName: string;
  plan: CleanPlan;
}

/** masalah_data: every row left out or changed with a reason, in contract column order. */
export function problemRows(logs: readonly PlannedLog[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const { sheetName, plan } of logs) for (const p of plan.problems) rows.push([sheetName, p.row, p.kolom, p.nilaiAsli, p.masalah, p.tindakan]);
  return rows;
}

/** What the summaries need of each log's plan. */
export function sheetRecordsOf(logs: readonly PlannedLog[]): SheetRecords[] {
  return logs.map(({ sheetName, plan }) => ({ sheetName, visits: plan.visits, counts: plan.counts, rowsRead: plan.rowsRead, check: plan.check }));
}

// ---------------------------------------------------------------------------------------------
// Patches, as the adapter writes them

/** Columns of a patch (every row of a patch has the same width). */
export function widthOf(p: Pick<PlainPatch, 'values'>): number {
  return p.values[0]?.length ?? 0;
}

export function cellsOf(p: Pick<PlainPatch, 'values'>): number {
  return p.values.length * widthOf(p);
}

/** A rectangle whose number formats are read before a patch is written: rows relative to the patch, columns of the sheet (0-based). */
export interface FormatRead {
  row: number;
  rows: number;
  col: number;
  cols: number;
}

/**
 * Rows of one column a read spans rather than making another call: a service call costs about
 * as much as moving this many cells (tools/runner/run.ts APPS_SCRIPT_LATENCY: 30 ms a call,
 * 0.0085 ms a cell).
 */
export const FORMAT_READ_GAP = 3500;

/** Whether a string would be written differently in a plain-text cell than elsewhere (its format decides how it is written). */
export function formatSensitive(v: Cell | undefined): boolean {
  return typeof v === 'string' && literalText(v) !== v;
}

/**
 * Where a patch's current number formats must be read before it is written, and nowhere else.
 * A column where a date is written (`dateCol`) is read over every row of the patch: its formats
 * are set, and the originals go to the undo backup. Another staff column is read only over the
 * span of rows whose new value is text that a plain-text cell would keep otherwise (how it is
 * written depends on the format), cut where such rows lie more than FORMAT_READ_GAP apart; a
 * column holding no such text is not read. Columns from `staffEnd` on are the add-on's own
 * block, beyond the sheet as read: nothing to read there. Adjacent columns read over the same
 * rows share one read. Every other cell's current format stays unread (FORMAT_NOT_READ): a
 * string written there lands the same in any format, and a rollback or undo that would write
 * one that does not reads the format then (server/sheets.ts writePatch).
 */
export function formatReadsOf(p: Pick<PlainPatch, 'col' | 'values'>, dateCol: (col: number) => boolean, staffEnd: number): FormatRead[] {
  const rows = p.values.length;
  const reads: FormatRead[] = [];
  const add = (c: number, first: number, last: number): void => {
    const prev = reads[reads.length - 1];
    if (prev && prev.col + prev.cols === c && prev.row === first && prev.rows === last - first + 1) prev.cols++;
    else reads.push({ row: first, rows: last - first + 1, col: c, cols: 1 });
  };
  for (let c = p.col; c < staffEnd; c++) {
    if (dateCol(c)) {
      if (rows > 0) add(c, 0, rows - 1);
      continue;
    }
    const k = c - p.col;
    let first = -1;
    let last = -1;
    for (let i = 0; i < rows; i++) {
      if (!formatSensitive(p.values[i]?.[k])) continue;
      // Rows between two such strings are read along unless a call costs less than reading them.
      if (first >= 0 && i - last > FORMAT_READ_GAP) {
        add(c, first, last);
        first = -1;
      }
      if (first < 0) first = i;
      last = i;
    }
    if (first >= 0) add(c, first, last);
  }
  return reads;
}

/**
 * Stands in a patch's current formats for a format not read: the strings written there land the
 * same in any format. The writer reads the formats itself before writing a string that would not.
 */
export const FORMAT_NOT_READ = '\u0000';
/** The format of a cell nobody has formatted: what the derived block held before a first run wrote it. */
export const UNFORMATTED = 'General';
/** Formats the add-on gives its derived block (plain text, and a whole number for minggu_ke). */
const DERIVED_FORMATS: readonly string[] = DERIVED_HEADERS.map((h) => (h === 'minggu_ke' ? FORMAT_OF_TYPE.integer : FORMAT_OF_TYPE.text));

/** How a patch's number formats are decided, before any is read. */
export interface PatchFormats {
  /** Where to read the current formats (formatReadsOf). */
  reads: FormatRead[];
  /**
   * The patch's current formats, the same shape as its values: UNFORMATTED in the add-on's new
   * block (beyond the sheet as read), FORMAT_NOT_READ elsewhere until the reads fill them in.
   */
  current: string[][];
}

/** The columns whose changes carry number formats (dates written). */
export function formattedColumns(changes: readonly ColumnChange[]): Set<number> {
  return new Set(changes.filter(hasFormats).map((ch) => ch.col));
}

/**
 * Which formats of patch `p` to read. The derived block lying beyond the sheet's last column when
 * it was read (`readWidth`: a first run) belongs to the add-on and held nothing: its formats are
 * set, not read. In the staff's columns they are read only where they decide something: under a
 * date written (its original goes to the undo backup) and under text a plain-text cell would keep.
 */
export function patchFormatReads(p: Pick<PlainPatch, 'col' | 'values'>, formatted: ReadonlySet<number>, readWidth: number): PatchFormats {
  const cols = widthOf(p);
  const staffEnd = Math.max(p.col, Math.min(p.col + cols, readWidth));
  const current = p.values.map(() => {
    const row: string[] = new Array<string>(cols);
    for (let k = 0; k < cols; k++) row[k] = p.col + k >= readWidth ? UNFORMATTED : FORMAT_NOT_READ;
    return row;
  });
  return { reads: formatReadsOf(p, (c) => formatted.has(c), staffEnd), current };
}

/**
 * The formats patch `p` is written with, given its `current` formats (with what was read), or
 * null when it sets none: each date written gets its own format; a column of the add-on's new
 * block holding text that a format would change gets the block's; every other cell keeps the
 * format it has.
 */
export function patchFormatsToWrite(changes: readonly ColumnChange[], p: Pick<PlainPatch, 'row' | 'col' | 'values'>, current: readonly (readonly string[])[], readWidth: number, derivedStart: number): string[][] | null {
  const cols = widthOf(p);
  const staffEnd = Math.max(p.col, Math.min(p.col + cols, readWidth));
  /** Per column of the patch: its dated change (read with a row cursor), or its block format, or neither. */
  const dated: (ColumnChange | undefined)[] = new Array<ColumnChange | undefined>(cols);
  const own: (string | undefined)[] = new Array<string | undefined>(cols);
  let touches = false;
  for (const ch of changes) {
    const k = ch.col - p.col;
    if (k < 0 || k >= cols || !hasFormats(ch)) continue;
    dated[k] = ch;
    // (A dated column is a staff column, inside the sheet as read.)
    if (ch.col < staffEnd) touches = true;
  }
  for (let c = staffEnd; c < p.col + cols; c++) {
    const k = c - p.col;
    if (p.values.some((row) => formatSensitive(row[k]))) {
      own[k] = DERIVED_FORMATS[c - derivedStart];
      if (own[k] !== undefined) touches = true;
    }
  }
  if (!touches) return null;
  const out = current.map((row) => row.slice());
  for (let k = 0; k < cols; k++) {
    const ch = dated[k];
    const block = own[k];
    if (block !== undefined) for (const row of out) row[k] = block;
    if (!ch) continue;
    // The change's rows ascend, as the patch's do: one cursor walks both.
    let at = 0;
    for (let i = 0; i < out.length; i++) {
      const r = p.row + i;
      while (at < ch.rows.length && (ch.rows[at] ?? Infinity) < r) at++;
      if (ch.rows[at] !== r) continue;
      const f = changeFormat(ch, at);
      const row = out[i];
      if (f && row) row[k] = f;
    }
  }
  return out;
}

/**
 * The patches in write order, grouped into blocks: the pieces of one block (column spans of the
 * same rows) are written together, and a run cut at its deadline stops only between blocks.
 */
export function blocksOf<P extends Pick<PlainPatch, 'group'>>(patches: readonly P[]): P[][] {
  const blocks: P[][] = [];
  let current: P[] = [];
  for (const p of patches) {
    const last = current[current.length - 1];
    if (last !== undefined && last.group !== p.group) {
      blocks.push(current);
      current = [];
    }
    current.push(p);
  }
  if (current.length) blocks.push(current);
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Cell budget

/** Cells of a new tab as Sheets creates it (1000 rows × 26 columns). */
export const NEW_TAB_CELLS = 26000;

/** Cells the spreadsheet grows by when this log is cleaned: a wider grid, the undo entry, new tabs. */
export function cellGrowth(sheet: { maxRows: number; maxColumns: number }, neededColumns: number, backupCells: number, tabsToCreate: number): number {
  const extraColumns = Math.max(0, neededColumns - sheet.maxColumns);
  return extraColumns * sheet.maxRows + backupCells + tabsToCreate * NEW_TAB_CELLS;
}

// ---------------------------------------------------------------------------------------------
// A run continued over several executions

/** A run that stopped at its time budget and continues in a follow-up execution. */
export interface PendingRun {
  kind: 'clean' | 'nightly';
  /** Sheets still to clean, in order. */
  sheetIds: number[];
  /** The backup generation that already covers the pending sheets' changes. */
  backupId: string;
  startedAt: string;
}

/** The run to do: the one left pending (with `first` added if missing), or a new one. */
export function pendingFor(pending: PendingRun | null, kind: PendingRun['kind'], sheetIds: readonly number[], startedAt: string): PendingRun {
  if (!pending) return { kind, sheetIds: sheetIds.slice(), backupId: '', startedAt };
  const missing = sheetIds.filter((id) => !pending.sheetIds.includes(id));
  return { ...pending, sheetIds: pending.sheetIds.concat(missing) };
}

/** The pending run once `sheetId` is being written under backup `backupId` (it goes first). */
export function pendingWriting(pending: PendingRun | null, sheetId: number, backupId: string, startedAt: string): PendingRun {
  const kind = pending?.kind ?? 'clean';
  const rest = (pending?.sheetIds ?? []).filter((id) => id !== sheetId);
  return { kind, sheetIds: [sheetId, ...rest], backupId, startedAt: pending?.startedAt ?? startedAt };
}

/** The pending run once `sheetId` is done (or dropped); null when nothing is left. */
export function pendingWithout(pending: PendingRun | null, sheetId: number): PendingRun | null {
  if (!pending) return null;
  const sheetIds = pending.sheetIds.filter((id) => id !== sheetId);
  return sheetIds.length ? { ...pending, sheetIds } : null;
}

// ---------------------------------------------------------------------------------------------
// The run's outcome

/** How a run that cleaned every log it could ends: blocked sheets keep the old summaries. */
export function runVerdict(blocked: readonly string[], skipped: readonly string[]): { summarise: boolean; ok: boolean; note: string } {
  if (blocked.length > 0) return { summarise: false, ok: false, note: blocked.concat(skipped).join('; ') };
  return { summarise: true, ok: true, note: skipped.join('; ') };
}

/**
 * info_ringkasan's rows (key, value) with a run's outcome in its run_terakhir_* rows only, so a
 * failed run is visible there while every data tab keeps the last good summaries.
 */
export function infoWithRun(rows: readonly (readonly Cell[])[], record: RunRecord): Cell[][] {
  const set: Record<string, string> = {
    run_terakhir_jenis: record.kind,
    run_terakhir_mulai: record.start,
    run_terakhir_selesai: record.end,
    run_terakhir_status: runStatusText(record),
    run_terakhir_baris: String(record.rowsProcessed),
    run_terakhir_galat: record.error,
  };
  return rows.map((r) => {
    const key = String(r[0] ?? '');
    return [r[0] ?? '', Object.prototype.hasOwnProperty.call(set, key) ? (set[key] as string) : r[1] ?? ''];
  });
}

/** Bounds of what the sidebar may save: a mapping is one row of a sheet, constants are labels. */
export const MAX_MAPPED_COLUMNS = 1000;
export const MAX_CONSTANT_LENGTH = 200;

/**
 * The sidebar's mapping input, checked: roles by column index, constants trimmed and short.
 * Constants are kept as typed; wherever they leave the log (every row's service or channel in
 * the summaries) the cleaner redacts them like any value (clean.ts safeText).
 */
export function checkMappingInput(input: unknown): { ok: true; roles: Record<string, Role>; constants: { service: string; channel: string } } | { ok: false; detail: 'roles' | 'constants' } {
  const given = (input ?? {}) as { roles?: unknown; constants?: { service?: unknown; channel?: unknown } };
  if (given.roles !== undefined && given.roles !== null && typeof given.roles !== 'object') return { ok: false, detail: 'roles' };
  const entries = given.roles ? Object.entries(given.roles as Record<string, unknown>) : [];
  if (entries.length > MAX_MAPPED_COLUMNS) return { ok: false, detail: 'roles' };
  const roles: Record<string, Role> = {};
  for (const [k, v] of entries) {
    if (!(ROLES as readonly unknown[]).includes(v) || !/^\d+$/.test(k)) return { ok: false, detail: 'roles' };
    roles[k] = v as Role;
  }
  const constants = { service: String(given.constants?.service ?? '').trim(), channel: String(given.constants?.channel ?? '').trim() };
  if (constants.service.length > MAX_CONSTANT_LENGTH || constants.channel.length > MAX_CONSTANT_LENGTH) return { ok: false, detail: 'constants' };
  return { ok: true, roles, constants };
}

/** A run's record for the state, info_ringkasan and the sidebar. */
export function runRecordOf(kind: RunRecord['kind'], start: string, end: string, ok: boolean, rows: number, error = '', continued = false, review = ''): RunRecord {
  return { kind, start, end, ok, rowsProcessed: rows, error, continued, review };
}

// ---------------------------------------------------------------------------------------------
// The mapping, as the sidebar shows and confirms it

/** Rows of a sheet the mapping view and confirmation read (header and a few samples). */
export const SAMPLE_ROWS = 25;

function sampleText(v: Cell, clock: ZoneClock): string {
  return isDate(v) ? isoOfDay(clock.toLocal(v).day) : cellText(v);
}

export interface SheetFacts {
  sheetId: number;
  sheetName: string;
  lastRow: number;
  saved: SavedMapping | undefined;
  registered: boolean;
}

/** The sidebar's view of a sheet's mapping, from its top rows: roles, samples (personal ones masked), blockers. */
export function mappingViewOf(top: Grid, facts: SheetFacts, clock: ZoneClock, lang: Lang): MappingView {
  const { sheetId, sheetName, lastRow } = facts;
  const resolution = resolveMapping(top, sheetName, facts.saved);
  const mapping = resolution.kind === 'none' ? null : resolution.mapping;
  const common = { sheetId, sheetName, saved: facts.saved !== undefined, registered: facts.registered };
  // Up to three non-blank values of a column below the header, a personal column's masked.
  const samplesOf = (index: number, from: number, role: Role): string[] => {
    const samples: string[] = [];
    for (let r = from; r < top.length && samples.length < 3; r++) {
      const v = top[r]?.[index];
      if (v === undefined || isBlank(v)) continue;
      const text = sampleText(v, clock);
      samples.push(role === 'personal' ? maskPersonal(text) : text);
    }
    return samples;
  };
  if (!mapping) {
    const header = top[0] ?? [];
    return {
      ...common,
      headerRow: 1,
      dataRows: Math.max(0, lastRow - 1),
      columns: header.map((h, index) => ({
        index,
        header: cellText(h),
        role: 'ignore' as Role,
        samples: samplesOf(index, 1, 'ignore'),
      })),
      constants: { service: '', channel: '' },
      constantSource: { service: 'none', channel: 'none' },
      blockers: [top.length === 0 ? t(lang, 'note.empty') : t(lang, 'error.NO_DATE_COLUMN', { sheet: sheetName })],
    };
  }
  const header = top[mapping.headerRow] ?? [];
  const blockers: string[] = [];
  if (resolution.kind === 'uncertain') blockers.push(t(lang, 'error.MAPPING_CHANGED', { sheet: sheetName, columns: resolution.missing.join('", "') }));
  if (columnOf(mapping, 'date') < 0) blockers.push(t(lang, 'error.NO_DATE_COLUMN', { sheet: sheetName }));
  return {
    ...common,
    headerRow: mapping.headerRow + 1,
    dataRows: Math.max(0, lastRow - mapping.headerRow - 1),
    columns: mapping.roles.map((role, index) => ({ index, header: cellText(header[index] ?? ''), role, samples: samplesOf(index, mapping.headerRow + 1, role) })),
    constants: { ...mapping.constants },
    constantSource: { ...mapping.constantSource },
    blockers,
  };
}

/**
 * The mapping the user confirms: today's effective mapping (or, when the saved one no longer
 * fits the header, today's detection) with the user's changes on top, saved with the header
 * every column stands under. Null when the sheet has nothing to map; a role past the last
 * column is refused.
 */
export function confirmMapping(
  top: Grid,
  sheetName: string,
  saved: SavedMapping | undefined,
  roles: Record<string, Role>,
  constants: { service: string; channel: string },
): { ok: true; mapping: SavedMapping } | { ok: false; code: 'NOTHING_TO_CLEAN' | 'BAD_INPUT' } {
  const current = resolveMapping(top, sheetName, saved);
  const first = top[0];
  const base = current.kind !== 'none' ? current.mapping : first ? mappingFromHeader(first, 0, sheetName) : null;
  if (!base) return { ok: false, code: 'NOTHING_TO_CLEAN' };
  if (Object.keys(roles).some((k) => Number(k) >= base.width)) return { ok: false, code: 'BAD_INPUT' };
  return { ok: true, mapping: savedMappingOf(applyOverrides(base, roles, constants), top) };
}
