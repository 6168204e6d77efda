/**
 * Reads visit and birth dates as office staff type them: ISO, day-first numerals, Indonesian (and
 * English) month names with their common short forms, weekday prefixes, date-times and Forms
 * timestamps, and spreadsheet serial numbers pasted as numbers or text.
 *
 * Results are wall-clock values in the spreadsheet's zone (a day number plus optional seconds),
 * so the same cell gives the same calendar day wherever the code runs.
 */
import { Cell, isDate } from './cells';
import { ZoneClock, dayNumber, daysInMonth } from './zone';
import { at } from './table';

export interface ParsedDate {
  day: number;
  /** Seconds since local midnight, or null for a date without a time. */
  seconds: number | null;
}

export type DayOrder = 'dmy' | 'mdy';

/** Month names and abbreviations (a Map: a word such as "constructor" is no month). */
const MONTHS = new Map<string, number>();
function months(n: number, names: string[]): void {
  for (const name of names) MONTHS.set(name, n);
}
months(1, ['januari', 'january', 'jan', 'janu']);
months(2, ['februari', 'pebruari', 'february', 'feb', 'peb', 'febr']);
months(3, ['maret', 'march', 'mar', 'mrt']);
months(4, ['april', 'apr', 'apl']);
months(5, ['mei', 'may']);
months(6, ['juni', 'june', 'jun']);
months(7, ['juli', 'july', 'jul']);
months(8, ['agustus', 'august', 'agu', 'agt', 'ags', 'agst', 'agus', 'aug']);
months(9, ['september', 'sep', 'sept', 'spt']);
months(10, ['oktober', 'october', 'okt', 'oct']);
months(11, ['november', 'nopember', 'nov', 'nop']);
months(12, ['desember', 'december', 'des', 'dec']);

const WEEKDAYS = /\b(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|sen|sel|rab|kam|jum|sab|min|mon|tue|wed|thu|fri|sat|sun)\b\.?,?/g;

/** Spreadsheet serial day 0 is 1899-12-30. */
const SERIAL_EPOCH_DAY = dayNumber(1899, 12, 30);

/** Serials outside 1900…2199 are not dates someone pasted; they are other numbers. */
const MIN_SERIAL = 1;
const MAX_SERIAL = 109574;

function fromSerial(n: number): ParsedDate | null {
  if (!isFinite(n) || n < MIN_SERIAL || n > MAX_SERIAL) return null;
  let whole = Math.floor(n);
  let seconds = Math.round((n - whole) * 86400);
  if (seconds >= 86400) {
    // 45306.99999999 is midnight of the next day, not 24:00 of this one.
    whole++;
    seconds = 0;
  }
  return { day: SERIAL_EPOCH_DAY + whole, seconds: seconds > 0 ? seconds : null };
}

/**
 * Which century a two-digit year is in. Visits: 00–69 → 20xx. Birth dates ('past'): a year
 * that would make the person under ten is the previous century (12-03-65 → 1965).
 */
export type Century = 'visit' | 'past';

function fullYear(y: number, digits: number, century: Century = 'visit'): number {
  if (digits > 2) return y;
  if (century === 'past') return y <= 10 ? 2000 + y : 1900 + y;
  return y < 70 ? 2000 + y : 1900 + y;
}

function build(y: number, m: number, d: number, hh?: string, mi?: string, ss?: string): ParsedDate | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && y >= 1000 && y <= 9999)) return null;
  let seconds: number | null = null;
  if (hh !== undefined && mi !== undefined) {
    const h = Number(hh);
    const mm = Number(mi);
    const s = ss === undefined ? 0 : Number(ss);
    if (h > 23 || mm > 59 || s > 59) return null;
    seconds = h * 3600 + mm * 60 + s;
    if (seconds === 0) seconds = null;
  }
  return { day: dayNumber(y, m, d), seconds };
}

const TIME = String.raw`(?:[ ,t]+(?:pukul |jam )?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?(?: ?(?:wib|wita|wit))?)?`;
const RE_ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})` + TIME + '$');
const RE_NUMERIC = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})` + TIME + '$');
const RE_NAMED_DMY = new RegExp(String.raw`^(\d{1,2})[ \-/.]*([a-z]+)\.?[ \-/.,]*(\d{4}|\d{2})` + TIME + '$');
const RE_NAMED_MDY = new RegExp(String.raw`^([a-z]+)\.?[ \-/.]*(\d{1,2}),?[ \-/.]+(\d{4})` + TIME + '$');
const RE_ZONED_ISO = /^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses one cell. `order` decides numerals like 05/06/2023 (day-first unless the column shows
 * otherwise); a numeral that only fits the other order (5/22/2023) is still read.
 */
export function parseDate(v: Cell, clock: ZoneClock, order: DayOrder = 'dmy', century: Century = 'visit'): ParsedDate | null {
  if (isDate(v)) {
    if (isNaN(v.getTime())) return null;
    const local = clock.toLocal(v);
    return { day: local.day, seconds: local.seconds === 0 ? null : local.seconds };
  }
  if (typeof v === 'number') return fromSerial(v);
  if (typeof v !== 'string') return null;
  return parseDateText(v, clock, order, century);
}

export function parseDateText(text: string, clock: ZoneClock | null, order: DayOrder = 'dmy', century: Century = 'visit'): ParsedDate | null {
  let s = text.trim().toLowerCase();
  if (s === '') return null;
  if (/^\d+(\.\d+)?$/.test(s)) return fromSerial(Number(s));
  if (RE_ZONED_ISO.test(s) && clock) {
    const t = new Date(text.trim());
    if (isNaN(t.getTime())) return null;
    const local = clock.toLocal(t);
    return { day: local.day, seconds: local.seconds === 0 ? null : local.seconds };
  }
  s = s.replace(WEEKDAYS, ' ').replace(/\s+/g, ' ').replace(/^[ ,]+|[ ,]+$/g, '');
  let m = RE_ISO.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6]);
  m = RE_NUMERIC.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const yearText = at(m, 3);
    const y = fullYear(Number(yearText), yearText.length, century);
    const dmy = build(y, b, a, m[4], m[5], m[6]);
    const mdy = build(y, a, b, m[4], m[5], m[6]);
    return order === 'dmy' ? dmy || mdy : mdy || dmy;
  }
  m = RE_NAMED_DMY.exec(s);
  let month = m ? MONTHS.get(at(m, 2)) : undefined;
  if (m && month) return build(fullYear(Number(m[3]), at(m, 3).length, century), month, Number(m[1]), m[4], m[5], m[6]);
  m = RE_NAMED_MDY.exec(s);
  month = m ? MONTHS.get(at(m, 1)) : undefined;
  if (m && month) return build(Number(m[3]), month, Number(m[2]), m[4], m[5], m[6]);
  return null;
}

/**
 * Decides whether a column's numerals are day-first or month-first: month-first only when some
 * value can only be month-first (5/22/2023) and none can only be day-first (22/05/2023).
 */
export function detectDayOrder(values: Iterable<Cell>): DayOrder {
  let dayFirstOnly = 0;
  let monthFirstOnly = 0;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}/.exec(v);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dayFirstOnly++;
    else if (b > 12 && a <= 12) monthFirstOnly++;
  }
  return monthFirstOnly > 0 && dayFirstOnly === 0 ? 'mdy' : 'dmy';
}

/** How a text date column's numerals were read, and the evidence that decided it. */
export type DateOrderDecision = 'DMY' | 'MDY' | 'ambiguous';

/**
 * Why a column was read in its order, strongest evidence first:
 * - `partOver12`: some value only fits one order (22/05/2023 is day-first) and none only fits the other;
 * - `conflictingParts`: values of both kinds (22/05/2023 and 05/22/2023): the column is mixed, flagged;
 * - `headerFormat`: the header spells the format ("Tanggal (mm/dd/yyyy)", "Date (DD-MM-YY)");
 * - `formsTimestamp`: Google Forms' own timestamp column; English Forms (`Timestamp`) write
 *   month-first, Indonesian Forms (`Stempel waktu`, `Cap waktu`) day-first;
 * - `locale`: the spreadsheet locale (en_US month-first, id/in_ID/en_GB… day-first);
 * - `noNumericDates`: no value like 6/1/2023 at all, so the order changes nothing (DMY);
 * - `noEvidence`: ambiguous values and nothing above decides them: flagged, never guessed.
 */
export type DateOrderReason = 'partOver12' | 'conflictingParts' | 'headerFormat' | 'formsTimestamp' | 'locale' | 'noNumericDates' | 'noEvidence';

export interface DateOrderResult {
  order: DateOrderDecision;
  reason: DateOrderReason;
  /** Numeral values that only fit day-first, only month-first, or both. */
  counts: { dayFirstOnly: number; monthFirstOnly: number; either: number };
}

/** A date written in numerals with a two-part day and month (6/1/2023, "Jumat, 6-1-23 9:15"): the values whose order is in question. */
export const NUMERAL_DATE = /^\s*(?:[a-z']+,?\s+)?(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}(?:\D|$)/i;

/** Locales whose people write the month first. Every other known locale writes the day first. */
const MONTH_FIRST_LOCALES = new Set(['en_us', 'en_ph', 'es_us', 'en_um', 'en_as', 'en_gu', 'en_pr', 'en_vi', 'en_fm', 'en_mh']);

function orderOfLocale(locale: string): 'DMY' | 'MDY' | null {
  const l = locale.trim().toLowerCase().replace(/-/g, '_');
  if (!/^[a-z]{2,3}(_[a-z0-9]+)*$/.test(l)) return null;
  // Plain "en" is Apps Script's US English.
  if (MONTH_FIRST_LOCALES.has(l) || l === 'en') return 'MDY';
  return 'DMY';
}

function orderOfHeader(header: string): { order: 'DMY' | 'MDY'; reason: 'headerFormat' | 'formsTimestamp' } | null {
  const h = header.toLowerCase();
  if (/\b(d{1,2}|tt|hh)[\/\-. ](m{1,2}|bb)[\/\-. ](y{2,4}|t{2,4})\b/.test(h)) return { order: 'DMY', reason: 'headerFormat' };
  if (/\b(m{1,2}|bb)[\/\-. ](d{1,2}|tt|hh)[\/\-. ](y{2,4}|t{2,4})\b/.test(h)) return { order: 'MDY', reason: 'headerFormat' };
  const words = h.replace(/[^a-z]+/g, ' ').trim();
  if (words === 'timestamp') return { order: 'MDY', reason: 'formsTimestamp' };
  if (words === 'stempel waktu' || words === 'cap waktu') return { order: 'DMY', reason: 'formsTimestamp' };
  return null;
}

/**
 * Decides day-first or month-first for a whole text date column (`6/1/2023` is 6 January or
 * 1 June) from the evidence in the column, its header and the spreadsheet locale, and says why.
 * Only numerals with a two-part day and month count; ISO and named-month dates are unambiguous.
 */
export function decideDateOrder(texts: readonly string[], opts: { header: string; locale: string }): DateOrderResult {
  const counts = { dayFirstOnly: 0, monthFirstOnly: 0, either: 0 };
  for (const v of texts) {
    if (typeof v !== 'string') continue;
    const m = NUMERAL_DATE.exec(v);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a < 1 || b < 1 || (a > 12 && b > 12)) continue;
    if (a > 12) counts.dayFirstOnly++;
    else if (b > 12) counts.monthFirstOnly++;
    else counts.either++;
  }
  if (counts.dayFirstOnly > 0 && counts.monthFirstOnly > 0) return { order: 'ambiguous', reason: 'conflictingParts', counts };
  if (counts.dayFirstOnly > 0) return { order: 'DMY', reason: 'partOver12', counts };
  if (counts.monthFirstOnly > 0) return { order: 'MDY', reason: 'partOver12', counts };
  if (counts.either === 0) return { order: 'DMY', reason: 'noNumericDates', counts };
  const fromHeader = orderOfHeader(opts.header);
  if (fromHeader) return { order: fromHeader.order, reason: fromHeader.reason, counts };
  const fromLocale = orderOfLocale(opts.locale);
  if (fromLocale) return { order: fromLocale, reason: 'locale', counts };
  return { order: 'ambiguous', reason: 'noEvidence', counts };
}
