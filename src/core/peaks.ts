/**
 * Early-month peak flags over (month, week-of-month) buckets.
 *
 * Counts are compared per working day, because buckets hold different numbers of weekdays (week 5
 * has one to three, the first and last months of the log are partial). A bucket's baseline is the
 * mean per-working-day rate of its month's other buckets; it is a peak when its rate is at least
 * `threshold` times that baseline. Staff can read every number in ds_puncak.
 */
import { weekdayOfDay, ymdOfDay, pad2 } from './zone';
import { weekOfMonth } from './settings';

export interface Bucket {
  month: string;
  week: number;
  firstDay: number;
  lastDay: number;
  workingDays: number;
}

export interface PeakRow extends Bucket {
  count: number;
  perWorkingDay: number;
  /** null when the month has no other bucket with working days. */
  baseline: number | null;
  ratio: number | null;
  peak: boolean;
  earlyMonthPeak: boolean;
}

/** Every (month, week) bucket between two days, clipped to them, with its working days: the weekdays not `closed`. */
export function bucketsBetween(firstDay: number, lastDay: number, closed: (day: number) => boolean = () => false): Bucket[] {
  const out: Bucket[] = [];
  let cur: Bucket | null = null;
  for (let day = firstDay; day <= lastDay; day++) {
    const ymd = ymdOfDay(day);
    const month = `${ymd.y}-${pad2(ymd.m)}`;
    const week = weekOfMonth(ymd.d);
    if (!cur || cur.month !== month || cur.week !== week) {
      cur = { month, week, firstDay: day, lastDay: day, workingDays: 0 };
      out.push(cur);
    }
    cur.lastDay = day;
    const wd = weekdayOfDay(day);
    if (wd >= 1 && wd <= 5 && !closed(day)) cur.workingDays++;
  }
  return out;
}

export function bucketKey(day: number): string {
  const ymd = ymdOfDay(day);
  return `${ymd.y}-${pad2(ymd.m)}#${weekOfMonth(ymd.d)}`;
}

export function detectPeaks(buckets: Bucket[], countOf: (b: Bucket) => number, threshold: number): PeakRow[] {
  const rows: PeakRow[] = buckets.map((b) => {
    const count = countOf(b);
    return { ...b, count, perWorkingDay: b.workingDays > 0 ? count / b.workingDays : 0, baseline: null, ratio: null, peak: false, earlyMonthPeak: false };
  });
  for (const row of rows) {
    const others = rows.filter((o) => o.month === row.month && o !== row && o.workingDays > 0);
    if (others.length === 0 || row.workingDays === 0) continue;
    row.baseline = others.reduce((s, o) => s + o.perWorkingDay, 0) / others.length;
    if (row.baseline > 0) {
      row.ratio = row.perWorkingDay / row.baseline;
      row.peak = row.ratio >= threshold;
      row.earlyMonthPeak = row.peak && row.week === 1;
    }
  }
  return rows;
}
