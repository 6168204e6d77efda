/**
 * The shape of a log, as columns over its data rows (index i = grid row from + i): blank rows,
 * running-number columns, dates written once per day (filled down), and the same visit entered
 * twice. See logshape/ for the rules; this module only feeds them the cleaned columns.
 */
import type { Role } from '../../shared/api';
import { Cell, isBlank } from '../cells';
import { CodedColumn, ColumnTable, cellAt } from '../columns';
import type { ParsedDate } from '../dates';
import { PersonCoder, findDuplicates, integerOf, isRunningNumberHeader, personColumns } from '../logshape/duplicates';
import { fillDownDates, isTotalRow } from '../logshape/filldown';
import { topicMatchKey } from '../logshape/informal';
import { keyable } from '../text';

/** A filled date: the day, and the data row it was taken from. */
export interface Fill {
  day: number;
  from: number;
}

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
 * isRunningNumberColumn over a table column's rows from `from`, read through its codes: each
 * value's whole number is worked out once, and no copy of the column is made.
 */
export function runningNumbersIn(table: ColumnTable, from: number, c: number, header: Cell): boolean {
  const column = table.columns[c];
  if (!column) return false;
  const { codes, values } = column;
  const blankCode = blankCodes(table, c);
  // Per code: its whole number, NaN when it is none, undefined until asked.
  const wholeOf = new Float64Array(values.length).fill(-Infinity);
  let last = -Infinity;
  let count = 0;
  let increasing = true;
  for (let r = from; r < table.rowCount; r++) {
    const code = codes[r] ?? 0;
    if (blankCode[code]) continue;
    let x = wholeOf[code] ?? NaN;
    if (x === -Infinity) x = wholeOf[code] = integerOf(values[code] ?? '') ?? NaN;
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

/**
 * Which blank dates take the date above (see logshape/filldown): per data row, the filled day and
 * the data row it came from, or null; null for the whole log when no row takes one.
 */
export function fillDown(
  table: ColumnTable,
  from: number,
  dateCol: number,
  width: number,
  rowBlank: Uint8Array,
  visitOf: (i: number) => ParsedDate | null,
  merges: readonly { start: number; end: number }[],
  runningNumber: Uint8Array,
): (Fill | null)[] | null {
  const n = rowBlank.length;
  const days: (number | null)[] = new Array(n);
  const dateBlank: boolean[] = new Array(n);
  const hasContent: boolean[] = new Array(n).fill(false);
  const isTotal: boolean[] = new Array(n);
  const dateCodes = table.columns[dateCol]?.codes;
  const dateBlankCode = blankCodes(table, dateCol);
  let blankDates = 0;
  for (let i = 0; i < n; i++) {
    const blank = dateBlankCode[dateCodes ? dateCodes[from + i] ?? 0 : 0] === 1;
    dateBlank[i] = blank;
    if (blank && !rowBlank[i]) blankDates++;
  }
  // Only a row with a blank date can take one: a log that writes every date is done here.
  if (blankDates === 0) return null;
  for (let i = 0; i < n; i++) {
    const v = visitOf(i);
    days[i] = v ? v.day : null;
  }
  // A pre-numbered template row (only its running number filled) is not a visit.
  for (let c = 0; c < width; c++) {
    const column = table.columns[c];
    if (c === dateCol || runningNumber[c] || !column) continue;
    const blankCode = blankCodes(table, c);
    for (let i = 0; i < n; i++) if (!hasContent[i] && !blankCode[column.codes[from + i] ?? 0]) hasContent[i] = true;
  }
  for (let i = 0; i < n; i++) {
    // A total row holds only its label and numbers (isTotalRow refuses a date or any other text),
    // so only a row without a date can be one: only those are read whole.
    isTotal[i] = dateBlank[i] === true && !rowBlank[i] && isTotalRow(rowCells(table, from + i, width));
  }
  const dataMerges = merges.map((m) => ({ start: m.start - from, end: m.end - from })).filter((m) => m.end > 0 && m.start < n);
  const result = fillDownDates({ days, dateBlank, hasContent, isTotal, merges: dataMerges });
  if (!result.fills.some((f) => f !== null)) return null;
  // A FilledDate is a Fill (and says why): handed over as it is, not copied a million times.
  return result.fills;
}

/** The first `width` cells of row r. */
function rowCells(table: ColumnTable, r: number, width: number): Cell[] {
  const row: Cell[] = new Array<Cell>(width);
  for (let c = 0; c < width; c++) row[c] = cellAt(table, r, c);
  return row;
}

/** Row r's cell of column c ('' for every row when c is -1 or past the table). */
function columnReader(table: ColumnTable, c: number): (r: number) => Cell {
  const column = c >= 0 ? table.columns[c] : undefined;
  if (!column) return () => '';
  const { codes, values } = column;
  return (r) => values[codes[r] ?? 0] ?? '';
}

/** What duplicateVisits reads of each data row. */
export interface VisitColumns {
  table: ColumnTable;
  from: number;
  header: readonly Cell[];
  roles: readonly Role[];
  rowBlank: Uint8Array;
  /** The row's visit (its own date or the one filled down), null when none. */
  visitOf: (i: number) => ParsedDate | null;
  /** The row's canonical service and topic ('' when none). */
  serviceOf: (i: number) => string;
  topicOf: (i: number) => string;
}

/**
 * The same visit entered twice: same day, person, service and topic (a form sent twice within
 * minutes is one visit), whatever a running number says. Per data row, the data row it repeats,
 * or -1.
 */
export function duplicateVisits(v: VisitColumns): Int32Array {
  const n = v.rowBlank.length;
  const people = personColumns(v.header, v.roles);
  const hasPeople = people.kpj >= 0 || people.nik >= 0 || people.name >= 0;
  const persons = new PersonCoder(n);
  const day: (number | null)[] = new Array(n);
  const seconds: (number | null)[] = new Array(n);
  const personCodes = new Int32Array(n);
  const service: string[] = new Array(n);
  const topic: string[] = new Array(n);
  const kpj = columnReader(v.table, people.kpj);
  const name = columnReader(v.table, people.name);
  const nik = columnReader(v.table, people.nik);
  for (let i = 0; i < n; i++) {
    const r = v.from + i;
    const d = v.rowBlank[i] ? null : v.visitOf(i);
    day[i] = d ? d.day : null;
    seconds[i] = d ? d.seconds : null;
    // Only a visit is ever a duplicate or an original: others need no person.
    if (hasPeople && d) personCodes[i] = persons.code(kpj(r), name(r), nik(r));
    service[i] = d ? v.serviceOf(i) : '';
    topic[i] = d ? v.topicOf(i) : '';
  }
  // A topic whose matching key stands for less than the whole value (non-Latin script, emoji,
  // dashes) is only ever the same topic as itself.
  const topicKey = (text: string): string => (keyable(text) ? topicMatchKey(text) : '\u0000' + text);
  return findDuplicates({ day, personCodes, service, topic, seconds }, { topicKey });
}
