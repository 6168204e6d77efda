/**
 * The row-by-row shape verbs the cleaner used before it worked over value codes: each row read
 * through callbacks, one value at a time. Kept as the reference the coded verbs
 * (src/core/clean/shape.ts fillDownCoded, duplicateVisitsCoded) are property-tested against.
 */
import type { Role } from '../../src/shared/api';
import { Cell } from '../../src/core/cells';
import { ColumnTable, cellAt } from '../../src/core/columns';
import type { ParsedDate } from '../../src/core/dates';
import { blankCodes } from '../../src/core/clean/shape';
import { PersonCoder, findDuplicates, personColumns } from '../../src/core/logshape/duplicates';
import { fillDownDates, isTotalRow } from '../../src/core/logshape/filldown';
import { topicMatchKey } from '../../src/core/logshape/informal';
import { keyable } from '../../src/core/text';

/** A filled date: the day, and the data row it was taken from. */
export interface Fill {
  day: number;
  from: number;
}

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

