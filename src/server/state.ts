/**
 * The add-on's per-document state, kept in a hidden tab of the spreadsheet itself.
 *
 * Why not document properties: a time-driven trigger may run with no active document, and then
 * PropertiesService.getDocumentProperties() and LockService.getDocumentLock() are null. A tab is
 * readable wherever the spreadsheet can be opened, so the nightly run sees the same mappings,
 * settings, registered sheets and tab ids as the sidebar. One read and one write per run.
 */
import type { RunRecord, Settings } from '../shared/api';
import { DEFAULT_SETTINGS } from '../core/settings';
import type { SavedMapping } from '../core/mapping';
import type { PendingRun } from '../core/plan';
import { addMetadata, ensureSize, ensureTab, markedTabs, metadataOf } from './sheets';

export const STATE_TAB = '_pola_state';

export type { SavedMapping };

export type { PendingRun };

export interface DocState {
  settings: Omit<Settings, 'language'>;
  mappings: Record<string, SavedMapping>;
  registered: number[];
  /** Summary/report tab name → sheet id, so a renamed tab is still found. */
  tabs: Record<string, number>;
  lastRun: RunRecord | null;
  nightly: { enabled: boolean; hour: number };
  pending: PendingRun | null;
  /** Time budget of one execution in ms (tests and the runner shorten it). */
  budgetMs?: number;
  /** Run lease: who holds the right to write, until when (ms). */
  lease: { owner: string; until: number; finished?: boolean } | null;
}

export function emptyState(): DocState {
  const { language: _ignored, ...settings } = DEFAULT_SETTINGS;
  void _ignored;
  return { settings, mappings: {}, registered: [], tabs: {}, lastRun: null, nightly: { enabled: false, hour: 2 }, pending: null, lease: null };
}

const KEYS: (keyof DocState)[] = ['settings', 'mappings', 'registered', 'tabs', 'lastRun', 'nightly', 'pending', 'budgetMs', 'lease'];

/** Characters of JSON per state cell (a cell holds 50,000; the apostrophe takes one more). */
const CHUNK = 45000;
/** Keys without which a state tab is damaged, not merely old. */
const REQUIRED: (keyof DocState)[] = ['settings', 'mappings', 'registered', 'tabs'];

export type StateProblem = '' | 'missing' | 'damaged';

/** Finds the state tab: by its marker, else (version 1) by name, marking it then. */
function stateSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, create: boolean): GoogleAppsScript.Spreadsheet.Sheet | null {
  const marked = markedTabs(ss).get(STATE_TAB);
  if (marked) return marked;
  // Version 1 found its state tab by name only: adopt it (and mark it) on the next write. Ours
  // was always hidden: a visible tab of that name is a staff tab, never touched.
  const named = ss.getSheetByName(STATE_TAB);
  const byName = named && named.isSheetHidden() ? named : null;
  if (!create) return byName;
  return ensureTab(ss, byName ? { [STATE_TAB]: byName.getSheetId() } : {}, STATE_TAB, { hidden: true });
}

/**
 * Reads the state, saying when it cannot be trusted: `missing` when the tab is gone although the
 * add-on has worked in this document before (its marked tabs are there, or a trigger fired),
 * `damaged` when a value does not parse or a required row is gone. A run must then write
 * nothing: with an empty state it would rebuild every summary from no logs at all.
 */
export function readStateChecked(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, usedBefore = false): { state: DocState; problem: StateProblem } {
  const state = emptyState();
  const sheet = stateSheet(ss, false);
  const used = (): boolean => usedBefore || Array.from(markedTabs(ss).keys()).some((name) => name !== STATE_TAB);
  if (!sheet || sheet.getLastRow() === 0) return { state, problem: used() ? 'missing' : '' };
  const width = Math.max(2, sheet.getLastColumn());
  const rows = sheet.getRange(1, 1, sheet.getLastRow(), width).getValues();
  const seen = new Set<string>();
  let damaged = false;
  for (const row of rows) {
    const key = String(row[0]);
    // A value typed by hand may have become a number or boolean cell: read its text all the same.
    if (!KEYS.includes(key as keyof DocState)) continue;
    const json = row.slice(1).map((v) => (v === null || v === undefined ? '' : String(v))).join('');
    if (json === '') continue;
    try {
      (state as unknown as Record<string, unknown>)[key] = JSON.parse(json);
      seen.add(key);
    } catch (e) {
      damaged = true;
    }
  }
  // A required row gone in a document the add-on has already worked in is damage; a state tab
  // holding a few rows before any run (a tool setting the budget) is not.
  if (REQUIRED.some((k) => !seen.has(k)) && used()) damaged = true;
  state.settings = { ...emptyState().settings, ...state.settings };
  return { state, problem: damaged ? 'damaged' : '' };
}

export function readState(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): DocState {
  return readStateChecked(ss).state;
}

/**
 * The state as the tab stores it: one row per key, the value as JSON split over cells of CHUNK
 * characters, every row as wide as the widest (at least `minWidth`, and 2).
 */
export function stateRows(state: DocState, minWidth = 2): string[][] {
  const rows = KEYS.map((k) => {
    const json = JSON.stringify(state[k] ?? null);
    const cells: string[] = [k];
    for (let i = 0; i < json.length; i += CHUNK) cells.push("'" + json.slice(i, i + CHUNK));
    return cells;
  });
  const width = rows.reduce((w, r) => Math.max(w, r.length), Math.max(2, minWidth));
  return rows.map((r) => r.concat(new Array<string>(width - r.length).fill('')));
}

export function writeState(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, state: DocState): void {
  const sheet = stateSheet(ss, true) as GoogleAppsScript.Spreadsheet.Sheet;
  // As wide as the tab's content: cells of a longer earlier value are blanked in the same write.
  const full = stateRows(state, sheet.getLastColumn());
  const width = full[0]?.length ?? 2;
  ensureSize(sheet, full.length, width);
  sheet.getRange(1, 1, full.length, width).setValues(full);
}

/** Marks a registered log, with its confirmed mapping, so a lost state can be rebuilt. */
export const LOG_MARKER = 'pola.log';
/** Metadata values are small (30,000 characters per sheet): a larger mapping is not kept there. */
const MAX_MARKED_MAPPING = 20000;

export function markLog(sheet: GoogleAppsScript.Spreadsheet.Sheet, mapping: SavedMapping | undefined): void {
  const json = mapping ? JSON.stringify(mapping) : '{}';
  const value = json.length <= MAX_MARKED_MAPPING ? json : '{}';
  const found = metadataOf(sheet, LOG_MARKER);
  const [first, ...extra] = found;
  if (first) {
    if (first.getValue() !== value) first.setValue(value);
    for (const more of extra) more.remove();
  } else addMetadata(sheet, LOG_MARKER, value);
}

export function unmarkLog(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  for (const md of metadataOf(sheet, LOG_MARKER)) md.remove();
}

/** A state rebuilt from the markers: our tabs, the registered logs and their mappings. */
export function stateFromMarkers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): DocState {
  const state = emptyState();
  for (const [name, sheet] of markedTabs(ss)) if (name !== STATE_TAB) state.tabs[name] = sheet.getSheetId();
  for (const md of metadataOf(ss, LOG_MARKER)) {
    const sheet = md.getLocation().getSheet();
    if (!sheet) continue;
    const id = sheet.getSheetId();
    if (!state.registered.includes(id)) state.registered.push(id);
    try {
      const mapping = JSON.parse(md.getValue() ?? '{}') as SavedMapping;
      if (mapping && mapping.roles) state.mappings[String(id)] = mapping;
    } catch (e) {
      // No mapping kept: the sheet is re-detected and asks for confirmation if unsure.
    }
  }
  return state;
}
