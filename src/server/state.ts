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

export const STATE_TAB = '_pola_state';

export type { SavedMapping };

/** A run that stopped at its time budget and continues in a follow-up execution. */
export interface PendingRun {
  kind: 'clean' | 'nightly';
  /** Sheets still to clean, in order. */
  sheetIds: number[];
  /** The backup generation that already covers the pending sheets' changes. */
  backupId: string;
  startedAt: string;
}

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

/** Finds the state tab (by name; it is hidden and not meant to be renamed). */
function stateSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, create: boolean): GoogleAppsScript.Spreadsheet.Sheet | null {
  let sheet = ss.getSheetByName(STATE_TAB);
  if (!sheet && create) {
    const previous = ss.getActiveSheet();
    sheet = ss.insertSheet(STATE_TAB, ss.getNumSheets());
    if (previous) ss.setActiveSheet(previous);
    sheet.hideSheet();
  }
  return sheet;
}

export function readState(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): DocState {
  const state = emptyState();
  const sheet = stateSheet(ss, false);
  if (!sheet || sheet.getLastRow() === 0) return state;
  const rows = sheet.getRange(1, 1, sheet.getLastRow(), 2).getValues();
  for (const [key, json] of rows) {
    // A value typed by hand may have become a number or boolean cell: read its text all the same.
    if (!KEYS.includes(key as keyof DocState) || json === '' || json === null) continue;
    try {
      (state as unknown as Record<string, unknown>)[key as string] = JSON.parse(String(json));
    } catch (e) {
      // A hand-edited, broken value falls back to its default rather than blocking every run.
    }
  }
  state.settings = { ...emptyState().settings, ...state.settings };
  return state;
}

/** The state as the tab stores it: one row per key, the value as JSON. */
export function stateRows(state: DocState): string[][] {
  return KEYS.map((k) => [k, "'" + JSON.stringify(state[k] ?? null)]);
}

export function writeState(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, state: DocState): void {
  const sheet = stateSheet(ss, true) as GoogleAppsScript.Spreadsheet.Sheet;
  const rows = stateRows(state);
  if (sheet.getMaxColumns() < 2) sheet.insertColumnsAfter(sheet.getMaxColumns(), 2 - sheet.getMaxColumns());
  if (sheet.getMaxRows() < rows.length) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  sheet.getRange(1, 1, rows.length, 2).setValues(rows);
}
