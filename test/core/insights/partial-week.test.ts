/**
 * A log whose last week is incomplete (it ends on a Wednesday, or today is a Wednesday): that
 * week is never judged as a complete week — not held out in the backtest, not a week of the
 * change-point series — so its missing days can neither look like a drop nor be scored.
 */
import { buildInsights } from '../../../src/core/insights';
import { weekdayOfDay } from '../../../src/core/zone';
import { START, dailyVisits, inputOf, rng } from './synthetic';

const WEDNESDAY = START + 40 * 7 + 2; // 40 weeks after a Monday
const LAST_SUNDAY = WEDNESDAY - 3;

function insightsEndingWednesday(today: number) {
  const r = rng(11);
  const visits = [
    ...dailyVisits(START, WEDNESDAY, 'Klaim JHT', () => 40, r),
    ...dailyVisits(START, WEDNESDAY, 'Informasi', () => 12, r, { topic: 'Saldo JHT' }),
  ];
  return buildInsights(inputOf(visits, today));
}

test.each([
  ['the log ends on a Wednesday, read days later', WEDNESDAY + 5],
  ['today is Thursday: the log is complete up to Wednesday', WEDNESDAY + 1],
])('%s: the backtest ends on the last complete Sunday, change points stop there, no surge or drop from the short week', (_, today) => {
  expect(weekdayOfDay(WEDNESDAY)).toBe(3);
  const out = insightsEndingWednesday(today);
  const table = (name: string) => out.tables.find((t) => t.name === name)!;
  const backtest = table('ds_prakiraan').rows.filter((row) => row[2] === 'backtest');
  expect(backtest.length).toBeGreaterThan(0);
  expect(Math.max(...backtest.map((row) => row[0] as number))).toBe(LAST_SUNDAY - 2); // the Friday before
  const ahead = table('ds_prakiraan').rows.filter((row) => row[2] === 'prakiraan');
  expect(Math.min(...ahead.map((row) => row[0] as number))).toBe(WEDNESDAY + 1);
  // Steady Poisson visits: the three logged days of the last week must not read as a change.
  expect(table('ds_perubahan').rows).toEqual([]);
  expect(out.info).toContainEqual(['prakiraan_backtest_mulai', expect.any(String)]);
});

test('the weekly chart\'s last week with visits is the last complete week, not the three-day one', () => {
  const out = insightsEndingWednesday(WEDNESDAY + 5);
  const weeks = out.weeks.filter((w) => w.actual !== null);
  expect(weeks.length).toBe(8);
  expect(Math.max(...weeks.map((w) => w.monday))).toBe(LAST_SUNDAY - 6);
});
