import { isOpen, lastCompleteMonday, learnCalendar, medianOf, mondayOf, womOfDay } from '../../../src/core/insights/calendar';
import { dayNumber, weekdayOfDay } from '../../../src/core/zone';

/** Monday 2024-06-03. */
const MONDAY = dayNumber(2024, 6, 3);

/** Visits per day for `weeks` weeks from MONDAY: `perDay` on Monday–Friday, none at weekends. */
function weekdaysOnly(weeks: number, perDay = 40): number[] {
  return Array.from({ length: weeks * 7 }, (_, i) => (weekdayOfDay(MONDAY + i) % 6 === 0 ? 0 : perDay));
}

test('mondayOf and womOfDay', () => {
  expect([MONDAY, MONDAY + 4, MONDAY + 6, MONDAY + 7].map(mondayOf)).toEqual([MONDAY, MONDAY, MONDAY, MONDAY + 7]);
  expect([dayNumber(2024, 6, 1), dayNumber(2024, 6, 8), dayNumber(2024, 6, 29)].map(womOfDay)).toEqual([1, 2, 5]);
});

test('medianOf: middle value, mean of the two middle ones, 0 for none', () => {
  expect([medianOf([5, 1, 3]), medianOf([4, 1, 3, 2]), medianOf([])]).toEqual([3, 2.5, 0]);
});

describe('learnCalendar', () => {
  test('open on the weekdays with visits on at least half their dates', () => {
    const totals = weekdaysOnly(4);
    // One Saturday of four with visits: still closed on Saturdays. Two of four: open.
    totals[5] = 10;
    expect(learnCalendar(MONDAY, totals, new Set()).openWeekdays).toEqual([false, true, true, true, true, true, false]);
    totals[12] = 10;
    expect(learnCalendar(MONDAY, totals, new Set()).openWeekdays).toEqual([false, true, true, true, true, true, true]);
  });

  test('closed on listed holidays when the log shows no work on them', () => {
    const totals = weekdaysOnly(4);
    totals[14] = 0; // Monday 2024-06-17, Idul Adha
    const cal = learnCalendar(MONDAY, totals, new Set(['2024-06-17']));
    expect(cal.closesOnHolidays).toBe(true);
    expect([isOpen(cal, MONDAY + 14), isOpen(cal, MONDAY + 15), isOpen(cal, MONDAY + 5)]).toEqual([false, true, false]);
  });

  test('open on listed holidays when most of them had a normal day\'s visits', () => {
    const totals = weekdaysOnly(4);
    const cal = learnCalendar(MONDAY, totals, new Set(['2024-06-17', '2024-06-18']));
    expect(cal.closesOnHolidays).toBe(false);
    expect(cal.closed.size).toBe(0);
    expect(isOpen(cal, MONDAY + 14)).toBe(true);
  });
});

describe('lastCompleteMonday', () => {
  const cal = learnCalendar(MONDAY, weekdaysOnly(4), new Set());

  test('a branch closed at weekends has its week complete on Friday', () => {
    expect(lastCompleteMonday(MONDAY + 4, cal)).toBe(MONDAY);
    expect(lastCompleteMonday(MONDAY + 3, cal)).toBe(MONDAY - 7);
    expect(lastCompleteMonday(MONDAY + 6, cal)).toBe(MONDAY);
  });

  test('a branch open on Saturdays waits for Saturday', () => {
    const totals = weekdaysOnly(4);
    for (let w = 0; w < 4; w++) totals[w * 7 + 5] = 20;
    const open6 = learnCalendar(MONDAY, totals, new Set());
    expect(lastCompleteMonday(MONDAY + 4, open6)).toBe(MONDAY - 7);
    expect(lastCompleteMonday(MONDAY + 5, open6)).toBe(MONDAY);
  });
});
