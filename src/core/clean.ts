/**
 * The cleaner: from the grid of one service-log sheet to a plan of in-place cell changes, the
 * status of every row, the problems to list, and the visits the summaries count.
 *
 * It never touches the spreadsheet. It is idempotent: cleaning its own output plans no change,
 * which is what lets a nightly run write nothing on an unchanged log.
 *
 * Small verbs over columns (clean/): each cleaned column is dictionary-encoded once (memo.ts: a
 * code per row, a table of distinct values), canonicalised per distinct spelling
 * (canonicalise.ts), parsed per distinct value (outcomes.ts); the log's shape — blank rows,
 * running numbers, dates written once per day, the same visit entered twice — is read over those
 * columns (shape.ts); then one pass per row decides its status, note and derived cells from array
 * lookups, and the sheet's review follows (review.ts). Exact duplicate rows are found through
 * 53-bit row hashes confirmed on a hit (keys.ts), notes are interned (notes.ts), changes are
 * collected per column (changes.ts), and the visits go into a columnar table.
 */
import type { ChangeSummary, CleanStatus, Lang, Settings, SheetCheck, StatusCounts } from '../shared/api';
import { Cell, Grid, MAX_CELL_CHARS, capText, cellText } from './cells';
import { ColumnTable, asTable, cellAt, rowOf } from './columns';
import { DERIVED_HEADERS, ColumnMapping, columnOf } from './mapping';
import { detectDayOrder, DayOrder, DateOrderResult, decideDateOrder } from './dates';
import { ZoneClock, ymdOfDay, pad2 } from './zone';
import { KamusEntry, dictionaryFor, safeText } from './canonical';
import { ValueRole, UNKNOWN, VOCABULARY } from './vocabulary';
import { digitsOf, onlyRedacted, tidy } from './text';
import { MAX_PLAUSIBLE_AGE, MIN_PLAUSIBLE_AGE, UNKNOWN_GROUP, ageGroupLabels, ageGroupOf, generationOf, weekOfMonth } from './settings';
import { t } from './i18n';
import { MIN_ROWS_SHOWN } from './summarise';
import { VisitTable, at, hashString } from './table';
import { RowHashes, exactRepeats } from './clean/exact';
import { NoteInterner } from './clean/notes';
import { ChangeSet, CodedCells, ColumnChange } from './clean/changes';
import { ValueCodes } from './clean/memo';
import { hashKey, keyOf } from './clean/keys';
import { buildCanonicalMaps } from './clean/canonicalise';
import { AgeOutcome, BirthOutcome, DateOutcome, Outcome, OutcomeContext, SafeText, TextOutcome, ageOutcome, birthOutcome, dateOutcome, hasTrigram, shown, textOutcome } from './clean/outcomes';
import { DateCodes, Fills, TextCodes, blankCodes, blankRows, duplicateVisitsCoded, fillDownCoded, mostlyDistinct, runningNumberColumns } from './clean/shape';
import { Problem, SheetReview, reviewOf, sheetCheck } from './clean/review';
import { NO_DAY } from './logshape/filldown';

export type { ColumnChange, Problem, SheetReview };
export { changeFormat, changeValue, changeValues, hasFormats } from './clean/changes';
export { parseAge } from './clean/outcomes';
export { REVIEW_INVALID_SHARE, reviewOf, runReview, sheetCheck } from './clean/review';

export interface CleanOptions {
  sheetName: string;
  mapping: ColumnMapping;
  clock: ZoneClock;
  settings: Settings;
  kamus: readonly KamusEntry[];
  lang: Lang;
  /** True when the cell holds a formula: it is read, never overwritten. */
  isFormula?: (row: number, col: number) => boolean;
  /** The spreadsheet locale ('id_ID', 'en_US'…): evidence for how ambiguous text dates read. */
  locale?: string;
  /** Merged cells of the date column, as grid row ranges [start, end) (Range.getMergedRanges). */
  dateMerges?: readonly { start: number; end: number }[];
}

/** One counted visit, as the summaries see it: no personal data. */
export interface VisitRecord {
  day: number;
  service: string;
  channel: string;
  ageGroup: string;
  generation: string;
  topic: string;
}

export interface CleanPlan {
  sheetName: string;
  headerRow: number;
  firstDataRow: number;
  /** Grid column of the first derived column. */
  derivedStart: number;
  changes: ColumnChange[];
  rowsRead: number;
  /** Blank rows below the header (no visit, so neither read nor listed): with rowsRead, every row below it. */
  blankRows: number;
  counts: StatusCounts;
  /** The counted visits (OK and DIPERBAIKI rows), columnar. */
  visits: VisitTable;
  problems: Problem[];
  /** The whole dictionary after this run: what was given plus every spelling seen now. */
  kamus: KamusEntry[];
  topChanges: ChangeSummary[];
  /** How text dates were read (day-first or month-first) and why; null when the column holds none. */
  dateOrder: DateOrderResult | null;
  /** Rows whose blank date was taken from the date above (written once per day or merged). */
  datesFilled: number;
  /** Whether the sheet's outcome needs a person to look (too many rows left out), and why. */
  review: SheetReview;
  /** The check the result card, info_ringkasan and report.json show (review + date order). */
  check: SheetCheck;
}

/** Ages below this, and birth years from FIRST_YEAR for YEAR_SLOTS years, are looked up in arrays. */
const MAX_AGE_SLOT = 256;
/** Visit days within MONTH_SLOTS / 2 of the first one met (about 27 years each way) find their month in an array. */
const MONTH_SLOTS = 20000;
const FIRST_YEAR = 1800;
const YEAR_SLOTS = 400;

/** A label's visit code and its code in a derived column. */
interface Label {
  code: number;
  cell: number;
}

/**
 * Labels worked out once per whole number (an age, a birth year) or none: for the `size` numbers
 * from `first` by array slot (slot 0 for none), an array lookup per row; any other number (not
 * whole, far out) through a Map.
 */
class LabelCache {
  private readonly slots: (Label | undefined)[];
  private readonly far = new Map<number, Label>();

  constructor(
    private readonly first: number,
    size: number,
    private readonly make: (n: number | null) => Label,
  ) {
    this.slots = new Array<Label | undefined>(size + 1);
  }

  get(n: number | null): Label {
    const slot = n === null ? 0 : n >= this.first && n < this.first + this.slots.length - 1 && n === Math.floor(n) ? n - this.first + 1 : -1;
    let label = slot >= 0 ? this.slots[slot] : this.far.get(n as number);
    if (!label) {
      label = this.make(n);
      if (slot >= 0) this.slots[slot] = label;
      else this.far.set(n as number, label);
    }
    return label;
  }
}

/** Completed years between a birth day and a visit day. */
function completedYears(birthDay: number, visitDay: number): number {
  const b = ymdOfDay(birthDay);
  const v = ymdOfDay(visitDay);
  let years = v.y - b.y;
  if (v.m < b.m || (v.m === b.m && v.d < b.d)) years--;
  return years;
}

/**
 * Where the six derived columns go. The block is used where it is only when all six headers stand
 * together, in order. Otherwise (staff inserted or deleted a column inside it) a fresh block goes
 * after the last used column (from the header row down): writing into a column whose header is
 * not ours would overwrite staff data.
 */
function derivedLayout(table: ColumnTable, mapping: ColumnMapping): { present: boolean; start: number } {
  const first = mapping.derived.kelompok_usia;
  const present = first !== undefined && DERIVED_HEADERS.every((h, k) => mapping.derived[h] === first + k);
  if (present) return { present, start: first };
  let usedWidth = 0;
  for (let c = table.columns.length - 1; c >= 0 && usedWidth === 0; c--) {
    const codes = table.columns[c]?.codes;
    if (!codes) continue;
    const blankCode = blankCodes(table, c);
    for (let r = mapping.headerRow; r < table.rowCount; r++) {
      if (!blankCode[codes[r] ?? 0]) {
        usedWidth = c + 1;
        break;
      }
    }
  }
  return { present, start: Math.max(mapping.width, usedWidth) };
}

/**
 * The rows a column's change lists, out of a scratch list filled in row order: the previous
 * column's list when they are equal (on a first run every derived column changes the same rows:
 * one list of a million rows, not six), else a copy of its size.
 */
function rowList(scratch: Int32Array, m: number, previous: Int32Array | null): Int32Array {
  if (previous && previous.length === m) {
    let same = true;
    for (let k = 0; k < m && same; k++) same = previous[k] === scratch[k];
    if (same) return previous;
  }
  return scratch.slice(0, m);
}

/** What the change lists of a column are worked out from. */
interface ChangeWhere {
  firstDataRow: number;
  rowBlank: Uint8Array;
  isFormula?: (row: number, col: number) => boolean;
  /** A list of a row per data row (and the header), reused by each column. */
  scratch: Int32Array;
  /** The rows the previous column listed, shared when equal. */
  previous: Int32Array | null;
}

/**
 * The changes of one derived column, in one pass: `cells` holds the header (slot 0) and each
 * data row's derived cell as a code (slot i + 1; code 0, '', for a blank row, whose derived cell
 * is cleared). A cell that already holds its value, or a formula, is left. Returns the rows listed.
 */
function derivedChanges(changes: ChangeSet, table: ColumnTable, col: number, cells: CodedCells, where: ChangeWhere): Int32Array {
  const { firstDataRow, rowBlank, isFormula, scratch } = where;
  const headerRow = firstDataRow - 1;
  const column = table.columns[col];
  const source = column?.codes;
  const values = column?.values ?? [''];
  const blankCode = blankCodes(table, col);
  // Per code of the sheet's column, the derived code holding the same value (-1 unknown, -2 none):
  // each distinct value is compared once, every row after that by an integer.
  const sameAs = new Int32Array(values.length).fill(-1);
  const codes = cells.codes;
  const slots = Math.min(codes.length, table.rowCount - headerRow);
  let m = 0;
  for (let slot = 0; slot < slots; slot++) {
    const r = headerRow + slot;
    const cur = source ? source[r] ?? 0 : 0;
    if (slot > 0 && rowBlank[slot - 1] === 1) {
      if (blankCode[cur]) continue;
    } else {
      let same = sameAs[cur] ?? -1;
      if (same === -1) {
        const found = cells.find(values[cur] ?? '');
        same = sameAs[cur] = found >= 0 ? found : -2;
      }
      if (same === codes[slot]) continue;
    }
    if (isFormula && slot > 0 && isFormula(r, col)) continue;
    scratch[m++] = r;
  }
  const rows = rowList(scratch, m, where.previous);
  changes.setCoded({ col, rows, codes, offset: headerRow, dict: cells.dict, dictFormats: null });
  return rows;
}

/**
 * The changes of one cleaned column (not the birth date, which a row may refuse), in one pass:
 * every non-blank data row whose value has a fix, unless the cell holds a formula. The values
 * stay coded: the column's own codes, and per code its fix and format.
 */
function cleanedChanges(changes: ChangeSet, column: EncodedColumn, where: ChangeWhere): Int32Array {
  const { firstDataRow, rowBlank, isFormula, scratch } = where;
  const col = column.col;
  const codes = column.codes;
  const n = codes.length;
  // Per code, its fix and format (outcomes are already worked out for every code a row uses).
  const size = column.table.values.length;
  const nextOf: (Cell | undefined)[] = new Array<Cell | undefined>(size);
  const formatOf: string[] = new Array<string>(size).fill('');
  const fixed = new Uint8Array(size);
  let withFormats = false;
  for (let code = 0; code < size; code++) {
    const o = column.table.peek(code);
    if (!o || o.next === undefined) continue;
    nextOf[code] = o.next;
    fixed[code] = 1;
    if (o.format !== null) {
      formatOf[code] = o.format;
      withFormats = true;
    }
  }
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (rowBlank[i] || !fixed[codes[i] ?? 0] || (isFormula && isFormula(i + firstDataRow, col))) continue;
    scratch[m++] = i + firstDataRow;
  }
  const rows = rowList(scratch, m, where.previous);
  changes.setCoded({ col, rows, codes, offset: firstDataRow, dict: nextOf, dictFormats: withFormats ? formatOf : null });
  return rows;
}

/** A cleaned column: its value codes per data row and the table of their outcomes. */
interface EncodedColumn<T extends Outcome = Outcome> {
  col: number;
  codes: Int32Array;
  table: ValueCodes<T>;
}

function encodeColumn<T extends Outcome>(input: ColumnTable, from: number, col: number): EncodedColumn<T> | null {
  if (col < 0) return null;
  const table = new ValueCodes<T>();
  return { col, codes: table.encodeColumn(input.columns[col], from, input.rowCount), table };
}

/**
 * Per code of each column not cleaned, the hash of its exact key part (0 for a running number,
 * which never tells two visits apart): worked out once per value, not per row. Null for a
 * column of mostly distinct values (names, KPJ numbers), whose rows are hashed as they are read:
 * a value per row gains nothing from a memo but a fresh array of a million hashes.
 */
function rawKeyHashes(input: ColumnTable, width: number, cleaned: readonly (EncodedColumn | null)[], runningNumber: Uint8Array): (Uint32Array | null)[] {
  const out: (Uint32Array | null)[] = [];
  for (let c = 0; c < width; c++) {
    const values = input.columns[c]?.values;
    if (cleaned[c] || runningNumber[c] || !values || mostlyDistinct(values.length, input.rowCount)) {
      out.push(null);
      continue;
    }
    const hashes = new Uint32Array(values.length);
    for (let k = 0; k < values.length; k++) hashes[k] = hashKey(values[k] ?? '');
    out.push(hashes);
  }
  return out;
}

/** The outcome of data row i in a cleaned column (null when the column is not mapped). */
function outcomeOf<T extends Outcome>(column: EncodedColumn<T> | null, i: number): T | null {
  return column ? column.table.outcomeAt(column.codes, i) : null;
}

/**
 * Cleans a log given as the grid getValues returned or as a column table (the runner's CSV
 * reader); a grid is encoded column by column first, and everything below works on columns.
 */
export function cleanLog(input: Grid | ColumnTable, opts: CleanOptions): CleanPlan {
  const table = asTable(input);
  const rowCount = table.rowCount;
  const { mapping, clock, settings, lang } = opts;
  const isFormula = opts.isFormula;
  const headerRow = mapping.headerRow;
  const firstDataRow = headerRow + 1;
  const width = mapping.width;
  const header = headerRow < rowCount ? rowOf(table, headerRow) : [];
  const headerName = (c: number): string => tidy(cellText(header[c] ?? '')) || `#${c + 1}`;

  const dateCol = columnOf(mapping, 'date');
  const ageCol = columnOf(mapping, 'age');
  const birthCol = columnOf(mapping, 'birthDate');
  const cols: Record<ValueRole, number> = {
    service: columnOf(mapping, 'service'),
    channel: columnOf(mapping, 'channel'),
    topic: columnOf(mapping, 'topic'),
  };
  const personalCols: number[] = [];
  mapping.roles.forEach((r, c) => r === 'personal' && personalCols.push(c));

  const derived = derivedLayout(table, mapping);
  const derivedPresent = derived.present;
  const derivedStart = derived.start;
  const statusCol = derivedStart + DERIVED_HEADERS.indexOf('status_bersih');
  const noteCol = derivedStart + DERIVED_HEADERS.indexOf('catatan_bersih');
  const changes = new ChangeSet(rowCount);
  const ageLabels = ageGroupLabels(settings.ageBounds);

  // Note fragments: one per distinct change, counted for the result card.
  const fragText: string[] = [];
  const fragInfo: ChangeSummary[] = [];
  const fragColumn: number[] = [];
  /** Values of these columns leave the log (sidebar, masalah_data) only redacted. */
  const textCols = new Set([cols.service, cols.channel, cols.topic].filter((c) => c >= 0));
  const outside = (c: number, v: string): string => (textCols.has(c) ? safeText(v) : v);
  const ctx: OutcomeContext = {
    clock,
    lang,
    fragment: (c, from, to) => {
      fragText.push(t(lang, 'catatan.changed', { kolom: headerName(c), from, to }));
      fragInfo.push({ column: headerName(c), from: outside(c, from), to: outside(c, to), count: 0 });
      fragColumn.push(c);
      return fragText.length - 1;
    },
  };

  // --- encode: every cleaned column as value codes, its distinct values parsed once ----------
  const dates = encodeColumn<DateOutcome>(table, firstDataRow, dateCol);
  const ages = encodeColumn<AgeOutcome>(table, firstDataRow, ageCol);
  const births = encodeColumn<BirthOutcome>(table, firstDataRow, birthCol);
  const texts: Record<ValueRole, EncodedColumn<TextOutcome> | null> = {
    service: encodeColumn<TextOutcome>(table, firstDataRow, cols.service),
    channel: encodeColumn<TextOutcome>(table, firstDataRow, cols.channel),
    topic: encodeColumn<TextOutcome>(table, firstDataRow, cols.topic),
  };
  // Canonical spellings from each column's distinct values and their row counts.
  const textCounts: Partial<Record<ValueRole, Map<string, number>>> = {};
  for (const role of ['service', 'channel', 'topic'] as ValueRole[]) {
    const column = texts[role];
    if (column) textCounts[role] = column.table.textCounts(column.codes);
  }
  const { maps, entries } = buildCanonicalMaps(textCounts, opts.kamus);
  for (const role of ['service', 'channel', 'topic'] as ValueRole[]) texts[role]?.table.define(textOutcome(ctx, cols[role], maps[role]));
  // Text dates like 6/1/2023 are read in the order the whole column, its header and the
  // spreadsheet's locale give evidence for; when nothing decides, the sheet is flagged.
  const dateTexts = dates ? (dates.table.usedValues(dates.codes).filter((v) => typeof v === 'string') as string[]) : [];
  const dateOrder = dates && dateTexts.length > 0 ? decideDateOrder(dateTexts, { header: headerName(dateCol), locale: opts.locale ?? '' }) : null;
  const visitOrder: DayOrder = dateOrder ? (dateOrder.order === 'MDY' ? 'mdy' : dateOrder.order === 'DMY' ? 'dmy' : detectDayOrder(dateTexts)) : 'dmy';
  dates?.table.define(dateOutcome(ctx, dateCol, visitOrder, dateOrder?.order === 'ambiguous'));
  ages?.table.define(ageOutcome(ctx, ageCol));
  births?.table.define(birthOutcome(ctx, birthCol, detectDayOrder(births.table.usedValues(births.codes).filter((v) => typeof v === 'string'))));
  // Columns in key order, each with its codes (null: taken as it is).
  const cleaned: (EncodedColumn | null)[] = [];
  for (let c = 0; c < width; c++) {
    cleaned.push([dates, ages, births, texts.service, texts.channel, texts.topic].find((e) => e !== null && e.col === c) ?? null);
  }

  // --- the shape of the log: dates written once per day, and visits entered twice ----------
  const rowBlank = blankRows(table, firstDataRow, width);
  const runningNumber = runningNumberColumns(table, firstDataRow, header, mapping.roles, width);
  const rawHashes = rawKeyHashes(table, width, cleaned, runningNumber);
  const sourceCodes = table.columns.map((column) => column.codes);
  // Each date value's visit as a day and seconds per code, asked for at its first row.
  const visitCodes = dates ? new DateCodes(dates.codes, dates.table.values.length, (code) => dates.table.of(code).visit) : null;
  const fill: Fills | null = visitCodes ? fillDownCoded(table, firstDataRow, dateCol, width, rowBlank, visitCodes, opts.dateMerges ?? [], runningNumber) : null;
  /** The data row whose date row i takes, or -1. */
  const filledOf = (i: number): number => (fill ? at(fill.from, i) : -1);
  const constantOf = (role: ValueRole): string => (role === 'service' ? mapping.constants.service : role === 'channel' ? mapping.constants.channel : '');
  const textCodes = (role: ValueRole): TextCodes | string => {
    const column = texts[role];
    const constant = constantOf(role);
    return column ? { codes: column.codes, count: column.table.values.length, textOf: (code) => column.table.of(code).canonical || constant } : constant;
  };
  const sameVisit = duplicateVisitsCoded({
    table,
    from: firstDataRow,
    header,
    roles: mapping.roles,
    rowBlank,
    dates: visitCodes,
    fills: fill,
    service: textCodes('service'),
    topic: textCodes('topic'),
  });

  /** Mixes column c's key part of every non-blank data row into its row hash. */
  function mixColumn(hashes: RowHashes, c: number): void {
    const n = hashes.size;
    const column = cleaned[c];
    if (column) {
      // Cleaned columns key by their cleaned form, worked out per distinct value (a formula by what it shows).
      const parts = new Float64Array(column.table.values.length).fill(-1);
      for (let i = 0; i < n; i++) {
        if (rowBlank[i]) continue;
        const code = column.codes[i] ?? 0;
        let part = parts[code] ?? -1;
        if (part < 0) part = parts[code] = column.table.of(code).hash;
        if (isFormula && isFormula(i + firstDataRow, c)) part = hashString(keyOf(cellAt(table, i + firstDataRow, c)));
        hashes.mix(i, c, part);
      }
      return;
    }
    const byCode = rawHashes[c];
    const codes = sourceCodes[c];
    const values = table.columns[c]?.values;
    if (!byCode && codes && values && !runningNumber[c]) {
      for (let i = 0; i < n; i++) if (!rowBlank[i]) hashes.mix(i, c, hashKey(values[codes[i + firstDataRow] ?? 0] ?? ''));
      return;
    }
    const constant = runningNumber[c] ? 0 : hashKey('');
    for (let i = 0; i < n; i++) if (!rowBlank[i]) hashes.mix(i, c, byCode && codes ? byCode[codes[i + firstDataRow] ?? 0] ?? 0 : constant);
  }

  /** The exact duplicate key of a row (slow path: only to confirm a hash hit). */
  const rowKey = (r: number): string => {
    const parts: string[] = [];
    for (let c = 0; c < width; c++) {
      const column = cleaned[c];
      const raw = cellAt(table, r, c);
      if (column && !(isFormula && isFormula(r, c))) parts.push(column.table.outcomeAt(column.codes, r - firstDataRow).key);
      else parts.push(runningNumber[c] ? '' : keyOf(raw));
    }
    return parts.join('\u241f');
  };

  // Exact duplicates: rows with a visit whose every cell keys the same as an earlier row's.
  const rowHashes = new RowHashes(Math.max(0, rowCount - firstDataRow));
  for (let c = 0; c < width; c++) mixColumn(rowHashes, c);
  const hasVisit = new Uint8Array(rowHashes.size);
  for (let i = 0; i < hasVisit.length; i++) hasVisit[i] = !rowBlank[i] && ((visitCodes !== null && visitCodes.dayAt(i) !== NO_DAY) || filledOf(i) >= 0) ? 1 : 0;
  const exactRepeat = exactRepeats(rowHashes, hasVisit, (a, b) => rowKey(a + firstDataRow) === rowKey(b + firstDataRow));

  const cleanedInOrder = cleaned.filter((e): e is EncodedColumn => e !== null);

  // The derived cells, a column each, as codes: slot 0 is the header, slot i + 1 data row i
  // (blank rows stay code 0, ''). Compared with what the sheet holds in one pass per column at the end.
  const slots = Math.max(1, rowCount - firstDataRow + 1);
  const derivedCells: CodedCells[] = DERIVED_HEADERS.map((h) => {
    const cells = new CodedCells(slots);
    // The code first: codeOf may widen `codes` into a new array.
    const header = cells.codeOf(h);
    cells.codes[0] = header;
    return cells;
  });

  const counts: StatusCounts = { OK: 0, DIPERBAIKI: 0, DUPLIKAT: 0, TIDAK_VALID: 0 };
  const visits = new VisitTable(Math.max(16, rowCount - firstDataRow));
  const problems: Problem[] = [];
  /** Week of month, month and year of each visit day, by day number (a sparse array: days are small integers). */
  type MonthInfo = { week: number; month: string; year: number; weekCell: number; monthCell: number };
  // Dense from the first visit day met (a sparse array of day numbers near 20,000 is a hash table).
  const monthSlots: (MonthInfo | undefined)[] = new Array<MonthInfo | undefined>(MONTH_SLOTS);
  const monthsFar = new Map<number, MonthInfo>();
  let monthBase = NaN;
  const codeOf = (s: string) => visits.dict.code(s);
  const unknownCode = codeOf(UNKNOWN_GROUP);
  const serviceDefault = codeOf(safeText(mapping.constants.service || UNKNOWN));
  const channelDefault = codeOf(safeText(mapping.constants.channel || UNKNOWN));
  for (const role of ['service', 'channel'] as const) {
    // Values staff vouched for: kamus targets and the sheet's constants are shown however rare.
    for (const [asli, baku] of dictionaryFor(role, opts.kamus)) if (asli !== baku) visits.vetted.add(safeText(baku));
    if (mapping.constants[role]) visits.vetted.add(safeText(mapping.constants[role]));
  }
  // Every service, channel and topic leaves the log redacted, worked out once per value.
  const builtIn = new Set<string>(Object.values(VOCABULARY).flatMap((list) => list.map((e) => e.canonical)));
  const redacted = new Map<string, SafeText>();
  /** Values that held their row's own name: kept out of kamus and of the vetted values. */
  const named = new Set<string>();
  /**
   * A redacted value's visit code; -1 when it is nothing but personal data ("[nomor]": a phone
   * number typed as the service), which names no service, channel or topic: the column's unknown.
   */
  const visitCode = (text: string): number => (onlyRedacted(text) ? -1 : codeOf(text));
  const safeCode = (o: TextOutcome, r: number): number => {
    const value = o.canonical;
    let safe = o.safe ?? redacted.get(value);
    if (!safe) {
      const text = safeText(value);
      redacted.set(value, (safe = { text, lower: text.toLowerCase(), code: visitCode(text), builtIn: builtIn.has(value) }));
    }
    o.safe = safe;
    if (safe.builtIn || personalCols.length === 0) return safe.code;
    let text = safe.text;
    // The row's own name inside a value ("titipan Budi Santoso", "Walk-in Budi") is personal data too.
    for (const pc of personalCols) {
      const pv = cellAt(table, r, pc);
      if (typeof pv !== 'string' || pv.length < 3 || pv.length > safe.lower.length + 4) continue;
      const quick = hasTrigram(safe, pv);
      if (quick === false || (quick === null && !safe.lower.includes(pv.trim().slice(0, 3).toLowerCase()))) continue;
      const name = tidy(pv);
      if (name.length >= 3 && !/^\d+$/.test(name) && safe.lower.includes(name.toLowerCase())) text = safeText(text, [name]);
    }
    if (text === safe.text) return safe.code;
    named.add(value);
    return visitCode(text);
  };
  /** The code of a service/channel outcome, or the sheet's constant when the cell is empty. */
  const textCode = (o: TextOutcome | null, fallback: number, r: number): number => {
    const code = !o || o.canonical === '' ? -1 : safeCode(o, r);
    return code < 0 ? fallback : code;
  };
  const ageCodes = ageLabels.map(codeOf);
  const [outAgeGroup, outGeneration, outWeek, outMonth, outStatus, outNote] = derivedCells as [CodedCells, CodedCells, CodedCells, CodedCells, CodedCells, CodedCells];
  // Age group and generation labels with their visit codes, worked out once per age and birth year.
  const groupOf = new LabelCache(0, MAX_AGE_SLOT, (age) => {
    const label = ageGroupOf(age, settings.ageBounds, ageLabels);
    const index = ageLabels.indexOf(label);
    return { code: index >= 0 ? at(ageCodes, index) : unknownCode, cell: outAgeGroup.codeOf(label) };
  });
  const generationOfYear = new LabelCache(FIRST_YEAR, YEAR_SLOTS, (year) => {
    const label = generationOf(year);
    return { code: codeOf(label), cell: outGeneration.codeOf(label) };
  });
  const statusCell: Record<CleanStatus, number> = { OK: outStatus.codeOf('OK'), DIPERBAIKI: outStatus.codeOf('DIPERBAIKI'), DUPLIKAT: outStatus.codeOf('DUPLIKAT'), TIDAK_VALID: outStatus.codeOf('TIDAK_VALID') };
  let rowsRead = 0;
  let datesFilled = 0;
  let fillNoteFrom = -1;
  let fillNoteText = '';

  const rowFragments: number[] = [];
  /** Rows with the same fixes share one note string, cut once to what a cell holds. */
  // A note can outgrow a cell (a long value quoted in it); the apostrophe that keeps it text takes one more.
  const cellNote = (s: string): string => capText(s, MAX_CELL_CHARS - 1);
  const notes = new NoteInterner(fragText, cellNote);
  const internNote = (prefix: string, extra: string): string => notes.note(rowFragments, prefix, extra);

  for (let r = firstDataRow; r < rowCount; r++) {
    const i = r - firstDataRow;
    if (rowBlank[i]) continue;
    rowsRead++;
    rowFragments.length = 0;

    // Every cleaned column's fix, in column order for the note (the cells are written after the loop).
    for (const column of cleanedInOrder) {
      const c = column.col;
      const o = column.table.outcomeAt(column.codes, i);
      if (o.next !== undefined && c !== birthCol && !(isFormula && isFormula(r, c))) rowFragments.push(o.fragment);
    }
    const dateO = outcomeOf(dates, i);
    const ageO = outcomeOf(ages, i);
    const birthO = outcomeOf(births, i);
    // The visit's day (NO_DAY: none): its own date, or one filled down.
    let visitDay = dateO && dateO.visit ? dateO.visit.day : NO_DAY;
    // A blank date below a date written once for the day (or merged over the block) takes it.
    let filledFrom = -1;
    const filled = filledOf(i);
    if (visitDay === NO_DAY && filled >= 0) {
      visitDay = at((fill as Fills).day, i);
      filledFrom = filled + firstDataRow;
    }

    const visited = visitDay !== NO_DAY;

    // Age: from the birth date when there is one, else the age column.
    let age: number | null = null;
    let birthYear: number | null = null;
    let ageProblem: { note: string; masalah: string; col: number; value: Cell } | null = null;
    if (birthO) {
      if (birthO.birthDay !== null && (!visited || birthO.birthDay < visitDay)) {
        birthYear = ymdOfDay(birthO.birthDay).y;
        if (visited) age = completedYears(birthO.birthDay, visitDay);
        // Only a birth date this row accepts is rewritten; a rejected one stays as typed.
        if (birthO.next !== undefined && !(isFormula && isFormula(r, birthCol))) {
          changes.set(birthCol, r, birthO.next, birthO.format);
          rowFragments.push(birthO.fragment);
          // Notes list changes in column order, the birth date in its place too.
          rowFragments.sort((x, y) => at(fragColumn, x) - at(fragColumn, y));
        }
      } else if (birthO.problem || birthO.birthDay !== null) {
        const p = birthO.problem ?? { note: t(lang, 'catatan.badBirth', { value: shown(cellAt(table, r, birthCol)) }), masalah: t(lang, 'masalah.badBirth') };
        ageProblem = { ...p, col: birthCol, value: cellAt(table, r, birthCol) };
      }
    }
    if (ageO) {
      if (ageO.problem) {
        if (age === null) ageProblem = { ...ageO.problem, col: ageCol, value: cellAt(table, r, ageCol) };
      } else if (age === null && ageO.age !== null) age = ageO.age;
    }
    if (age !== null && (age < MIN_PLAUSIBLE_AGE || age > MAX_PLAUSIBLE_AGE)) {
      ageProblem = ageProblem ?? {
        note: t(lang, 'catatan.badAge', { value: String(age) }),
        masalah: t(lang, 'masalah.badAge', { min: MIN_PLAUSIBLE_AGE, max: MAX_PLAUSIBLE_AGE }),
        col: birthCol >= 0 ? birthCol : ageCol,
        value: cellAt(table, r, birthCol >= 0 ? birthCol : ageCol),
      };
      age = null;
      birthYear = null;
    }
    // A filled date is a fix like any other, but one a re-run finds again: once the row says
    // DIPERBAIKI, a re-run with nothing else to change keeps the note it has (idempotence).
    const existingStatus = derivedPresent ? cellAt(table, r, statusCol) : '';
    const changed = rowFragments.length > 0 || (filledFrom >= 0 && existingStatus !== 'DIPERBAIKI');
    // The rows of one day's block share their note's first part: made once per block.
    if (filledFrom >= 0 && filledFrom !== fillNoteFrom) {
      fillNoteFrom = filledFrom;
      fillNoteText = t(lang, 'catatan.dateFilled', { row: filledFrom + 1 });
    }
    const fillNote = filledFrom >= 0 ? fillNoteText : '';
    if (filledFrom >= 0) datesFilled++;
    let monthInfo: MonthInfo | undefined;
    if (visited) {
      if (monthBase !== monthBase) monthBase = visitDay - MONTH_SLOTS / 2;
      const slot = visitDay - monthBase;
      const near = slot >= 0 && slot < MONTH_SLOTS;
      monthInfo = near ? monthSlots[slot] : monthsFar.get(visitDay);
      if (!monthInfo) {
        const ymd = ymdOfDay(visitDay);
        const week = weekOfMonth(ymd.d);
        const month = `${ymd.y}-${pad2(ymd.m)}`;
        monthInfo = { week, month, year: ymd.y, weekCell: outWeek.codeOf(week), monthCell: outMonth.codeOf(month) };
        if (near) monthSlots[slot] = monthInfo;
        else monthsFar.set(visitDay, monthInfo);
      }
    }
    if (birthYear === null && age !== null && monthInfo) birthYear = monthInfo.year - age;

    // Status and note.
    let status: CleanStatus;
    let note: string;
    /** Whether `note` came from the interner (already cut to a cell). */
    let interned = false;
    let earlier = -1;
    if (visited) {
      const repeated = exactRepeat[i] ?? -1;
      earlier = repeated >= 0 ? repeated + firstDataRow : -1;
      const first = at(sameVisit, i);
      if (first >= 0 && (earlier < 0 || first + firstDataRow < earlier)) earlier = first + firstDataRow;
    }
    if (!visited) {
      status = 'TIDAK_VALID';
      // Like DIPERBAIKI below: a re-run that changes nothing keeps the note of the run that did.
      interned = changed || existingStatus !== 'TIDAK_VALID';
      note = interned ? internNote(dateO?.invalid || t(lang, 'catatan.noDate'), ageProblem ? ageProblem.note : '') : String(cellAt(table, r, noteCol));
      const rawDate = dateCol >= 0 ? cellAt(table, r, dateCol) : '';
      problems.push({
        row: r + 1,
        kolom: dateCol >= 0 ? headerName(dateCol) : '',
        nilaiAsli: shown(rawDate),
        masalah: dateO?.masalah || t(lang, 'masalah.noDate'),
        tindakan: t(lang, 'tindakan.excluded'),
      });
    } else if (earlier >= 0) {
      status = 'DUPLIKAT';
      note = t(lang, 'catatan.duplicate', { row: earlier + 1 });
      problems.push({ row: r + 1, kolom: t(lang, 'row.whole'), nilaiAsli: '', masalah: t(lang, 'masalah.duplicate', { row: earlier + 1 }), tindakan: t(lang, 'tindakan.duplicate') });
    } else {
      if (changed) {
        status = 'DIPERBAIKI';
        note = internNote(fillNote, ageProblem ? ageProblem.note : '');
        interned = true;
      } else if (existingStatus === 'DIPERBAIKI') {
        // A row fixed by an earlier run keeps its status and note: cleaning clean data changes nothing.
        status = 'DIPERBAIKI';
        note = String(cellAt(table, r, noteCol));
      } else {
        status = 'OK';
        note = ageProblem ? ageProblem.note : '';
      }
      if (ageProblem) {
        problems.push({ row: r + 1, kolom: headerName(ageProblem.col), nilaiAsli: shown(ageProblem.value), masalah: ageProblem.masalah, tindakan: t(lang, 'tindakan.ageIgnored') });
      }
    }
    counts[status]++;
    for (const f of rowFragments) at(fragInfo, f).count++;

    // Derived columns.
    const group = groupOf.get(age);
    const generation = generationOfYear.get(birthYear);
    const slot = i + 1;
    outAgeGroup.codes[slot] = group.cell;
    outGeneration.codes[slot] = generation.cell;
    if (monthInfo) {
      outWeek.codes[slot] = monthInfo.weekCell;
      outMonth.codes[slot] = monthInfo.monthCell;
    }
    outStatus.codes[slot] = statusCell[status];
    const noteCode = outNote.codeOf(interned ? note : cellNote(note));
    outNote.codes[slot] = noteCode;

    if (status === 'OK' || status === 'DIPERBAIKI') {
      const topicCode = textCode(outcomeOf(texts.topic, i), unknownCode, r);
      visits.addCodes(
        visitDay,
        textCode(outcomeOf(texts.service, i), serviceDefault, r),
        textCode(outcomeOf(texts.channel, i), channelDefault, r),
        group.code,
        generation.code,
        topicCode,
      );
    }
  }

  // The change lists, a column at a time: rows listed, values left coded.
  const where: ChangeWhere = { firstDataRow, rowBlank, isFormula, scratch: new Int32Array(slots), previous: null };
  for (const column of cleanedInOrder) if (column.col !== birthCol) where.previous = cleanedChanges(changes, column, where);
  derivedCells.forEach((cells, k) => (where.previous = derivedChanges(changes, table, derivedStart + k, cells, where)));

  for (const v of named) visits.vetted.delete(v);
  // masalah_data shows a service, channel or topic cell as redacted as the summaries do.
  const textHeaders = new Set(Array.from(textCols, headerName));
  // Like the summaries, the sidebar names a free-text value only when at least MIN_ROWS_SHOWN rows hold it.
  const topChanges = fragInfo
    .filter((f, i) => f.count > 0 && (f.count >= MIN_ROWS_SHOWN || !textCols.has(at(fragColumn, i)) || builtIn.has(f.to)))
    .sort((a, b) => b.count - a.count || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0))
    .slice(0, 8);
  const out: Omit<CleanPlan, 'check'> = {
    sheetName: opts.sheetName,
    headerRow,
    firstDataRow,
    derivedStart,
    changes: changes.list(),
    rowsRead,
    blankRows: rowCount - firstDataRow - rowsRead,
    counts,
    visits,
    // Values that leave the log: services, channels and topics redacted; in any other column a
    // value holding a phone, KPJ or NIK number (9 digits or more; a date has 8) too.
    problems: problems.map((p) => (textHeaders.has(p.kolom) || digitsOf(p.nilaiAsli).length >= 9 ? { ...p, nilaiAsli: safeText(p.nilaiAsli) } : p)),
    kamus: named.size ? entries.filter((e) => !named.has(e.baku) && !named.has(e.asli)) : entries,
    topChanges,
    dateOrder,
    datesFilled,
    review: reviewOf(rowsRead, counts, problems, lang),
  };
  return { ...out, check: sheetCheck(out, lang) };
}
