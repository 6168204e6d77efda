import { parseDate, parseDateText, detectDayOrder, decideDateOrder } from '../../src/core/dates';
import { isoOfDay, dayNumber } from '../../src/core/zone';
import { intlZoneClock } from '../../tools/emulator';
import { zonedDate } from '../../tools/emulator';

const ZONES = ['Asia/Jakarta', 'Pacific/Auckland', 'America/Los_Angeles', 'UTC', 'Asia/Kolkata'];

const day = (text: string, order: 'dmy' | 'mdy' = 'dmy') => {
  const p = parseDateText(text, intlZoneClock('Asia/Jakarta'), order);
  return p ? isoOfDay(p.day) + (p.seconds !== null ? ` +${p.seconds}s` : '') : null;
};

describe('text dates staff type', () => {
  test.each([
    ['2023-05-22', '2023-05-22'],
    ['22/05/2023', '2023-05-22'],
    ['22-05-2023', '2023-05-22'],
    ['22.05.2023', '2023-05-22'],
    ['5/6/2023', '2023-06-05'],
    ['22/05/23', '2023-05-22'],
    ['22 Mei 2023', '2023-05-22'],
    ['22 mei 2023', '2023-05-22'],
    ['22 MEI 2023', '2023-05-22'],
    ['Senin, 22 Mei 2023', '2023-05-22'],
    ["Jum'at, 26 Mei 2023", '2023-05-26'],
    ['17 Agustus 2023', '2023-08-17'],
    ['17 Agu 2023', '2023-08-17'],
    ['17 Agt 2023', '2023-08-17'],
    ['17 Ags 2023', '2023-08-17'],
    ['17 Aug 2023', '2023-08-17'],
    ['5 Sept 2023', '2023-09-05'],
    ['5 Okt 2023', '2023-10-05'],
    ['5 Nop 2023', '2023-11-05'],
    ['25 Des 2023', '2023-12-25'],
    ['1 Pebruari 2024', '2024-02-01'],
    ['Mei 22, 2023', '2023-05-22'],
    ['22-Mei-2023', '2023-05-22'],
    ['45068', '2023-05-22'],
    ['22/05/2023 10:15:32', '2023-05-22 +36932s'],
    ['22/05/2023 10.15', '2023-05-22 +36900s'],
    ['22 Mei 2023 pukul 10.15 WIB', '2023-05-22 +36900s'],
    ['2023-05-22T10:15:00', '2023-05-22 +36900s'],
  ])('%s → %s', (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  test.each(['??', '-', 'belum diisi', '', '31/02/2023', '32/01/2023', '2023-13-01', 'Mei 2023', 'kemarin', '29/02/2023'])('%s is not a date', (text) => {
    expect(day(text)).toBeNull();
  });

  test('29 February in a leap year', () => expect(day('29/02/2024')).toBe('2024-02-29'));

  test('month-first numerals when the column shows them', () => {
    expect(detectDayOrder(['5/22/2023', '6/1/2023', '7/4/2023'])).toBe('mdy');
    expect(detectDayOrder(['22/5/2023', '6/1/2023'])).toBe('dmy');
    expect(detectDayOrder(['6/1/2023'])).toBe('dmy');
    expect(day('6/1/2023', 'mdy')).toBe('2023-06-01');
    expect(day('5/22/2023')).toBe('2023-05-22');
  });
});

describe('date cells and serials in every zone', () => {
  test.each(ZONES)('a date cell at local midnight in %s is that calendar day', (tz) => {
    const clock = intlZoneClock(tz);
    for (const [y, m, d] of [[2023, 5, 22], [2024, 1, 1], [2023, 12, 31], [2024, 3, 31], [2023, 10, 1]]) {
      const cell = zonedDate(tz, y, m, d);
      const p = parseDate(cell, clock);
      expect(p).toEqual({ day: dayNumber(y, m, d), seconds: null });
      // and the instant we would write back is the same instant
      expect(clock.fromLocal(p!.day).getTime()).toBe(cell.getTime());
    }
  });

  test.each(ZONES)('a date-time cell keeps its time of day in %s', (tz) => {
    const clock = intlZoneClock(tz);
    const cell = zonedDate(tz, 2023, 5, 22, 23, 30, 5);
    expect(parseDate(cell, clock)).toEqual({ day: dayNumber(2023, 5, 22), seconds: 23 * 3600 + 30 * 60 + 5 });
  });

  test('spreadsheet serials pasted as numbers, with and without time', () => {
    const clock = intlZoneClock('America/Los_Angeles');
    expect(parseDate(45068, clock)).toEqual({ day: dayNumber(2023, 5, 22), seconds: null });
    expect(parseDate(45068.5, clock)).toEqual({ day: dayNumber(2023, 5, 22), seconds: 43200 });
    expect(parseDate(12, clock)).toEqual({ day: dayNumber(1900, 1, 11), seconds: null });
    expect(parseDate(-5, clock)).toBeNull();
    expect(parseDate(true, clock)).toBeNull();
  });

  test('DST transitions: a date cell at local midnight around the change stays its day', () => {
    for (const tz of ['America/Los_Angeles', 'Pacific/Auckland', 'Europe/Berlin']) {
      const clock = intlZoneClock(tz);
      for (const [y, m, d] of [[2023, 3, 12], [2023, 3, 13], [2023, 11, 5], [2023, 4, 2], [2023, 9, 24], [2023, 3, 26], [2023, 10, 29]]) {
        const cell = zonedDate(tz, y, m, d);
        expect(isoOfDay(parseDate(cell, clock)!.day)).toBe(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      }
    }
  });
});

describe('decideDateOrder: day-first or month-first from the evidence, and why', () => {
  const id = { header: 'Tanggal', locale: 'id' };
  test('a part above 12 decides, whatever the header or locale says', () => {
    expect(decideDateOrder(['6/1/2023', '22/05/2023'], { header: 'Timestamp', locale: 'en_US' })).toMatchObject({ order: 'DMY', reason: 'partOver12' });
    expect(decideDateOrder(['6/1/2023', '5/22/2023 10:01:02'], id)).toMatchObject({ order: 'MDY', reason: 'partOver12', counts: { dayFirstOnly: 0, monthFirstOnly: 1, either: 1 } });
  });
  test('values of both kinds are flagged, not guessed', () => {
    expect(decideDateOrder(['22/05/2023', '5/22/2023'], id)).toMatchObject({ order: 'ambiguous', reason: 'conflictingParts' });
  });
  test('all days ≤ 12: a header that spells the format decides', () => {
    expect(decideDateOrder(['6/1/2023', '7/2/2023'], { header: 'Date (MM/DD/YYYY)', locale: 'id' })).toMatchObject({ order: 'MDY', reason: 'headerFormat' });
    expect(decideDateOrder(['6/1/2023'], { header: 'Tgl (dd-mm-yyyy)', locale: 'en_US' })).toMatchObject({ order: 'DMY', reason: 'headerFormat' });
  });
  test("all days ≤ 12: Forms' timestamp header decides (English Forms month-first, Indonesian day-first)", () => {
    expect(decideDateOrder(['6/1/2023 9:15:02'], { header: 'Timestamp', locale: 'id' })).toMatchObject({ order: 'MDY', reason: 'formsTimestamp' });
    expect(decideDateOrder(['6/1/2023 9:15:02'], { header: 'Stempel waktu', locale: 'en_US' })).toMatchObject({ order: 'DMY', reason: 'formsTimestamp' });
  });
  test('all days ≤ 12 and a plain header: the spreadsheet locale decides', () => {
    expect(decideDateOrder(['6/1/2023'], { header: 'Tanggal', locale: 'en_US' })).toMatchObject({ order: 'MDY', reason: 'locale' });
    expect(decideDateOrder(['6/1/2023'], { header: 'Tanggal', locale: 'in_ID' })).toMatchObject({ order: 'DMY', reason: 'locale' });
    expect(decideDateOrder(['6/1/2023'], { header: 'Tanggal', locale: 'en_GB' })).toMatchObject({ order: 'DMY', reason: 'locale' });
  });
  test('nothing decides: ambiguous, never a silent guess', () => {
    expect(decideDateOrder(['6/1/2023', '7/1/2023'], { header: 'Tanggal', locale: '' })).toEqual({ order: 'ambiguous', reason: 'noEvidence', counts: { dayFirstOnly: 0, monthFirstOnly: 0, either: 2 } });
  });
  test('no numerals at all: the order changes nothing', () => {
    expect(decideDateOrder(['2023-05-22', '22 Mei 2023', ''], { header: 'Tanggal', locale: '' })).toMatchObject({ order: 'DMY', reason: 'noNumericDates' });
  });
});

test('only month names are months: words an object carries ("constructor", "toString") are no date', () => {
  for (const text of ['12 constructor 2023', 'constructor 12, 2023', '3 toString 2024', 'hasOwnProperty 1 2022', '12 __proto__ 2023']) expect(day(text)).toBeNull();
  expect(day('12 mei 2023')).toBe('2023-05-12');
  expect(day('May 12, 2023')).toBe('2023-05-12');
});
