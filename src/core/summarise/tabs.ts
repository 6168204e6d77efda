/**
 * One builder per count tab of the data contract (contract.ts SUMMARY_TABS): each turns the run's
 * tallies into the tab's rows, in the contract's column order and the tab's row order. Dates go
 * in as day numbers and come out as Date instants of local midnight (ctx.dateOf).
 */
import type { Settings } from '../../shared/api';
import type { Cell } from '../cells';
import { Bucket, PeakRow } from '../peaks';
import { GENERATIONS, UNKNOWN_GROUP, WEEKDAY_NAMES, ageGroupLabels, weekOfMonth } from '../settings';
import { JMO_COMPLAINT_CATEGORIES } from '../vocabulary';
import { dayNumber, pad2, weekdayOfDay, ymdOfDay } from '../zone';
import type { VisitTallies } from './counts';
import { compare, numberAt, round, shares, sortRows } from './tally';

/**
 * `urutan_usia` (contract version 2): the sort key of an age group among the labels of the
 * bounds (ageGroupLabels), 0 for the youngest; Tidak diketahui after them, and after that any
 * label the current bounds do not make.
 */
export function ageRank(labels: readonly string[], group: Cell | undefined): number {
  const known = [...labels, UNKNOWN_GROUP];
  const i = known.indexOf(String(group));
  return i < 0 ? known.length : i;
}

/** `urutan_generasi` (contract version 2): the sort key of a generation, in GENERATIONS order. */
export function generationRank(generation: Cell | undefined): number {
  const i = (GENERATIONS as readonly string[]).indexOf(String(generation));
  return i < 0 ? GENERATIONS.length : i;
}

/** The day number of the first of a `bulan` value (`YYYY-MM`), for `bulan_mulai`. */
export function monthStartDay(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return dayNumber(y ?? NaN, m ?? NaN, 1);
}

export interface TabContext {
  tallies: VisitTallies;
  settings: Settings;
  /** Local midnight of a day number, as a Date cell. */
  dateOf: (day: number) => Date;
  /** The week-of-month buckets between the first and the last visit. */
  buckets: readonly Bucket[];
  peaks: readonly PeakRow[];
}

export type CountTab = 'ds_harian' | 'ds_mingguan' | 'ds_minggu_bulan' | 'ds_distribusi' | 'ds_usia' | 'ds_topik' | 'ds_kanal' | 'ds_keluhan_jmo' | 'ds_puncak';

const dayOf = (row: readonly Cell[]): number => numberAt(row, 0);

function harian({ tallies, dateOf }: TabContext): Cell[][] {
  // A day's month, week of month, weekday and first of the month, worked out once per day (a
  // day has a row per service and channel).
  const dayParts = new Map<number, { month: string; week: number; weekday: string; first: number }>();
  const rows = tallies.daily.entries().map(({ parts: [day, s, c], n }) => {
    let p = dayParts.get(day);
    if (!p) {
      const ymd = ymdOfDay(day);
      dayParts.set(day, (p = { month: `${ymd.y}-${pad2(ymd.m)}`, week: weekOfMonth(ymd.d), weekday: WEEKDAY_NAMES[weekdayOfDay(day)] ?? '', first: day - ymd.d + 1 }));
    }
    return [day, p.month, p.week, p.weekday, s, c, n, dateOf(p.first)] as Cell[];
  });
  rows.sort((a, b) => dayOf(a) - dayOf(b) || compare(a[4], b[4]) || compare(a[5], b[5]));
  return rows.map((r) => [dateOf(dayOf(r)), ...r.slice(1)]);
}

function mingguan({ tallies, dateOf }: TabContext): Cell[][] {
  const rows = tallies.weekly.entries().map(({ parts: [monday, s, c], n }) => [monday, s, c, n] as Cell[]);
  sortRows(rows, [0, 1, 2]);
  return rows.map((r) => [dateOf(dayOf(r)), ...r.slice(1)]);
}

function mingguBulan({ tallies, dateOf, buckets }: TabContext): Cell[][] {
  const services = Array.from(tallies.services).sort();
  const rows: Cell[][] = [];
  for (const b of buckets) {
    const key = `${b.month}#${b.week}`;
    const monthStart = monthStartDay(b.month);
    for (const s of services) {
      const n = tallies.perBucket.count([key, s]);
      rows.push([b.month, b.week, dateOf(b.firstDay), dateOf(b.lastDay), b.workingDays, s, n, b.workingDays > 0 ? round(n / b.workingDays, 4) : 0, dateOf(monthStart)]);
    }
  }
  return rows;
}

function distribusi({ tallies }: TabContext): Cell[][] {
  const entries = tallies.distribution.entries();
  const perSheet = shares(entries, (p) => p[1]);
  const all = entries.reduce((sum, e) => sum + e.n, 0);
  const rows = entries.map(({ parts: [s, sheet], n }) => [s, n, round(n / (perSheet.get(sheet) ?? n)), sheet, round(n / all)] as Cell[]);
  sortRows(rows, [3, 0], 1, 1);
  return rows;
}

function usia({ tallies, settings }: TabContext): Cell[][] {
  const labels = ageGroupLabels(settings.ageBounds);
  const entries = tallies.byAge.entries();
  const perService = shares(entries, (p) => p[0]);
  const rows = entries.map(({ parts: [s, g], n }) => [s, g, n, round(n / (perService.get(s) ?? n)), ageRank(labels, g)] as Cell[]);
  // The ranks are the rows' own urutan_ columns: worked out once per row, not per comparison.
  rows.sort((a, b) => compare(a[0], b[0]) || numberAt(a, 4) - numberAt(b, 4));
  return rows;
}

function topik({ tallies, settings }: TabContext): Cell[][] {
  const labels = ageGroupLabels(settings.ageBounds);
  const entries = tallies.byTopic.entries();
  const perServiceAge = shares(entries, (p) => p[0] + '\u241f' + p[1]);
  const rows = entries.map(({ parts: [s, g, tp], n }) => [s, g, tp, n, round(n / (perServiceAge.get(s + '\u241f' + g) ?? n)), ageRank(labels, g)] as Cell[]);
  rows.sort((a, b) => compare(a[0], b[0]) || numberAt(a, 5) - numberAt(b, 5) || numberAt(b, 3) - numberAt(a, 3) || compare(a[2], b[2]));
  return rows;
}

function kanal({ tallies, settings }: TabContext): Cell[][] {
  const labels = ageGroupLabels(settings.ageBounds);
  const entries = tallies.byChannel.entries();
  const perServiceChannel = shares(entries, (p) => p[0] + '\u241f' + p[1]);
  const rows = entries.map(
    ({ parts: [s, c, g, gen], n }) => [s, c, g, gen, n, round(n / (perServiceChannel.get(s + '\u241f' + c) ?? n)), ageRank(labels, g), generationRank(gen)] as Cell[],
  );
  rows.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]) || numberAt(a, 6) - numberAt(b, 6) || numberAt(a, 7) - numberAt(b, 7));
  return rows;
}

function keluhanJmo({ tallies, settings }: TabContext): Cell[][] {
  const labels = ageGroupLabels(settings.ageBounds);
  const entries = tallies.complaints.entries();
  const perGeneration = shares(entries, (p) => p[0]);
  const catOrder = (c: Cell | undefined): number => (JMO_COMPLAINT_CATEGORIES as readonly string[]).indexOf(String(c));
  const rows = entries.map(({ parts: [gen, g, cat], n }) => [gen, g, cat, n, round(n / (perGeneration.get(gen) ?? n)), generationRank(gen), ageRank(labels, g)] as Cell[]);
  rows.sort((a, b) => numberAt(a, 5) - numberAt(b, 5) || numberAt(a, 6) - numberAt(b, 6) || catOrder(a[2]) - catOrder(b[2]));
  return rows;
}

function puncak({ peaks, dateOf }: TabContext): Cell[][] {
  return peaks.map((p) => [
    p.month,
    p.week,
    p.count,
    p.workingDays,
    round(p.perWorkingDay, 4),
    p.baseline === null ? '' : round(p.baseline, 4),
    p.ratio === null ? '' : round(p.ratio, 4),
    p.peak,
    p.earlyMonthPeak,
    dateOf(monthStartDay(p.month)),
  ]);
}

/** The builder of each count tab. */
export const TAB_BUILDERS: Record<CountTab, (ctx: TabContext) => Cell[][]> = {
  ds_harian: harian,
  ds_mingguan: mingguan,
  ds_minggu_bulan: mingguBulan,
  ds_distribusi: distribusi,
  ds_usia: usia,
  ds_topik: topik,
  ds_kanal: kanal,
  ds_keluhan_jmo: keluhanJmo,
  ds_puncak: puncak,
};

export function isCountTab(name: string): name is CountTab {
  return Object.prototype.hasOwnProperty.call(TAB_BUILDERS, name);
}
