/**
 * Which days a branch is open, learned from its log: the weekdays it serves on and whether it
 * closes on the listed holidays. A day is a day number in the spreadsheet's zone (zone.ts).
 */
import { dayNumber, isoOfDay, weekdayOfDay, ymdOfDay } from '../zone';
import { weekOfMonth } from '../settings';

export interface OpenCalendar {
  /** Indexed by weekday, 0 = Sunday. */
  openWeekdays: boolean[];
  /** Listed holidays the branch closes on (empty when the log shows it works on them). */
  closed: Set<string>;
  /** False when the log shows visits on most listed holidays in its period. */
  closesOnHolidays: boolean;
}

export function womOfDay(day: number): number {
  return weekOfMonth(ymdOfDay(day).d);
}

export function isOpen(cal: OpenCalendar, day: number): boolean {
  return cal.openWeekdays[weekdayOfDay(day)] === true && !closedDays(cal.closed).has(day);
}

/**
 * The closed dates as day numbers, worked out once per set: the forecast asks isOpen for every
 * day of the log many times over, and formatting each day as text to look it up was most of it.
 * A text that is not the ISO form of a day can match no day, so it is left out.
 */
const closedDayCache = new WeakMap<ReadonlySet<string>, { size: number; days: Set<number> }>();
function closedDays(closed: ReadonlySet<string>): Set<number> {
  const hit = closedDayCache.get(closed);
  if (hit && hit.size === closed.size) return hit.days;
  const days = new Set<number>();
  for (const iso of closed) {
    const m = /^(-?\d+)-(\d{2})-(\d{2})$/.exec(iso);
    if (!m) continue;
    const day = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
    if (isoOfDay(day) === iso) days.add(day);
  }
  closedDayCache.set(closed, { size: closed.size, days });
  return days;
}

/** Monday on or before a day. */
export function mondayOf(day: number): number {
  return day - ((weekdayOfDay(day) + 6) % 7);
}

/**
 * Learns the calendar from visits per day (`totals[i]` = visits on day `firstDay + i`).
 * A weekday is open when at least half of its dates in the period have visits. The branch
 * closes on holidays unless most listed holidays on open weekdays in the period have visits of
 * at least 30 % of a median open day; with no listed holiday in the period it is assumed closed.
 */
export function learnCalendar(firstDay: number, totals: ArrayLike<number>, holidays: Set<string>): OpenCalendar {
  const seen = new Array(7).fill(0);
  const busy = new Array(7).fill(0);
  const openTotals: number[] = [];
  for (let i = 0; i < totals.length; i++) {
    const day = firstDay + i;
    if (holidays.has(isoOfDay(day))) continue;
    const wd = weekdayOfDay(day);
    seen[wd]++;
    const total = totals[i] ?? 0;
    if (total > 0) {
      busy[wd]++;
      openTotals.push(total);
    }
  }
  const openWeekdays = seen.map((n, wd) => n > 0 && busy[wd] * 2 >= n);
  const median = medianOf(openTotals);
  let listed = 0;
  let worked = 0;
  for (let i = 0; i < totals.length; i++) {
    const day = firstDay + i;
    if (!holidays.has(isoOfDay(day)) || !openWeekdays[weekdayOfDay(day)]) continue;
    listed++;
    if ((totals[i] ?? 0) >= 0.3 * median) worked++;
  }
  const closesOnHolidays = listed === 0 || worked * 2 <= listed;
  return { openWeekdays, closed: closesOnHolidays ? holidays : new Set(), closesOnHolidays };
}

/**
 * Monday of the last complete week up to `end`: a week is complete once none of its open days
 * lies after `end` (so a branch closed at weekends has its week complete on Friday evening).
 */
export function lastCompleteMonday(end: number, cal: OpenCalendar): number {
  const m = mondayOf(end);
  for (let d = end + 1; d <= m + 6; d++) if (isOpen(cal, d)) return m - 7;
  return m;
}

/** x rounded to `digits` decimals (Math.pow(10, 2) is exactly 100: the same as x * 100 / 100). */
export function roundTo(x: number, digits = 2): number {
  return Math.round(x * Math.pow(10, digits)) / Math.pow(10, digits);
}

export function medianOf(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
