/** Deterministic synthetic visit logs for the insight tests. */
import { dayNumber, weekdayOfDay, ymdOfDay } from '../../../src/core/zone';
import type { InsightInput } from '../../../src/core/insights';
import { mulberry32 } from '../../../tools/sample/generate';

/** The sample generator's seeded PRNG (mulberry32). */
export const rng = mulberry32;

export function poisson(mu: number, r: () => number): number {
  if (mu > 60) return Math.max(0, Math.round(mu + Math.sqrt(mu) * Math.sqrt(-2 * Math.log(r() || 1e-12)) * Math.cos(2 * Math.PI * r())));
  const limit = Math.exp(-mu);
  let k = 0;
  let p = r();
  while (p > limit) {
    k++;
    p *= r();
  }
  return k;
}

export const START = dayNumber(2023, 1, 2); // a Monday

export interface VisitSpec {
  service: string;
  topic?: string;
  channel?: string;
  ageGroup?: string;
  generation?: string;
  minute?: number;
}

/** Builds a columnar input from a list of (day, visit) pairs. */
export function inputOf(visits: [number, VisitSpec][], today: number): InsightInput {
  return {
    day: visits.map(([d]) => d),
    service: visits.map(([, v]) => v.service),
    topic: visits.map(([, v]) => v.topic ?? ''),
    channel: visits.map(([, v]) => v.channel ?? 'Kantor Cabang'),
    ageGroup: visits.map(([, v]) => v.ageGroup ?? 'Tidak diketahui'),
    generation: visits.map(([, v]) => v.generation ?? 'Tidak diketahui'),
    minuteOfDay: visits.map(([, v]) => v.minute ?? -1),
    today,
  };
}

/** Daily Poisson visits of one service on weekdays, with a given mean per day. */
export function dailyVisits(from: number, to: number, service: string, mean: (day: number) => number, r: () => number, spec: Partial<VisitSpec> = {}): [number, VisitSpec][] {
  const out: [number, VisitSpec][] = [];
  for (let d = from; d <= to; d++) {
    const wd = weekdayOfDay(d);
    if (wd === 0 || wd === 6) continue;
    const k = poisson(mean(d), r);
    for (let i = 0; i < k; i++) out.push([d, { service, ...spec }]);
  }
  return out;
}

export const dom = (day: number) => ymdOfDay(day).d;
