/**
 * DOM-free pieces of the result card's wawasan part: which recommendations come first, and the
 * chart inputs from the summary reply. Kept pure so they can be unit-tested under node.
 */
import type { Lang, SummaryResult } from '../src/shared/api';
import { monthAbbr } from './format';
import type { PeakInput, WeeklyPoint } from './charts';

export type Finding = SummaryResult['findings'][number];
export type WeekRow = SummaryResult['weeks'][number];

/**
 * The first `n` findings that carry a recommendation, in the server's order (the wawasan tab
 * lists them by rule: early-month staffing first), so the card and the tab agree.
 */
export function topRecommendations(findings: readonly Finding[], n = 3): Finding[] {
  return findings.filter((f) => f.rekomendasi.trim() !== '').slice(0, n);
}

/** 'YYYY-MM-DD' → "9 Okt"; anything else is shown as it came (as text). */
export function weekLabel(monday: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(monday);
  if (!m) return monday;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return monday;
  return `${Number(m[3])} ${monthAbbr(month, lang)}`;
}

const finite = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function weeklyPoints(weeks: readonly WeekRow[], lang: Lang): WeeklyPoint[] {
  return weeks.map((w) => ({ label: weekLabel(w.monday, lang), actual: finite(w.actual), forecast: finite(w.forecast), lo: finite(w.lo), hi: finite(w.hi) }));
}

/** True when the weekly chart has something to draw: at least two weeks with a value. */
export function hasWeeklyChart(points: readonly WeeklyPoint[]): boolean {
  return points.filter((p) => p.actual !== null || p.forecast !== null).length >= 2;
}

/** The per-week-of-month rows when the server sends them (optional field of the reply). */
export function weekOfMonthRows(summary: Pick<SummaryResult, 'weekOfMonth'>): PeakInput[] {
  return (summary.weekOfMonth ?? []).filter((r) => Number.isInteger(r.week) && Number.isFinite(r.perWorkingDay));
}
