/**
 * Row notes (catatan_bersih), interned: a million rows with the same fixes share one string.
 *
 * A note is an optional prefix, the texts of the row's change fragments in order, and an optional
 * extra, joined by '; '. The fragment list is turned into a small integer (a trie over fragment
 * indices), so a row costs a few small-integer Map lookups, never a string built to be thrown away.
 */

export class NoteInterner {
  /** Per set code, fragment -> the set code of the list extended by it; 0 is the empty list. */
  private readonly edges: (Map<number, number> | undefined)[] = [undefined];
  private nextSet = 1;
  /** Notes with neither prefix nor extra, by set code. */
  private readonly plain: (string | undefined)[] = [undefined];
  /** Other notes, by set code, then by prefix and extra. */
  private readonly decorated = new Map<number, Map<string, string>>();

  /**
   * @param fragmentText the text of each fragment index (read when a note is first composed).
   * @param finish applied once to each composed note (cutting it to what a cell holds, say).
   */
  constructor(
    private readonly fragmentText: readonly string[],
    private readonly finish: (note: string) => string = (note) => note,
  ) {}

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
      let edges = this.edges[set];
      if (!edges) this.edges[set] = edges = new Map();
      let next = edges.get(f);
      if (next === undefined) {
        edges.set(f, (next = this.nextSet++));
        // Kept dense (one slot per set code), so lookups stay array lookups.
        this.edges.push(undefined);
        this.plain.push(undefined);
      }
      set = next;
    }
    return set;
  }

  private compose(fragments: readonly number[], prefix: string, extra: string): string {
    const parts: string[] = prefix ? [prefix] : [];
    for (const f of fragments) parts.push(this.fragmentText[f] ?? '');
    if (extra) parts.push(extra);
    return this.finish(parts.join('; '));
  }
}
