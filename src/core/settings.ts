/**
 * User settings with their defaults and validation. Stored as JSON in document properties.
 */
import type { Settings } from '../shared/api';
import { UNKNOWN } from './vocabulary';

export const DEFAULT_SETTINGS: Settings = {
  ageBounds: [20, 28, 35, 43],
  peakThreshold: 1.2,
  holidays: [],
  language: 'auto',
};

/** Ages outside this range are typing slips, not participants. */
export const MIN_PLAUSIBLE_AGE = 10;
export const MAX_PLAUSIBLE_AGE = 100;

/** Bounds of the age-group settings: each bound an integer in this range, at most this many. */
export const AGE_BOUND_MIN = 1;
export const AGE_BOUND_MAX = 120;
export const MAX_AGE_BOUNDS = 10;

/** Bounds of the peak threshold (a multiple of the month's baseline). */
export const PEAK_THRESHOLD_MIN = 1;
export const PEAK_THRESHOLD_MAX = 10;

export class SettingsError extends Error {
  constructor(readonly field: keyof Settings, message: string = field) {
    super(message);
  }
}

function isStrictlyAscending(values: readonly number[]): boolean {
  return values.every((v, i) => i === 0 || v > (values[i - 1] ?? -Infinity));
}

/** Holidays the settings may list (about 25 a year for ten years, with room). */
export const MAX_HOLIDAYS = 400;

/** Validates settings sent by the sidebar; throws SettingsError naming the bad field. */
export function validateSettings(input: Partial<Settings>, base: Settings = DEFAULT_SETTINGS): Settings {
  const out: Settings = { ...base, ...input } as Settings;
  const b = out.ageBounds;
  if (!Array.isArray(b) || b.length < 1 || b.length > MAX_AGE_BOUNDS || b.some((x) => !Number.isInteger(x) || x < AGE_BOUND_MIN || x > AGE_BOUND_MAX)) {
    throw new SettingsError('ageBounds');
  }
  if (!isStrictlyAscending(b)) throw new SettingsError('ageBounds');
  if (typeof out.peakThreshold !== 'number' || !isFinite(out.peakThreshold) || out.peakThreshold < PEAK_THRESHOLD_MIN || out.peakThreshold > PEAK_THRESHOLD_MAX) {
    throw new SettingsError('peakThreshold');
  }
  // Ten years of holidays at most: the list lives in one state cell and must stay far below its 50,000 characters.
  if (!Array.isArray(out.holidays) || out.holidays.length > MAX_HOLIDAYS || out.holidays.some((h) => typeof h !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(h))) {
    throw new SettingsError('holidays');
  }
  out.holidays = Array.from(new Set(out.holidays)).sort();
  if (!['id', 'en', 'auto'].includes(out.language)) throw new SettingsError('language');
  return { ageBounds: b.slice(), peakThreshold: out.peakThreshold, holidays: out.holidays, language: out.language };
}

/**
 * Labels of the age groups (`kelompok_usia` in the summary tabs, and the sidebar's preview of
 * them): bounds [20, 28, 35, 43] → <20, 20-27, 28-34, 35-42, >42. Every group between the first
 * and the last is written `lo-hi`, also when it holds one age (bounds [20, 21] → `20-20`): the
 * data contract's form, so a dashboard filter on it keeps working whatever the bounds.
 */
export function ageGroupLabels(bounds: readonly number[]): string[] {
  const first = bounds[0];
  const last = bounds[bounds.length - 1];
  if (first === undefined || last === undefined) return [];
  const between = bounds.slice(1).map((hi, i) => `${bounds[i]}-${hi - 1}`);
  return [`<${first}`, ...between, `>${last - 1}`];
}

/** The age group and generation of a row without one: the words of any value a row lacks. */
export const UNKNOWN_GROUP = UNKNOWN;

/** The label of `age`'s group among `labels` (from ageGroupLabels of the same bounds). */
export function ageGroupOf(age: number | null, bounds: readonly number[], labels: readonly string[]): string {
  if (age === null) return UNKNOWN_GROUP;
  const index = bounds.filter((bound) => age >= bound).length;
  return labels[index] ?? UNKNOWN_GROUP;
}

/** Generations by birth year, as the study defines them (inclusive years), oldest last. */
const GENERATION_YEARS: readonly { name: string; from: number; to: number }[] = [
  { name: 'Gen Z', from: 1995, to: 2010 },
  { name: 'Milenial', from: 1980, to: 1994 },
  { name: 'Gen X', from: 1965, to: 1979 },
  { name: 'Baby Boomer', from: 1946, to: 1964 },
];

const OTHER_GENERATION = 'Lainnya';

/** Every `generasi` value, in the order the summary tabs list them. */
export const GENERATIONS = ['Gen Z', 'Milenial', 'Gen X', 'Baby Boomer', OTHER_GENERATION, UNKNOWN_GROUP] as const;

/** Generation by birth year, as the study defines it. */
export function generationOf(birthYear: number | null): string {
  if (birthYear === null) return UNKNOWN_GROUP;
  const generation = GENERATION_YEARS.find((g) => birthYear >= g.from && birthYear <= g.to);
  return generation ? generation.name : OTHER_GENERATION;
}

/** Week of month: days 1–7 → 1, 8–14 → 2, 15–21 → 3, 22–28 → 4, 29 and later → 5. */
/** Weekday names (Sunday first, as Date.getUTCDay counts), as the summary tabs write them. */
export const WEEKDAY_NAMES = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

export function weekOfMonth(dayOfMonth: number): number {
  return Math.min(5, Math.floor((dayOfMonth - 1) / 7) + 1);
}
