/**
 * Daily visit forecast per service: a Poisson regression on open days with day-of-week,
 * week-of-month (the early-month peak), the first open day after a closure, and a local linear
 * trend. Recent weeks weigh more (exponential decay), the trend is damped when extrapolated, and
 * a small ridge keeps rare effects near zero. Intervals come from a negative binomial whose
 * variance adds the fit's overdispersion and the uncertainty of the coefficients.
 */
import { weekdayOfDay, ymdOfDay } from '../zone';
import { OpenCalendar, isOpen, womOfDay } from './calendar';

export interface ForecastConfig {
  /** Weight halves every this many weeks back from the end of the training data. */
  halfLifeWeeks: number;
  /** Per-week damping of the trend beyond the training data (0 = flat, 1 = straight line). */
  trendDamping: number;
  ridge: number;
  /** Central coverage of the interval, e.g. 0.8. */
  coverage: number;
}

export const DEFAULT_FORECAST_CONFIG: ForecastConfig = { halfLifeWeeks: 3, trendDamping: 0.9, ridge: 2, coverage: 0.8 };

/** What the model needs to know of a day. */
export interface DayShape {
  weekday: number;
  wom: number;
  /** Weeks after the end of the training data (negative inside it). */
  weeksAhead: number;
  afterClosure: boolean;
}

export interface DayForecast {
  mean: number;
  variance: number;
  /** Relative variance of the level (coefficients and month-to-month wander): shared by neighbouring days. */
  paramVar: number;
  lo: number;
  hi: number;
}

export interface FittedModel {
  predict(shape: DayShape): DayForecast;
  /** Pearson dispersion of the fit (1 = Poisson). */
  dispersion: number;
}

export function dayShape(day: number, cal: OpenCalendar, trainEnd: number): DayShape {
  return { weekday: weekdayOfDay(day), wom: womOfDay(day), weeksAhead: (day - trainEnd) / 7, afterClosure: followsClosure(day, cal) };
}

/** True when the last weekday the branch normally opens before `day` was a closed holiday. */
function followsClosure(day: number, cal: OpenCalendar): boolean {
  for (let p = day - 1; p >= day - 7; p--) {
    if (!cal.openWeekdays[weekdayOfDay(p)]) continue;
    return !isOpen(cal, p);
  }
  return false;
}

/** Damped trend: weeks of slope accumulated `w` weeks ahead (inside the data: `w` itself). */
function trendTerm(weeksAhead: number, phi: number): number {
  if (weeksAhead <= 0) return weeksAhead;
  if (phi >= 1) return weeksAhead;
  return (phi * (1 - Math.pow(phi, weeksAhead))) / (1 - phi);
}

function seasonalFeatures(s: DayShape, openWeekdays: number[]): number[] {
  const x: number[] = [];
  for (let k = 1; k < openWeekdays.length; k++) x.push(s.weekday === openWeekdays[k] ? 1 : 0);
  for (let w = 1; w <= 5; w++) if (w !== 3) x.push(s.wom === w ? 1 : 0);
  x.push(s.afterClosure ? 1 : 0);
  return x;
}

interface PoissonFit {
  beta: number[];
  cov: number[][];
  dispersion: number;
}

/**
 * Weighted Poisson regression (log link) by IRLS, with an offset and a ridge on the
 * coefficients flagged in `penalised`.
 */
export function fitPoisson(
  X: number[][],
  y: readonly number[],
  weight: readonly number[],
  offset: readonly number[],
  penalised: boolean[],
  ridge: number,
  start: number[],
  sparsity: Sparsity = sparsityOf(X),
): PoissonFit {
  const p = penalised.length;
  const beta = start.slice();
  let wsum = 0;
  for (let i = 0; i < weight.length; i++) wsum += weight[i] as number;
  // Design rows are mostly zeros (one month, one weekday, one week of month): each row's sums
  // run over its nonzero columns only. A zero column adds an exact ±0 to every sum, which leaves
  // it unchanged while the numbers are finite, so the fit is the same to the last bit; a row
  // with a non-finite weight, or a non-finite coefficient, takes the full loops as before.
  // Rows whose nonzero values are all 1 (the stage-1 dummies) skip the multiplications by 1:
  // x·1 is x exactly, so every sum gets the same terms in the same order.
  const { nonzero, maxAbs, binary } = sparsity;
  let info = identity(p);
  for (let iter = 0; iter < 30; iter++) {
    // IRLS for the log link: weight w·mu, working response eta + (y − mu)/mu.
    const A = zeros(p);
    const b = new Array(p).fill(0);
    const finiteBeta = beta.every(Number.isFinite);
    for (let i = 0; i < X.length; i++) {
      const xi = row(X, i);
      const nz = nonzero[i] as number[];
      const ones = binary[i] === 1;
      let eta: number;
      if (finiteBeta && ones) {
        eta = 0;
        for (let u = 0; u < nz.length; u++) eta += beta[nz[u] as number] as number;
      } else eta = finiteBeta ? sparseDot(xi, nz, beta) : dot(xi, beta);
      const mu = Math.exp(eta + (offset[i] as number));
      const w = (weight[i] as number) * mu;
      const z = eta + ((y[i] as number) - mu) / mu;
      if (Number.isFinite(w * (maxAbs[i] as number))) {
        // Plain indexing here (no helpers): this loop runs mostly unoptimised on a cold start.
        if (ones) {
          const wz = w * z;
          for (let u = 0; u < nz.length; u++) {
            const r = nz[u] as number;
            b[r] += wz;
            const Ar = A[r] as number[];
            for (let v = 0; v < nz.length; v++) {
              const c = nz[v] as number;
              Ar[c] = (Ar[c] as number) + w;
            }
          }
          continue;
        }
        for (let u = 0; u < nz.length; u++) {
          const r = nz[u] as number;
          const xr = xi[r] as number;
          b[r] += w * xr * z;
          const Ar = A[r] as number[];
          for (let v = 0; v < nz.length; v++) {
            const c = nz[v] as number;
            Ar[c] = (Ar[c] as number) + w * xr * (xi[c] as number);
          }
        }
        continue;
      }
      for (let r = 0; r < p; r++) {
        const xr = at(xi, r);
        if (xr === 0) continue;
        b[r] += w * xr * z;
        const Ar = row(A, r);
        for (let c = 0; c < p; c++) Ar[c] = at(Ar, c) + w * xr * at(xi, c);
      }
    }
    for (let r = 0; r < p; r++) row(A, r)[r] = at(row(A, r), r) + (penalised[r] ? ridge : 1e-6);
    const next = solve(A, b);
    if (!next) break;
    info = A;
    let change = 0;
    for (let i = 0; i < p; i++) {
      change = Math.max(change, Math.abs(at(next, i) - at(beta, i)));
      beta[i] = at(next, i);
    }
    if (change < 1e-8) break;
  }
  let chi2 = 0;
  const finiteBeta = beta.every(Number.isFinite);
  for (let i = 0; i < X.length; i++) {
    const mu = Math.exp((finiteBeta ? sparseDot(row(X, i), nonzero[i] as number[], beta) : dot(row(X, i), beta)) + at(offset, i));
    chi2 += (at(weight, i) * (at(y, i) - mu) ** 2) / mu;
  }
  // Dispersion may fall below 1: logs that staff apportion by hand are smoother than Poisson.
  const dispersion = wsum > p + 2 ? Math.max(MIN_DISPERSION, chi2 / (wsum - p)) : 1;
  return { beta, cov: invert(info) ?? zeros(p), dispersion };
}

const MIN_DISPERSION = 0.1;

/** Per row of a design matrix: its nonzero columns in order, and its largest absolute value. */
export interface Sparsity {
  nonzero: number[][];
  maxAbs: number[];
  /** 1 when every nonzero value of the row is exactly 1. */
  binary: Uint8Array;
}

/** The sparsity of X (worked out once per design: every service is fitted on the same rows). */
export function sparsityOf(X: readonly (readonly number[])[]): Sparsity {
  const nonzero: number[][] = [];
  const maxAbs: number[] = [];
  const binary = new Uint8Array(X.length);
  for (let i = 0; i < X.length; i++) {
    const xi = X[i] as readonly number[];
    const nz = nonzeroColumns(xi);
    nonzero.push(nz);
    let m = 0;
    for (let j = 0; j < xi.length; j++) m = Math.max(m, Math.abs(xi[j] as number));
    maxAbs.push(m);
    let ones = 1;
    for (const j of nz) if (xi[j] !== 1) ones = 0;
    binary[i] = ones;
  }
  return { nonzero, maxAbs, binary };
}

/**
 * Fits one service's model in two stages. Stage 1 learns the weekly and monthly shape
 * (weekday, week of month, after a closure) over the whole log, with one level per calendar
 * month so that surges do not leak into the shape. Stage 2 learns the current level and trend
 * from the recent weeks only (exponential decay), with the shape as a fixed offset.
 * `days` are the open training days, `y` their visit counts, `trainEnd` the last training day.
 */
/**
 * What a fit needs of its days alone (the same for every service fitted on them): each day's
 * shape, calendar month and seasonal features, the stage-1 design and the stage-2 weights.
 * forecastServices builds it once per set of training days and fits every service on it
 * (with the same calendar and config the fits get).
 */
export interface ForecastDesign {
  days: readonly number[];
  trainEnd: number;
  openWeekdays: number[];
  shapes: DayShape[];
  monthOf: number[];
  nM: number;
  q: number;
  seasonalX: number[][];
  X1: number[][];
  penal1: boolean[];
  ones: number[];
  zero: number[];
  monthDays: number[];
  X2: number[][];
  decay: number[];
  /** sparsityOf(X1) and sparsityOf(X2). */
  sparse1: Sparsity;
  sparse2: Sparsity;
}

export function forecastDesign(days: readonly number[], cal: OpenCalendar, trainEnd: number, cfg: ForecastConfig = DEFAULT_FORECAST_CONFIG): ForecastDesign {
  const openWeekdays: number[] = [];
  for (let wd = 0; wd < 7; wd++) if (cal.openWeekdays[wd]) openWeekdays.push(wd);
  const shapes = days.map((d) => dayShape(d, cal, trainEnd));
  // Calendar months in order of first appearance, keyed year·12 + month (one key per YYYY-MM).
  const months = new Map<number, number>();
  const monthOf = days.map((d) => {
    const { y, m } = ymdOfDay(d);
    const key = y * 12 + m;
    let index = months.get(key);
    if (index === undefined) months.set(key, (index = months.size));
    return index;
  });
  const nM = Math.max(1, months.size);
  const seasonalX = shapes.map((s) => seasonalFeatures(s, openWeekdays));
  const q = seasonalFeatures(dayShape(trainEnd, cal, trainEnd), openWeekdays).length;
  const X1 = seasonalX.map((sx, i) => {
    const x = new Array<number>(nM + sx.length).fill(0);
    x[at(monthOf, i)] = 1;
    for (let k = 0; k < sx.length; k++) x[nM + k] = sx[k] as number;
    return x;
  });
  const penal1 = [...new Array(nM).fill(false), ...new Array(q).fill(true)];
  const ones = days.map(() => 1);
  const zero = days.map(() => 0);
  const monthDays = new Array(nM).fill(0);
  monthOf.forEach((m) => monthDays[m]++);
  const X2 = shapes.map((s) => [1, trendTerm(s.weeksAhead, cfg.trendDamping)]);
  const decay = days.map((d) => Math.pow(0.5, (trainEnd - d) / 7 / cfg.halfLifeWeeks));
  return { days, trainEnd, openWeekdays, shapes, monthOf, nM, q, seasonalX, X1, penal1, ones, zero, monthDays, X2, decay, sparse1: sparsityOf(X1), sparse2: sparsityOf(X2) };
}

export function fitForecast(
  days: readonly number[],
  y: readonly number[],
  cal: OpenCalendar,
  trainEnd: number,
  cfg: ForecastConfig = DEFAULT_FORECAST_CONFIG,
  design: ForecastDesign = forecastDesign(days, cal, trainEnd, cfg),
): FittedModel {
  const { openWeekdays, monthOf, nM, q, seasonalX, X1, penal1, ones, zero, monthDays, X2, decay, sparse1, sparse2 } = design;
  const monthSum = new Array(nM).fill(0);
  monthOf.forEach((m, i) => {
    monthSum[m] += at(y, i);
  });
  const start1 = [...monthSum.map((t, m) => Math.log(Math.max(0.05, t / Math.max(1, at(monthDays, m))))), ...new Array(q).fill(0)];
  const stage1 = days.length > 0 ? fitPoisson(X1, y, ones, zero, penal1, cfg.ridge, start1, sparse1) : { beta: new Array(nM + q).fill(0), cov: zeros(nM + q), dispersion: 1 };
  const shapeBeta = stage1.beta.slice(nM);
  const shapeOffset = (s: DayShape) => dot(seasonalFeatures(s, openWeekdays), shapeBeta);

  // The shapes' seasonal features are the design's (seasonalFeatures of the same shapes).
  const offsets = seasonalX.map((sx) => dot(sx, shapeBeta));
  const recentY = y.reduce((a, v, i) => a + v * at(decay, i), 0);
  const recentMu = offsets.reduce((a, o, i) => a + Math.exp(o) * at(decay, i), 0);
  const start2 = [Math.log(Math.max(0.05, recentY) / Math.max(1e-9, recentMu)), 0];
  const stage2 = days.length > 0 ? fitPoisson(X2, y, decay, offsets, [false, true], cfg.ridge, start2, sparse2) : { beta: [Math.log(0.05), 0], cov: zeros(2), dispersion: 1 };
  const dispersion = stage1.dispersion;
  const wander = monthWander(stage1.beta.slice(0, nM), stage1.cov, dispersion);
  const tail = (1 - cfg.coverage) / 2;
  return {
    dispersion,
    predict(shape: DayShape): DayForecast {
      const x = [1, trendTerm(shape.weeksAhead, cfg.trendDamping)];
      const mean = Math.exp(dot(x, stage2.beta) + shapeOffset(shape));
      const paramVar = dispersion * quadForm(stage2.cov, x) + wander;
      const variance = mean * dispersion + mean * mean * paramVar;
      const [lo, hi] = countQuantiles(mean, variance, tail, 1 - tail);
      return { mean, variance, paramVar, lo, hi };
    },
  };
}

/**
 * Month-to-month wander of the level that no trend explains (τ², on the log scale): from the
 * monthly levels' second differences, var(e_m − (e_{m−1} + e_{m+1})/2) = 1.5·τ² for independent
 * month effects, less the part their own estimation error explains. 0 with fewer than 3 months.
 */
export function monthWander(levels: readonly number[], cov: number[][], dispersion: number): number {
  if (levels.length < 3) return 0;
  let sq = 0;
  let err = 0;
  for (let m = 1; m + 1 < levels.length; m++) {
    sq += (at(levels, m) - (at(levels, m - 1) + at(levels, m + 1)) / 2) ** 2;
    err += dispersion * (diag(cov, m) + (diag(cov, m - 1) + diag(cov, m + 1)) / 4);
  }
  const n = levels.length - 2;
  return Math.max(0, (sq - err) / n / 1.5);
}

/**
 * The predictive distribution of a day's count, shared by countQuantile and countCdf so the
 * two agree exactly: all mass at 0 (mean ≤ 0); a normal rounded to whole visits and clipped at 0
 * (underdispersed counts, or means too large to sum term by term); else a Poisson or negative
 * binomial summed from 0 with its pmf recursion.
 */
type CountDistribution =
  | { kind: 'zero' }
  | { kind: 'roundedNormal'; mean: number; sd: number }
  | { kind: 'series'; pmf0: number; limit: number; mean: number; size: number; prob: number; negBin: boolean };

/**
 * The pmf recursion: P(n + 1) from P(n) = f. Poisson: f·mean/(n + 1); negative binomial:
 * f·(n + size)·(1 − prob)/(n + 1). Written out (not a closure) so the summing loops stay cheap
 * before they are optimised; the arithmetic is the same, operation for operation.
 */
function nextPmf(d: { mean: number; size: number; prob: number; negBin: boolean }, n: number, f: number): number {
  return d.negBin ? (f * (n + d.size) * (1 - d.prob)) / (n + 1) : (f * d.mean) / (n + 1);
}

function countDistribution(mean: number, variance: number): CountDistribution {
  if (mean <= 0) return { kind: 'zero' };
  const sd = Math.sqrt(variance);
  const roundedNormal = { kind: 'roundedNormal', mean, sd } as const;
  if (mean > 5000) return roundedNormal;
  // Underdispersed (counts smoother than Poisson): a rounded normal.
  if (variance < mean * 0.999) return roundedNormal;
  const limit = mean + 50 * sd + 50;
  if (variance <= mean * 1.001) {
    const pmf0 = Math.exp(-mean);
    if (pmf0 < 1e-300) return roundedNormal;
    return { kind: 'series', pmf0, limit, mean, size: 0, prob: 0, negBin: false };
  }
  const size = (mean * mean) / (variance - mean);
  const prob = size / (size + mean);
  const pmf0 = Math.exp(size * Math.log(prob));
  if (pmf0 < 1e-300) return roundedNormal;
  return { kind: 'series', pmf0, limit, mean, size, prob, negBin: true };
}

/** P(round(X) ≤ n) for X normal, negative values counted as 0. */
function roundedNormalCdf(mean: number, sd: number, n: number): number {
  if (n < 0) return 0;
  const edge = n + 0.5 - mean;
  if (sd <= 0) return edge > 0 ? 1 : 0;
  return normalCdf(edge / sd);
}

/** P(Y ≤ n) for the count distribution with this mean and variance (the one countQuantile inverts). */
export function countCdf(mean: number, variance: number, n: number): number {
  const dist = countDistribution(mean, variance);
  if (dist.kind === 'zero') return n >= 0 ? 1 : 0;
  if (dist.kind === 'roundedNormal') return roundedNormalCdf(dist.mean, dist.sd, n);
  if (n < 0) return 0;
  // Same summation as countQuantile, term for term, so both see the same rounding.
  let pmf = dist.pmf0;
  let cdf = pmf;
  for (let k = 0; k < n && k < dist.limit; k++) {
    pmf = nextPmf(dist, k, pmf);
    cdf += pmf;
  }
  return Math.min(1, cdf);
}

/**
 * [countQuantile(qa), countQuantile(qb)] for qa ≤ qb in one summation: the search for qb goes
 * on from where the one for qa stopped, through the same partial sums.
 */
export function countQuantiles(mean: number, variance: number, qa: number, qb: number): [number, number] {
  const dist = countDistribution(mean, variance);
  if (dist.kind !== 'series' || !(qa <= qb)) return [countQuantile(mean, variance, qa), countQuantile(mean, variance, qb)];
  const walk = startWalk(dist);
  const na = walkTo(dist, walk, qa);
  return [na, walkTo(dist, walk, qb)];
}

/** Smallest n with P(Y ≤ n) ≥ q, Y negative binomial with the given mean and variance (Poisson when variance ≤ mean). */
export function countQuantile(mean: number, variance: number, q: number): number {
  const dist = countDistribution(mean, variance);
  if (dist.kind === 'zero') return 0;
  if (dist.kind === 'roundedNormal') {
    // round(x) ≤ n ⇔ x < n + 0.5: the closed form of the smallest n with roundedNormalCdf ≥ q.
    return Math.max(0, Math.round(dist.mean + normalQuantile(q) * dist.sd));
  }
  return walkTo(dist, startWalk(dist), q);
}

type SeriesDistribution = Extract<CountDistribution, { kind: 'series' }>;
/** A walk up a series' partial sums: at n, its term and P(Y ≤ n). */
interface SeriesWalk {
  n: number;
  pmf: number;
  cdf: number;
}

function startWalk(dist: SeriesDistribution): SeriesWalk {
  return { n: 0, pmf: dist.pmf0, cdf: dist.pmf0 };
}

/** Walks on until P(Y ≤ n) ≥ q (or the series' limit) and returns n; the walk can go on from there. */
function walkTo(dist: SeriesDistribution, walk: SeriesWalk, q: number): number {
  while (walk.cdf < q && walk.n < dist.limit) {
    walk.pmf = nextPmf(dist, walk.n, walk.pmf);
    walk.n++;
    walk.cdf += walk.pmf;
  }
  return walk.n;
}

/**
 * Expected share of the central `coverage` band hit by a count y under the predictive cdf F:
 * the non-randomised PIT of Czado, Gneiting & Held (2009, Biometrics 65) is uniform on
 * [F(y − 1), F(y)], and this is the part of that range inside [(1 − c)/2, (1 + c)/2]. Averaged
 * over days it is c for a calibrated forecast, where the share of days inside the integer
 * interval [lo, hi] is ≥ c by construction (the more so the smaller the counts).
 */
export function pitBandShare(mean: number, variance: number, y: number, coverage: number): number {
  const lower = (1 - coverage) / 2;
  const upper = 1 - lower;
  // Two summations from 0 (one backtest day each, a few hundred in all; the bundle has no room
  // for a one-pass copy): the second reaches the first's partial sums term for term.
  const from = countCdf(mean, variance, y - 1);
  const to = countCdf(mean, variance, y);
  if (to - from <= 1e-12) return to >= lower && to <= upper ? 1 : 0;
  return Math.max(0, Math.min(to, upper) - Math.max(from, lower)) / (to - from);
}

/** Acklam-style rational approximation is overkill here: a bisection on erf is plenty. */
export function normalQuantile(q: number): number {
  // The forecast asks for the same two tails on every day: each is worked out once.
  let hit = normalQuantiles.get(q);
  if (hit === undefined) normalQuantiles.set(q, (hit = bisectNormal(q)));
  return hit;
}
const normalQuantiles = new Map<number, number>();

function bisectNormal(q: number): number {
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function normalCdf(x: number): number {
  // Abramowitz–Stegun 7.1.26 erf approximation (error < 1.5e-7).
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

// ---- small dense linear algebra (p ≤ a dozen)

/** Element i of a vector whose bounds the caller's loop guarantees (noUncheckedIndexedAccess). */
function at(v: ArrayLike<number>, i: number): number {
  return v[i] as number;
}

function row(m: readonly number[][], r: number): number[] {
  return m[r] as number[];
}

function diag(m: readonly number[][], i: number): number {
  return at(row(m, i), i);
}

/** The columns of a row that are not zero, in order. */
function nonzeroColumns(x: readonly number[]): number[] {
  const out: number[] = [];
  for (let j = 0; j < x.length; j++) if (at(x, j) !== 0) out.push(j);
  return out;
}

/** dot(a, b) over the given columns of `a` (its nonzero ones), in the same order. */
function sparseDot(a: readonly number[], columns: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let u = 0; u < columns.length; u++) {
    const j = columns[u] as number;
    s += (a[j] as number) * (b[j] as number);
  }
  return s;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += at(a, i) * at(b, i);
  return s;
}

function zeros(p: number): number[][] {
  return Array.from({ length: p }, () => new Array<number>(p).fill(0));
}

function identity(p: number): number[][] {
  const m = zeros(p);
  for (let i = 0; i < p; i++) row(m, i)[i] = 1;
  return m;
}

function quadForm(m: number[][], x: number[]): number {
  let s = 0;
  for (let r = 0; r < x.length; r++) for (let c = 0; c < x.length; c++) s += at(x, r) * at(row(m, r), c) * at(x, c);
  return Math.max(0, s);
}

/** Gauss–Jordan with partial pivoting; null when singular. */
function solve(A: number[][], b: number[]): number[] | null {
  const p = b.length;
  const m = A.map((r, i) => {
    const out = r.slice();
    out.push(at(b, i));
    return out;
  });
  if (!eliminate(m, p)) return null;
  return m.map((r) => at(r, p));
}

function invert(A: number[][]): number[][] | null {
  const p = A.length;
  const id = identity(p);
  const m = A.map((r, i) => r.concat(row(id, i)));
  if (!eliminate(m, p)) return null;
  return m.map((r) => r.slice(p));
}

function eliminate(m: number[][], p: number): boolean {
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(at(row(m, r), c)) > Math.abs(at(row(m, piv), c))) piv = r;
    if (Math.abs(at(row(m, piv), c)) < 1e-12) return false;
    const pivot = row(m, piv);
    m[piv] = row(m, c);
    m[c] = pivot;
    const f = at(pivot, c);
    for (let k = c; k < pivot.length; k++) pivot[k] = (pivot[k] as number) / f;
    for (let r = 0; r < p; r++) {
      const mr = m[r] as number[];
      if (r === c || mr[c] === 0) continue;
      const g = mr[c] as number;
      for (let k = c; k < mr.length; k++) mr[k] = (mr[k] as number) - g * (pivot[k] as number);
    }
  }
  return true;
}
