import fc from 'fast-check';
import { optimalPartition, segmentWeekly, surgesOf } from '../../../src/core/insights/changepoints';
import { buildInsights } from '../../../src/core/insights';
import { dayNumber, isoOfDay } from '../../../src/core/zone';
import { mondayOf } from '../../../src/core/insights/calendar';
import { twoMonthsBefore } from '../../../src/core/insights/wawasan';
import { dailyVisits, inputOf, poisson, rng } from './synthetic';

/** Weekly Informasi shaped like the study: ~15/week, rising from 14 Aug 2023 to a peak in the week of 9 Oct, back to baseline by late Nov. */
function studyShape(monday: number): number {
  const rise = dayNumber(2023, 8, 14);
  const peak = dayNumber(2023, 10, 9);
  const back = dayNumber(2023, 11, 27);
  if (monday < rise || monday >= back) return 15;
  if (monday <= peak) return 30 + (32 * (monday - rise)) / (peak - rise);
  return 62 - (40 * (monday - peak)) / (back - peak);
}

describe('change points', () => {
  test('optimal partitioning finds a clean step exactly', () => {
    const x = [...new Array(10).fill(1), ...new Array(10).fill(5)];
    expect(optimalPartition(x, 1, 3)).toEqual([10]);
    expect(optimalPartition(x, 1000, 3)).toEqual([]);
  });

  test('finds the study-shaped information surge with start and end within two weeks of the truth', () => {
    const r = rng(7);
    const from = dayNumber(2023, 1, 2);
    const to = dayNumber(2024, 3, 31);
    const visits = [
      ...dailyVisits(from, to, 'Informasi', (d) => studyShape(mondayOf(d)) / 5, r),
      ...dailyVisits(from, to, 'Pengaduan', () => 20 / 5, r),
    ];
    const out = buildInsights(inputOf(visits, to + 1));
    const rows = out.tables.find((t) => t.name === 'ds_perubahan')!.rows;
    const info = rows.filter((row) => row[0] === 'Informasi' && row[1] === '(semua)');
    const up = info.find((row) => (row[6] as number) >= 1.5)!;
    expect(up).toBeDefined();
    expect(Math.abs((up[2] as number) - dayNumber(2023, 8, 14))).toBeLessThanOrEqual(21);
    const wawasan = out.tables.find((t) => t.name === 'wawasan')!.rows.filter((w) => w[0] === 'perubahan');
    expect(wawasan).toHaveLength(1);
    const dayOf = (key: string) => {
      const iso = new RegExp(key + '=(\\d{4}-\\d{2}-\\d{2})').exec(wawasan[0][3] as string)![1];
      return dayNumber(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10));
    };
    expect(Math.abs(dayOf('mulai') - dayNumber(2023, 8, 14))).toBeLessThanOrEqual(14);
    expect(Math.abs(dayOf('selesai') - dayNumber(2023, 11, 26))).toBeLessThanOrEqual(14);
    expect(wawasan[0][2]).toContain(isoOfDay(twoMonthsBefore(dayOf('mulai'))));
    expect(rows.some((row) => row[0] === 'Pengaduan')).toBe(false);
  });

  test('at most one false alarm per 52 stationary weeks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.double({ min: 0.5, max: 300, noNaN: true }), (seed, mean) => {
        const r = rng(seed);
        const weeks = Array.from({ length: 52 }, () => poisson(mean, r));
        expect(segmentWeekly(weeks).length - 1).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  test('a surge is a run of segments above 1.5× the segment before it', () => {
    const segs = [
      { from: 0, to: 9, mean: 10 },
      { from: 10, to: 14, mean: 20 },
      { from: 15, to: 19, mean: 16 },
      { from: 20, to: 29, mean: 11 },
    ];
    expect(surgesOf(segs, 1.5)).toEqual([{ from: 10, to: 19, before: 10, during: 18, ratio: 1.8 }]);
    expect(surgesOf(segs, 2.5)).toEqual([]);
  });

  test('with the weekly counts, the edges of a surge widen over adjacent weeks that are already high', () => {
    const weekly = [10, 10, 10, 10, 10, 10, 10, 10, 16, 17, 20, 20, 20, 20, 20, 16, 16, 16, 16, 16, 15, 11, 11, 11, 11, 11, 11, 11, 11, 11];
    const segs = [
      { from: 0, to: 9, mean: 10 },
      { from: 10, to: 14, mean: 20 },
      { from: 15, to: 19, mean: 16 },
      { from: 20, to: 29, mean: 11 },
    ];
    const [s] = surgesOf(segs, 1.5, weekly);
    expect([s.from, s.to]).toEqual([8, 20]);
    expect(s.during).toBeCloseTo(weekly.slice(8, 21).reduce((a, b) => a + b, 0) / 13, 9);
  });
});
