/**
 * Duplicates as people mean them: the same visit entered twice. Not "two identical rows": staff
 * re-enter a visit with a new running number, Forms respondents press Submit twice, and a
 * re-typed topic differs by a typo. The verb works on columns of canonical values the cleaner
 * has already made; it reads no sheet.
 */
import type { Role } from '../../shared/api';
import { Cell, isBlank } from '../cells';
import { words } from '../text';
import { mayMergeTopics, topicMatchKey } from './informal';
import { RowHashIndex, at, hashString } from '../table';

/** The canonical values of the data rows, one array per column, in sheet order. */
export interface VisitKeys {
  /** Visit day per row; null = not a visit (invalid or blank), never a duplicate nor an original. */
  day: readonly (number | null)[];
  /** Who came: personKey() of the row, '' when the log does not say. */
  person?: readonly string[];
  /**
   * Who came, as PersonCoder codes (0 = nobody): used instead of `person` when given, so a
   * million rows need no key string each.
   */
  personCodes?: Int32Array;
  /** Canonical service ('' when unknown). */
  service: readonly string[];
  /** Canonical topic text ('' when none). */
  topic: readonly string[];
  /** Seconds since local midnight of a form's timestamp, when the log has one (null per row without). */
  seconds?: readonly (number | null)[];
}

export interface DuplicateOptions {
  /** The key two topics share when they are the same topic; the lead passes the canonical key. */
  topicKey?: (topic: string) => string;
  /** Two topic spellings of the same person and day that still count as one (typos). */
  sameTopic?: (a: string, b: string) => boolean;
  /** A person's form submissions this close count as one visit. */
  formWindowSeconds?: number;
}

/**
 * Ten minutes: a respondent who is unsure the form went through submits again within a minute or
 * two; the same person coming back about the same thing ten minutes later is still one visit.
 */
export const FORM_WINDOW_SECONDS = 10 * 60;
/**
 * Without a person to tell visits apart, only a double press of Submit (the same answers within
 * a minute) is a duplicate: two people asking the same thing minutes apart are two visits.
 */
export const ANONYMOUS_WINDOW_SECONDS = 60;
/** How many earlier submissions of the same key a form row is compared with (forms are time-ordered). */
const LOOKBACK = 64;

/**
 * For each row, the first row it duplicates, or -1. A row duplicates an earlier one when it is:
 * - the same day, the same person (person key not empty), the same service and the same topic
 *   (equal topic keys, or spellings `sameTopic` accepts) — whatever running numbers or timestamps
 *   say; or
 * - a form submission with the same person, service and topic key within `formWindowSeconds` of
 *   an earlier one (even across midnight), or, with no person, within ANONYMOUS_WINDOW_SECONDS.
 * Every duplicate points at the first row of its visit, never at another duplicate.
 */
export function findDuplicates(keys: VisitKeys, opts: DuplicateOptions = {}): Int32Array {
  const topicKey = opts.topicKey ?? topicMatchKey;
  const sameTopic = opts.sameTopic ?? mayMergeTopics;
  const window = opts.formWindowSeconds ?? FORM_WINDOW_SECONDS;
  const n = keys.day.length;
  const dup = new Int32Array(n).fill(-1);

  // Pass 1: every person, service and topic key as a small integer (0 = no person), so the
  // passes below build no string per row: a million rows cost a few Map lookups each.
  // Person codes given by the caller are read in place; others are coded here.
  const person = keys.personCodes && keys.personCodes.length >= n ? keys.personCodes : new Int32Array(n);
  const service = new Int32Array(n);
  const topic = new Int32Array(n);
  const persons = new Map<string, number>([['', 0]]);
  let personCount = 1;
  const services = new Map<string, number>();
  const topics = new Map<string, number>();
  const topicKeyOfText = new Map<string, number>();
  const code = (m: Map<string, number>, k: string): number => {
    let c = m.get(k);
    if (c === undefined) m.set(k, (c = m.size));
    return c;
  };
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let r = 0; r < n; r++) {
    const day = keys.day[r];
    if (day === null || day === undefined) continue;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
    const p = keys.personCodes ? keys.personCodes[r] ?? 0 : code(persons, keys.person?.[r] ?? '');
    if (person !== keys.personCodes) person[r] = p;
    if (p >= personCount) personCount = p + 1;
    service[r] = code(services, keys.service[r] ?? '');
    const text = keys.topic[r] ?? '';
    let tk = topicKeyOfText.get(text);
    if (tk === undefined) topicKeyOfText.set(text, (tk = code(topics, topicKey(text))));
    topic[r] = tk;
  }
  const days = maxDay - minDay + 1;
  const S = services.size + 1;
  const T = topics.size + 1;
  const formKeysFit = personCount * S * T < Number.MAX_SAFE_INTEGER;

  /**
   * First rows of each (person, day), the service compared in the bucket: the bucket's first row
   * in a typed hash index, the others chained in row order (a Map of a million keys was a
   * measurable cost).
   */
  const bucketHead = new RowHashIndex(Math.max(16, n));
  const nextInBucket = new Int32Array(n).fill(-1);
  /** Form rows (first rows only) of each (person, service, topic key), in row order; a lone row as its index. */
  const submissions = new Map<number | string, number | number[]>();
  const add = <K>(m: Map<K, number | number[]>, k: K, r: number, had: number | number[] | undefined): void => {
    if (had === undefined) m.set(k, r);
    else if (typeof had === 'number') m.set(k, [had, r]);
    else had.push(r);
  };

  for (let r = 0; r < n; r++) {
    const day = keys.day[r];
    if (day === null || day === undefined) continue;
    let first = -1;
    const who = at(person, r);
    const what = at(service, r);
    const about = at(topic, r);
    const dayKey = who === 0 ? -1 : who * days + (day - minDay);
    const head = dayKey < 0 ? -1 : bucketHead.get(dayKey);
    if (head >= 0) {
      for (let e = head; e >= 0; e = at(nextInBucket, e)) {
        if (service[e] !== what) continue;
        if (topic[e] === about || sameTopic(keys.topic[e] ?? '', keys.topic[r] ?? '')) {
          first = e;
          break;
        }
      }
    }

    const sec = keys.seconds ? keys.seconds[r] : null;
    if (sec !== null && sec !== undefined) {
      const instant = day * 86400 + sec;
      const limit = who === 0 ? Math.min(window, ANONYMOUS_WINDOW_SECONDS) : window;
      const formKey = formKeysFit ? (who * S + what) * T + about : `${who}:${what}:${about}`;
      const had = submissions.get(formKey);
      const list = typeof had === 'number' ? [had] : had;
      if (first < 0 && list) {
        for (let i = list.length - 1; i >= Math.max(0, list.length - LOOKBACK); i--) {
          const e = at(list, i);
          const other = (keys.day[e] ?? 0) * 86400 + (keys.seconds?.[e] ?? 0);
          if (Math.abs(instant - other) <= limit) {
            first = e;
            break;
          }
        }
      }
      if (first < 0) add(submissions, formKey, r, had);
    }
    // Only first rows of visits are kept to compare with: a duplicate never becomes an original.
    if (first < 0 && dayKey >= 0) {
      if (head < 0) bucketHead.set(dayKey, r);
      else {
        let last = head;
        while (at(nextInBucket, last) >= 0) last = at(nextInBucket, last);
        nextInBucket[last] = r;
      }
    }
    dup[r] = first;
  }
  return dup;
}

/**
 * Who a row is about: the KPJ number's digits when there is one (leading zeros dropped, since
 * Sheets turns 0123… typed as a number into 123…, and the same card must meet itself), else the
 * NIK's digits, else the name's lowercase words; '' when none. A name alone is the weakest key
 * (two Budi Santosos on one day are possible), so any number the log keeps comes first.
 */
export function personKey(kpj: Cell, name: Cell, nik: Cell = ''): string {
  const k = idDigits(kpj);
  if (k.length >= 5) return 'kpj:' + k;
  const n = idDigits(nik);
  if (n.length >= 10) return 'nik:' + n;
  // A placeholder ('-', '?', '—', 'x') names nobody: no person, not one shared person.
  if (typeof name !== 'string' || !/[\p{L}\p{N}]{2,}/u.test(name)) return '';
  // Words when they keep the whole name; names in other scripts keep their own letters.
  const w = words(name).join(' ');
  const plain = name.trim().toLowerCase().replace(/\s+/g, ' ');
  return 'nama:' + (w.replace(/ /g, '').length >= plain.replace(/[\s.,'-]/g, '').length ? w : plain);
}

/** A KPJ has at least 5 digits, a NIK at least 10 (fewer: a typo or a placeholder, no person). */
const KPJ_MIN_DIGITS = 5;
const NIK_MIN_DIGITS = 10;
/** The smallest number written with n digits, by n. */
const SMALLEST_WITH: readonly number[] = Array.from({ length: 17 }, (_, n) => (n === 0 ? 0 : 10 ** (n - 1)));

/** The longest digit string read as a number exactly (below 2^53): such ids are keyed by number. */
const MAX_NUMERIC_ID_DIGITS = 15;
const MAX_NUMERIC_ID = 10 ** MAX_NUMERIC_ID_DIGITS - 1;

/**
 * Dense person codes (0 = nobody), equal for two rows exactly when their personKey() is equal.
 * A KPJ or NIK that is a number (as Sheets keeps an 11-digit KPJ) is coded through a typed-array
 * hash of its value: no key string per row, no Map of a million strings.
 */
export class PersonCoder {
  /** Made on first use, sized for the rows (growing a million-key table step by step costs twice). */
  private kpj: RowHashIndex | null = null;
  private nik: RowHashIndex | null = null;
  private readonly byKey = new Map<string, number>([['', 0]]);
  private readonly byName = new Map<string, number>();
  private next = 1;

  /** @param capacity how many people (rows) to expect. */
  constructor(private readonly capacity = 1024) {}

  code(kpj: Cell, name: Cell, nik: Cell = ''): number {
    const k = this.idCode(kpj, KPJ_MIN_DIGITS, 'kpj:');
    if (k >= 0) return k;
    const n = this.idCode(nik, NIK_MIN_DIGITS, 'nik:');
    if (n >= 0) return n;
    if (typeof name !== 'string') return 0;
    let c = this.byName.get(name);
    if (c === undefined) this.byName.set(name, (c = this.keyed(personKey('', name, ''))));
    return c;
  }

  /** The code of an id of at least `minDigits` digits, or -1 when the cell holds none. */
  private idCode(v: Cell, minDigits: number, prefix: 'kpj:' | 'nik:'): number {
    if (typeof v === 'number' && isFinite(v)) {
      const x = Math.abs(Math.round(v));
      if (x <= MAX_NUMERIC_ID) return x < (SMALLEST_WITH[minDigits] ?? 0) ? -1 : this.numbered(this.numbersFor(prefix), x);
    }
    if (v === '') return -1;
    const d = idDigits(v);
    if (d.length < minDigits) return -1;
    return d.length <= MAX_NUMERIC_ID_DIGITS ? this.numbered(this.numbersFor(prefix), Number(d)) : this.keyed(prefix + d);
  }

  /** The typed index of KPJ or NIK numbers, made on first use. */
  private numbersFor(prefix: 'kpj:' | 'nik:'): RowHashIndex {
    if (prefix === 'kpj:') return (this.kpj ??= new RowHashIndex(this.capacity));
    return (this.nik ??= new RowHashIndex(this.capacity));
  }

  private numbered(numbers: RowHashIndex, x: number): number {
    let c = numbers.get(x);
    if (c < 0) numbers.set(x, (c = this.next++));
    return c;
  }

  private keyed(key: string): number {
    let c = this.byKey.get(key);
    if (c === undefined) this.byKey.set(key, (c = this.next++));
    return c;
  }
}

/**
 * A 32-bit hash of who a row is about, without a code table: equal whenever personKey() is equal
 * (a KPJ typed as a number, as text with leading zeros or dashes hashes alike), 0 exactly when
 * personKey() is '' (nobody). Unequal people may share a hash: it only says who may be the same.
 */
export class PersonHasher {
  private readonly byName = new Map<string, number>();

  hash(kpj: Cell, name: Cell, nik: Cell = ''): number {
    const k = idHash(kpj, KPJ_MIN_DIGITS, 'kpj:');
    if (k !== 0) return k;
    const n = idHash(nik, NIK_MIN_DIGITS, 'nik:');
    if (n !== 0) return n;
    return this.name(name);
  }

  /** The hash of a KPJ cell alone, 0 when it holds none (hash() then reads the NIK, then the name). */
  kpj(v: Cell): number {
    return idHash(v, KPJ_MIN_DIGITS, 'kpj:');
  }

  /** The hash of a NIK cell alone, 0 when it holds none. */
  nik(v: Cell): number {
    return idHash(v, NIK_MIN_DIGITS, 'nik:');
  }

  /** The hash of a name cell alone, 0 when it names nobody. */
  name(name: Cell): number {
    if (typeof name !== 'string') return 0;
    let h = this.byName.get(name);
    if (h === undefined) {
      const key = personKey('', name, '');
      this.byName.set(name, (h = key === '' ? 0 : hashString(key) || 1));
    }
    return h;
  }
}

/**
 * PersonHasher.kpj of a number cell when it holds a KPJ (0 when it does not, or when only the
 * general reading can tell): the common case, in a few operations.
 */
export function kpjNumberHash(v: number): number {
  if (!isFinite(v)) return 0;
  const x = Math.abs(Math.round(v));
  return x <= MAX_NUMERIC_ID && x >= (SMALLEST_WITH[KPJ_MIN_DIGITS] ?? 0) ? numberHash(x, KPJ_TAG) : 0;
}

const KPJ_TAG = 0x9e3779b1;
const NIK_TAG = 0x85ebca77;

/** PersonCoder.idCode as a hash (0: the cell holds no id); a text id is read without building its digits. */
function idHash(v: Cell, minDigits: number, prefix: 'kpj:' | 'nik:'): number {
  const tag = prefix === 'kpj:' ? KPJ_TAG : NIK_TAG;
  if (typeof v === 'number' && isFinite(v)) {
    const x = Math.abs(Math.round(v));
    if (x <= MAX_NUMERIC_ID) return x < (SMALLEST_WITH[minDigits] ?? 0) ? 0 : numberHash(x, tag);
  }
  if (typeof v === 'string') {
    // idDigits(v) without the string: its digits after any leading zeros (\D is all but 0-9).
    let count = 0;
    let x = 0;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i) - 48;
      if (c < 0 || c > 9 || (count === 0 && c === 0)) continue;
      count++;
      if (count <= MAX_NUMERIC_ID_DIGITS) x = x * 10 + c;
    }
    if (count < minDigits) return 0;
    if (count <= MAX_NUMERIC_ID_DIGITS) return numberHash(x, tag);
  }
  const d = idDigits(v);
  if (d.length < minDigits) return 0;
  return d.length <= MAX_NUMERIC_ID_DIGITS ? numberHash(Number(d), tag) : hashString(prefix + d) || 1;
}

/** A non-zero 32-bit hash of a whole number below 2^53 and a tag. */
function numberHash(x: number, tag: number): number {
  let h = Math.imul((x >>> 0) ^ tag, 0xcc9e2d51);
  h = Math.imul(h ^ (h >>> 15) ^ Math.floor(x / 4294967296), 0x1b873593);
  h ^= h >>> 13;
  return (h >>> 0) || 1;
}

function idDigits(v: Cell): string {
  if (isBlank(v) || typeof v === 'boolean' || v instanceof Date) return '';
  return String(typeof v === 'number' ? Math.round(v) : v).replace(/\D/g, '').replace(/^0+/, '');
}

/** The personal columns that say who a row is: KPJ, NIK and name (-1 when absent), by header. */
export function personColumns(header: readonly Cell[], roles: readonly Role[]): { kpj: number; nik: number; name: number } {
  const out = { kpj: -1, nik: -1, name: -1 };
  roles.forEach((role, c) => {
    if (role !== 'personal') return;
    const h = words(typeof header[c] === 'string' ? (header[c] as string) : '');
    if (h.includes('kpj')) out.kpj = out.kpj < 0 ? c : out.kpj;
    else if (h.includes('nik')) out.nik = out.nik < 0 ? c : out.nik;
    // The staff member's name ("Nama Petugas", "Nama CS") says who served, not who came.
    else if ((h.includes('nama') || h.includes('name')) && !h.some((w) => /^(petugas|staf+|operator|cs)$/.test(w))) out.name = out.name < 0 ? c : out.name;
  });
  return out;
}

const RUNNING_NUMBER_HEADERS = new Set(['no', 'nomor', 'nomor urut', 'no urut', 'nourut', 'urut', 'urutan', 'number', 'nr', 'baris']);

/** "No", "No.", "Nomor Urut", "#": the header of a running-number column. */
export function isRunningNumberHeader(header: Cell): boolean {
  if (typeof header !== 'string') return false;
  const h = header.trim();
  if (h === '#' || h === 'No.' || h === 'no.') return true;
  return RUNNING_NUMBER_HEADERS.has(words(h).join(' '));
}

export function integerOf(v: Cell): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v === 'string' && /^\s*\d{1,7}\.?\s*$/.test(v)) return parseInt(v, 10);
  return null;
}

/**
 * A running-number column: its header says so and every value is a whole number, or, whatever
 * its header, at least five values that are strictly increasing whole numbers. Blank cells are
 * allowed (rows without a number). Such a column never tells two visits apart.
 */
export function isRunningNumberColumn(header: Cell, values: readonly Cell[]): boolean {
  let last = -Infinity;
  let count = 0;
  let increasing = true;
  for (const v of values) {
    if (isBlank(v)) continue;
    const x = integerOf(v);
    if (x === null) return false;
    if (x <= last) increasing = false;
    last = x;
    count++;
  }
  if (count === 0) return false;
  return isRunningNumberHeader(header) || (increasing && count >= 5);
}
