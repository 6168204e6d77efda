/**
 * All SpreadsheetApp reads and writes of the add-on, batched.
 *
 * Every call is a round trip to Google's servers, so a sheet is read in a few large getValues
 * calls (at most MAX_ROWS_PER_CALL rows each), and written as one setValues per block of adjacent
 * changed columns. Text is written as literal text (see cells.literalText), and formula cells are
 * never written.
 */
import { Cell, Grid, toWritable } from '../core/cells';
import { MAX_ROWS_PER_CALL, PlainPatch } from '../core/rectangles';
import { FORMAT_NOT_READ, formatSensitive, type MergedRange } from '../core/plan';
import { ALL_TABS, ColumnType, FORMAT_OF_TYPE } from '../core/contract';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const CELL_LIMIT = 10000000;

export function readGrid(sheet: Sheet): Grid {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow === 0 || lastCol === 0) return [];
  if (lastRow <= MAX_ROWS_PER_CALL) return sheet.getRange(1, 1, lastRow, lastCol).getValues() as Grid;
  const grid: Grid = [];
  for (let r = 1; r <= lastRow; r += MAX_ROWS_PER_CALL) {
    const n = Math.min(MAX_ROWS_PER_CALL, lastRow - r + 1);
    const part = sheet.getRange(r, 1, n, lastCol).getValues() as Grid;
    for (const row of part) grid.push(row);
  }
  return grid;
}

/** Merged ranges within the used range, 0-based (dates written once per day are often merged). */
export function readMerges(sheet: Sheet, rows: number, width: number): MergedRange[] {
  if (rows === 0 || width === 0) return [];
  return sheet
    .getRange(1, 1, rows, width)
    .getMergedRanges()
    .map((m) => ({ row: m.getRow() - 1, col: m.getColumn() - 1, rows: m.getNumRows(), cols: m.getNumColumns() }));
}

/**
 * Positions (row * width + col, 0-based) of formula cells: they are read, never written. One
 * TextFinder search returns just them: with matchFormulaText a formula cell is searched in its
 * formula text, which always starts with "=". A text cell whose shown value starts with "=" is
 * found too and is then left alone like a formula (safe: it is never written); no formula cell
 * is missed. Only the matches are read, not the whole grid again.
 */
export function readFormulaCells(sheet: Sheet, rows: number, width: number): Set<number> {
  const found = new Set<number>();
  if (rows === 0 || width === 0) return found;
  const hits = sheet.getRange(1, 1, rows, width).createTextFinder('^=').useRegularExpression(true).matchFormulaText(true).findAll();
  for (const cell of hits) found.add((cell.getRow() - 1) * width + cell.getColumn() - 1);
  return found;
}

/** Stands in `Patch.current` for a format not read (decided in core/plan.ts); writePatch reads the formats itself before writing a string that would not land the same in any format. */
export { FORMAT_NOT_READ };

/** Whether a string would be written differently in a plain-text cell than elsewhere (decided in core/plan.ts). */
export { formatSensitive };

/** A rectangle to write, with what the adapter adds to the core's plan: formats. */
export interface Patch extends PlainPatch {
  /** Number formats to set, for rectangles whose cells change type (dates). Same shape as values. */
  formats: string[][] | null;
  originalFormats: string[][] | null;
  /** Formats on the sheet before the write: they decide how text must be written. */
  current: string[][];
}

/** Rows [from, to) of a patch, as a patch of their own. */
export function slicePatch(p: Patch, from: number, to: number): Patch {
  const cut = <T>(a: T[][] | null): T[][] | null => (a ? a.slice(from, to) : null);
  return {
    row: p.row + from,
    col: p.col,
    values: p.values.slice(from, to),
    originals: p.originals.slice(from, to),
    group: p.group,
    formats: cut(p.formats),
    originalFormats: cut(p.originalFormats),
    current: p.current.slice(from, to),
  };
}

/** What a rectangle holds now (for the check before writing). */
export function readValues(sheet: Sheet, row: number, col: number, rows: number, cols: number): Cell[][] {
  return sheet.getRange(row + 1, col + 1, rows, cols).getValues() as Cell[][];
}

/** Reads the current number formats of a rectangle (for dates we write, and their backup). */
export function readFormats(sheet: Sheet, row: number, col: number, rows: number, cols: number): string[][] {
  return sheet.getRange(row + 1, col + 1, rows, cols).getNumberFormats();
}

/**
 * Writes a patch (or, for rollback and undo, its originals) with formats first. Formats are set
 * only over the runs of columns where they change (a date column inside a wider rectangle, the
 * derived block's text columns), unless `allFormats`: undo does not know what is on the sheet,
 * so it sets every backed-up format. A format that was never read is never set.
 */
export function writePatch(sheet: Sheet, p: Patch, useOriginals = false, allFormats = false): void {
  const values = useOriginals ? p.originals : p.values;
  const formats = useOriginals ? p.originalFormats : p.formats;
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const planned = formats ?? p.current;
  // Formats not read before (only text that lands the same anywhere was to be written there) are
  // read now if this write needs them: a rollback writing back originals such as "35 th".
  const late = values.some((row, i) => row.some((v, k) => planned[i]?.[k] === FORMAT_NOT_READ && formatSensitive(v))) ? readFormats(sheet, p.row, p.col, rows, cols) : null;
  const effective = (i: number, k: number): string | undefined => {
    const f = planned[i]?.[k];
    return f === FORMAT_NOT_READ ? late?.[i]?.[k] ?? f : f;
  };
  if (formats) {
    const onSheet = useOriginals ? p.formats ?? p.current : p.current;
    for (const [a, b] of changedColumnRuns(formats, allFormats ? null : onSheet, cols)) {
      sheet.getRange(p.row + 1, p.col + a + 1, rows, b - a + 1).setNumberFormats(a === 0 && b === cols - 1 ? formats : formats.map((row) => row.slice(a, b + 1)));
    }
  }
  sheet.getRange(p.row + 1, p.col + 1, rows, cols).setValues(values.map((row, i) => row.map((v, k) => toWritable(v, effective(i, k)))));
}

/**
 * Runs of adjacent columns (patch-relative, [first, last]) whose formats are to be set: where
 * `next` differs from `now` in some row (every column when `now` is null), leaving out columns
 * with a format that was never read.
 */
export function changedColumnRuns(next: readonly (readonly string[])[], now: readonly (readonly string[])[] | null, cols: number): [number, number][] {
  const runs: [number, number][] = [];
  for (let k = 0; k < cols; k++) {
    let changed = now === null;
    let unread = false;
    for (let i = 0; i < next.length && !unread; i++) {
      const f = next[i]?.[k];
      unread = f === FORMAT_NOT_READ;
      if (!changed && f !== now?.[i]?.[k]) changed = true;
    }
    if (!changed || unread) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === k - 1) last[1] = k;
    else runs.push([k, k]);
  }
  return runs;
}

/** Grows a sheet's grid so that (rows × cols) fits. */
export function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/** Cells in the whole spreadsheet, as Sheets counts them against its limit (the grid, not content). */
export function spreadsheetCells(ss: Spreadsheet): number {
  let n = 0;
  for (const sheet of ss.getSheets()) n += sheet.getMaxRows() * sheet.getMaxColumns();
  return n;
}

/**
 * Sheet id → sheet, built once per spreadsheet object per execution: every look-up would
 * otherwise cost getSheets() plus a getSheetId() per tab. Tabs the add-on inserts are added;
 * tabs are never deleted by the add-on.
 */
let sheetIndex = new WeakMap<Spreadsheet, Map<number, Sheet>>();

/** Called at the start of every entry point: Apps Script gives each execution fresh globals. */
export function startExecution(): void {
  sheetIndex = new WeakMap();
  markerIndex = new WeakMap();
}

function indexOf(ss: Spreadsheet): Map<number, Sheet> {
  let index = sheetIndex.get(ss);
  if (!index) {
    index = new Map();
    for (const sheet of ss.getSheets()) index.set(sheet.getSheetId(), sheet);
    sheetIndex.set(ss, index);
  }
  return index;
}

export function findSheetById(ss: Spreadsheet, sheetId: number): Sheet | null {
  const hit = indexOf(ss).get(sheetId);
  if (hit) return hit;
  // A tab added by the user during this execution's lifetime (rare): look again.
  sheetIndex.delete(ss);
  return indexOf(ss).get(sheetId) ?? null;
}

/**
 * The add-on's own tabs carry a developer-metadata marker (key TAB_MARKER, value the tab's
 * contract name). It survives renames and moves, is deleted with its sheet, and is invisible to
 * staff: a tab is ours because it is marked, never because of its name, so a staff tab called
 * "Kamus" is never taken over, and a renamed ds_ tab is never offered as a log.
 */
export const TAB_MARKER = 'pola.tab';

let markerIndex = new WeakMap<Spreadsheet, Map<string, Sheet>>();

/** The developer metadata under `key` on a spreadsheet or a sheet. */
export function metadataOf(target: Spreadsheet | Sheet, key: string): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
  return target.createDeveloperMetadataFinder().withKey(key).find();
}

/** Adds developer metadata to a sheet, visible to this project only. */
export function addMetadata(sheet: Sheet, key: string, value: string): void {
  sheet.addDeveloperMetadata(key, value, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}

/** Contract name → our marked tab, found with one metadata search per execution. */
export function markedTabs(ss: Spreadsheet): Map<string, Sheet> {
  let index = markerIndex.get(ss);
  if (!index) {
    index = new Map();
    for (const md of metadataOf(ss, TAB_MARKER)) {
      const sheet = md.getLocation().getSheet();
      const name = md.getValue();
      if (sheet && name && !index.has(name)) index.set(name, sheet);
    }
    markerIndex.set(ss, index);
  }
  return index;
}

function markTab(ss: Spreadsheet, sheet: Sheet, name: string): void {
  addMetadata(sheet, TAB_MARKER, name);
  markedTabs(ss).set(name, sheet);
}

/** True for a tab the add-on made (summary, report, state, backup), whatever it is called now. */
export function isOwnTab(ss: Spreadsheet, tabs: Record<string, number>, sheet: Sheet): boolean {
  const id = sheet.getSheetId();
  for (const own of markedTabs(ss).values()) if (own.getSheetId() === id) return true;
  return Object.values(tabs).includes(id);
}

/** A name for a new tab of ours that no staff tab uses (Sheets compares names without case). */
function freeName(ss: Spreadsheet, name: string): string {
  const taken = new Set(ss.getSheets().map((s) => s.getName().toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let k = 1; ; k++) {
    const candidate = k === 1 ? `${name}_pola` : `${name}_pola${k}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Finds an add-on tab by its marker, else by the sheet id the state recorded (a tab made by
 * version 1, which gets its marker now), else creates it — under another name when a staff tab
 * already uses the name. Looker Studio binds to the id, so a tab is never deleted and recreated.
 */
export function ensureTab(ss: Spreadsheet, tabs: Record<string, number>, name: string, opts: { hidden?: boolean } = {}): Sheet {
  let sheet = markedTabs(ss).get(name) ?? null;
  if (!sheet && tabs[name] !== undefined) {
    // A tab made by version 1 is adopted only if it still looks like ours (hidden, or headed by
    // its contract's first column): a hand-edited state must not turn a log into a summary tab.
    const recorded = findSheetById(ss, tabs[name]);
    if (recorded && looksLikeOwnTab(recorded, name)) {
      sheet = recorded;
      markTab(ss, sheet, name);
    }
  }
  if (!sheet) {
    // insertSheet makes the new tab active; staff stay on the sheet they were working on.
    const previous = ss.getActiveSheet();
    sheet = ss.insertSheet(freeName(ss, name), ss.getNumSheets());
    if (previous) ss.setActiveSheet(previous);
    if (opts.hidden) sheet.hideSheet();
    indexOf(ss).set(sheet.getSheetId(), sheet);
    markTab(ss, sheet, name);
  }
  tabs[name] = sheet.getSheetId();
  return sheet;
}

function looksLikeOwnTab(sheet: Sheet, name: string): boolean {
  if (sheet.isSheetHidden()) return true;
  const contract = ALL_TABS.find((t) => t.name === name);
  return !!contract && sheet.getLastRow() > 0 && sheet.getRange(1, 1).getValue() === contract.columns[0]?.header;
}

/** Our tab of that contract name if it exists (marker or recorded id); never one found by name alone. */
export function findOwnTab(ss: Spreadsheet, tabs: Record<string, number>, name: string): Sheet | null {
  return markedTabs(ss).get(name) ?? (tabs[name] !== undefined ? findSheetById(ss, tabs[name]) : null);
}

/**
 * Rewrites a tab in place: header and rows in ONE setValues that also blanks stale rows below,
 * so a failure leaves either the old or the new content, never a mix. Formats go first (they
 * do not change content) so new dates and percents display right the moment they land.
 */
export function writeTable(sheet: Sheet, headers: string[], rows: Cell[][], types: ColumnType[] | null): void {
  const width = headers.length;
  const oldHeight = sheet.getLastRow();
  const newHeight = rows.length + 1;
  const height = Math.max(oldHeight, newHeight);
  ensureSize(sheet, height, width);
  if (types && rows.length > 0) {
    // Plain-text columns ('@') keep what we write as it is; dates, counts and shares get theirs.
    const formatRow = types.map((t) => FORMAT_OF_TYPE[t]);
    const formats: string[][] = [];
    for (let i = 0; i < rows.length; i++) formats.push(formatRow);
    sheet.getRange(2, 1, rows.length, width).setNumberFormats(formats);
  }
  const formatOf = types ? types.map((t) => FORMAT_OF_TYPE[t]) : [];
  const values: Cell[][] = [headers.map((h) => toWritable(h))];
  for (const row of rows) values.push(row.map((v, k) => toWritable(v, formatOf[k])));
  const blank = new Array<Cell>(width).fill('');
  for (let i = newHeight; i < height; i++) values.push(blank);
  sheet.getRange(1, 1, height, width).setValues(values);
}

/** One-time presentation of a fresh tab: bold frozen header and readable widths. */
export function styleTable(sheet: Sheet, headers: string[], widths: number[]): void {
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, headers.length).setFontWeight('bold');
  widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
}

/** A tab's content as written: header row plus data rows (for reading kamus back). */
export function readTable(sheet: Sheet, maxRows = Infinity): Grid {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow === 0 || lastCol === 0) return [];
  return sheet.getRange(1, 1, Math.min(lastRow, maxRows), lastCol).getValues() as Grid;
}
