/**
 * One form for a summary row from either engine, so they can be compared: dates as yyyy-mm-dd,
 * counts and shares as numbers, booleans as booleans, an empty cell as null.
 */
import type { ColumnType } from '../../src/core/contract';

export type Value = string | number | boolean | null;
export type Row = Value[];

/** Rows of one view per cabang: what each engine produces. */
export type ViewRows = Map<string, Row[]>;

export function normalise(v: unknown, type: ColumnType, isoOfDate: (d: Date) => string): Value {
  if (v === null || v === undefined || v === '') return null;
  switch (type) {
    case 'date':
      return v instanceof Date ? isoOfDate(v) : String(v);
    case 'integer':
    case 'number':
    case 'percent':
      return Number(v);
    case 'boolean':
      return v === true || v === 'true';
    default:
      return String(v);
  }
}

/** Rows are keyed by their non-fractional columns (each view's group keys, plus flags). */
export function keyOf(row: Row, types: ColumnType[]): string {
  return JSON.stringify(row.filter((_, i) => types[i] !== 'number' && types[i] !== 'percent'));
}

export interface Difference {
  view: string;
  cabang: string;
  what: string;
}

/** Columns summarise rounds to 4 decimals (rates per working day); other fractions have 6. */
const FOUR_DECIMALS = new Set(['jumlah_per_hari_kerja', 'per_hari_kerja', 'baseline_per_hari_kerja', 'rasio']);

/**
 * How far two rounded fractions may be apart: one unit of their last decimal. Both engines round
 * the same quotient, but a quotient that is a tie (44/5 over 8.5333… is 1.03125) can land a last
 * bit either side of it, and then the rounding goes either way. Counts and keys must be equal.
 */
export function toleranceOf(header: string): number {
  return (FOUR_DECIMALS.has(header) ? 1e-4 : 1e-6) * 1.001;
}

/** Compares two sets of rows of one view and cabang: the same keys, counts and flags, and fractions within toleranceOf. */
export function compareRows(view: string, cabang: string, types: ColumnType[], a: Row[], b: Row[], headers: string[] = []): Difference[] {
  const out: Difference[] = [];
  if (a.length !== b.length) out.push({ view, cabang, what: `rows: TypeScript ${a.length}, SQL ${b.length}` });
  const byKey = new Map<string, Row>();
  for (const r of b) byKey.set(keyOf(r, types), r);
  for (const r of a) {
    const k = keyOf(r, types);
    const other = byKey.get(k);
    if (!other) {
      out.push({ view, cabang, what: `only in TypeScript: ${k}` });
      continue;
    }
    r.forEach((v, i) => {
      const w = other[i];
      const same = typeof v === 'number' && typeof w === 'number' ? Math.abs(v - w) <= toleranceOf(headers[i] ?? '') : v === w;
      if (!same) out.push({ view, cabang, what: `${k} column ${i}: TypeScript ${v}, SQL ${w}` });
    });
  }
  return out;
}
