/**
 * Calibration of the count intervals (issue 13): countCdf agrees with countQuantile, and the
 * non-randomised PIT coverage of Czado, Gneiting & Held (2009) is ≈ 0.8 for counts drawn from
 * the forecast's own distribution, where the literal share of days inside [lo, hi] is well
 * above 0.8 on small counts.
 */
import { countCdf, countQuantile, pitBandShare } from '../../../src/core/insights/forecast';
import { forecastServices } from '../../../src/core/insights/prakiraan';
import { learnCalendar } from '../../../src/core/insights/calendar';
import { closedDates } from '../../../src/core/insights/holidays';
import { buildInsights } from '../../../src/core/insights';
import { isoOfDay } from '../../../src/core/zone';
import { dailyVisits, inputOf, poisson, rng, START } from './synthetic';

/** A random (mean, variance) in one of the regimes countQuantile distinguishes. */
function randomMoments(r: () => number, regime: number): [number, number] {
  const mean = regime === 4 ? 5001 + r() * 50000 : 0.05 + r() * (r() < 0.5 ? 5 : 300);
  if (regime === 0) return [mean, mean * (0.1 + 0.89 * r())]; // underdispersed: rounded normal
  if (regime === 1) return [mean, mean]; // Poisson
  if (regime === 2) return [mean, mean * (1.01 + 6 * r())]; // negative binomial
  if (regime === 3) return [mean, mean + mean * mean * 0.3 * r()]; // negative binomial, level uncertainty
  return [mean, mean * (0.5 + r())]; // huge mean: normal
}

/** One draw from the distribution countCdf describes, by inversion. */
function draw(mean: number, variance: number, r: () => number): number {
  return countQuantile(mean, variance, r());
}

/** Literal and PIT coverage of the central 80 % band over `n` days drawn from `truth`, judged against `forecast`. */
function coverages(n: number, r: () => number, forecast: (i: number) => [number, number], truth?: (i: number) => [number, number]) {
  let inside = 0;
  let pit = 0;
  for (let i = 0; i < n; i++) {
    const [m, v] = forecast(i);
    const [tm, tv] = truth ? truth(i) : [m, v];
    const y = draw(tm, tv, r);
    if (y >= countQuantile(m, v, 0.1) && y <= countQuantile(m, v, 0.9)) inside++;
    pit += pitBandShare(m, v, y, 0.8);
  }
  return { literal: inside / n, pit: pit / n };
}

describe('countCdf', () => {
  test('countQuantile(m, v, q) is the smallest n with countCdf(m, v, n) ≥ q, over random m, v, q in every regime', () => {
    const r = rng(13);
    let checked = 0;
    for (let i = 0; i < 4000; i++) {
      const [m, v] = randomMoments(r, i % 5);
      const q = 0.005 + 0.99 * r();
      const n = countQuantile(m, v, q);
      expect(Number.isInteger(n) && n >= 0).toBe(true);
      if (countCdf(m, v, n) < q || (n > 0 && countCdf(m, v, n - 1) >= q)) throw new Error(`m=${m} v=${v} q=${q} n=${n}`);
      checked++;
    }
    expect(checked).toBe(4000);
  });

  test('matches known Poisson, negative binomial and rounded-normal values', () => {
    // P(Poisson(10) ≤ 14) = 0.916541; P(Poisson(2) = 0) = e^-2.
    expect(countCdf(10, 10, 14)).toBeCloseTo(0.916541, 5);
    expect(countCdf(2, 2, 0)).toBeCloseTo(Math.exp(-2), 10);
    // Negative binomial mean 10, variance 40: size 10/3, p 1/4, P(0) = 0.25^(10/3).
    expect(countCdf(10, 40, 0)).toBeCloseTo(Math.pow(0.25, 10 / 3), 8);
    // Rounded normal, mean 2.5, sd 0.5: P(round(X) ≤ 2) = Φ(0) = 0.5; ≤ 1: Φ(−2) = 0.02275.
    expect(countCdf(2.5, 0.25, 2)).toBeCloseTo(0.5, 6);
    expect(countCdf(2.5, 0.25, 1)).toBeCloseTo(0.02275, 4);
    expect(countCdf(2.5, 0.25, -1)).toBe(0);
    expect(countCdf(0, 0, 0)).toBe(1);
    expect(countCdf(0, 0, -1)).toBe(0);
  });

  test('is a cdf: zero below 0, non-decreasing, and reaches 1', () => {
    const r = rng(5);
    for (let i = 0; i < 200; i++) {
      const [m, v] = randomMoments(r, i % 4);
      let prev = countCdf(m, v, -1);
      expect(prev).toBe(0);
      const top = Math.ceil(m + 12 * Math.sqrt(v) + 20);
      for (let n = 0; n <= top; n += Math.max(1, Math.floor(top / 60))) {
        const c = countCdf(m, v, n);
        expect(c).toBeGreaterThanOrEqual(prev);
        prev = c;
      }
      expect(countCdf(m, v, top)).toBeGreaterThan(0.999);
    }
  });
});

describe('pitBandShare', () => {
  test('is the part of the PIT range [F(y−1), F(y)] inside [0.1, 0.9]', () => {
    // Mean 2.5, sd 0.5: y = 2 has PIT range [0.02275, 0.5], of which [0.1, 0.5] is inside.
    expect(pitBandShare(2.5, 0.25, 2, 0.8)).toBeCloseTo(0.4 / (0.5 - 0.02275), 3);
    expect(pitBandShare(2.5, 0.25, 3, 0.8)).toBeCloseTo(0.4 / (0.97725 - 0.5), 3);
    // A count far in the tail: its whole PIT range is above 0.9.
    expect(pitBandShare(10, 10, 30, 0.8)).toBe(0);
    // Poisson(10): 10 sits in the middle, [F(9), F(10)] = [0.4579, 0.5830] is wholly inside.
    expect(pitBandShare(10, 10, 10, 0.8)).toBeCloseTo(1, 10);
  });

  test('counts drawn from the forecast itself: PIT coverage ≈ 0.8 while the literal share on small counts is well above it', () => {
    const r = rng(2009);
    // Smooth small counts like the sample's Pengaduan (2–4 a day).
    const small = coverages(2000, r, () => [2.5, 0.3]);
    expect(Math.abs(small.pit - 0.8)).toBeLessThan(0.05);
    expect(small.literal).toBeGreaterThan(0.9);
    // Poisson with mean 1.5: [lo, hi] = [0, 3] holds about 93 % of days.
    const poissonSmall = coverages(2000, r, () => [1.5, 1.5]);
    expect(Math.abs(poissonSmall.pit - 0.8)).toBeLessThan(0.05);
    expect(poissonSmall.literal).toBeGreaterThan(0.88);
    // A mix of means and variances, as over services and days.
    const mixed = coverages(2000, r, (i) => randomMoments(rng(i + 1), i % 4));
    expect(Math.abs(mixed.pit - 0.8)).toBeLessThan(0.05);
  });

  test('catches miscalibration: too narrow a forecast scores below 0.8, too wide above', () => {
    const r = rng(65);
    const narrow = coverages(2000, r, () => [40, 40], () => [40, 200]);
    const wide = coverages(2000, r, () => [40, 200], () => [40, 40]);
    expect(narrow.pit).toBeLessThan(0.65);
    expect(wide.pit).toBeGreaterThan(0.93);
  });
});

describe('the backtest reports both figures', () => {
  const holidays = closedDates();

  test('on Poisson counts both are near 0.8; on smooth small counts the literal share is near 1 and the PIT one is not', () => {
    const r = rng(3);
    const days = 364;
    const poissonCounts = new Float64Array(days);
    const smoothCounts = new Float64Array(days);
    for (let i = 0; i < days; i++) {
      const wd = (i % 7) as number;
      if (wd >= 5 || holidays.has(isoOfDay(START + i))) continue;
      poissonCounts[i] = poisson(30, r);
      smoothCounts[i] = r() < 0.5 ? 2 : 3; // apportioned by hand: never 1 or 4
    }
    const totals = poissonCounts.map((v, i) => v + (smoothCounts[i] ?? 0));
    const cal = learnCalendar(START, totals, holidays);
    const res = forecastServices(new Map([['Besar', { firstDay: START, counts: poissonCounts }], ['Kecil', { firstDay: START, counts: smoothCounts }]]), cal, START + days);
    const big = res.services.find((s) => s.service === 'Besar')!;
    const small = res.services.find((s) => s.service === 'Kecil')!;
    expect(big.coveragePit as number).toBeGreaterThan(0.7);
    expect(big.coveragePit as number).toBeLessThan(0.9);
    expect(small.coverage as number).toBeGreaterThan(0.95);
    expect(small.coveragePit as number).toBeLessThan((small.coverage as number) - 0.08);
    // Pooled: the mean over all judged days of both services.
    expect(res.coveragePit as number).toBeCloseTo(((big.coveragePit as number) + (small.coveragePit as number)) / 2, 6);
  });

  test('info_ringkasan gets prakiraan_cakupan_pit_80 after every existing key, blank when there is no backtest', () => {
    const r = rng(11);
    const to = START + 20 * 7 - 1;
    const out = buildInsights(inputOf(dailyVisits(START, to, 'Klaim JHT', () => 25, r), to + 1));
    const keys = out.info.map(([k]) => k);
    expect(keys[keys.length - 1]).toBe('prakiraan_cakupan_pit_80');
    expect(keys.slice(0, 3)).toEqual(['prakiraan_mase', 'prakiraan_mape_mingguan', 'prakiraan_cakupan_80']);
    const value = Number(out.info[keys.length - 1]![1]);
    expect(value).toBeGreaterThan(0.5);
    expect(value).toBeLessThanOrEqual(1);
    const short = buildInsights(inputOf(dailyVisits(START, START + 27, 'Klaim JHT', () => 25, r), START + 28));
    expect(short.info).toContainEqual(['prakiraan_cakupan_pit_80', '']);
    const empty = buildInsights(inputOf([], START));
    expect(empty.info).toContainEqual(['prakiraan_cakupan_pit_80', '']);
  });
});
