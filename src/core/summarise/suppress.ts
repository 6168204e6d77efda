/**
 * Small-count suppression: a free-text value seen in fewer valid rows than MIN_ROWS_SHOWN, over
 * all sheets of the run, is reported as OTHER. One person's details (a name, a story typed into a
 * topic) then never surface in a Looker Studio source.
 */
import { UNKNOWN_GROUP } from '../settings';
import type { VisitTable } from '../table';
import { Combos, combosOf } from './combos';
import { UNKNOWN, VOCABULARY, ValueRole } from '../vocabulary';

export const MIN_ROWS_SHOWN = 3;
/** What a suppressed value is reported as. */
export const OTHER = 'Lainnya';

export const SUPPRESSED_FIELDS = ['service', 'channel', 'topic'] as const;
export type SuppressedField = (typeof SUPPRESSED_FIELDS)[number];
export type Hidden = Record<SuppressedField, Set<string>>;

/** Values never suppressed: the built-in vocabulary of the field, the unknown value and OTHER itself. */
function alwaysShown(field: SuppressedField): Set<string> {
  return new Set([...VOCABULARY[field as ValueRole].map((e) => e.canonical), UNKNOWN, UNKNOWN_GROUP, OTHER]);
}

/**
 * For each field, the values to report as OTHER: free text (not built-in, and for services and
 * channels not vetted by staff in any sheet) seen in fewer than MIN_ROWS_SHOWN rows. Counted per
 * code over each sheet's distinct combinations (combos.ts, computed here unless given) with
 * typed arrays, then per distinct value: never a string operation per row.
 */
export function suppressedValues(sheets: readonly { visits: VisitTable }[], combos: readonly Combos[] = sheets.map((s) => combosOf(s.visits))): Hidden {
  const totals = { service: new Map<string, number>(), channel: new Map<string, number>(), topic: new Map<string, number>() };
  const vetted = new Set<string>();
  sheets.forEach((sheet, i) => {
    const v = sheet.visits;
    const combo = combos[i] as Combos;
    for (const x of v.vetted) vetted.add(x);
    for (const f of SUPPRESSED_FIELDS) {
      const perCode = new Int32Array(v.dict.values.length);
      const col = combo.fields[f];
      for (let k = 0; k < combo.size; k++) {
        const code = col[k] as number;
        perCode[code] = (perCode[code] as number) + (combo.rows[k] as number);
      }
      const m = totals[f];
      perCode.forEach((n, code) => {
        const value = v.dict.values[code];
        if (n > 0 && value !== undefined) m.set(value, (m.get(value) ?? 0) + n);
      });
    }
  });
  const out = {} as Hidden;
  for (const f of SUPPRESSED_FIELDS) {
    const keep = alwaysShown(f);
    const hidden = new Set<string>();
    for (const [value, n] of totals[f]) {
      if (n >= MIN_ROWS_SHOWN || keep.has(value) || (f !== 'topic' && vetted.has(value))) continue;
      hidden.add(value);
    }
    out[f] = hidden;
  }
  return out;
}
