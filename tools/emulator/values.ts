/**
 * Cell values: how Sheets interprets what a script writes, and how it renders
 * what is stored (getDisplayValues). Rendering follows the *spreadsheet*
 * locale and time zone, as the Sheets API documents for formatted values.
 */
import { isDate } from './runtime';
import { zonedParts } from './dates';

/** What a cell can hold. Dates are kept as the instant they represent. */
export type CellValue = string | number | boolean | Date;

export const GENERAL = 'General';
export const PLAIN_TEXT = '@';

const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const BOOLEAN = /^\s*(?:true|false)\s*$/i;

/**
 * Interprets one non-formula value written with setValue(s), mirroring Sheets'
 * "user entered" parsing for the cases the add-on relies on. Returns undefined
 * for an empty cell. `plainText` is true when the cell's number format is "@",
 * in which case strings are kept exactly as given.
 *
 * Not emulated: Sheets also parses date-, percent- and currency-looking strings
 * ("2024-01-05", "5%"); here those stay text.
 */
export function coerceInput(v: unknown, plainText: boolean): CellValue | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  switch (typeof v) {
    case 'number':
      // Sheets cannot hold NaN/Infinity (it shows an error text instead) and has no -0.
      if (!Number.isFinite(v)) return String(v);
      return v === 0 ? 0 : v;
    case 'boolean':
      return v;
    case 'string':
      if (plainText) return v;
      if (v.startsWith("'")) return v.slice(1) === '' ? undefined : v.slice(1);
      if (NUMERIC.test(v)) return Number(v) + 0;
      if (BOOLEAN.test(v)) return v.trim().toUpperCase() === 'TRUE';
      return v;
    default:
      if (isDate(v)) {
        const ms = v.getTime();
        return Number.isFinite(ms) ? new Date(ms) : String(v);
      }
      return String(v);
  }
}

/** Days between the Sheets epoch (1899-12-30) and the Unix epoch. */
const EPOCH_OFFSET_DAYS = 25569;

/** Serial number Sheets uses for a date, in the spreadsheet's zone. */
export function dateToSerial(d: Date, tz: string): number {
  const ms = d.getTime();
  const off = zonedParts(ms, tz).offsetMinutes;
  return (ms + off * 60000) / 86400000 + EPOCH_OFFSET_DAYS;
}

/** Wall-clock fields (read as UTC) of a serial number; no zone involved. */
function serialToWall(serial: number): Date {
  return new Date(Math.round((serial - EPOCH_OFFSET_DAYS) * 86400000));
}

interface Separators {
  decimal: string;
  group: string;
}
const separatorCache = new Map<string, Separators>();

function separators(locale: string): Separators {
  let s = separatorCache.get(locale);
  if (!s) {
    s = { decimal: '.', group: ',' };
    try {
      for (const p of new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(1234567.5)) {
        if (p.type === 'decimal') s.decimal = p.value;
        if (p.type === 'group') s.group = p.value;
      }
    } catch {
      // Unknown locale: keep en-US separators.
    }
    separatorCache.set(locale, s);
  }
  return s;
}

function monthNames(locale: string, style: 'long' | 'short'): string[] {
  const names: string[] = [];
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat(locale.replace('_', '-'), { month: style, timeZone: 'UTC' });
  } catch {
    f = new Intl.DateTimeFormat('en', { month: style, timeZone: 'UTC' });
  }
  for (let m = 0; m < 12; m++) names.push(f.format(new Date(Date.UTC(2000, m, 1))));
  return names;
}

function dayNames(locale: string, style: 'long' | 'short'): string[] {
  const names: string[] = [];
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat(locale.replace('_', '-'), { weekday: style, timeZone: 'UTC' });
  } catch {
    f = new Intl.DateTimeFormat('en', { weekday: style, timeZone: 'UTC' });
  }
  // 2000-01-02 was a Sunday.
  for (let d = 0; d < 7; d++) names.push(f.format(new Date(Date.UTC(2000, 0, 2 + d))));
  return names;
}

/** Removes quoted literals and escapes so format letters can be inspected. */
function unquoted(fmt: string): string {
  return fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

export function isDateFormat(fmt: string): boolean {
  if (!fmt || fmt === GENERAL || fmt === PLAIN_TEXT) return false;
  return /[ydhsm]/i.test(unquoted(fmt).replace(/\[\$[^\]]*\]/g, ''));
}

type DateToken = { kind: 'lit'; text: string } | { kind: 'field'; letter: string; len: number } | { kind: 'ampm'; short: boolean };

function tokenizeDateFormat(fmt: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i];
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end < 0 ? fmt.length : end;
      tokens.push({ kind: 'lit', text: fmt.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'lit', text: fmt[i + 1] ?? '' });
      i += 2;
    } else if (/^am\/pm/i.test(fmt.slice(i, i + 5))) {
      tokens.push({ kind: 'ampm', short: false });
      i += 5;
    } else if (/^a\/p/i.test(fmt.slice(i, i + 3))) {
      tokens.push({ kind: 'ampm', short: true });
      i += 3;
    } else if (/[ymdhs]/i.test(ch)) {
      const letter = ch.toLowerCase();
      let n = 1;
      while (i + n < fmt.length && fmt[i + n].toLowerCase() === letter) n++;
      tokens.push({ kind: 'field', letter, len: n });
      i += n;
    } else if (ch === '.' && fmt[i + 1] === '0') {
      // Fractional seconds: ".000"
      let n = 0;
      while (fmt[i + 1 + n] === '0') n++;
      tokens.push({ kind: 'field', letter: 'f', len: n });
      i += 1 + n;
    } else {
      tokens.push({ kind: 'lit', text: ch });
      i++;
    }
  }
  // "m"/"mm" mean minutes right after an hour or right before seconds.
  const fields = tokens.filter((t): t is Extract<DateToken, { kind: 'field' }> => t.kind === 'field');
  fields.forEach((t, k) => {
    if (t.letter !== 'm' || t.len > 2) return;
    const prev = fields[k - 1];
    const next = fields[k + 1];
    if ((prev && prev.letter === 'h') || (next && next.letter === 's')) t.letter = 'min';
  });
  return tokens;
}

function pad(n: number, w: number): string {
  const s = String(n);
  return s.length >= w ? s : '0'.repeat(w - s.length) + s;
}

/** Renders a serial date number with a Sheets date/time format. */
function formatSerialDate(serial: number, fmt: string, locale: string): string {
  const w = serialToWall(serial);
  const tokens = tokenizeDateFormat(fmt);
  const twelveHour = tokens.some((t) => t.kind === 'ampm');
  const hour = w.getUTCHours();
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'lit') out += t.text;
    else if (t.kind === 'ampm') out += t.short ? (hour < 12 ? 'A' : 'P') : hour < 12 ? 'AM' : 'PM';
    else {
      switch (t.letter) {
        case 'y':
          out += t.len <= 2 ? pad(w.getUTCFullYear() % 100, 2) : String(w.getUTCFullYear());
          break;
        case 'm':
          if (t.len === 1) out += String(w.getUTCMonth() + 1);
          else if (t.len === 2) out += pad(w.getUTCMonth() + 1, 2);
          else if (t.len === 3) out += monthNames(locale, 'short')[w.getUTCMonth()];
          else if (t.len === 5) out += monthNames(locale, 'long')[w.getUTCMonth()].charAt(0);
          else out += monthNames(locale, 'long')[w.getUTCMonth()];
          break;
        case 'd':
          if (t.len <= 2) out += pad(w.getUTCDate(), t.len);
          else out += dayNames(locale, t.len === 3 ? 'short' : 'long')[w.getUTCDay()];
          break;
        case 'h': {
          const h = twelveHour ? (hour % 12 === 0 ? 12 : hour % 12) : hour;
          out += pad(h, Math.min(t.len, 2));
          break;
        }
        case 'min':
          out += pad(w.getUTCMinutes(), t.len);
          break;
        case 's':
          out += pad(w.getUTCSeconds(), Math.min(t.len, 2));
          break;
        case 'f':
          out += separators(locale).decimal + pad(w.getUTCMilliseconds(), 3).slice(0, t.len);
          break;
      }
    }
  }
  return out;
}

/** Renders a number with a numeric pattern such as "0", "#,##0.00", "0.0%". */
function formatNumberPattern(value: number, fmt: string, locale: string): string {
  const sections = fmt.split(';');
  let section = sections[0];
  let v = value;
  let sign = v < 0 ? '-' : '';
  if (v < 0 && sections.length > 1 && sections[1] !== '') {
    section = sections[1];
    sign = '';
  }
  if (v === 0 && sections.length > 2 && sections[2] !== '') section = sections[2];
  v = Math.abs(v);
  const core = /[#0,.]*[#0][#0,.]*/.exec(section.replace(/"[^"]*"/g, (m) => ' '.repeat(m.length)));
  if (!core) return section.replace(/"/g, '');
  const prefix = section.slice(0, core.index).replace(/"|\[\$|\]/g, '');
  const suffix = section.slice(core.index + core[0].length).replace(/"|\[\$|\]/g, '');
  const percents = (unquoted(section).match(/%/g) || []).length;
  for (let i = 0; i < percents; i++) v *= 100;
  const [intPat, fracPat = ''] = core[0].split('.');
  const maxDec = (fracPat.match(/[#0]/g) || []).length;
  const minDec = (fracPat.match(/0/g) || []).length;
  const minInt = (intPat.match(/0/g) || []).length;
  const grouping = intPat.includes(',');
  let [intPart, frac = ''] = v.toFixed(maxDec).split('.');
  while (frac.length > minDec && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (intPart === '0' && minInt === 0) intPart = '';
  while (intPart.length < minInt) intPart = '0' + intPart;
  const sep = separators(locale);
  if (grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group);
  if (sign && Number(intPart.replace(/\D/g, '') || 0) === 0 && Number(frac || 0) === 0) sign = '';
  return sign + prefix + intPart + (frac ? sep.decimal + frac : '') + suffix;
}

/** Sheets' "Automatic"/General rendering: up to ~10 significant digits. */
function formatGeneralNumber(v: number, locale: string): string {
  let s = String(v);
  if (s.includes('e') || s.replace(/[-.]/g, '').length > 11) {
    s = String(Number(v.toPrecision(10)));
  }
  const sep = separators(locale);
  return sep.decimal === '.' ? s : s.replace('.', sep.decimal);
}

/** getDisplayValues for one cell. */
export function displayValue(v: CellValue | undefined, fmt: string | undefined, tz: string, locale: string): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const f = fmt && fmt !== GENERAL ? fmt : '';
  if (isDate(v)) {
    const serial = dateToSerial(v, tz);
    if (f && isDateFormat(f)) return formatSerialDate(serial, f, locale);
    if (f && f !== PLAIN_TEXT) return formatNumberPattern(serial, f, locale);
    // A date written by a script gets an automatic date(-time) format in Sheets.
    const p = zonedParts(v, tz);
    const timeless = p.hour === 0 && p.minute === 0 && p.second === 0;
    return formatSerialDate(serial, timeless ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss', locale);
  }
  if (!f || f === PLAIN_TEXT) return formatGeneralNumber(v, locale);
  if (isDateFormat(f)) return formatSerialDate(v, f, locale);
  return formatNumberPattern(v, f, locale);
}
