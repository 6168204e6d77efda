import { MS_PER_DAY, ZoneClock, dayNumber, daysInMonth, isoOfDay, pad2, weekdayOfDay, ymdOfDay } from '../../src/core/zone';

describe('calendar days', () => {
  test('day numbers count from 1970-01-01 and read back as the same calendar date', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(dayNumber(2024, 3, 1) - dayNumber(2024, 2, 28)).toBe(2);
    expect(dayNumber(2023, 3, 1) - dayNumber(2023, 2, 28)).toBe(1);
    // Every day from 1899 to 2101, against Date's own calendar.
    for (let day = dayNumber(1899, 1, 1); day <= dayNumber(2101, 12, 31); day++) {
      const d = new Date(day * MS_PER_DAY);
      const ymd = ymdOfDay(day);
      if (ymd.y !== d.getUTCFullYear() || ymd.m !== d.getUTCMonth() + 1 || ymd.d !== d.getUTCDate()) {
        throw new Error(`day ${day}: ${JSON.stringify(ymd)} but Date says ${d.toISOString()}`);
      }
    }
  });

  test('weekdays: 0 Sunday … 6 Saturday, also before 1970', () => {
    expect(weekdayOfDay(dayNumber(1970, 1, 1))).toBe(4);
    expect(weekdayOfDay(dayNumber(2024, 6, 1))).toBe(6);
    expect(weekdayOfDay(dayNumber(2024, 6, 2))).toBe(0);
    expect(weekdayOfDay(dayNumber(1945, 8, 17))).toBe(5);
  });

  test('ISO text and month lengths', () => {
    expect(isoOfDay(dayNumber(2024, 2, 29))).toBe('2024-02-29');
    expect(isoOfDay(dayNumber(1999, 12, 31) + 1)).toBe('2000-01-01');
    expect([pad2(0), pad2(9), pad2(10), pad2(31)]).toEqual(['00', '09', '10', '31']);
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2000, 2), daysInMonth(2100, 2), daysInMonth(2024, 4), daysInMonth(2024, 12)]).toEqual([29, 28, 29, 28, 30, 31]);
  });
});

describe('ZoneClock', () => {
  const HOUR = 3600000;

  test('Jakarta (UTC+7): 17:00 UTC is midnight of the next day, and back', () => {
    const clock = new ZoneClock('Asia/Jakarta', () => 420);
    const instant = new Date('2024-06-01T17:00:00Z');
    expect(clock.toLocal(instant)).toEqual({ day: dayNumber(2024, 6, 2), seconds: 0 });
    expect(clock.toLocal(new Date('2024-06-01T16:59:59Z'))).toEqual({ day: dayNumber(2024, 6, 1), seconds: 86399 });
    expect(clock.fromLocal(dayNumber(2024, 6, 2), 0).toISOString()).toBe('2024-06-01T17:00:00.000Z');
    expect(clock.fromLocal(dayNumber(2024, 6, 2), 8 * 3600 + 30 * 60).toISOString()).toBe('2024-06-02T01:30:00.000Z');
  });

  test('a month with one offset costs two look-ups however many dates it holds', () => {
    let lookUps = 0;
    const clock = new ZoneClock('Asia/Jakarta', () => {
      lookUps++;
      return 420;
    });
    const start = Date.UTC(2024, 5, 1);
    for (let i = 0; i < 10000; i++) clock.toLocal(new Date(start + i * 250000));
    // 10,000 instants of 250 s span June 1–29: one month.
    expect(lookUps).toBe(2);
  });

  test('a month with a transition is read hour by hour, so each side gets its own offset', () => {
    // A zone at UTC+1 that moves to UTC+2 at 2024-03-31T01:00Z (as Europe/Berlin does).
    const change = Date.UTC(2024, 2, 31, 1);
    const clock = new ZoneClock('Europe/Berlin', (ms) => (ms < change ? 60 : 120));
    expect(clock.offsetMinutes(change - HOUR)).toBe(60);
    expect(clock.offsetMinutes(change)).toBe(120);
    expect(clock.offsetMinutes(Date.UTC(2024, 2, 10))).toBe(60);
    expect(clock.offsetMinutes(Date.UTC(2024, 3, 10))).toBe(120);
    expect(clock.toLocal(new Date(change - 1000))).toEqual({ day: dayNumber(2024, 3, 31), seconds: 2 * 3600 - 1 });
    expect(clock.toLocal(new Date(change))).toEqual({ day: dayNumber(2024, 3, 31), seconds: 3 * 3600 });
    // Wall-clock times on either side of the gap map back to their instants.
    expect(clock.fromLocal(dayNumber(2024, 3, 31), 3600).toISOString()).toBe('2024-03-31T00:00:00.000Z');
    expect(clock.fromLocal(dayNumber(2024, 3, 31), 4 * 3600).toISOString()).toBe('2024-03-31T02:00:00.000Z');
  });
});
