/**
 * The shape of a log, as columns over its data rows (index i = grid row from + i): blank rows,
 * running-number columns, dates written once per day (filled down), and the same visit entered
 * twice. See logshape/ for the rules; this module only feeds them the cleaned columns.
 *
 * fillDownCoded and duplicateVisitsCoded work over value codes and typed arrays (a million rows
 * without an object, a string or a boxed number each); property tests hold them to the row-by-row
 * reference verbs in test/helpers/shape-reference.ts, answers and order of asking for each value's
 * outcome alike.
 */
import type { Role } from '../../shared/api';
import { Cell, isBlank } from '../cells';
import { CodedColumn, ColumnTable, cellAt } from '../columns';
import type { ParsedDate } from '../dates';
import { PersonCoder, PersonHasher, findDuplicates, kpjNumberHash, integerOf, isRunningNumberHeader, personColumns } from '../logshape/duplicates';
import { NO_DAY, TOTAL_LABEL, TOTAL_OTHER, fillDownDays, patternOf, totalCellClass } from '../logshape/filldown';
import { topicMatchKey } from '../logshape/informal';
import { keyable } from '../text';

/** Blank flags per column, worked out once (several verbs ask; a column may hold a million values). */
const blankFlags = new WeakMap<CodedColumn, Uint8Array>();
const NO_COLUMN = Uint8Array.of(1);

/** Per code of a column, 1 when its value is blank (a missing column: code 0, blank). */
export function blankCodes(table: ColumnTable, c: number): Uint8Array {
  const column = table.columns[c];
  if (!column) return NO_COLUMN;
  let out = blankFlags.get(column);
  if (!out) {
    const values = column.values;
    out = new Uint8Array(values.length);
    for (let k = 0; k < values.length; k++) out[k] = isBlank(values[k]) ? 1 : 0;
    blankFlags.set(column, out);
  }
  return out;
}

/** 1 for each data row whose first `width` cells are all blank (a column at a time). */
export function blankRows(table: ColumnTable, from: number, width: number): Uint8Array {
  const n = Math.max(0, table.rowCount - from);
  const blank = new Uint8Array(n).fill(1);
  for (let c = 0; c < width; c++) {
    const column = table.columns[c];
    if (!column) continue;
    const blankCode = blankCodes(table, c);
    const codes = column.codes;
    for (let i = 0; i < n; i++) if (blank[i] && !blankCode[codes[from + i] ?? 0]) blank[i] = 0;
  }
  return blank;
}

/** 1 for each column that holds running numbers: they never tell two visits apart. */
export function runningNumberColumns(table: ColumnTable, from: number, header: readonly Cell[], roles: readonly Role[], width: number): Uint8Array {
  const running = new Uint8Array(width);
  roles.forEach((role, c) => {
    if (role !== 'ignore' && role !== 'personal') return;
    // Only a column headed like one, or whose first values are increasing whole numbers (1, 2, 3…
    // or 101, 102…, after any blanks), can be a running number: the others (a KPJ column of a
    // million rows) are not copied out to be checked.
    if (!isRunningNumberHeader(header[c] ?? '') && !startsIncreasing(table, from, c)) return;
    if (runningNumbersIn(table, from, c, header[c] ?? '')) running[c] = 1;
  });
  return running;
}

/**
 * Whether a column of `valueCount` values over `rowCount` rows holds mostly distinct values (a
 * running number, names, KPJ numbers): a memo per value would be an array as long as the rows,
 * filled to be read once, so such a column is worked through row by row instead.
 */
export function mostlyDistinct(valueCount: number, rowCount: number): boolean {
  return valueCount * 4 > rowCount && valueCount > 4096;
}

/**
 * isRunningNumberColumn over a table column's rows from `from`, read through its codes: each
 * value's whole number is worked out once (per row in a column of mostly distinct values), and
 * no copy of the column is made.
 */
export function runningNumbersIn(table: ColumnTable, from: number, c: number, header: Cell): boolean {
  const column = table.columns[c];
  if (!column) return false;
  const { codes, values } = column;
  const blankCode = blankCodes(table, c);
  // Per code: its whole number, NaN when it is none, -Infinity until asked.
  const wholeOf = mostlyDistinct(values.length, table.rowCount) ? null : new Float64Array(values.length).fill(-Infinity);
  let last = -Infinity;
  let count = 0;
  let increasing = true;
  for (let r = from; r < table.rowCount; r++) {
    const code = codes[r] ?? 0;
    if (blankCode[code]) continue;
    let x = wholeOf ? wholeOf[code] ?? NaN : -Infinity;
    if (x === -Infinity) {
      x = integerOf(values[code] ?? '') ?? NaN;
      if (wholeOf) wholeOf[code] = x;
    }
    if (Number.isNaN(x)) return false;
    if (x <= last) increasing = false;
    last = x;
    count++;
  }
  if (count === 0) return false;
  return isRunningNumberHeader(header) || (increasing && count >= 5);
}

/** The first few non-blank values of a column are increasing whole numbers (a running number's necessary start). */
function startsIncreasing(table: ColumnTable, from: number, c: number): boolean {
  let last = -Infinity;
  let seen = 0;
  for (let r = from; r < table.rowCount && seen < RUNNING_PREFIX; r++) {
    const v = cellAt(table, r, c);
    if (isBlank(v)) continue;
    const x = integerOf(v);
    if (x === null || x <= last) return false;
    last = x;
    seen++;
  }
  return seen > 0;
}

/** Values looked at before a column is copied out for the full running-number check. */
const RUNNING_PREFIX = 5;

// --- the same verbs over value codes: what the cleaner calls on a million rows ----------------

/**
 * The visit of each code of a dictionary-encoded date column, worked out the first time a row asks
 * (so values are parsed in the order rows first hold them, as a row-by-row reader would), kept in
 * typed arrays: a day (NO_DAY for none) and seconds (NaN for none) per code.
 */
export class DateCodes {
  /** Per code, its day (NO_DAY: none; UNASKED: not worked out yet) and seconds (NaN: none). */
  readonly days: Int32Array;
  readonly secs: Float64Array;

  /**
   * @param codes per data row, the code of its date
   * @param count how many codes there are
   * @param visitOf the visit of a code (its own date parsed), null when it holds none
   */
  constructor(
    readonly codes: Int32Array,
    count: number,
    private readonly visitOf: (code: number) => ParsedDate | null,
  ) {
    this.days = new Int32Array(count).fill(UNASKED);
    this.secs = new Float64Array(count);
  }

  /** Data row i's own day, NO_DAY when its date holds none. */
  dayAt(i: number): number {
    const code = this.codes[i] ?? 0;
    const d = this.days[code] ?? NO_DAY;
    return d === UNASKED ? this.ask(code) : d;
  }

  /** Data row i's own seconds since midnight, NaN when none (ask dayAt first). */
  secondsAt(i: number): number {
    return this.secs[this.codes[i] ?? 0] ?? NaN;
  }

  /** Works out a code's visit (at most once). */
  ask(code: number): number {
    const v = this.visitOf(code);
    if (v && !(v.day === (v.day | 0) && v.day !== NO_DAY && v.day !== UNASKED)) throw new RangeError(`a visit day out of range: ${v.day}`);
    const d = v ? v.day : NO_DAY;
    this.days[code] = d;
    this.secs[code] = v && v.seconds !== null ? v.seconds : NaN;
    return d;
  }
}

/** A day code not asked for yet. */
const UNASKED = NO_DAY + 1;

/**
 * The dates filled down, per data row: from[i] is the data row whose date row i takes (-1: none);
 * day[i] is the row's visit day, its own or the one filled in (NO_DAY: neither).
 */
export interface Fills {
  from: Int32Array;
  day: Int32Array;
}

/**
 * fillDown over value codes: the same fills (from[i] is fillDown's fill.from, day[i] its day),
 * null exactly when fillDown gives null. No per-row array is made unless some row takes a date.
 */
export function fillDownCoded(
  table: ColumnTable,
  from: number,
  dateCol: number,
  width: number,
  rowBlank: Uint8Array,
  dates: DateCodes,
  merges: readonly { start: number; end: number }[],
  runningNumber: Uint8Array,
): Fills | null {
  const n = rowBlank.length;
  const dateColumn = table.columns[dateCol];
  const dateBlankCode = blankCodes(table, dateCol);
  const dateBlankAt = (i: number): number => (dateColumn ? dateBlankCode[dateColumn.codes[from + i] ?? 0] ?? 0 : 1);
  let blankDates = 0;
  for (let i = 0; i < n; i++) if (!rowBlank[i] && dateBlankAt(i)) blankDates++;
  // Only a row with a blank date can take one: a log that writes every date is done here.
  if (blankDates === 0) return null;

  // Columns that make a row a visit (not only its date or running number).
  const content: { codes: Uint32Array; blank: Uint8Array }[] = [];
  for (let c = 0; c < width; c++) {
    const column = table.columns[c];
    if (c === dateCol || runningNumber[c] || !column) continue;
    content.push({ codes: column.codes, blank: blankCodes(table, c) });
  }
  const totals = new TotalRows(table, from, width);
  const visitRowAt = (i: number, dateBlank: number): boolean => {
    if (rowBlank[i]) return false;
    let has = false;
    for (let k = 0; k < content.length && !has; k++) {
      const col = content[k] as { codes: Uint32Array; blank: Uint8Array };
      if (!col.blank[col.codes[from + i] ?? 0]) has = true;
    }
    // A total row holds only its label and numbers (isTotalRow refuses a date or any other text).
    return has && !(dateBlank && totals.at(i));
  };

  // What fillDownDates decides first, counted without a per-row array: in most logs that write
  // their dates the pattern is not there, and nothing more is needed.
  let visits = 0;
  let blanks = 0;
  let last = -Infinity;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    // Every row's date is parsed in row order (as fillDown reads them).
    const day = dates.dayAt(i);
    const dateBlank = dateBlankAt(i);
    if (!visitRowAt(i, dateBlank)) continue;
    visits++;
    if (day !== NO_DAY) {
      if (day < last) sorted = false;
      last = day;
    } else if (dateBlank) blanks++;
  }
  const dataMerges = merges.map((m) => ({ start: m.start - from, end: m.end - from })).filter((m) => m.end > 0 && m.start < n);
  if (patternOf(visits, blanks, sorted) !== 'pattern' && dataMerges.length === 0) return null;

  const day = new Int32Array(n);
  const dateBlank = new Uint8Array(n);
  const visitRow = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    day[i] = dates.dayAt(i);
    dateBlank[i] = dateBlankAt(i);
    visitRow[i] = visitRowAt(i, dateBlank[i] ?? 0) ? 1 : 0;
  }
  const filled = fillDownDays({ day, dateBlank, visitRow, merges: dataMerges });
  if (filled.filled === 0) return null;
  const fromRow = filled.from;
  for (let i = 0; i < n; i++) {
    const f = fromRow[i] ?? -1;
    if (f >= 0) day[i] = day[f] ?? NO_DAY;
  }
  return { from: fromRow, day };
}

/** isTotalRow of data rows, each column's cells classed once per distinct value where that pays. */
class TotalRows {
  private readonly classes: (Uint8Array | null)[] = [];

  constructor(
    private readonly table: ColumnTable,
    private readonly from: number,
    private readonly width: number,
  ) {}

  at(i: number): boolean {
    let label = false;
    for (let c = 0; c < this.width; c++) {
      const column = this.table.columns[c];
      if (!column) continue;
      const code = column.codes[this.from + i] ?? 0;
      let k: number;
      if (column.values.length <= CLASS_CACHE_LIMIT) {
        let classes = this.classes[c];
        if (!classes) classes = this.classes[c] = new Uint8Array(column.values.length).fill(255);
        k = classes[code] ?? 255;
        if (k === 255) k = classes[code] = totalCellClass(column.values[code] ?? '');
      } else k = totalCellClass(column.values[code] ?? '');
      if (k === TOTAL_OTHER) return false;
      if (k === TOTAL_LABEL) label = true;
    }
    return label;
  }
}

/** Columns with more distinct values than this are classed cell by cell (no table of a million). */
const CLASS_CACHE_LIMIT = 1 << 16;

/** A text column as value codes: per data row a code, and a code's canonical text. */
export interface TextCodes {
  codes: Int32Array;
  count: number;
  /** The canonical text of a code (the sheet's constant when the cell is empty, '' when none). */
  textOf: (code: number) => string;
}

/** Dense ids of the distinct canonical texts of a column (or one text for every row). */
class TextIds {
  readonly texts: string[] = [];
  private readonly byText = new Map<string, number>();
  /** Per code, the id of its text (-1 until asked). */
  readonly ofCode: Int32Array;
  readonly column: TextCodes | null;

  constructor(source: TextCodes | string) {
    this.column = typeof source === 'string' ? null : source;
    this.ofCode = new Int32Array(this.column ? this.column.count : 0).fill(-1);
    if (typeof source === 'string') this.intern(source);
  }

  /** The id of data row i's text (its value worked out the first time a row asks). */
  at(i: number): number {
    const column = this.column;
    if (!column) return 0;
    const code = column.codes[i] ?? 0;
    let id = this.ofCode[code] ?? -1;
    if (id < 0) id = this.ofCode[code] = this.intern(column.textOf(code));
    return id;
  }

  intern(text: string): number {
    let id = this.byText.get(text);
    if (id === undefined) {
      this.byText.set(text, (id = this.texts.length));
      this.texts.push(text);
    }
    return id;
  }
}

/** What duplicateVisitsCoded reads: VisitColumns with the visits and texts as value codes. */
export interface CodedVisitColumns {
  table: ColumnTable;
  from: number;
  header: readonly Cell[];
  roles: readonly Role[];
  rowBlank: Uint8Array;
  /** The date column (null: no row is a visit). */
  dates: DateCodes | null;
  /** The dates filled down (null: none). */
  fills: Fills | null;
  /** The service and topic columns, or the one text every row has ('' when none). */
  service: TextCodes | string;
  topic: TextCodes | string;
}

/**
 * duplicateVisits over value codes, the same answer. Each visit's (person, day, service) and, for
 * a form row, (person, service, topic key) is hashed into a bit set that says which hashes more
 * than one row has: a row whose keys no other row shares can neither repeat a visit nor be
 * repeated (findDuplicates only ever pairs rows with equal keys), so only the rest — a few in
 * most logs, narrowed by a second set over them — go through findDuplicates, which decides.
 * Person, service and topic are worked out per distinct value where the column repeats values;
 * each date, service and topic outcome is asked for in the order duplicateVisits asks.
 */
export function duplicateVisitsCoded(v: CodedVisitColumns): Int32Array {
  const n = v.rowBlank.length;
  if (!v.dates) return new Int32Array(n).fill(-1);
  const keys = new VisitRowKeys(v, v.dates);
  // Two bits per slot (seen once, seen again), about eight slots a row, interleaved so a mark
  // touches one word.
  let slotBits = 10;
  while (1 << slotBits < n * 8 && slotBits < 27) slotBits++;
  const seen = new Int32Array(2 << Math.max(0, slotBits - 5));
  // The answer's array holds each row's day hash from pass 1 to pass 2 (a million rows' fresh
  // memory is a cost of its own). Each pass is a function of its own, compiled on its own.
  const dup = new Int32Array(n);
  const formHashes = markVisits(keys, v.rowBlank, dup, seen, slotBits);
  const maybe = sharedSlots(dup, formHashes, seen, slotBits);
  const rows = sharedKeys(maybe, formHashes);
  if (rows.length >= 2) {
    const found = keys.duplicatesAmong(rows);
    for (let j = 0; j < rows.length; j++) {
      const first = found[j] ?? -1;
      if (first >= 0) dup[rows[j] as number] = rows[first] as number;
    }
  }
  return dup;
}

/** What duplicateVisitsCoded reads of each data row: its day, person, service and topic. */
class VisitRowKeys {
  readonly from: number;
  readonly fills: Fills | null;
  readonly kpj: CodedColumn | undefined;
  private readonly name: CodedColumn | undefined;
  private readonly nik: CodedColumn | undefined;
  readonly hasPeople: boolean;
  private readonly hasher = new PersonHasher();
  readonly services: TextIds;
  readonly topics: TextIds;
  private readonly keyIds = new Map<string, number>();
  private readonly keyOfTopic: number[] = [];

  constructor(
    v: CodedVisitColumns,
    readonly dates: DateCodes,
  ) {
    const people = personColumns(v.header, v.roles);
    const column = (c: number): CodedColumn | undefined => (c >= 0 ? v.table.columns[c] : undefined);
    this.from = v.from;
    this.fills = v.fills;
    this.kpj = column(people.kpj);
    this.name = column(people.name);
    this.nik = column(people.nik);
    this.hasPeople = people.kpj >= 0 || people.nik >= 0 || people.name >= 0;
    this.services = new TextIds(v.service);
    this.topics = new TextIds(v.topic);
  }

  /** Data row i's visit day, its own or the one filled in (NO_DAY: none). */
  dayAt(i: number): number {
    const own = this.dates.dayAt(i);
    const fills = this.fills;
    return own === NO_DAY && fills && (fills.from[i] ?? -1) >= 0 ? fills.day[i] ?? NO_DAY : own;
  }

  /** Data row i is a form submission: its own date has a time (a date filled down has none). */
  formRow(i: number): boolean {
    return this.dates.dayAt(i) !== NO_DAY && !Number.isNaN(this.dates.secondsAt(i));
  }

  /** Who data row i is about, as PersonHasher.hash(kpj, name, nik), each cell read only when the one before names nobody. */
  personAt(i: number): number {
    const r = this.from + i;
    let h = this.kpj ? this.hasher.kpj(cellOf(this.kpj, r)) : 0;
    if (h === 0 && this.nik) h = this.hasher.nik(cellOf(this.nik, r));
    if (h === 0 && this.name) h = this.hasher.name(cellOf(this.name, r));
    return h;
  }

  /** The id of a topic text's matching key. */
  topicKeyId(t: number): number {
    let k: number | undefined = this.keyOfTopic[t];
    if (k === undefined) {
      const key = topicKey(this.topics.texts[t] ?? '');
      k = this.keyIds.get(key);
      if (k === undefined) this.keyIds.set(key, (k = this.keyIds.size));
      this.keyOfTopic[t] = k;
    }
    return k;
  }

  /** findDuplicates over the given data rows (in row order): per row, the index of the row it repeats, or -1. */
  duplicatesAmong(rows: readonly number[]): Int32Array {
    const m = rows.length;
    const persons = new PersonCoder(m);
    const day: number[] = new Array<number>(m);
    const seconds: (number | null)[] = new Array<number | null>(m);
    const personCodes = new Int32Array(m);
    const service: string[] = new Array<string>(m);
    const topic: string[] = new Array<string>(m);
    for (let j = 0; j < m; j++) {
      const i = rows[j] as number;
      const r = this.from + i;
      day[j] = this.dayAt(i);
      seconds[j] = this.formRow(i) ? this.dates.secondsAt(i) : null;
      if (this.hasPeople) personCodes[j] = persons.code(cellOf(this.kpj, r), cellOf(this.name, r), cellOf(this.nik, r));
      service[j] = this.services.texts[this.services.at(i)] ?? '';
      topic[j] = this.topics.texts[this.topics.at(i)] ?? '';
    }
    return findDuplicates({ day, personCodes, service, topic, seconds }, { topicKey });
  }
}

/** Row r's cell of a column ('' without one). */
function cellOf(column: CodedColumn | undefined, r: number): Cell {
  return column ? column.values[column.codes[r] ?? 0] ?? '' : '';
}

/**
 * A topic whose matching key stands for less than the whole value (non-Latin script, emoji,
 * dashes) is only ever the same topic as itself.
 */
function topicKey(text: string): string {
  return keyable(text) ? topicMatchKey(text) : '\u0000' + text;
}

// Who, day and service of a visit row, and (person, service, topic key) of a form row, as a
// 32-bit hash each: its top bits place it in the first set, other bits in the second.
function dayHash(who: number, day: number, service: number): number {
  return mix3(who, day, service ^ 0x5bd1e995) | 1;
}
function formHash(who: number, service: number, key: number): number {
  return mix3(who ^ 0x27d4eb2f, service, key) | 1;
}

/** Marks a slot in a set of two bits per slot (seen once, seen again), interleaved. */
function mark(seen: Int32Array, slot: number): void {
  const w = (slot >>> 5) << 1;
  const bit = 1 << (slot & 31);
  const once = seen[w] ?? 0;
  if (once & bit) seen[w + 1] = (seen[w + 1] ?? 0) | bit;
  else seen[w] = once | bit;
}

function seenTwice(seen: Int32Array, slot: number): boolean {
  return (((seen[((slot >>> 5) << 1) + 1] ?? 0) >>> (slot & 31)) & 1) === 1;
}

/**
 * Pass 1: each visit's date, service and topic worked out in row order (as duplicateVisits asks
 * for them), its hashes' slots marked, its day hash kept in dayHashes (odd: 0 is none) and its
 * form hash in the array returned (null when no row is a form submission). Rows go in chunks,
 * each step over a chunk a short loop: a million rows' people and slots are out of cache, and a
 * short loop keeps many of their reads in flight.
 */
function markVisits(keys: VisitRowKeys, rowBlank: Uint8Array, dayHashes: Int32Array, seen: Int32Array, slotBits: number): Int32Array | null {
  const n = rowBlank.length;
  const shift = 32 - slotBits;
  let formHashes: Int32Array | null = null;
  const who = new Int32Array(CHUNK);
  const slots = new Int32Array(2 * CHUNK);
  // The common cases read straight from the typed arrays (few calls a row: the loop runs fast
  // before it is compiled too); the rest go through keys, which decides.
  const { dates, fills, services, topics, from } = keys;
  const { codes: dateCodes, days, secs } = dates;
  const serviceColumn = services.column;
  const topicColumn = topics.column;
  const kpjCodes = keys.kpj?.codes;
  const kpjValues = keys.kpj?.values;
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    if (keys.hasPeople) {
      for (let i = start; i < end; i++) {
        if (rowBlank[i]) {
          who[i - start] = 0;
          continue;
        }
        const v = kpjCodes && kpjValues ? kpjValues[kpjCodes[from + i] ?? 0] : undefined;
        const h = typeof v === 'number' ? kpjNumberHash(v) : 0;
        who[i - start] = h !== 0 ? h : keys.personAt(i);
      }
    }
    let queued = 0;
    for (let i = start; i < end; i++) {
      if (rowBlank[i]) continue;
      const dateCode = dateCodes[i] ?? 0;
      let own = days[dateCode] ?? NO_DAY;
      if (own === UNASKED) own = dates.ask(dateCode);
      const day = own === NO_DAY && fills && (fills.from[i] ?? -1) >= 0 ? fills.day[i] ?? NO_DAY : own;
      if (day === NO_DAY) continue;
      let service = serviceColumn ? services.ofCode[serviceColumn.codes[i] ?? 0] ?? -1 : 0;
      if (service < 0) service = services.at(i);
      let topic = topicColumn ? topics.ofCode[topicColumn.codes[i] ?? 0] ?? -1 : 0;
      if (topic < 0) topic = topics.at(i);
      const person = who[i - start] ?? 0;
      if (person !== 0) {
        const h = dayHash(person, day, service);
        dayHashes[i] = h;
        slots[queued++] = h >>> shift;
      }
      if (own !== NO_DAY && !Number.isNaN(secs[dateCode] ?? NaN)) {
        const h = formHash(person, service, keys.topicKeyId(topic));
        (formHashes ??= new Int32Array(n))[i] = h;
        slots[queued++] = h >>> shift;
      }
    }
    for (let k = 0; k < queued; k++) mark(seen, slots[k] ?? 0);
  }
  return formHashes;
}

/**
 * Pass 2: the rows whose slot another row marked too, with their day hashes; the day hashes'
 * array is set to -1 on the way (it is the answer's). The slots marked twice are few: folded
 * into a set small enough to stay in cache first, the whole set is read only for the rows that
 * one lets through.
 */
function sharedSlots(dayHashes: Int32Array, formHashes: Int32Array | null, seen: Int32Array, slotBits: number): { rows: number[]; dayHashes: number[] } {
  const n = dayHashes.length;
  const shift = 32 - slotBits;
  let fewBits = 10;
  while (fewBits < slotBits && 1 << fewBits < (n >>> 3) * 16) fewBits++;
  const fewMask = (1 << fewBits) - 1;
  const few = new Int32Array(1 << Math.max(0, fewBits - 5));
  for (let w = 0; 2 * w + 1 < seen.length; w++) {
    const twice = seen[2 * w + 1] ?? 0;
    if (twice === 0) continue;
    for (let b = 0; b < 32; b++) {
      if (!((twice >>> b) & 1)) continue;
      const slot = ((w << 5) | b) & fewMask;
      few[slot >>> 5] = (few[slot >>> 5] ?? 0) | (1 << (slot & 31));
    }
  }
  const rows: number[] = [];
  const hashes: number[] = [];
  const slots = new Int32Array(2 * CHUNK);
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    for (let i = start; i < end; i++) {
      const d = dayHashes[i] ?? 0;
      const f = formHashes ? formHashes[i] ?? 0 : 0;
      slots[2 * (i - start)] = d !== 0 ? d >>> shift : -1;
      slots[2 * (i - start) + 1] = f !== 0 ? f >>> shift : -1;
    }
    for (let k = 0; k < 2 * (end - start); k++) {
      const slot = slots[k] ?? -1;
      if (slot < 0 || !(((few[(slot & fewMask) >>> 5] ?? 0) >>> (slot & 31)) & 1) || !seenTwice(seen, slot)) continue;
      const i = start + (k >>> 1);
      if (rows[rows.length - 1] !== i) {
        rows.push(i);
        hashes.push(dayHashes[i] ?? 0);
      }
    }
    dayHashes.fill(-1, start, end);
  }
  return { rows, dayHashes: hashes };
}

/**
 * Pass 3, over pass 2's rows only: the same again in a set of their own, placed by other bits of
 * the hashes. The rows that still share a slot go through findDuplicates, which tells apart the
 * few that only share hashes.
 */
function sharedKeys(maybe: { rows: number[]; dayHashes: number[] }, formHashes: Int32Array | null): number[] {
  const m = maybe.rows.length;
  let bits = 10;
  while (1 << bits < m * 32 && bits < 27) bits++;
  const mask = (1 << bits) - 1;
  const seen = new Int32Array(2 << Math.max(0, bits - 5));
  const slotOf = (h: number, salt: number): number => ((h >>> 1) ^ Math.imul(salt, 0x9e3779b1)) & mask;
  for (let k = 0; k < m; k++) {
    const d = maybe.dayHashes[k] ?? 0;
    const f = formHashes ? formHashes[maybe.rows[k] ?? 0] ?? 0 : 0;
    if (d !== 0) mark(seen, slotOf(d, 1));
    if (f !== 0) mark(seen, slotOf(f, -1));
  }
  const rows: number[] = [];
  for (let k = 0; k < m; k++) {
    const i = maybe.rows[k] ?? 0;
    const d = maybe.dayHashes[k] ?? 0;
    const f = formHashes ? formHashes[i] ?? 0 : 0;
    if ((d !== 0 && seenTwice(seen, slotOf(d, 1))) || (f !== 0 && seenTwice(seen, slotOf(f, -1)))) rows.push(i);
  }
  return rows;
}

/** Rows taken a step at a time in duplicateVisitsCoded's passes. */
const CHUNK = 256;

/** A 32-bit hash of three 32-bit integers. */
function mix3(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0xcc9e2d51);
  h = Math.imul((h << 15) | (h >>> 17), 0x1b873593) ^ b;
  h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  h = Math.imul(h ^ c ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
