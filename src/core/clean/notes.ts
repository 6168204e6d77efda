/**
 * Row notes (catatan_bersih), interned: a million rows with the same fixes share one string.
 *
 * A note is an optional prefix, the texts of the row's change fragments in order, and an optional
 * extra, joined by '; '. The fragment list is turned into a small integer (a trie over fragment
 * indices kept in one Map of numbers), so a row costs a few integer Map lookups, never a string
 * built to be thrown away.
 */

/** Fragment indices stay below this (the trie key is set * FRAGMENT_RADIX + fragment). */
const FRAGMENT_RADIX = 2 ** 21;

export class NoteInterner {
  /** (set code, fragment) -> the set code of the list extended by that fragment; 0 is the empty list. */
  private readonly sets = new Map<number, number>();
  private nextSet = 1;
  /** Notes with neither prefix nor extra, by set code. */
  private readonly plain: (string | undefined)[] = [];
  /** Other notes, by set code, then by prefix and extra. */
  private readonly decorated = new Map<number, Map<string, string>>();

  /** @param fragmentText the text of each fragment index (read when a note is first composed). */
  constructor(private readonly fragmentText: readonly string[]) {}

  note(fragments: readonly number[], prefix = '', extra = ''): string {
    const set = this.setOf(fragments);
    if (prefix === '' && extra === '') {
      let text = this.plain[set];
      if (text === undefined) this.plain[set] = text = this.compose(fragments, prefix, extra);
      return text;
    }
    let byDecoration = this.decorated.get(set);
    if (!byDecoration) this.decorated.set(set, (byDecoration = new Map()));
    const key = prefix + '\u0000' + extra;
    let text = byDecoration.get(key);
    if (text === undefined) byDecoration.set(key, (text = this.compose(fragments, prefix, extra)));
    return text;
  }

  private setOf(fragments: readonly number[]): number {
    let set = 0;
    for (const f of fragments) {
      if (f < 0 || f >= FRAGMENT_RADIX) throw new RangeError(`fragment index ${f} out of range`);
      const key = set * FRAGMENT_RADIX + f;
      let next = this.sets.get(key);
      if (next === undefined) this.sets.set(key, (next = this.nextSet++));
      set = next;
    }
    return set;
  }

  private compose(fragments: readonly number[], prefix: string, extra: string): string {
    const parts: string[] = prefix ? [prefix] : [];
    for (const f of fragments) parts.push(this.fragmentText[f] ?? '');
    if (extra) parts.push(extra);
    return parts.join('; ');
  }
}
