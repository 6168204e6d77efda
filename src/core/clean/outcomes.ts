/**
 * The parse and canonicalise verbs, per distinct raw value of a column: what a visit date, an
 * age, a birth date or a service/channel/topic spelling becomes, the change to write, its note
 * fragment and its part of the duplicate key. Each is worked out once per value (ValueCodes).
 */
import type { Lang } from '../../shared/api';
import { Cell, cellText, isBlank, isDate } from '../cells';
import { DayOrder, NUMERAL_DATE, ParsedDate, parseDate } from '../dates';
import { t } from '../i18n';
import { MAX_PLAUSIBLE_AGE, MIN_PLAUSIBLE_AGE } from '../settings';
import { isFormulaError, tidy } from '../text';
import { ZoneClock, isoOfDay, pad2, ymdOfDay } from '../zone';
import { keyOf, plainKey } from './keys';

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const MIN_VISIT_YEAR = 1990;
const MAX_VISIT_YEAR = 2100;
const MIN_BIRTH_YEAR = 1900;
const SHOWN_VALUE_LENGTH = 60;

/** What one distinct raw value of a column becomes: worked out once, used by every row holding it. */
export interface Outcome {
  /** The value to write, when it differs from the raw value. */
  next: Cell | undefined;
  format: string | null;
  /** Index of the change note fragment, or -1. */
  fragment: number;
  /** Duplicate-key part of the cleaned value, and its hash. */
  key: string;
  hash: number;
}

export interface DateOutcome extends Outcome {
  visit: ParsedDate | null;
  /** For rows without a usable date: the note and the problem. */
  invalid: string;
  masalah: string;
}

export interface ValueProblem {
  note: string;
  masalah: string;
}

export interface AgeOutcome extends Outcome {
  age: number | null;
  problem: ValueProblem | null;
}

export interface BirthOutcome extends Outcome {
  birthDay: number | null;
  problem: ValueProblem | null;
}

/** A value as it may leave the log: redacted, with its code in the visit dictionary. */
export interface SafeText {
  text: string;
  lower: string;
  /** The visit code of `text`; -1 when it is nothing but redacted personal data. */
  code: number;
  builtIn: boolean;
  /** Lowercase ASCII three-letter windows of `lower` (see hasTrigram), made when first needed. */
  trigrams?: Set<number>;
}

export interface TextOutcome extends Outcome {
  canonical: string;
  /** Its redacted form, once a counted row used it. */
  safe?: SafeText;
}

/** What the outcomes need from the run. */
export interface OutcomeContext {
  clock: ZoneClock;
  lang: Lang;
  /** Registers the note fragment of a change in column `col` and returns its index. */
  fragment: (col: number, from: string, to: string) => number;
}

/**
 * A cell's value as quoted in a note or a problem, cut to SHOWN_VALUE_LENGTH. The cut never keeps
 * part of a word or of a number at its end: redaction downstream recognises a phone or KPJ number
 * by its digits, and a number cut to its first digits would slip through as a shorter one.
 */
export function shown(v: Cell): string {
  const s = isDate(v) ? v.toISOString() : String(v);
  if (s.length <= SHOWN_VALUE_LENGTH) return s;
  const cut = s.slice(0, SHOWN_VALUE_LENGTH - 1);
  const whole = /[\p{L}\p{N}]/u.test(s.charAt(cut.length)) ? cut.replace(/[\p{L}\p{N}]+$/u, '') : cut;
  const kept = whole.replace(/[\d\s().+\/-]*\d[\s().+\/-]*$/, '').trimEnd();
  // One long word or number has no boundary to cut at: cut it (a long digit run stays long).
  return (kept === '' ? cut : kept) + '\u2026';
}

function showParsed(p: ParsedDate): string {
  if (p.seconds === null) return isoOfDay(p.day);
  const s = p.seconds;
  return `${isoOfDay(p.day)} ${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
}

/** Whole years from a text or number age: "35 th", "35 tahun", " 35 ", 35, "35 thn 6 bln". */
export function parseAge(v: Cell): number | null {
  if (typeof v === 'number') return isFinite(v) && v >= 0 ? Math.floor(v) : null;
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d{1,3})(?:[.,]\d+)?\s*(?:(?:th|thn|tahun|tahunan|thnan|yr|yrs|year|years|y\.?o\.?)\.?(?:\s+\d{1,2}\s*(?:bln|bulan|bl|months?)\.?)?)?\s*$/i.exec(v);
  return m ? Number(m[1]) : null;
}

/**
 * Visit dates: read in the column's day order, kept between MIN_VISIT_YEAR and MAX_VISIT_YEAR.
 * `guessed`: nothing decided the column's day order (the sheet is flagged), so a date written in
 * numerals is counted as read in `order` but left as typed: written back as a date, the guess
 * would look decided to the next run, and the flag would go while the guess stayed.
 */
export function dateOutcome(ctx: OutcomeContext, col: number, order: DayOrder, guessed = false): (raw: Cell) => DateOutcome {
  const { clock, lang } = ctx;
  return (raw) => {
    let visit = parseDate(raw, clock, order);
    if (visit) {
      const y = ymdOfDay(visit.day).y;
      if (y < MIN_VISIT_YEAR || y > MAX_VISIT_YEAR) visit = null;
    }
    if (!visit) {
      const blank = isBlank(raw);
      return {
        visit: null,
        next: undefined,
        format: null,
        fragment: -1,
        ...plainKey(keyOf(raw)),
        invalid: blank ? t(lang, 'catatan.noDate') : t(lang, 'catatan.badDate', { value: shown(raw) }),
        masalah: blank ? t(lang, 'masalah.noDate') : t(lang, 'masalah.badDate'),
      };
    }
    const instant = clock.fromLocal(visit.day, visit.seconds ?? 0);
    const same = (isDate(raw) && raw.getTime() === instant.getTime()) || (guessed && NUMERAL_DATE.test(raw as string));
    return {
      visit,
      next: same ? undefined : instant,
      format: same ? null : visit.seconds === null ? DATE_FORMAT : DATETIME_FORMAT,
      fragment: same ? -1 : ctx.fragment(col, shown(raw), showParsed(visit)),
      ...plainKey('d' + visit.day + ':' + (visit.seconds ?? 0)),
      invalid: '',
      masalah: '',
    };
  };
}

/** Ages: whole years between MIN_PLAUSIBLE_AGE and MAX_PLAUSIBLE_AGE, written as numbers. */
export function ageOutcome(ctx: OutcomeContext, col: number): (raw: Cell) => AgeOutcome {
  const { lang } = ctx;
  return (raw) => {
    const none = { next: undefined, format: null, fragment: -1, ...plainKey(keyOf(raw)) };
    if (isBlank(raw)) return { ...none, age: null, problem: null };
    const parsed = parseAge(raw);
    if (parsed === null) return { ...none, age: null, problem: { note: t(lang, 'catatan.unreadableAge', { value: shown(raw) }), masalah: t(lang, 'masalah.unreadableAge') } };
    if (parsed < MIN_PLAUSIBLE_AGE || parsed > MAX_PLAUSIBLE_AGE) {
      return { ...none, age: null, problem: { note: t(lang, 'catatan.badAge', { value: shown(raw) }), masalah: t(lang, 'masalah.badAge', { min: MIN_PLAUSIBLE_AGE, max: MAX_PLAUSIBLE_AGE }) } };
    }
    const same = raw === parsed;
    return { next: same ? undefined : parsed, format: null, fragment: same ? -1 : ctx.fragment(col, shown(raw), String(parsed)), ...plainKey('n' + parsed), age: parsed, problem: null };
  };
}

/** Birth dates: read in their own day order, in the past, not before MIN_BIRTH_YEAR. */
export function birthOutcome(ctx: OutcomeContext, col: number, order: DayOrder): (raw: Cell) => BirthOutcome {
  const { clock, lang } = ctx;
  return (raw) => {
    const none = { next: undefined, format: null, fragment: -1, ...plainKey(keyOf(raw)) };
    if (isBlank(raw)) return { ...none, birthDay: null, problem: null };
    const birth = parseDate(raw, clock, order, 'past');
    if (!birth || ymdOfDay(birth.day).y < MIN_BIRTH_YEAR) {
      return { ...none, birthDay: null, problem: { note: t(lang, 'catatan.badBirth', { value: shown(raw) }), masalah: t(lang, 'masalah.badBirth') } };
    }
    const instant = clock.fromLocal(birth.day, 0);
    const same = isDate(raw) && raw.getTime() === instant.getTime();
    return {
      next: same ? undefined : instant,
      format: same ? null : DATE_FORMAT,
      fragment: same ? -1 : ctx.fragment(col, shown(raw), isoOfDay(birth.day)),
      ...plainKey('d' + birth.day),
      birthDay: birth.day,
      problem: null,
    };
  };
}

/** Services, channels and topics: tidied, then mapped to the column's canonical spelling. */
export function textOutcome(ctx: OutcomeContext, col: number, canonical: ReadonlyMap<string, string>): (raw: Cell) => TextOutcome {
  return (raw) => {
    if (typeof raw !== 'string') {
      return { canonical: isBlank(raw) ? '' : cellText(raw), next: undefined, format: null, fragment: -1, ...plainKey(keyOf(raw)) };
    }
    const tidied = tidy(raw);
    // A failed formula (#N/A…) names nothing: unknown, like an empty cell.
    if (tidied === '' || isFormulaError(tidied)) return { canonical: '', next: undefined, format: null, fragment: -1, ...plainKey(keyOf(raw)) };
    const value = canonical.get(tidied) ?? tidied;
    const same = raw === value;
    return { canonical: value, next: same ? undefined : value, format: null, fragment: same ? -1 : ctx.fragment(col, shown(raw), value), ...plainKey('s' + value) };
  };
}

/** Code of a three-character lowercase ASCII string (as charCodes < 128), -1 otherwise. */
function trigramCode(a: number, b: number, c: number): number {
  return a < 128 && b < 128 && c < 128 ? (a << 14) | (b << 7) | c : -1;
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * `safe.lower.includes(name.trim().slice(0, 3).toLowerCase())` without building a string per row:
 * the first three characters of the trimmed name, lowercased, looked up among the value's
 * three-character windows. Null when the quick test does not apply (non-ASCII, a short name):
 * the caller then asks the string question itself.
 */
export function hasTrigram(safe: SafeText, name: string): boolean | null {
  let start = 0;
  while (start < name.length && isSpace(name.charCodeAt(start))) start++;
  let end = name.length;
  while (end > start && isSpace(name.charCodeAt(end - 1))) end--;
  if (end - start < 3) return null;
  const code = trigramCode(lowerAscii(name.charCodeAt(start)), lowerAscii(name.charCodeAt(start + 1)), lowerAscii(name.charCodeAt(start + 2)));
  if (code < 0) return null;
  if (!safe.trigrams) {
    const windows = new Set<number>();
    const s = safe.lower;
    for (let i = 0; i + 3 <= s.length; i++) {
      const w = trigramCode(s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2));
      if (w >= 0) windows.add(w);
    }
    safe.trigrams = windows;
  }
  return safe.trigrams.has(code);
}

/** Whitespace as String.prototype.trim sees it, for the characters a name starts or ends with. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
