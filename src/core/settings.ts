/**
 * User settings with their defaults and validation. Stored as JSON in document properties.
 */
import type { Settings } from '../shared/api';

export const DEFAULT_SETTINGS: Settings = {
  ageBounds: [20, 28, 35, 43],
  peakThreshold: 1.2,
  holidays: [],
  language: 'auto',
};

/** Ages outside this range are typing slips, not participants. */
export const MIN_PLAUSIBLE_AGE = 10;
export const MAX_PLAUSIBLE_AGE = 100;

export class SettingsError extends Error {
  constructor(readonly field: keyof Settings, message: string) {
    super(message);
  }
}

/** Validates settings sent by the sidebar; throws SettingsError naming the bad field. */
export function validateSettings(input: Partial<Settings>, base: Settings = DEFAULT_SETTINGS): Settings {
  const out: Settings = { ...base, ...input } as Settings;
  const b = out.ageBounds;
  if (!Array.isArray(b) || b.length < 1 || b.length > 10 || b.some((x) => !Number.isInteger(x) || x < 1 || x > 120)) {
    throw new SettingsError('ageBounds', 'ageBounds');
  }
  for (let i = 1; i < b.length; i++) if (b[i] <= b[i - 1]) throw new SettingsError('ageBounds', 'ageBounds');
  if (typeof out.peakThreshold !== 'number' || !isFinite(out.peakThreshold) || out.peakThreshold < 1 || out.peakThreshold > 10) {
    throw new SettingsError('peakThreshold', 'peakThreshold');
  }
  if (!Array.isArray(out.holidays) || out.holidays.some((h) => typeof h !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(h))) {
    throw new SettingsError('holidays', 'holidays');
  }
  out.holidays = Array.from(new Set(out.holidays)).sort();
  if (!['id', 'en', 'auto'].includes(out.language)) throw new SettingsError('language', 'language');
  return { ageBounds: b.slice(), peakThreshold: out.peakThreshold, holidays: out.holidays, language: out.language };
}

/** Labels of the age groups for bounds [20,28,35,43]: <20, 20-27, 28-34, 35-42, >42. */
export function ageGroupLabels(bounds: readonly number[]): string[] {
  const labels = [`<${bounds[0]}`];
  for (let i = 1; i < bounds.length; i++) labels.push(`${bounds[i - 1]}-${bounds[i] - 1}`);
  labels.push(`>${bounds[bounds.length - 1] - 1}`);
  return labels;
}

export const UNKNOWN_GROUP = 'Tidak diketahui';

export function ageGroupOf(age: number | null, bounds: readonly number[], labels: readonly string[]): string {
  if (age === null) return UNKNOWN_GROUP;
  let i = 0;
  while (i < bounds.length && age >= bounds[i]) i++;
  return labels[i];
}

export const GENERATIONS = ['Gen Z', 'Milenial', 'Gen X', 'Baby Boomer', 'Lainnya', UNKNOWN_GROUP] as const;

/** Generation by birth year, as the study defines it. */
export function generationOf(birthYear: number | null): string {
  if (birthYear === null) return UNKNOWN_GROUP;
  if (birthYear >= 1995 && birthYear <= 2010) return 'Gen Z';
  if (birthYear >= 1980 && birthYear <= 1994) return 'Milenial';
  if (birthYear >= 1965 && birthYear <= 1979) return 'Gen X';
  if (birthYear >= 1946 && birthYear <= 1964) return 'Baby Boomer';
  return 'Lainnya';
}

/** Week of month: days 1–7 → 1, 8–14 → 2, 15–21 → 3, 22–28 → 4, 29 and later → 5. */
export function weekOfMonth(dayOfMonth: number): number {
  return Math.min(5, Math.floor((dayOfMonth - 1) / 7) + 1);
}
