import {
  AGE_BOUND_MAX,
  AGE_BOUND_MIN,
  DEFAULT_SETTINGS,
  GENERATIONS,
  MAX_AGE_BOUNDS,
  MAX_HOLIDAYS,
  PEAK_THRESHOLD_MAX,
  PEAK_THRESHOLD_MIN,
  WEEKDAY_NAMES,
  SettingsError,
  UNKNOWN_GROUP,
  ageGroupLabels,
  ageGroupOf,
  generationOf,
  validateSettings,
  weekOfMonth,
} from '../../src/core/settings';
import * as sidebarFormat from '../../sidebar/format';
import * as sample from '../../tools/sample/generate';
import type { Settings } from '../../src/shared/api';
import { dayNumber, weekdayOfDay } from '../../src/core/zone';

/** The field validateSettings names when it refuses `input`, or null when it accepts it. */
function refusedField(input: Partial<Settings>): keyof Settings | null {
  try {
    validateSettings(input);
    return null;
  } catch (e) {
    if (e instanceof SettingsError) return e.field;
    throw e;
  }
}

describe('validateSettings', () => {
  test('fills what is missing from the defaults and sorts and de-duplicates holidays', () => {
    expect(validateSettings({ holidays: ['2024-06-17', '2024-01-01', '2024-06-17'] })).toEqual({
      ...DEFAULT_SETTINGS,
      holidays: ['2024-01-01', '2024-06-17'],
    });
  });

  test('returns a copy: changing the answer leaves the defaults alone', () => {
    const s = validateSettings({});
    s.ageBounds.push(99);
    expect(DEFAULT_SETTINGS.ageBounds).toEqual([20, 28, 35, 43]);
  });

  test.each<[string, Partial<Settings>, keyof Settings]>([
    ['no age bound', { ageBounds: [] }, 'ageBounds'],
    ['an age bound below the minimum', { ageBounds: [AGE_BOUND_MIN - 1, 20] }, 'ageBounds'],
    ['an age bound above the maximum', { ageBounds: [20, AGE_BOUND_MAX + 1] }, 'ageBounds'],
    ['a fractional age bound', { ageBounds: [20.5] }, 'ageBounds'],
    ['age bounds not ascending', { ageBounds: [20, 28, 28] }, 'ageBounds'],
    ['too many age bounds', { ageBounds: Array.from({ length: MAX_AGE_BOUNDS + 1 }, (_, i) => 10 + i) }, 'ageBounds'],
    ['a peak threshold below 1', { peakThreshold: 0.9 }, 'peakThreshold'],
    ['a peak threshold above 10', { peakThreshold: 10.5 }, 'peakThreshold'],
    ['a peak threshold that is not a number', { peakThreshold: NaN }, 'peakThreshold'],
    ['a holiday that is not YYYY-MM-DD', { holidays: ['17/08/2024'] }, 'holidays'],
    ['a language it does not speak', { language: 'fr' as Settings['language'] }, 'language'],
  ])('refuses %s, naming the field', (_what, input, field) => {
    expect(refusedField(input)).toBe(field);
  });

  test('accepts the edges of every range', () => {
    expect(refusedField({ ageBounds: [AGE_BOUND_MIN, AGE_BOUND_MAX], peakThreshold: PEAK_THRESHOLD_MIN })).toBeNull();
    expect(refusedField({ ageBounds: Array.from({ length: MAX_AGE_BOUNDS }, (_, i) => 10 + i), peakThreshold: PEAK_THRESHOLD_MAX })).toBeNull();
  });

  test('holidays: MAX_HOLIDAYS distinct days, counted before repeats are dropped', () => {
    const days = (n: number): string[] => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));
    expect(refusedField({ holidays: days(MAX_HOLIDAYS) })).toBeNull();
    expect(refusedField({ holidays: days(MAX_HOLIDAYS + 1) })).toBe('holidays');
  });
});

describe('age groups', () => {
  test('the default bounds give the groups of the data contract', () => {
    expect(ageGroupLabels(DEFAULT_SETTINGS.ageBounds)).toEqual(['<20', '20-27', '28-34', '35-42', '>42']);
  });

  test('a group of one age is written lo-hi like the others; one bound gives two groups; none gives none', () => {
    expect(ageGroupLabels([20, 21, 30])).toEqual(['<20', '20-20', '21-29', '>29']);
    expect(ageGroupLabels([18])).toEqual(['<18', '>17']);
    expect(ageGroupLabels([])).toEqual([]);
  });

  test('ageGroupOf puts each age in the group its label names', () => {
    const bounds = DEFAULT_SETTINGS.ageBounds;
    const labels = ageGroupLabels(bounds);
    const ages = [10, 19, 20, 27, 28, 34, 35, 42, 43, 99];
    expect(ages.map((a) => ageGroupOf(a, bounds, labels))).toEqual(['<20', '<20', '20-27', '20-27', '28-34', '28-34', '35-42', '35-42', '>42', '>42']);
    expect(ageGroupOf(null, bounds, labels)).toBe(UNKNOWN_GROUP);
  });

  test('the sidebar previews the very labels the summary tabs get (one source)', () => {
    expect(sidebarFormat.ageGroupLabels).toBe(ageGroupLabels);
    expect([sidebarFormat.AGE_MIN, sidebarFormat.AGE_MAX]).toEqual([AGE_BOUND_MIN, AGE_BOUND_MAX]);
  });

  test('agrees with the sample generator (written independently from the study) for every age 0–120', () => {
    const bounds = DEFAULT_SETTINGS.ageBounds;
    const labels = ageGroupLabels(bounds);
    for (let age = 0; age <= 120; age++) expect([age, ageGroupOf(age, bounds, labels)]).toEqual([age, sample.ageGroupOf(age)]);
  });
});

describe('generations', () => {
  test('by birth year at every boundary of the study', () => {
    const years = [2011, 2010, 1995, 1994, 1980, 1979, 1965, 1964, 1946, 1945];
    expect(years.map(generationOf)).toEqual(['Lainnya', 'Gen Z', 'Gen Z', 'Milenial', 'Milenial', 'Gen X', 'Gen X', 'Baby Boomer', 'Baby Boomer', 'Lainnya']);
    expect(generationOf(null)).toBe(UNKNOWN_GROUP);
  });

  test('every generation generationOf answers is listed in GENERATIONS, which ends with Lainnya and Tidak diketahui', () => {
    const seen = new Set<string>([generationOf(null)]);
    for (let y = 1900; y <= 2030; y++) seen.add(generationOf(y));
    expect([...seen].sort()).toEqual([...GENERATIONS].sort());
    expect(GENERATIONS.slice(-2)).toEqual(['Lainnya', UNKNOWN_GROUP]);
  });

  test('agrees with the sample generator for every birth year 1900–2030', () => {
    for (let y = 1900; y <= 2030; y++) expect([y, generationOf(y)]).toEqual([y, sample.generationOf(y)]);
  });
});

test('WEEKDAY_NAMES is indexed like weekdayOfDay: 0 Minggu (Sunday) … 6 Sabtu', () => {
  // 2024-06-02 was a Sunday, 2024-06-07 a Friday.
  expect(WEEKDAY_NAMES[weekdayOfDay(dayNumber(2024, 6, 2))]).toBe('Minggu');
  expect(WEEKDAY_NAMES[weekdayOfDay(dayNumber(2024, 6, 7))]).toBe('Jumat');
});

describe('weekOfMonth', () => {
  test('days 1–7 are week 1 … 29–31 week 5', () => {
    const days = Array.from({ length: 31 }, (_, i) => i + 1);
    expect(days.map(weekOfMonth)).toEqual(days.map((d) => Math.ceil(d / 7)));
    expect([1, 7, 8, 14, 15, 21, 22, 28, 29, 31].map(weekOfMonth)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  test('agrees with the sample generator for every day', () => {
    for (let d = 1; d <= 31; d++) expect(weekOfMonth(d)).toBe(sample.weekOfMonth(d));
  });
});
