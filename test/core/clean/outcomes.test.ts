import { ageOutcome, birthOutcome, dateOutcome, hasTrigram, parseAge, shown, textOutcome, OutcomeContext, SafeText } from '../../../src/core/clean/outcomes';
import { intlZoneClock } from '../../../tools/emulator';
import { dayNumber } from '../../../src/core/zone';

const clock = intlZoneClock('Asia/Jakarta');

function context(): { ctx: OutcomeContext; fragments: string[] } {
  const fragments: string[] = [];
  const ctx: OutcomeContext = { clock, lang: 'id', fragment: (col, from, to) => fragments.push(`${col}:${from}->${to}`) - 1 };
  return { ctx, fragments };
}

describe('outcomes: what one distinct raw value becomes', () => {
  test('a text visit date becomes a date instant with a format and a note fragment; the same instant needs no change', () => {
    const { ctx, fragments } = context();
    const date = dateOutcome(ctx, 1, 'dmy');
    const o = date('06/10/2023');
    expect(o.visit).toEqual({ day: dayNumber(2023, 10, 6), seconds: null });
    expect(o.next).toEqual(clock.fromLocal(dayNumber(2023, 10, 6), 0));
    expect(o.format).toBe('yyyy-mm-dd');
    expect(fragments[o.fragment]).toBe('1:06/10/2023->2023-10-06');
    const again = date(clock.fromLocal(dayNumber(2023, 10, 6), 0));
    expect(again.next).toBeUndefined();
    expect(again.fragment).toBe(-1);
    expect(again.key).toBe(o.key);
  });

  test('an unreadable or out-of-range date is no visit, with the reason; a blank one says no date', () => {
    const { ctx } = context();
    const date = dateOutcome(ctx, 1, 'dmy');
    expect(date('besok').visit).toBeNull();
    expect(date('besok').invalid).toContain('besok');
    expect(date('01/01/1900').visit).toBeNull();
    expect(date('').masalah).not.toBe(date('besok').masalah);
  });

  test('ages: "35 thn" becomes 35, 250 and "tua" are problems, a number already clean is kept', () => {
    const { ctx } = context();
    const age = ageOutcome(ctx, 2);
    expect(age('35 thn')).toMatchObject({ age: 35, next: 35, problem: null });
    expect(age(35)).toMatchObject({ age: 35, next: undefined, fragment: -1 });
    expect(age(250).problem).not.toBeNull();
    expect(age('tua').problem).not.toBeNull();
    expect(age('').problem).toBeNull();
    expect(parseAge('35 tahun 6 bln')).toBe(35);
  });

  test('birth dates: read as past dates, not before 1900', () => {
    const { ctx } = context();
    const birth = birthOutcome(ctx, 3, 'dmy');
    expect(birth('17/08/1990').birthDay).toBe(dayNumber(1990, 8, 17));
    expect(birth('17/08/1890').problem).not.toBeNull();
  });

  test('text: tidied, mapped through the canonical spellings, formula errors name nothing', () => {
    const { ctx, fragments } = context();
    const text = textOutcome(ctx, 4, new Map([['informasi', 'Informasi']]));
    const o = text(' informasi ');
    expect(o.canonical).toBe('Informasi');
    expect(fragments[o.fragment]).toBe('4: informasi ->Informasi');
    expect(text('Informasi').next).toBeUndefined();
    expect(text('#N/A').canonical).toBe('');
    expect(text(42).canonical).toBe('42');
  });

  test('shown cuts long values with an ellipsis', () => {
    expect(shown('x'.repeat(100))).toHaveLength(60);
    expect(shown('abc')).toBe('abc');
  });
});

describe('hasTrigram: the first three letters of a name inside a value, without a string per row', () => {
  const safe = (text: string): SafeText => ({ text, lower: text.toLowerCase(), code: 0, builtIn: false });

  test.each([
    ['titipan budi santoso', '  Budi Santoso', true],
    ['titipan budi santoso', 'BUD', true],
    ['titipan budi santoso', 'Sari', false],
    ['walk-in', 'k-i', true],
  ])('in %j the name %j: %s, as the string test says', (value, name, expected) => {
    const s = safe(value);
    expect(hasTrigram(s, name)).toBe(expected);
    expect(s.lower.includes(name.trim().slice(0, 3).toLowerCase())).toBe(expected);
  });

  test('non-ASCII or short names are left to the string test (null)', () => {
    expect(hasTrigram(safe('ibu ani'), 'Ani')).toBe(true);
    expect(hasTrigram(safe('ibu ani'), ' An ')).toBeNull();
    expect(hasTrigram(safe('ibu ïna'), 'Ïna')).toBeNull();
  });
});

test('shown never ends on part of a number or word: a phone number cut at the limit is dropped whole, not kept as a shorter one', () => {
  const head = 'keluhan pelayanan lambat mohon dihubungi kembali ke nomor';
  const quoted = shown(`${head} 0812 3456 7890 terima kasih`);
  expect(quoted).toBe(`${head}\u2026`);
  expect(quoted).not.toMatch(/\d/);
  expect(shown(`${'a'.repeat(52)} Budiman Santoso`)).toBe(`${'a'.repeat(52)}\u2026`);
});
