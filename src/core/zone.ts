/**
 * Wall-clock arithmetic in the spreadsheet's time zone without Intl in the hot path.
 *
 * Apps Script hands us Date instants; summaries need the calendar day in the spreadsheet's zone.
 * The adapter supplies `offsetAt` (from Utilities.formatDate(…,'Z')); offsets are cached per hour,
 * so a million dates cost a few thousand offset look-ups.
 */
export const MS_PER_DAY = 86400000;
const MS_PER_HOUR = 3600000;

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian, no zone involved). */
export function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Calendar date of a day number, without allocating a Date (H. Hinnant's civil_from_days). */
export function ymdOfDay(day: number): Ymd {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isoOfDay(day: number): string {
  const { y, m, d } = ymdOfDay(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A local wall-clock moment: calendar day plus seconds since local midnight. */
export interface LocalTime {
  day: number;
  seconds: number;
}

export class ZoneClock {
  private readonly hourCache = new Map<number, number>();
  /** Month index → the offset when it holds for the whole month, or null when it changes inside. */
  private readonly monthCache = new Map<number, number | null>();

  /** @param offsetAt minutes to add to UTC to get local time at the given instant (Jakarta: 420). */
  constructor(
    readonly timeZone: string,
    private readonly offsetAt: (instantMs: number) => number,
  ) {}

  private hourOffset(hour: number): number {
    let off = this.hourCache.get(hour);
    if (off === undefined) {
      off = this.offsetAt(hour * MS_PER_HOUR);
      this.hourCache.set(hour, off);
    }
    return off;
  }

  /**
   * Offsets change at most twice a year, so a month whose first and last hour share an offset
   * is taken as constant: two look-ups per month instead of one per hour. Months with a
   * transition fall back to hourly look-ups.
   */
  offsetMinutes(instantMs: number): number {
    const hour = Math.floor(instantMs / MS_PER_HOUR);
    const t = new Date(instantMs);
    const month = t.getUTCFullYear() * 12 + t.getUTCMonth();
    let off = this.monthCache.get(month);
    if (off === undefined) {
      const first = Math.floor(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1) / MS_PER_HOUR);
      const last = Math.floor(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1) / MS_PER_HOUR) - 1;
      const a = this.hourOffset(first);
      off = a === this.hourOffset(last) ? a : null;
      this.monthCache.set(month, off);
    }
    return off === null ? this.hourOffset(hour) : off;
  }

  /** The calendar day and time of day of an instant, in this zone. */
  toLocal(date: Date): LocalTime {
    const ms = date.getTime();
    const local = ms + this.offsetMinutes(ms) * 60000;
    const day = Math.floor(local / MS_PER_DAY);
    return { day, seconds: Math.round((local - day * MS_PER_DAY) / 1000) };
  }

  /** The instant of a local wall-clock time (two passes settle DST transitions). */
  fromLocal(day: number, seconds = 0): Date {
    const wall = day * MS_PER_DAY + seconds * 1000;
    let guess = wall - this.offsetMinutes(wall) * 60000;
    guess = wall - this.offsetMinutes(guess) * 60000;
    return new Date(guess);
  }
}
