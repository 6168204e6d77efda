import { Bucket, bucketKey, bucketsBetween, detectPeaks } from '../../src/core/peaks';
import { dayNumber, isoOfDay } from '../../src/core/zone';

const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y as number, m as number, d as number);
};

/** June 2024 starts on a Saturday: weeks 1–4 hold five weekdays each, week 5 (29–30) none. */
const JUNE_2024 = bucketsBetween(day('2024-06-01'), day('2024-06-30'));

describe('bucketsBetween', () => {
  test('one bucket per week of month, with its first and last day and its weekdays', () => {
    expect(JUNE_2024.map((b) => [b.month, b.week, b.lastDay - b.firstDay + 1, b.workingDays])).toEqual([
      ['2024-06', 1, 7, 5],
      ['2024-06', 2, 7, 5],
      ['2024-06', 3, 7, 5],
      ['2024-06', 4, 7, 5],
      ['2024-06', 5, 2, 0],
    ]);
    expect(JUNE_2024[2]).toMatchObject({ firstDay: day('2024-06-15'), lastDay: day('2024-06-21') });
  });

  test('a holiday on a weekday is not a working day; one on a Sunday changes nothing', () => {
    const buckets = bucketsBetween(day('2024-06-01'), day('2024-06-30'), (d) => ['2024-06-17', '2024-06-02'].includes(isoOfDay(d)));
    expect(buckets.map((b) => b.workingDays)).toEqual([5, 5, 4, 5, 0]);
  });

  test('clipped to the first and last day, across a month end', () => {
    const buckets = bucketsBetween(day('2024-05-30'), day('2024-06-03'));
    expect(buckets).toEqual([
      { month: '2024-05', week: 5, firstDay: day('2024-05-30'), lastDay: day('2024-05-31'), workingDays: 2 },
      { month: '2024-06', week: 1, firstDay: day('2024-06-01'), lastDay: day('2024-06-03'), workingDays: 1 },
    ]);
  });

  test('nothing when the last day comes before the first', () => {
    expect(bucketsBetween(day('2024-06-02'), day('2024-06-01'))).toEqual([]);
  });
});

test('bucketKey names the month and week of month of a day', () => {
  expect([day('2024-06-07'), day('2024-06-08'), day('2024-06-29'), day('2024-12-31')].map(bucketKey)).toEqual(['2024-06#1', '2024-06#2', '2024-06#5', '2024-12#5']);
});

describe('detectPeaks', () => {
  const counts = (byWeek: Record<number, number>) => (b: Bucket): number => byWeek[b.week] ?? 0;

  test('rate per working day against the mean rate of the month\'s other buckets', () => {
    const rows = detectPeaks(JUNE_2024, counts({ 1: 120, 2: 50, 3: 50, 4: 50, 5: 3 }), 1.2);
    const week1 = rows[0];
    expect(week1).toMatchObject({ count: 120, perWorkingDay: 24, baseline: 10, ratio: 2.4, peak: true, earlyMonthPeak: true });
    // Week 5 has no working day: its rate is 0, it has no baseline, and it is left out of the others' baselines.
    expect(rows[4]).toMatchObject({ count: 3, perWorkingDay: 0, baseline: null, ratio: null, peak: false });
    expect(rows[1]?.baseline).toBeCloseTo((24 + 10 + 10) / 3, 10);
    expect(rows.slice(1).map((r) => r.peak)).toEqual([false, false, false, false]);
  });

  test('a ratio exactly at the threshold is a peak; just under is not', () => {
    // Week 2 at 12/day against 10/day elsewhere: ratio 1.2 exactly.
    const at = detectPeaks(JUNE_2024, counts({ 1: 50, 2: 60, 3: 50, 4: 50 }), 1.2);
    expect(at[1]).toMatchObject({ ratio: 1.2, peak: true, earlyMonthPeak: false });
    const under = detectPeaks(JUNE_2024, counts({ 1: 50, 2: 59, 3: 50, 4: 50 }), 1.2);
    expect(under[1]?.peak).toBe(false);
  });

  test('only a week-1 peak is an early-month peak', () => {
    const rows = detectPeaks(JUNE_2024, counts({ 1: 100, 2: 50, 3: 50, 4: 100 }), 1.2);
    expect(rows.map((r) => [r.week, r.peak, r.earlyMonthPeak])).toEqual([
      [1, true, true],
      [2, false, false],
      [3, false, false],
      [4, true, false],
      [5, false, false],
    ]);
  });

  test('a month with one bucket, or others without visits, has no baseline and no peak', () => {
    const alone = detectPeaks(bucketsBetween(day('2024-06-03'), day('2024-06-07')), () => 40, 1.2);
    expect(alone).toEqual([expect.objectContaining({ count: 40, perWorkingDay: 8, baseline: null, ratio: null, peak: false })]);
    const quiet = detectPeaks(JUNE_2024, counts({ 1: 40 }), 1.2);
    expect(quiet[0]).toMatchObject({ baseline: 0, ratio: null, peak: false });
  });

  test('buckets of different months never share a baseline', () => {
    const buckets = bucketsBetween(day('2024-05-27'), day('2024-06-14'));
    expect(buckets.map((b) => `${b.month}#${b.week}`)).toEqual(['2024-05#4', '2024-05#5', '2024-06#1', '2024-06#2']);
    // May runs at 100 a day, June at 10: within each month the rates are even, so no peak.
    const rows = detectPeaks(buckets, (b) => b.workingDays * (b.month === '2024-05' ? 100 : 10), 1.2);
    expect(rows.map((r) => r.peak)).toEqual([false, false, false, false]);
    expect(rows[2]?.baseline).toBe(10);
  });
});
