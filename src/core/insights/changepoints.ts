/**
 * ds_perubahan: change points in weekly visits, per service and per frequent topic.
 *
 * Weekly counts (weeks with closed days scaled up to a full week) are square-rooted, which makes
 * Poisson noise roughly constant (SD ≈ ½). Segments minimise the sum of squared deviations from
 * their means plus a penalty β = 4·σ²·ln n per change (σ from the median absolute first
 * difference, never below the Poisson ½), with segments of at least 3 weeks. This is PELT's
 * objective solved exactly by optimal partitioning: with a few hundred weeks the O(n²) search
 * takes milliseconds, so PELT's pruning is not needed.
 */
import { medianOf, roundTo } from './calendar';

export const PERUBAHAN_HEADERS = ['layanan', 'topik', 'mulai', 'selesai', 'rata_sebelum_per_minggu', 'rata_selama_per_minggu', 'rasio'] as const;
/** Columns of ds_perubahan holding day numbers. */
export const PERUBAHAN_DAY_COLUMNS = ['mulai', 'selesai'] as const;
/** The `topik` value of rows about a whole service. */
export const ALL_TOPICS = '(semua)';

export const PENALTY_FACTOR = 4;
export const MIN_SEGMENT_WEEKS = 3;

export interface Segment {
  /** Index of the first and last week. */
  from: number;
  to: number;
  /** Mean weekly count (not transformed). */
  mean: number;
}

/** Element i of an array whose bounds the caller's loop guarantees (noUncheckedIndexedAccess). */
function at<T>(xs: readonly T[], i: number): T {
  return xs[i] as T;
}

/** Noise SD of a series: MAD of first differences / (0.6745·√2). */
export function noiseSd(x: readonly number[]): number {
  if (x.length < 3) return 0;
  const d = [];
  for (let i = 1; i < x.length; i++) d.push(Math.abs(at(x, i) - at(x, i - 1)));
  return medianOf(d) / (0.6745 * Math.SQRT2);
}

/** Change positions (index of each new segment's first element) minimising SSE + penalty·changes. */
export function optimalPartition(x: readonly number[], penalty: number, minSize: number): number[] {
  const n = x.length;
  if (n < 2 * minSize) return [];
  const s1 = [0];
  const s2 = [0];
  for (const v of x) {
    s1.push(at(s1, s1.length - 1) + v);
    s2.push(at(s2, s2.length - 1) + v * v);
  }
  const best: number[] = new Array(n + 1).fill(Infinity);
  const prev: number[] = new Array(n + 1).fill(-1);
  best[0] = -penalty;
  // The segment cost SSE(s, t) = Σx² − (Σx)²/(t − s) is written out in the loop (no helper
  // calls): this double loop runs mostly unoptimised on a cold start.
  for (let t = minSize; t <= n; t++) {
    const s1t = s1[t] as number;
    const s2t = s2[t] as number;
    for (let s = 0; s <= t - minSize; s++) {
      if (s !== 0 && s < minSize) continue;
      const bs = best[s] as number;
      if (bs === Infinity) continue;
      const cost = s2t - (s2[s] as number) - (s1t - (s1[s] as number)) ** 2 / (t - s);
      const v = bs + cost + penalty;
      if (v < (best[t] as number)) {
        best[t] = v;
        prev[t] = s;
      }
    }
  }
  const cps: number[] = [];
  for (let t = n; t > 0; t = at(prev, t)) if (at(prev, t) > 0) cps.push(at(prev, t));
  return cps.reverse();
}

/** Segments of a weekly count series. */
export function segmentWeekly(weekly: readonly number[], penaltyFactor = PENALTY_FACTOR, minSize = MIN_SEGMENT_WEEKS): Segment[] {
  const n = weekly.length;
  if (n === 0) return [];
  const x = weekly.map((v) => Math.sqrt(Math.max(0, v)));
  const sigma = Math.max(0.5, noiseSd(x));
  const cps = optimalPartition(x, penaltyFactor * sigma * sigma * Math.log(Math.max(n, 2)), minSize);
  const bounds = [0, ...cps, n];
  const out: Segment[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = at(bounds, i);
    const to = at(bounds, i + 1) - 1;
    let sum = 0;
    for (let k = from; k <= to; k++) sum += at(weekly, k);
    out.push({ from, to, mean: sum / (to - from + 1) });
  }
  return out;
}

export interface Surge {
  /** Week indexes of the first and last week of the surge. */
  from: number;
  to: number;
  before: number;
  during: number;
  ratio: number;
}

/**
 * Surges: a run of segments each at least `ratio` × the mean of the segment just before the run.
 * A step model puts the edges of a gradual rise inside the ramp, so with the weekly counts the
 * edges then move outwards over adjacent weeks that are themselves at least `ratio` × that mean.
 */
export function surgesOf(segments: readonly Segment[], ratio: number, weekly?: readonly number[]): Surge[] {
  const out: Surge[] = [];
  for (let i = 1; i < segments.length; i++) {
    const base = at(segments, i - 1).mean;
    const high = ratio * Math.max(base, 1e-9);
    if (!(at(segments, i).mean >= high)) continue;
    let j = i;
    while (j + 1 < segments.length && at(segments, j + 1).mean >= high) j++;
    let from = at(segments, i).from;
    let to = at(segments, j).to;
    if (weekly) {
      while (from > at(segments, i - 1).from && at(weekly, from - 1) >= high) from--;
      while (to + 1 < weekly.length && at(weekly, to + 1) >= high) to++;
    }
    let sum = 0;
    for (let k = from; k <= to; k++) sum += weekly ? at(weekly, k) : segmentAt(segments, k).mean;
    const during = sum / (to - from + 1);
    out.push({ from, to, before: base, during, ratio: base > 0 ? during / base : Infinity });
    i = j;
  }
  return out;
}

function segmentAt(segments: readonly Segment[], week: number): Segment {
  return segments.find((s) => s.from <= week && week <= s.to) as Segment;
}

export type PerubahanRow = [string, string, number, number, number, number, number | ''];


/** One row per change point: the new segment against the one before it. */
export function perubahanRows(service: string, topic: string, segments: readonly Segment[], mondays: readonly number[]): PerubahanRow[] {
  const rows: PerubahanRow[] = [];
  for (let i = 1; i < segments.length; i++) {
    const s = at(segments, i);
    const before = at(segments, i - 1).mean;
    rows.push([service, topic, at(mondays, s.from), at(mondays, s.to) + 6, roundTo(before), roundTo(s.mean), before > 0 ? roundTo(s.mean / before) : '']);
  }
  return rows;
}
