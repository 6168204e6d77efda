/**
 * DOM-free helpers of the sidebar: number / month / date formatting and validation of the
 * settings form. Kept pure so they can be unit-tested under node.
 */
import type { Lang } from '../src/shared/api';
import type { MsgKey } from './i18n';
import { AGE_BOUND_MAX, AGE_BOUND_MIN, MAX_AGE_BOUNDS, MAX_HOLIDAYS, PEAK_THRESHOLD_MAX, PEAK_THRESHOLD_MIN } from '../src/core/settings';

const MONTHS: Record<Lang, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Thousands separator "." (id) / "," (en); the decimal mark is the other one. */
export function formatNumber(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return String(n);
  const group = lang === 'id' ? '.' : ',';
  const decimal = lang === 'id' ? ',' : '.';
  const negative = n < 0;
  const abs = Math.abs(n);
  const isInt = Number.isInteger(abs);
  const fixed = isInt ? String(abs) : abs.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  const [intPart = '', fracPart] = fixed.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (negative ? '-' : '') + grouped + (fracPart ? decimal + fracPart : '');
}

export function monthAbbr(month1to12: number, lang: Lang): string {
  return MONTHS[lang][month1to12 - 1] ?? String(month1to12);
}

/** 'YYYY-MM' (or 'YYYY-MM-DD') → "Jun 2023"; anything else is returned unchanged. */
export function formatMonth(ym: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})/.exec(ym);
  if (!m) return ym;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return ym;
  return `${monthAbbr(month, lang)} ${m[1]}`;
}

export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/**
 * An ISO instant shown in the spreadsheet's time zone: "12 Jun 2023 02:15".
 * Falls back to the browser's zone when the zone is unknown, and to the raw text when unparsable.
 */
export function formatDateTime(iso: string, lang: Lang, timeZone?: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return iso;
  const opts: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  };
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { ...opts, timeZone: timeZone || undefined }).formatToParts(d);
  } catch {
    parts = new Intl.DateTimeFormat('en-US', opts).formatToParts(d);
  }
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const hour = get('hour') === '24' ? '00' : get('hour').padStart(2, '0');
  return `${Number(get('day'))} ${monthAbbr(Number(get('month')), lang)} ${get('year')} ${hour}:${get('minute').padStart(2, '0')}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: MsgKey; params?: Record<string, string | number> };

/** The bounds the server accepts (src/core/settings.ts), under the form's names. */
export const AGE_MIN = AGE_BOUND_MIN;
export const AGE_MAX = AGE_BOUND_MAX;

/** "20, 28, 35, 43" → [20, 28, 35, 43]: integers 1–120, strictly ascending, at least one. */
export function parseAgeBounds(text: string): Parsed<number[]> {
  const tokens = text.split(/[,;\s]+/).filter((s) => s !== '');
  if (tokens.length === 0) return { ok: false, error: 'errAgeEmpty' };
  // The server's limits (core/settings.ts): what the sidebar accepts, the server accepts.
  if (tokens.length > MAX_AGE_BOUNDS) return { ok: false, error: 'errAgeTooMany', params: { max: MAX_AGE_BOUNDS } };
  const out: number[] = [];
  for (const tok of tokens) {
    if (!/^\d+$/.test(tok)) return { ok: false, error: 'errAgeNotInt', params: { value: tok } };
    const n = Number(tok);
    if (n < AGE_MIN || n > AGE_MAX) return { ok: false, error: 'errAgeRange', params: { value: tok, min: AGE_MIN, max: AGE_MAX } };
    const previous = out[out.length - 1];
    if (previous !== undefined && n <= previous) return { ok: false, error: 'errAgeOrder', params: { value: tok } };
    out.push(n);
  }
  return { ok: true, value: out };
}

// The age groups' labels have one source, shared with the summary tabs they preview.
export { ageGroupLabels } from '../src/core/settings';

export function ageBoundsToText(bounds: readonly number[]): string {
  return bounds.join(', ');
}

/** A number ≥ 1; accepts "1.5" and "1,5". */
export function parsePeakThreshold(text: string): Parsed<number> {
  const s = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return { ok: false, error: 'errPeakNumber' };
  const n = Number(s);
  if (!Number.isFinite(n) || n < PEAK_THRESHOLD_MIN) return { ok: false, error: 'errPeakMin', params: { min: PEAK_THRESHOLD_MIN } };
  if (n > PEAK_THRESHOLD_MAX) return { ok: false, error: 'errPeakMax', params: { max: PEAK_THRESHOLD_MAX } };
  return { ok: true, value: n };
}

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** One 'YYYY-MM-DD' per line; blank lines ignored; result sorted and de-duplicated, at most MAX_HOLIDAYS days. */
export function parseHolidays(text: string): Parsed<string[]> {
  const lines = text.split(/\r?\n/);
  const set = new Set<string>();
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    if (!isValidIsoDate(line)) return { ok: false, error: 'errHoliday', params: { line: i + 1, value: line } };
    set.add(line);
  }
  // The server's limit (core/settings.ts): a longer list would come back as BAD_INPUT.
  if (set.size > MAX_HOLIDAYS) return { ok: false, error: 'errHolidayTooMany', params: { max: MAX_HOLIDAYS } };
  return { ok: true, value: [...set].sort() };
}

export function holidaysToText(days: readonly string[]): string {
  return days.join('\n');
}

/** Only http(s) URLs may become href values. */
export function safeUrl(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null;
}

/** English names of the wawasan rules' supporting numbers (src/core/insights/wawasan.ts). */
const SUPPORT_NAMES_EN: Readonly<Record<string, string>> = {
  rasio_minggu_1: 'week-1 ratio',
  petugas_minggu_1: 'counters in week 1',
  petugas_minggu_lain: 'counters in other weeks',
  hari: 'day',
  mulai: 'start',
  selesai: 'end',
  sebelum_per_minggu: 'per week before',
  selama_per_minggu: 'per week during',
  rasio: 'ratio',
  umumkan_sebelum: 'announce by',
  kelompok_usia: 'age group',
  jumlah: 'count',
  total_informasi: 'information requests',
  persen: 'share',
  pembagian_rata: 'even split',
  total_keluhan_jmo: 'JMO complaints',
  minggu: 'week',
  keluhan: 'complaints',
  median_8_minggu: '8-week median',
  batas: 'limit',
};

/**
 * A finding's supporting numbers as staff read them. The wawasan tab writes them for Looker
 * Studio and for checking (`name=value; …`, dot decimals, ISO dates); the sidebar shows each
 * name in words and each value in the sidebar's language: `sebelum_per_minggu=14.1` →
 * "sebelum per minggu: 14,1", `2023-05-01` → "1 Mei 2023". A part without `=` stays as it is.
 */
export function supportingNumbersText(angka: string, lang: Lang): string {
  return angka
    .split('; ')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq <= 0) return part;
      const key = part.slice(0, eq);
      const name = (lang === 'en' ? SUPPORT_NAMES_EN[key] : undefined) ?? key.replace(/_/g, ' ');
      return `${name}: ${supportValue(part.slice(eq + 1), lang)}`;
    })
    .join(' · ');
}

/** A supporting value in the sidebar's language: an ISO date as a date, every number grouped and with the language's decimal mark. */
function supportValue(value: string, lang: Lang): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) return `${Number(date[3])} ${monthAbbr(Number(date[2]), lang)} ${date[1]}`;
  return value.replace(/\d+(?:\.\d+)?/g, (n) => formatNumber(Number(n), lang));
}
