import { closedDates, holidayEntries } from '../../../src/core/insights/holidays';

const INDONESIAN_HOLIDAYS = holidayEntries();

describe('holiday list', () => {
  test('decodes to dated, named, typed entries, in order and without duplicates', () => {
    const dates = INDONESIAN_HOLIDAYS.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates.slice().sort()).toEqual(dates);
    expect(dates.every((d) => /^202[3-7]-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(d))).toBe(true);
    expect(INDONESIAN_HOLIDAYS.every((h) => typeof h.name === 'string' && h.name.length > 3)).toBe(true);
    expect(INDONESIAN_HOLIDAYS.find((h) => h.date === '2023-08-17')).toEqual({ date: '2023-08-17', name: 'Hari Kemerdekaan', kind: 'libur', provisional: false });
    expect(INDONESIAN_HOLIDAYS.find((h) => h.date === '2024-04-08')).toEqual({ date: '2024-04-08', name: 'Idul Fitri', kind: 'cuti', provisional: false });
    expect(INDONESIAN_HOLIDAYS.filter((h) => h.provisional).every((h) => h.date.startsWith('2027'))).toBe(true);
  });

  test('every year has New Year, Independence Day and Christmas as libur nasional', () => {
    for (const y of [2023, 2024, 2025, 2026, 2027]) {
      for (const md of ['01-01', '08-17', '12-25']) {
        expect(INDONESIAN_HOLIDAYS.find((h) => h.date === `${y}-${md}`)?.kind).toBe('libur');
      }
    }
  });

  test('settings add dates and take dates out', () => {
    const set = closedDates(['2023-03-03'], ['2023-08-17']);
    expect(set.has('2023-03-03')).toBe(true);
    expect(set.has('2023-08-17')).toBe(false);
    expect(set.has('2024-04-10')).toBe(true);
  });
});
