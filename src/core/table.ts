import { inRange } from './cells';

/**
 * Columnar storage for the visits the summaries count: one typed array per field and a string
 * dictionary, in the spirit of arquero's column tables. A million visits are a few typed arrays
 * rather than a million objects, and tallies run over integer codes.
 */

/** Interns strings as small integer codes. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }
}

/**
 * A growable column of whole numbers (dictionary codes, day numbers): two bytes a row while every
 * value fits 0..65,535, widened to four the first time one does not. A visit table's five fields
 * are codes into a dictionary of a few hundred values, and its days are day numbers (20,000 or
 * so), so a million visits take 12 MB here rather than 24: fresh memory is what a run pays for.
 */
export class CodeColumn {
  data: Uint16Array | Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint16Array(Math.max(16, capacity));
  }
  push(v: number): void {
    const fits = !(this.data instanceof Uint16Array) || (v >= 0 && v <= 0xffff);
    if (this.length === this.data.length || !fits) this.data = copyInto(this.data, this.length === this.data.length ? this.data.length * 2 : this.data.length, fits && this.data instanceof Uint16Array);
    this.data[this.length++] = v;
  }
  /** The i-th value; 0 past the end (as the unused capacity holds). */
  get(i: number): number {
    return this.data[i] ?? 0;
  }
}

/** A copy of `data` in a zeroed array of `size`: two bytes a value when `narrow`, else four. */
function copyInto(data: Uint16Array | Int32Array, size: number, narrow: boolean): Uint16Array | Int32Array {
  const next = narrow ? new Uint16Array(size) : new Int32Array(size);
  next.set(data);
  return next;
}

export const VISIT_FIELDS = ['service', 'channel', 'ageGroup', 'generation', 'topic'] as const;
export type VisitField = (typeof VISIT_FIELDS)[number];

/** The counted visits of one sheet: no personal data, only what the summaries group by. */
export class VisitTable {
  readonly dict = new Dictionary();
  /**
   * Service and channel values staff have vouched for (kamus targets, the sheet's constants):
   * like the built-in vocabulary, the summaries show them however rarely they occur.
   */
  readonly vetted = new Set<string>();
  readonly day: CodeColumn;
  readonly fields: Record<VisitField, CodeColumn>;

  constructor(capacity = 1024) {
    this.day = new CodeColumn(capacity);
    this.fields = { service: new CodeColumn(capacity), channel: new CodeColumn(capacity), ageGroup: new CodeColumn(capacity), generation: new CodeColumn(capacity), topic: new CodeColumn(capacity) };
  }

  get size(): number {
    return this.day.length;
  }

  add(day: number, v: Record<VisitField, string>): void {
    this.day.push(day);
    for (const f of VISIT_FIELDS) this.fields[f].push(this.dict.code(v[f]));
  }

  /** Adds a row whose fields are already codes of this table's dictionary. */
  addCodes(day: number, service: number, channel: number, ageGroup: number, generation: number, topic: number): void {
    this.day.push(day);
    this.fields.service.push(service);
    this.fields.channel.push(channel);
    this.fields.ageGroup.push(ageGroup);
    this.fields.generation.push(generation);
    this.fields.topic.push(topic);
  }

  value(field: VisitField, i: number): string {
    return this.dict.values[this.fields[field].get(i)] ?? '';
  }
}

/**
 * A map from 53-bit keys (whole numbers 0..2^53-1: row hashes, id numbers) to row numbers, by open
 * addressing over one typed array. Far leaner than a Map of a million keys. Each slot holds the
 * key plus one (so a zeroed slot is empty and a new table needs no filling) and, next to it, the
 * row: a lookup in a million-entry table costs one cache miss, not two.
 */
export class RowHashIndex {
  /** slots[2s] = key + 1 (0: empty), slots[2s + 1] = row. */
  private slots: Float64Array;
  private used = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Float64Array(size * 2);
  }

  /** The row stored under `key`, or -1. */
  get(key: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const stored = key + 1;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const k = slots[2 * i];
      if (k === 0 || k === undefined) return -1;
      if (k === stored) return slots[2 * i + 1] ?? -1;
    }
  }

  set(key: number, row: number): void {
    if ((this.used + 1) * 4 > this.slots.length) this.grow();
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const stored = key + 1;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const k = slots[2 * i];
      if (k === 0 || k === undefined) {
        slots[2 * i] = stored;
        slots[2 * i + 1] = row;
        this.used++;
        return;
      }
      if (k === stored) {
        slots[2 * i + 1] = row;
        return;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.used = 0;
    for (let s = 0; s < old.length; s += 2) {
      const k = old[s] ?? 0;
      if (k !== 0) this.set(k - 1, old[s + 1] ?? -1);
    }
  }
}

/** FNV-1a over a string, 32 bits. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * `xs[i]` where the caller knows `i` is in range (a loop bound, an index found in the same
 * array): the compiler cannot see that, so this checks it and fails loudly instead of letting an
 * `undefined` through.
 */
export const at: <T>(xs: ArrayLike<T>, i: number) => T = inRange;
