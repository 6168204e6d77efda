/**
 * Time-zone arithmetic without dependencies. Sheets and Apps Script always
 * format and interpret dates in an explicit zone (spreadsheet or script time
 * zone), never in the host's zone, so everything here takes a zone id.
 *
 * Accepted zone ids: IANA names ("Asia/Jakarta") and the fixed-offset forms
 * Apps Script also accepts ("GMT", "UTC", "GMT+7", "GMT-03:30").
 */
import { ZoneClock } from '../../src/core/zone';

export interface ZonedParts {
  year: number;
  /** 1-12 (calendar month, unlike Date#getMonth). */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  /** Offset of the zone from UTC at this instant, in minutes (Jakarta: +420). */
  offsetMinutes: number;
}

const FIXED = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i;

function fixedOffset(tz: string): number | null {
  const m = FIXED.exec(tz.trim());
  if (!m) return null;
  if (!m[1]) return 0;
  const mins = Number(m[2]) * 60 + Number(m[3] || 0);
  return m[1] === '-' ? -mins : mins;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new Error(`Invalid time zone: ${tz}`);
    }
    formatters.set(tz, f);
  }
  return f;
}

/**
 * Offsets only change at transitions, which in every real zone fall on a
 * quarter-hour boundary, so caching per (zone, 15-minute bucket) is exact and
 * makes formatting a million dates cheap (Intl.formatToParts is slow).
 */
const offsetCache = new Map<string, number>();
const BUCKET = 15 * 60 * 1000;

/** Offset of `tz` from UTC at instant `ms`, in minutes. */
export function zoneOffsetMinutes(tz: string, ms: number): number {
  const fixed = fixedOffset(tz);
  if (fixed !== null) return fixed;
  const bucket = Math.floor(ms / BUCKET);
  const key = `${tz}|${bucket}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const at = bucket * BUCKET;
  const p: Record<string, number> = {};
  for (const part of formatterFor(tz).formatToParts(new Date(at))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const off = Math.round((asUtc - at) / 60000);
  if (offsetCache.size > 200000) offsetCache.clear();
  offsetCache.set(key, off);
  return off;
}

/** Wall-clock fields of `date` as seen in `tz`. */
export function zonedParts(date: Date | number, tz: string): ZonedParts {
  const ms = typeof date === 'number' ? date : date.getTime();
  if (!Number.isFinite(ms)) throw new Error('Invalid date');
  const offsetMinutes = zoneOffsetMinutes(tz, ms);
  const w = new Date(ms + offsetMinutes * 60000);
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
    millisecond: w.getUTCMilliseconds(),
    weekday: w.getUTCDay(),
    offsetMinutes,
  };
}

/**
 * The instant at which the wall clock in `tz` shows the given time.
 * `month` is 1-12. Out-of-range fields roll over like Date.UTC. For a time
 * skipped by a DST gap the result is shifted forward by the gap (what Sheets
 * and java.util.Calendar do); for an ambiguous time the earlier instant wins.
 */
export function zonedDate(tz: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // The offsets in force half a day before and after bracket any transition
  // near this wall time; each yields a candidate instant that is valid only if
  // the zone really has that offset at that instant.
  const before = zoneOffsetMinutes(tz, wall - 12 * 3600000);
  const after = zoneOffsetMinutes(tz, wall + 12 * 3600000);
  const tBefore = wall - before * 60000;
  const tAfter = wall - after * 60000;
  const okBefore = zoneOffsetMinutes(tz, tBefore) === before;
  const okAfter = zoneOffsetMinutes(tz, tAfter) === after;
  let t: number;
  if (okBefore && okAfter) t = Math.min(tBefore, tAfter); // ambiguous: earlier instant
  else if (okBefore) t = tBefore;
  else if (okAfter) t = tAfter;
  else t = tBefore; // gap: old offset, i.e. shifted forward past the gap
  return new Date(t);
}

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetString(mins: number, colon: boolean, hoursOnly = false): string {
  const sign = mins < 0 ? '-' : '+';
  const a = Math.abs(mins);
  const h = pad(Math.floor(a / 60), 2);
  if (hoursOnly) return sign + h;
  return sign + h + (colon ? ':' : '') + pad(a % 60, 2);
}

function zoneAbbreviation(date: Date, tz: string): string {
  if (fixedOffset(tz) !== null) return 'GMT' + offsetString(zoneOffsetMinutes(tz, date.getTime()), true);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'short' }).formatToParts(date);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? tz;
}

/**
 * Utilities.formatDate: java.text.SimpleDateFormat patterns, English names
 * (Apps Script formats with the default Java locale, not the user's).
 * Supported letters: y M d E a H k K h m s S Z X z u D; text in single quotes is
 * literal and '' is a single quote. Other ASCII letters throw like Java does.
 */
export function formatDate(date: Date, tz: string, pattern: string): string {
  const p = zonedParts(date, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Inside quotes, '' is an escaped quote; a single ' ends the literal.
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= pattern.length) throw new Error(`Unterminated quote in pattern: ${pattern}`);
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern[j++];
      }
      out += text;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
        if (n >= 4) out += MONTHS[p.month - 1];
        else if (n === 3) out += MONTHS[p.month - 1].slice(0, 3);
        else out += pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'D': {
        const doy = Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000) + 1;
        out += pad(doy, n);
        break;
      }
      case 'E':
        out += n >= 4 ? WEEKDAYS[p.weekday] : WEEKDAYS[p.weekday].slice(0, 3);
        break;
      case 'u':
        out += pad(p.weekday === 0 ? 7 : p.weekday, n);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        // Java prints the millisecond count zero-padded to n digits.
        out += pad(p.millisecond, n);
        break;
      case 'Z':
        out += offsetString(p.offsetMinutes, false);
        break;
      case 'X':
        if (p.offsetMinutes === 0) out += 'Z';
        else out += offsetString(p.offsetMinutes, n >= 3, n === 1);
        break;
      case 'z':
        out += n >= 4 ? tz : zoneAbbreviation(date, tz);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** Validates a zone id early so setSpreadsheetTimeZone rejects garbage like Sheets does. */
export function isValidTimeZone(tz: string): boolean {
  if (fixedOffset(tz) !== null) return true;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

/**
 * The add-on's ZoneClock for Node (tools, tests): offsets from Intl, where Apps Script's adapter
 * uses Utilities.formatDate. Lives here, not in the pure core, because it needs Intl time zones.
 */
export function intlZoneClock(timeZone: string): ZoneClock {
  return new ZoneClock(timeZone, (ms) => zoneOffsetMinutes(timeZone, ms));
}
