/**
 * The contract between the sidebar and the server bundle.
 *
 * Everything here crosses `google.script.run`, which only carries primitives, plain objects and
 * arrays: no Date, no functions, no undefined inside arrays. Dates therefore travel as
 * 'YYYY-MM-DD' / ISO strings already formatted in the spreadsheet's time zone.
 */

export type Lang = 'id' | 'en';

/** What a column of a service log means. `personal` columns stay in the log and never leave it. */
export type Role = 'date' | 'age' | 'birthDate' | 'service' | 'topic' | 'channel' | 'personal' | 'ignore';

export const ROLES: readonly Role[] = ['date', 'age', 'birthDate', 'service', 'topic', 'channel', 'personal', 'ignore'];

export type CleanStatus = 'OK' | 'DIPERBAIKI' | 'DUPLIKAT' | 'TIDAK_VALID';

export interface StatusCounts {
  OK: number;
  DIPERBAIKI: number;
  DUPLIKAT: number;
  TIDAK_VALID: number;
}

export interface ColumnView {
  /** 0-based column index in the sheet. */
  index: number;
  header: string;
  role: Role;
  /** Up to three example values, as text. */
  samples: string[];
}

/** The column mapping of one sheet, as detected or as saved by the user. */
export interface MappingView {
  sheetId: number;
  sheetName: string;
  /** 1-based row number of the header row. */
  headerRow: number;
  dataRows: number;
  columns: ColumnView[];
  /** Values used when the sheet has no such column (from the sheet name or set by the user). */
  constants: { service: string; channel: string };
  /** Where each constant came from: the sheet's name, the user, or nowhere. */
  constantSource: { service: 'sheetName' | 'user' | 'none'; channel: 'sheetName' | 'user' | 'none' };
  /** True once the mapping was saved by the user or by a first clean. */
  saved: boolean;
  /** True once the sheet was cleaned and is part of the summaries. */
  registered: boolean;
  /** Problems that block cleaning (e.g. no date column), already translated. */
  blockers: string[];
}

/** The user's overrides for one sheet's mapping, sent by the sidebar. */
export interface MappingInput {
  sheetId: number;
  /** Column index → role, for every column the user changed. */
  roles: Record<string, Role>;
  constants: { service: string; channel: string };
}

export interface Settings {
  /** Lower bounds of the age groups after the first: default [20, 28, 35, 43] → <20, 20-27, 28-34, 35-42, >42. */
  ageBounds: number[];
  /** A bucket is a peak when its per-working-day rate is at least this multiple of its month's baseline. */
  peakThreshold: number;
  /** Non-working days, 'YYYY-MM-DD'. */
  holidays: string[];
  /** 'auto' follows the user's locale. */
  language: Lang | 'auto';
}

export interface NightlyStatus {
  enabled: boolean;
  /** Hour of day 0–23 in the spreadsheet's time zone. */
  hour: number;
  timeZone: string;
  lastRun: RunRecord | null;
}

/** One run's outcome, as recorded in `info_ringkasan` and shown in the sidebar. */
export interface RunRecord {
  kind: 'clean' | 'summarise' | 'nightly' | 'undo';
  /** ISO instants. */
  start: string;
  end: string;
  ok: boolean;
  rowsProcessed: number;
  error: string;
  /** Set when the run stopped at its time budget and scheduled a continuation. */
  continued: boolean;
  /** '' when every sheet's outcome is fine; else why it needs checking (PERLU PERIKSA). */
  review?: string;
}

export interface ChangeSummary {
  column: string;
  from: string;
  to: string;
  count: number;
}

export interface CleanResult {
  sheetId: number;
  sheetName: string;
  rowsRead: number;
  /** Blank rows below the header, skipped: with rowsRead, the rows the mapping panel counts. */
  blankRows: number;
  byStatus: StatusCounts;
  cellsWritten: number;
  /** Rows staff edited between this run's read and its write: skipped, left for the next run. */
  rowsEditedDuringRun: number;
  /** The most common changes, for the result card. */
  topChanges: ChangeSummary[];
  /** Rows listed in `masalah_data` for this sheet. */
  problems: number;
  /** True when the run finished the whole sheet (false: continues in a follow-up run). */
  complete: boolean;
  check: SheetCheck;
}

/**
 * Whether a sheet's outcome needs a person to look: BERHASIL, or PERLU_PERIKSA when many rows were
 * left out or the date order could not be decided, with the reason and the fix (translated).
 */
export interface SheetCheck {
  status: 'BERHASIL' | 'PERLU_PERIKSA';
  reason: string;
  fix: string;
  /** How text dates like 6/1/2023 were read: 'DMY', 'MDY', 'ambiguous', or '' (no such dates). */
  dateOrder: string;
  /** Why that order: partOver12, headerFormat, formsTimestamp, locale, noEvidence… */
  dateOrderReason: string;
  /** Rows whose blank date was taken from the date written above them. */
  datesFilled: number;
}

export interface TabLink {
  name: string;
  sheetId: number;
  rows: number;
  /** URL that opens the spreadsheet at this tab (#gid=). */
  url: string;
}

export interface SummaryResult {
  tabs: TabLink[];
  byStatus: StatusCounts;
  /** Months ('YYYY-MM') whose week 1 is a peak. */
  earlyMonthPeaks: string[];
  lookerStudioUrl: string;
  sheetsIncluded: string[];
  /** The wawasan findings: what the numbers say and what to do (the sheet's language). */
  findings: { kode: string; temuan: string; rekomendasi: string; angka: string }[];
  /** Weekly visits (Monday 'YYYY-MM-DD'), the backtest and the forecast with its 80 % band. */
  weeks: { monday: string; actual: number | null; forecast: number | null; lo: number | null; hi: number | null }[];
  /** ds_puncak's rows (week of month 1–5, visits per working day, peak), for the sidebar's bar chart; absent = no chart. */
  weekOfMonth?: { week: number; perWorkingDay: number; peak: boolean }[];
}

/**
 * One Clean & Summarize in one execution: the active log and every registered log are read once,
 * and masalah_data and the summaries are written from the same plans.
 */
export interface RunResult {
  /** The active sheet's clean in this execution (null when this execution only continued others). */
  clean: CleanResult | null;
  report: ReportResult | null;
  summary: SummaryResult | null;
  /** False: the run stopped at its time budget; call again to continue where it stopped. */
  complete: boolean;
  /** Why the summaries were not refreshed (a registered sheet whose columns moved), translated; '' when they were. */
  blocked: string;
}

export interface ReportResult {
  /** Rows listed in `masalah_data`. */
  problems: number;
  tab: TabLink;
}

export interface UndoResult {
  /** The history entry that was restored. */
  entryId: string;
  sheetName: string;
  cellsRestored: number;
  /** Rows moved since the clean (sorted, inserted above): left as they are, not restored. */
  rowsSkipped: number;
  /** Cells staff edited since the clean: their edit is kept, not replaced by the original. */
  cellsKept: number;
}

/** One run the undo history can restore, as the sidebar lists it (newest first). */
export interface UndoEntryView {
  id: string;
  sheetName: string;
  /** ISO instant of the run. */
  at: string;
  kind: 'clean' | 'nightly';
  /** Sheet rows the entry would put back as they were before that run. */
  rows: number;
  /** True for the newest entry of its sheet: undo goes newest-first per sheet. */
  undoable: boolean;
}

export interface RegisteredSheet {
  sheetId: number;
  name: string;
}

/** Everything the sidebar needs to draw itself, in one round trip. */
export interface SidebarState {
  lang: Lang;
  spreadsheetName: string;
  /** Name of the sheet open in Sheets (also when it cannot be a log). */
  activeSheetName: string;
  timeZone: string;
  active: MappingView | null;
  /** Why the active sheet cannot be a log (e.g. it is a summary tab), translated; '' when it can. */
  activeNote: string;
  registered: RegisteredSheet[];
  settings: Settings;
  nightly: NightlyStatus;
  /** The sheet that "Urungkan" would restore, or null. */
  undoAvailable: { sheetName: string; at: string } | null;
  /** The undo history, newest first (at most five runs per sheet). */
  undoHistory: UndoEntryView[];
  /** Set when the state tab is missing or damaged: the sidebar offers to rebuild it. */
  stateProblem: string;
  version: string;
}

/** Error codes the sidebar knows how to explain; each has a message and a next step in core/i18n. */
export const ERROR_CODES = [
  'NO_DATE_COLUMN',
  'BUSY',
  'TOO_LARGE',
  'NOTHING_TO_CLEAN',
  'NOT_A_LOG',
  'NO_UNDO',
  'BAD_INPUT',
  'MAPPING_CHANGED',
  'PROTECTED',
  'STATE_UNREADABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Server functions answer with this envelope so errors arrive translated, with a next step. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; hint: string } };

/**
 * The functions the sidebar calls through google.script.run. The server entry module implements
 * exactly these (plus the triggers), and the sidebar's typed client is derived from this map;
 * src/server/api-check.ts makes the compiler hold the server to it.
 */
export interface ServerApi {
  getSidebarState(): Reply<SidebarState>;
  /** Re-detects (or loads the saved) mapping of a sheet; reads the header and a few rows only. */
  inspectSheet(sheetId: number): Reply<MappingView>;
  saveMapping(input: MappingInput): Reply<MappingView>;
  /**
   * Bersihkan & Ringkas in one execution: cleans the sheet in place, then writes masalah_data and
   * every summary from the same plans (each log read once). Call again while `complete` is false.
   */
  cleanAndSummarise(sheetId: number): Reply<RunResult>;
  /** Cleans one sheet in place only (plus kamus and backup); the summaries are not touched. */
  cleanSheet(sheetId: number): Reply<CleanResult>;
  /** Step "menulis": rebuilds the `masalah_data` tab (every row left out, with its reason) from every registered sheet. */
  writeReports(): Reply<ReportResult>;
  /** Step "meringkas": rebuilds every summary tab from every registered sheet. */
  summarise(): Reply<SummaryResult>;
  /** Restores the newest entry of the history, or the given one if it is the newest of its sheet. */
  undoLastClean(entryId?: string): Reply<UndoResult>;
  setNightly(enabled: boolean, hour: number): Reply<NightlyStatus>;
  saveSettings(settings: Settings): Reply<Settings>;
  dropSheet(sheetId: number): Reply<RegisteredSheet[]>;
  /** Activates a tab (the result card's links use it inside Sheets). */
  openTab(sheetId: number): Reply<boolean>;
  /** Rebuilds a missing or damaged state tab from the document's markers; false when it was fine. */
  rebuildState(): Reply<boolean>;
}
