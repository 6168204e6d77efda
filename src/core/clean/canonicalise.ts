/**
 * The canonicalise verb's preparation: the distinct spellings of each categorical column (with
 * row counts, from its value codes) are mapped to one canonical value each (canonical.ts); the
 * sheet's kamus is what results.
 */
import { KamusEntry, KOLOM_OF_ROLE, canonicalise, dictionaryFor, safeText } from '../canonical';
import type { ValueRole } from '../vocabulary';
import { isFormulaError, tidy } from '../text';

/** Builds each categorical column's canonical mapping from its distinct spellings. */
export function buildCanonicalMaps(texts: Partial<Record<ValueRole, ReadonlyMap<string, number>>>, kamus: readonly KamusEntry[]): { maps: Record<ValueRole, Map<string, string>>; entries: KamusEntry[] } {
  const maps = {} as Record<ValueRole, Map<string, string>>;
  const entries: KamusEntry[] = [];
  for (const role of ['service', 'channel', 'topic'] as ValueRole[]) {
    const counts = new Map<string, number>();
    for (const [v, n] of texts[role] ?? []) {
      const s = tidy(v);
      if (s !== '' && !isFormulaError(s)) counts.set(s, (counts.get(s) ?? 0) + n);
    }
    const dict = dictionaryFor(role, kamus);
    const map = canonicalise(role, counts, dict);
    maps[role] = map;
    const kolom = KOLOM_OF_ROLE[role];
    const seen = new Map<string, string>(dict);
    for (const [asli, baku] of map) seen.set(asli, baku);
    for (const baku of Array.from(seen.values())) if (!seen.has(baku)) seen.set(baku, baku);
    for (const [asli, baku] of seen) {
      // Text with numbers, e-mail addresses or the like stays in the log: kamus is read by
      // everyone with access to the spreadsheet.
      if (safeText(asli) !== asli || safeText(baku) !== baku) continue;
      entries.push({ kolom, asli, baku });
    }
  }
  for (const e of kamus) {
    const kolom = e.kolom.trim().toLowerCase();
    if (!Object.values(KOLOM_OF_ROLE).includes(kolom)) entries.push(e);
  }
  entries.sort((a, b) => (a.kolom === b.kolom ? (a.asli < b.asli ? -1 : a.asli > b.asli ? 1 : 0) : a.kolom < b.kolom ? -1 : 1));
  return { maps, entries };
}

