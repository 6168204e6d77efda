import { lastCompleteMonday, learnCalendar } from '../../../src/core/insights/calendar';
import { closedDates } from '../../../src/core/insights/holidays';
import { DailyCounts, forecastServices } from '../../../src/core/insights/prakiraan';
import { countCdf, countQuantile, countQuantiles, monthWander, pitBandShare } from '../../../src/core/insights/forecast';
import { weekdayOfDay, isoOfDay } from '../../../src/core/zone';
import { weekOfMonth } from '../../../src/core/settings';
import { dom, poisson, rng, START } from './synthetic';

const DOW = [0, 1.15, 1.05, 1.0, 0.95, 0.85, 0];
const WOM = [0, 1.8, 1.0, 0.8, 0.9, 1.0];

/** A year of a service with weekday, week-of-month and trend structure, closed on listed holidays. */
function series(seed: number, trendPerWeek: number, base: number, holidays: Set<string>): DailyCounts {
  const r = rng(seed);
  const days = 364;
  const counts = new Float64Array(days);
  for (let i = 0; i < days; i++) {
    const d = START + i;
    if (holidays.has(isoOfDay(d))) continue;
    const mu = base * DOW[weekdayOfDay(d)] * WOM[weekOfMonth(dom(d))] * (1 + (trendPerWeek * i) / 7);
    counts[i] = mu > 0 ? poisson(mu, r) : 0;
  }
  return { firstDay: START, counts };
}

describe('forecast and backtest', () => {
  const holidays = closedDates();
  const s1 = series(1, 0.004, 40, holidays);
  const s2 = series(2, -0.002, 8, holidays);
  const totals = (s1.counts as Float64Array).map((v, i) => v + s2.counts[i]);
  const cal = learnCalendar(START, totals, holidays);
  const today = START + 364;
  const res = forecastServices(new Map([['A', s1], ['B', s2]]), cal, today);

  test('learns weekdays and that the branch closes on listed holidays', () => {
    expect(cal.openWeekdays).toEqual([false, true, true, true, true, true, false]);
    expect(cal.closesOnHolidays).toBe(true);
  });

  test('beats the seasonal-naive forecast (MASE < 1) and its 80 % intervals cover 70–90 % of held-out days', () => {
    expect(res.mase).not.toBeNull();
    expect(res.mase as number).toBeLessThan(1);
    expect(res.coverage as number).toBeGreaterThanOrEqual(0.7);
    expect(res.coverage as number).toBeLessThanOrEqual(0.9);
    expect(res.mapeWeekly as number).toBeLessThan(0.1);
  });

  test('its PIT coverage of the 80 % band (Czado, Gneiting & Held) is within 70–90 % too', () => {
    expect(res.coveragePit as number).toBeGreaterThanOrEqual(0.7);
    expect(res.coveragePit as number).toBeLessThanOrEqual(0.9);
  });

  test('holds out exactly the last 8 complete Monday–Sunday weeks, then forecasts 8 weeks ahead on open days', () => {
    const back = res.rows.filter((r) => r[2] === 'backtest');
    const ahead = res.rows.filter((r) => r[2] === 'prakiraan');
    expect(weekdayOfDay(res.backtestStart as number)).toBe(1);
    expect(Math.min(...back.map((r) => r[0]))).toBe(res.backtestStart);
    expect(Math.max(...back.map((r) => r[0]))).toBeLessThanOrEqual(today - 1);
    expect(back.length).toBe(2 * (5 * 8 - countHolidays(res.backtestStart as number, (res.backtestStart as number) + 55)));
    expect(ahead.every((r) => r[3] === '' && r[5] <= r[4] && r[4] <= r[6] + 1)).toBe(true);
    expect(Math.min(...ahead.map((r) => r[0]))).toBeGreaterThan(today - 1);
    expect(Math.max(...ahead.map((r) => r[0]))).toBeLessThanOrEqual(today - 1 + 56);
    expect(ahead.some((r) => holidays.has(isoOfDay(r[0])))).toBe(false);
  });

  test('forecasts the early-month peak: week-1 days above week-3 days of the same weekday', () => {
    const ahead = res.rows.filter((r) => r[2] === 'prakiraan' && r[1] === 'A' && weekdayOfDay(r[0]) === 3);
    const w1 = ahead.filter((r) => weekOfMonth(dom(r[0])) === 1).map((r) => r[4]);
    const w3 = ahead.filter((r) => weekOfMonth(dom(r[0])) === 3).map((r) => r[4]);
    expect(Math.min(...w1)).toBeGreaterThan(1.5 * Math.max(...w3));
  });

  function countHolidays(from: number, to: number): number {
    let n = 0;
    for (let d = from; d <= to; d++) if (holidays.has(isoOfDay(d)) && weekdayOfDay(d) >= 1 && weekdayOfDay(d) <= 5) n++;
    return n;
  }
});

describe('learnCalendar', () => {
  test('a log with visits on most listed holidays keeps the branch open on them', () => {
    const counts = new Float64Array(364);
    for (let i = 0; i < 364; i++) counts[i] = weekdayOfDay(START + i) % 6 === 0 ? 0 : 10;
    const cal = learnCalendar(START, counts, closedDates());
    expect(cal.closesOnHolidays).toBe(false);
    expect(cal.closed.size).toBe(0);
  });

});

describe('countQuantile', () => {
  test('Poisson and negative binomial quantiles bracket the mean and widen with variance', () => {
    expect(countQuantile(10, 10, 0.1)).toBe(6);
    expect(countQuantile(10, 10, 0.9)).toBe(14);
    expect(countQuantile(10, 40, 0.9)).toBeGreaterThan(14);
    expect(countQuantile(10, 40, 0.1)).toBeLessThan(6);
    expect(countQuantile(0, 0, 0.9)).toBe(0);
  });
});

describe('weekly points for the chart', () => {
  test('sum the daily rows per Monday week, with a band around the forecast', () => {
    const holidays = closedDates();
    const s = series(9, 0, 30, holidays);
    const cal = learnCalendar(START, s.counts, holidays);
    const res = forecastServices(new Map([['A', s]]), cal, START + 364);
    expect(res.weeks).toHaveLength(16);
    for (const w of res.weeks) {
      const days = res.rows.filter((r) => r[0] >= w.monday && r[0] < w.monday + 7);
      expect(w.forecast as number).toBeCloseTo(days.reduce((a, r) => a + r[4], 0), 0);
      expect(w.lo as number).toBeLessThan(w.forecast as number);
      expect(w.hi as number).toBeGreaterThan(w.forecast as number);
      if (days[0][2] === 'backtest') expect(w.actual).toBe(days.reduce((a, r) => a + (r[3] as number), 0));
      else expect(w.actual).toBeNull();
    }
    expect(res.weeks.filter((w) => w.actual !== null)).toHaveLength(8);
  });
});

describe('lastCompleteMonday', () => {
  const weekdaysOnly = { openWeekdays: [false, true, true, true, true, true, false], closed: new Set<string>(), closesOnHolidays: true };
  test('a week is complete once its last open day has passed', () => {
    const friday = START + 4;
    expect(lastCompleteMonday(friday, weekdaysOnly)).toBe(START);
    expect(lastCompleteMonday(friday - 1, weekdaysOnly)).toBe(START - 7);
    const everyDay = { ...weekdaysOnly, openWeekdays: new Array(7).fill(true) };
    expect(lastCompleteMonday(friday, everyDay)).toBe(START - 7);
    expect(lastCompleteMonday(START + 6, everyDay)).toBe(START);
  });
});

describe('monthWander', () => {
  test('is zero for a straight line of monthly levels and grows with month-to-month jumps', () => {
    const cov = Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => (i === j ? 0.0001 : 0)));
    expect(monthWander([1, 1.1, 1.2, 1.3, 1.4, 1.5], cov, 1)).toBe(0);
    const jumpy = monthWander([1, 1.2, 1, 1.2, 1, 1.2], cov, 1);
    expect(jumpy).toBeCloseTo((0.2 ** 2 - 0.0001 * 1.5) / 1.5, 9);
    expect(monthWander([1, 2], cov, 1)).toBe(0);
  });
});

describe('one summation for two answers (speed-up of issue #12): the same numbers as separate calls', () => {
  const cases: [number, number][] = [];
  for (const mean of [0, 0.3, 2, 9.5, 40, 812.7, 4999, 6000]) for (const ratio of [0.5, 0.9995, 1, 1.0005, 1.7, 6]) cases.push([mean, mean * ratio]);

  test('countQuantiles gives countQuantile of each level', () => {
    for (const [mean, variance] of cases) {
      for (const [qa, qb] of [[0.1, 0.9], [0.5, 0.5], [0.02, 0.999], [0.9, 0.1]] as [number, number][]) {
        expect(countQuantiles(mean, variance, qa, qb)).toEqual([countQuantile(mean, variance, qa), countQuantile(mean, variance, qb)]);
      }
    }
  });

  test('pitBandShare is calibrated: weighted by the forecast\'s own probabilities, the shares add up to the coverage', () => {
    // Each count y covers [F(y − 1), F(y)] of the PIT scale; those ranges tile [0, 1], so the
    // mass-weighted shares inside the central band add up to the band's width exactly.
    for (const [mean, variance] of cases.filter(([m]) => m <= 40)) {
      for (const coverage of [0.5, 0.8, 0.95]) {
        let total = 0;
        let mass = 0;
        for (let y = 0; mass < 1 - 1e-12 && y < 2000; y++) {
          const p = countCdf(mean, variance, y) - countCdf(mean, variance, y - 1);
          total += p * pitBandShare(mean, variance, y, coverage);
          mass += p;
        }
        expect(total).toBeCloseTo(coverage, 6);
      }
    }
  });
});
