/**
 * Fill-down dates: many branch logs write the visit date once per day (or per block) — on the
 * first row, with the cells below merged into it or simply left blank — and mean every row below
 * to carry it. This verb says which rows take the date above, and why. It reads no sheet: the
 * caller passes the date column already parsed.
 */
import { Cell, isBlank } from '../cells';
import { words } from '../text';

/** The date column of the data rows, in sheet order (index 0 = first data row). */
export interface DateColumnRows {
  /** The parsed visit day of each row, or null (blank, or text that is not a date). */
  days: readonly (number | null)[];
  /** True when the date cell is empty (not merely unreadable: "??" is not blank). */
  dateBlank: readonly boolean[];
  /** True when the row holds something besides its date (a visit was written on it). */
  hasContent: readonly boolean[];
  /** True for TOTAL / JUMLAH rows: never a visit, never given a date. */
  isTotal?: readonly boolean[];
  /** Merged cells of the date column as data-row ranges [start, end), when the sheet tells them. */
  merges?: readonly { start: number; end: number }[];
}

export type FillReason = 'merged' | 'blankRunBelowDate';

export interface FilledDate {
  day: number;
  /** The data row whose date is taken. */
  from: number;
  reason: FillReason;
}

/**
 * Whether the log shows the written-once-per-day pattern:
 * - `pattern`: it does;
 * - `noBlanks`: no row with content has a blank date;
 * - `notSorted`: the dated rows are not in date order, so "the date above" means nothing;
 * - `fewBlanks`: blank dates are a few forgotten cells (under a fifth of the visit rows) in a
 *   log that otherwise writes every date: they stay invalid.
 */
export type PatternReason = 'pattern' | 'noBlanks' | 'notSorted' | 'fewBlanks';

export interface FillDownResult {
  /** Per data row: the date it takes, or null. */
  fills: (FilledDate | null)[];
  pattern: PatternReason;
}

/** Blank dates must be at least this share of the rows with content to read as a pattern. */
export const MIN_BLANK_SHARE = 0.2;

/**
 * Decides the rows that take the date above.
 *
 * Merged cells are explicit: every row with content under a merged date cell takes the date of
 * the merge's top row, whatever the rest of the log looks like.
 *
 * A blank date is filled from the dated row above only when the log shows the pattern:
 *  1. the rows that have a date are in non-decreasing date order (a log kept day by day), and
 *  2. rows with content and a blank date are at least a fifth (MIN_BLANK_SHARE) of the rows with
 *     content (a date written once per block, not a forgotten cell), and then only
 *  3. for rows in an unbroken run directly below a dated row: the run ends at the next dated
 *     row, a row whose date is unreadable text, a totally blank row or a TOTAL row.
 * Rows without content and TOTAL rows never get a date.
 */
export function fillDownDates(col: DateColumnRows): FillDownResult {
  const n = col.days.length;
  const fills: (FilledDate | null)[] = new Array<FilledDate | null>(n).fill(null);
  const isVisitRow = (r: number): boolean => col.hasContent[r] === true && !(col.isTotal && col.isTotal[r]);

  for (const m of col.merges ?? []) {
    const top = Math.max(0, m.start);
    const day = col.days[top];
    if (day === null || day === undefined) continue;
    for (let r = top + 1; r < Math.min(n, m.end); r++) {
      if (isVisitRow(r) && col.dateBlank[r]) fills[r] = { day, from: top, reason: 'merged' };
    }
  }

  const pattern = blankPattern(col, isVisitRow);
  if (pattern !== 'pattern') return { fills, pattern };

  let from = -1;
  for (let r = 0; r < n; r++) {
    const day = col.days[r];
    if (day !== null) {
      from = isVisitRow(r) ? r : -1;
      continue;
    }
    if (!col.dateBlank[r] || !isVisitRow(r)) {
      from = -1; // unreadable date, blank row or TOTAL row: the run ends
      continue;
    }
    if (from >= 0 && fills[r] === null) fills[r] = { day: col.days[from] as number, from, reason: 'blankRunBelowDate' };
  }
  return { fills, pattern };
}

function blankPattern(col: DateColumnRows, isVisitRow: (r: number) => boolean): PatternReason {
  let visits = 0;
  let blanks = 0;
  let last = -Infinity;
  let sorted = true;
  for (let r = 0; r < col.days.length; r++) {
    if (!isVisitRow(r)) continue;
    visits++;
    const day = col.days[r];
    if (day !== null && day !== undefined) {
      if (day < last) sorted = false;
      last = day;
    } else if (col.dateBlank[r]) blanks++;
  }
  return patternOf(visits, blanks, sorted);
}

/**
 * The pattern verdict from what blankPattern counts over the visit rows: how many there are, how
 * many of them have a blank date, and whether their dates are in non-decreasing order.
 */
export function patternOf(visits: number, blanks: number, sorted: boolean): PatternReason {
  if (blanks === 0) return 'noBlanks';
  if (!sorted) return 'notSorted';
  if (blanks < MIN_BLANK_SHARE * visits) return 'fewBlanks';
  return 'pattern';
}

/** No visit day, in an Int32Array of days (day numbers are small integers). */
export const NO_DAY = -0x80000000;

/** DateColumnRows as typed arrays: what the cleaner has, a million rows without a boxed value each. */
export interface DayRows {
  /** The parsed visit day of each row, NO_DAY for none. */
  day: Int32Array;
  /** 1 when the date cell is empty. */
  dateBlank: Uint8Array;
  /** 1 for a visit row: it has content and is not a TOTAL row (hasContent && !isTotal). */
  visitRow: Uint8Array;
  merges?: readonly { start: number; end: number }[];
}

/** fillDownDates over typed arrays: per row the data row whose date it takes (-1: none). */
export interface FilledRows {
  from: Int32Array;
  /** How many rows take a date. */
  filled: number;
  pattern: PatternReason;
}

/**
 * fillDownDates, the same rules over typed arrays: row r takes the date of row from[r] (the day
 * is day[from[r]]) exactly when fillDownDates gives it a FilledDate from that row.
 */
export function fillDownDays(col: DayRows): FilledRows {
  const { day, dateBlank, visitRow } = col;
  const n = day.length;
  const from = new Int32Array(n).fill(-1);
  let filled = 0;
  for (const m of col.merges ?? []) {
    const top = Math.max(0, m.start);
    if (top >= n || day[top] === NO_DAY) continue;
    const end = Math.min(n, m.end);
    for (let r = top + 1; r < end; r++) {
      if (visitRow[r] && dateBlank[r]) {
        if (from[r] === -1) filled++;
        from[r] = top;
      }
    }
  }
  let visits = 0;
  let blanks = 0;
  let last = -Infinity;
  let sorted = true;
  for (let r = 0; r < n; r++) {
    if (!visitRow[r]) continue;
    visits++;
    const d = day[r] as number;
    if (d !== NO_DAY) {
      if (d < last) sorted = false;
      last = d;
    } else if (dateBlank[r]) blanks++;
  }
  const pattern = patternOf(visits, blanks, sorted);
  if (pattern !== 'pattern') return { from, filled, pattern };
  let run = -1;
  for (let r = 0; r < n; r++) {
    if (day[r] !== NO_DAY) {
      run = visitRow[r] ? r : -1;
      continue;
    }
    if (!dateBlank[r] || !visitRow[r]) {
      run = -1; // unreadable date, blank row or TOTAL row: the run ends
      continue;
    }
    if (run >= 0 && from[r] === -1) {
      from[r] = run;
      filled++;
    }
  }
  return { from, filled, pattern };
}

const TOTAL_WORDS = new Set(['total', 'jumlah', 'grand total', 'sub total', 'subtotal', 'total kunjungan', 'jumlah kunjungan', 'jumlah total', 'total keseluruhan']);

/**
 * A TOTAL / JUMLAH row a spreadsheet keeps under (or inside) its log: a cell saying so and no
 * other text. Such rows look empty to a cleaner once the label is ignored, and never are visits.
 */
export function isTotalRow(row: readonly Cell[]): boolean {
  let label = false;
  for (const v of row) {
    const k = totalCellClass(v);
    if (k === TOTAL_OTHER) return false;
    if (k === TOTAL_LABEL) label = true;
  }
  return label;
}

/** How a cell counts toward isTotalRow: left aside (blank, a number), a TOTAL label, or anything else. */
export const TOTAL_NEUTRAL = 0;
export const TOTAL_LABEL = 1;
export const TOTAL_OTHER = 2;

/**
 * The class of one cell in isTotalRow's rule, so a caller can work it out once per distinct value
 * (a row is a TOTAL row when no cell is TOTAL_OTHER and some cell is TOTAL_LABEL).
 */
export function totalCellClass(v: Cell): number {
  if (isBlank(v) || typeof v === 'number') return TOTAL_NEUTRAL;
  if (typeof v !== 'string') return TOTAL_OTHER;
  // Every label holds "total" or "jumlah"; plain ASCII text without either (a name, a topic) is
  // none, told without folding it into words.
  if (!NON_ASCII.test(v) && !LABEL_PART.test(v)) return TOTAL_OTHER;
  const w = words(v).join(' ');
  // "TOTAL", "Jumlah kunjungan", "Total hari ini", "Jumlah: 12", "TOTAL 15 orang", "Subtotal".
  return TOTAL_WORDS.has(w) || /^(sub ?total|grand total|total|jumlah)\b/.test(w) ? TOTAL_LABEL : TOTAL_OTHER;
}

const NON_ASCII = /[^\x00-\x7f]/;
const LABEL_PART = /total|jumlah/i;
