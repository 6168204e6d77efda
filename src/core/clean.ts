/**
 * The cleaner: from the grid of one service-log sheet to a plan of in-place cell changes, the
 * status of every row, the problems to list, and the visits the summaries count.
 *
 * It never touches the spreadsheet. It is idempotent: cleaning its own output plans no change,
 * which is what lets a nightly run write nothing on an unchanged log.
 *
 * Built for a million rows: every cell's outcome (its new value, its note, its part of the
 * duplicate key) is worked out once per distinct raw value per column and memoised; duplicate
 * rows are found through 53-bit row hashes (confirmed exactly on a hit) rather than a string key
 * per row; notes are interned; and the visits go into a columnar table.
 */
import type { ChangeSummary, CleanStatus, Lang, Settings, SheetCheck, StatusCounts } from '../shared/api';
import { Cell, Grid, MAX_CELL_CHARS, capText, cellText, isBlank, isDate } from './cells';
import { DERIVED_HEADERS, ColumnMapping, columnOf } from './mapping';
import { ParsedDate, detectDayOrder, parseDate, DayOrder, DateOrderResult, decideDateOrder } from './dates';
import { fillDownDates, isTotalRow } from './logshape/filldown';
import { topicMatchKey } from './logshape/informal';
import { PersonCoder, findDuplicates, isRunningNumberColumn, isRunningNumberHeader, personColumns } from './logshape/duplicates';
import { ZoneClock, ymdOfDay, isoOfDay, pad2 } from './zone';
import { KamusEntry, KOLOM_OF_ROLE, canonicalise, dictionaryFor, safeText } from './canonical';
import { ValueRole, UNKNOWN, VOCABULARY } from './vocabulary';
import { digitsOf, isFormulaError, keyable, tidy } from './text';
import { MAX_PLAUSIBLE_AGE, MIN_PLAUSIBLE_AGE, UNKNOWN_GROUP, ageGroupLabels, ageGroupOf, generationOf, weekOfMonth } from './settings';
import { t } from './i18n';
import { MIN_ROWS_SHOWN } from './summarise';
import { RowHashIndex, VisitTable, hashString } from './table';
import { NoteInterner } from './clean/notes';
import { ChangeSet, ColumnChange } from './clean/changes';

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

export type { ColumnChange };

/** One counted visit, as the summaries see it: no personal data. */
export interface VisitRecord {
  day: number;
  service: string;
  channel: string;
  ageGroup: string;
  generation: string;
  topic: string;
}

/** A row listed in `masalah_data`. `row` is the 1-based sheet row. */
export interface Problem {
  row: number;
  kolom: string;
  nilaiAsli: string;
  masalah: string;
  tindakan: string;
}

export interface CleanPlan {
  sheetName: string;
  headerRow: number;
  firstDataRow: number;
  /** Grid column of the first derived column. */
  derivedStart: number;
  changes: ColumnChange[];
  rowsRead: number;
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

/** A sheet's outcome as staff should read it: BERHASIL, or PERLU_PERIKSA with the main reason and the fix. */
export interface SheetReview {
  status: 'BERHASIL' | 'PERLU_PERIKSA';
  /** Translated one-sentence reason ('' when BERHASIL). */
  reason: string;
  /** Translated next step ('' when BERHASIL). */
  fix: string;
}

/** More invalid rows than this share of a sheet makes its outcome PERLU_PERIKSA. */
export const REVIEW_INVALID_SHARE = 0.1;

const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const MIN_VISIT_YEAR = 1990;
const MAX_VISIT_YEAR = 2100;
const MIN_BIRTH_YEAR = 1900;
const SHOWN_VALUE_LENGTH = 60;

function shown(v: Cell): string {
  const s = isDate(v) ? v.toISOString() : String(v);
  return s.length > SHOWN_VALUE_LENGTH ? s.slice(0, SHOWN_VALUE_LENGTH - 1) + '\u2026' : s;
}

function showParsed(p: ParsedDate): string {
  if (p.seconds === null) return isoOfDay(p.day);
  const s = p.seconds;
  return `${isoOfDay(p.day)} ${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
}

/** Whole years from a text or number age: "35 th", "35 tahun", " 35 ", 35, "35 thn 6 bln". */
export function parseAge(v: Cell): number | null {
  if (typeof v === 'number') return isFinite(v) && v >= 0 ? Math.floor(v) : null;
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d{1,3})(?:[.,]\d+)?\s*(?:(?:th|thn|tahun|tahunan|thnan|yr|yrs|year|years|y\.?o\.?)\.?(?:\s+\d{1,2}\s*(?:bln|bulan|bl|months?)\.?)?)?\s*$/i.exec(v);
  return m ? Number(m[1]) : null;
}

/** Completed years between a birth day and a visit day. */
function completedYears(birthDay: number, visitDay: number): number {
  const b = ymdOfDay(birthDay);
  const v = ymdOfDay(visitDay);
  let years = v.y - b.y;
  if (v.m < b.m || (v.m === b.m && v.d < b.d)) years--;
  return years;
}

/** A typed key part, so the text "1" and the number 1 stay different. */
function keyOf(v: Cell): string {
  if (isDate(v)) return 't' + v.getTime();
  switch (typeof v) {
    case 'number':
      return 'n' + v;
    case 'boolean':
      return 'b' + v;
    case 'string':
      return 's' + v;
    default:
      return '';
  }
}

/** Hash of keyOf(v) without building the string for the common text case. */
function hashKey(v: Cell): number {
  if (typeof v === 'string') return hashString(v, 0x2b1c9dc5);
  if (typeof v === 'number') return hashNumber(v);
  return hashString(keyOf(v));
}

function lastFilled(row: Cell[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (!isBlank(row[c])) return c;
  return -1;
}

/** Distinct text values (with row counts) of the columns the cleaner keys by value. */
interface ColumnScan {
  text: Record<ValueRole, Map<string, { n: number }>>;
  dates: Set<string>;
  births: Set<string>;
}

/** One pass over the rows collects what every pre-step needs (cache-friendlier than five). */
function scanColumns(grid: Grid, from: number, cols: Record<ValueRole, number>, dateCol: number, birthCol: number): ColumnScan {
  const scan: ColumnScan = { text: { service: new Map(), channel: new Map(), topic: new Map() }, dates: new Set(), births: new Set() };
  const roles = (['service', 'channel', 'topic'] as ValueRole[]).filter((r) => cols[r] >= 0);
  for (let r = from; r < grid.length; r++) {
    const row = grid[r];
    for (const role of roles) {
      const v = row[cols[role]];
      if (typeof v !== 'string') continue;
      const m = scan.text[role];
      const hit = m.get(v);
      if (hit) hit.n++;
      else m.set(v, { n: 1 });
    }
    if (dateCol >= 0) {
      const v = row[dateCol];
      if (typeof v === 'string') scan.dates.add(v);
    }
    if (birthCol >= 0) {
      const v = row[birthCol];
      if (typeof v === 'string') scan.births.add(v);
    }
  }
  return scan;
}

/** Builds each categorical column's canonical mapping from its distinct spellings. */
function buildCanonicalMaps(scan: ColumnScan, kamus: readonly KamusEntry[]): { maps: Record<ValueRole, Map<string, string>>; entries: KamusEntry[] } {
  const maps = {} as Record<ValueRole, Map<string, string>>;
  const entries: KamusEntry[] = [];
  for (const role of ['service', 'channel', 'topic'] as ValueRole[]) {
    const counts = new Map<string, number>();
    for (const [v, { n }] of scan.text[role]) {
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

/** What one distinct raw value of a column becomes: worked out once, used by every row holding it. */
interface Outcome {
  /** The value to write, when it differs from the raw value. */
  next: Cell | undefined;
  format: string | null;
  /** Index of the change note fragment, or -1. */
  fragment: number;
  /** Duplicate-key part of the cleaned value, and its hash. */
  key: string;
  hash: number;
}

interface DateOutcome extends Outcome {
  visit: ParsedDate | null;
  /** For rows without a usable date: the note and the problem. */
  invalid: string;
  masalah: string;
}

interface AgeOutcome extends Outcome {
  age: number | null;
  problem: { note: string; masalah: string } | null;
}

interface BirthOutcome extends Outcome {
  birthDay: number | null;
  problem: { note: string; masalah: string } | null;
}

interface TextOutcome extends Outcome {
  canonical: string;
  /** The canonical value's code in this sheet's visit dictionary (-1 until first used). */
  code: number;
  /** Its redacted form, once a counted row used it. */
  safe?: SafeText;
}

/** A value as it may leave the log: redacted, with its code in the visit dictionary. */
interface SafeText {
  text: string;
  lower: string;
  code: number;
  builtIn: boolean;
}

/** Memoises per raw value; Date cells are keyed by their instant. */
class Memo<T> {
  private readonly byText = new Map<string, T>();
  private readonly byNumber = new Map<number, T>();
  private readonly byInstant = new Map<number, T>();
  private readonly byBoolean = new Map<boolean, T>();
  constructor(private readonly compute: (v: Cell) => T) {}
  get(v: Cell): T {
    let o: T | undefined;
    if (typeof v === 'string') {
      o = this.byText.get(v);
      if (o === undefined) this.byText.set(v, (o = this.compute(v)));
    } else if (typeof v === 'number') {
      o = this.byNumber.get(v);
      if (o === undefined) this.byNumber.set(v, (o = this.compute(v)));
    } else if (typeof v === 'boolean') {
      o = this.byBoolean.get(v);
      if (o === undefined) this.byBoolean.set(v, (o = this.compute(v)));
    } else {
      const k = (v as Date).getTime();
      o = this.byInstant.get(k);
      if (o === undefined) this.byInstant.set(k, (o = this.compute(v)));
    }
    return o;
  }
}

/** A 32-bit hash of a whole number without building its text. */
function hashNumber(v: number): number {
  if (!Number.isInteger(v)) return hashString(keyOf(v));
  let h = Math.imul((v | 0) ^ 0x27d4eb2d, 0x165667b1);
  h = Math.imul(h ^ ((v / 4294967296) | 0), 0x85ebca6b);
  return (h ^ (h >>> 15)) >>> 0;
}

export function cleanLog(grid: Grid, opts: CleanOptions): CleanPlan {
  const { mapping, clock, settings, lang } = opts;
  const isFormula = opts.isFormula;
  const headerRow = mapping.headerRow;
  const firstDataRow = headerRow + 1;
  const width = mapping.width;
  const header = grid[headerRow] ?? [];
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

  // The derived block is used where it is only when all six headers stand together, in order.
  // Otherwise (staff inserted or deleted a column inside it) a fresh block goes after the last
  // used column: writing into a column whose header is not ours would overwrite staff data.
  const first = mapping.derived.kelompok_usia;
  const derivedPresent = first !== undefined && DERIVED_HEADERS.every((h, k) => mapping.derived[h] === first + k);
  let usedWidth = lastFilled(header) + 1;
  for (let r = headerRow; r < grid.length; r++) if (grid[r].length > usedWidth && lastFilled(grid[r]) + 1 > usedWidth) usedWidth = lastFilled(grid[r]) + 1;
  const derivedStart = derivedPresent ? (first as number) : Math.max(width, usedWidth);
  const statusCol = derivedStart + DERIVED_HEADERS.indexOf('status_bersih');
  const noteCol = derivedStart + DERIVED_HEADERS.indexOf('catatan_bersih');

  const changes = new ChangeSet(grid.length);
  const ageLabels = ageGroupLabels(settings.ageBounds);
  const scan = scanColumns(grid, firstDataRow, cols, dateCol, birthCol);
  const { maps, entries } = buildCanonicalMaps(scan, opts.kamus);

  // Note fragments: one per distinct change, counted for the result card.
  const fragText: string[] = [];
  const fragInfo: ChangeSummary[] = [];
  const fragColumn: number[] = [];
  /** Values of these columns leave the log (sidebar, masalah_data) only redacted. */
  const textCols = new Set([cols.service, cols.channel, cols.topic].filter((c) => c >= 0));
  const outside = (c: number, v: string): string => (textCols.has(c) ? safeText(v) : v);
  const fragment = (c: number, from: string, to: string): number => {
    fragText.push(t(lang, 'catatan.changed', { kolom: headerName(c), from, to }));
    fragInfo.push({ column: headerName(c), from: outside(c, from), to: outside(c, to), count: 0 });
    fragColumn.push(c);
    return fragText.length - 1;
  };
  const plain = (key: string): Pick<Outcome, 'key' | 'hash'> => ({ key, hash: hashString(key) });

  // --- per-column outcomes, memoised by raw value -------------------------------------------
  // Text dates like 6/1/2023 are read in the order the whole column, its header and the
  // spreadsheet's locale give evidence for; when nothing decides, the sheet is flagged.
  const dateTexts: string[] = [];
  for (const v of scan.dates) if (typeof v === 'string') dateTexts.push(v);
  const dateOrder = dateCol >= 0 && dateTexts.length > 0 ? decideDateOrder(dateTexts, { header: headerName(dateCol), locale: opts.locale ?? '' }) : null;
  const visitOrder: DayOrder = dateOrder ? (dateOrder.order === 'MDY' ? 'mdy' : dateOrder.order === 'DMY' ? 'dmy' : detectDayOrder(scan.dates)) : 'dmy';
  const birthOrder: DayOrder = detectDayOrder(scan.births);

  const dateOutcome = new Memo<DateOutcome>((raw) => {
    let visit = parseDate(raw, clock, visitOrder);
    if (visit) {
      const y = ymdOfDay(visit.day).y;
      if (y < MIN_VISIT_YEAR || y > MAX_VISIT_YEAR) visit = null;
    }
    if (!visit) {
      const blank = isBlank(raw);
      return {
        visit: null,
        next: undefined,
        format: null,
        fragment: -1,
        ...plain(keyOf(raw)),
        invalid: blank ? t(lang, 'catatan.noDate') : t(lang, 'catatan.badDate', { value: shown(raw) }),
        masalah: blank ? t(lang, 'masalah.noDate') : t(lang, 'masalah.badDate'),
      };
    }
    const instant = clock.fromLocal(visit.day, visit.seconds ?? 0);
    const same = isDate(raw) && raw.getTime() === instant.getTime();
    return {
      visit,
      next: same ? undefined : instant,
      format: same ? null : visit.seconds === null ? DATE_FORMAT : DATETIME_FORMAT,
      fragment: same ? -1 : fragment(dateCol, shown(raw), showParsed(visit)),
      ...plain('d' + visit.day + ':' + (visit.seconds ?? 0)),
      invalid: '',
      masalah: '',
    };
  });

  const ageOutcome = new Memo<AgeOutcome>((raw) => {
    const none = { next: undefined, format: null, fragment: -1, ...plain(keyOf(raw)) };
    if (isBlank(raw)) return { ...none, age: null, problem: null };
    const parsed = parseAge(raw);
    if (parsed === null) return { ...none, age: null, problem: { note: t(lang, 'catatan.unreadableAge', { value: shown(raw) }), masalah: t(lang, 'masalah.unreadableAge') } };
    if (parsed < MIN_PLAUSIBLE_AGE || parsed > MAX_PLAUSIBLE_AGE) {
      return { ...none, age: null, problem: { note: t(lang, 'catatan.badAge', { value: shown(raw) }), masalah: t(lang, 'masalah.badAge', { min: MIN_PLAUSIBLE_AGE, max: MAX_PLAUSIBLE_AGE }) } };
    }
    const same = raw === parsed;
    return { next: same ? undefined : parsed, format: null, fragment: same ? -1 : fragment(ageCol, shown(raw), String(parsed)), ...plain('n' + parsed), age: parsed, problem: null };
  });

  const birthOutcome = new Memo<BirthOutcome>((raw) => {
    const none = { next: undefined, format: null, fragment: -1, ...plain(keyOf(raw)) };
    if (isBlank(raw)) return { ...none, birthDay: null, problem: null };
    const birth = parseDate(raw, clock, birthOrder, 'past');
    if (!birth || ymdOfDay(birth.day).y < MIN_BIRTH_YEAR) {
      return { ...none, birthDay: null, problem: { note: t(lang, 'catatan.badBirth', { value: shown(raw) }), masalah: t(lang, 'masalah.badBirth') } };
    }
    const instant = clock.fromLocal(birth.day, 0);
    const same = isDate(raw) && raw.getTime() === instant.getTime();
    return {
      next: same ? undefined : instant,
      format: same ? null : DATE_FORMAT,
      fragment: same ? -1 : fragment(birthCol, shown(raw), isoOfDay(birth.day)),
      ...plain('d' + birth.day),
      birthDay: birth.day,
      problem: null,
    };
  });

  const textOutcomes = {} as Record<ValueRole, Memo<TextOutcome>>;
  for (const role of ['service', 'channel', 'topic'] as ValueRole[]) {
    const c = cols[role];
    textOutcomes[role] = new Memo<TextOutcome>((raw) => {
      if (typeof raw !== 'string') {
        return { canonical: isBlank(raw) ? '' : cellText(raw), code: -1, next: undefined, format: null, fragment: -1, ...plain(keyOf(raw)) };
      }
      const tidied = tidy(raw);
      // A failed formula (#N/A…) names nothing: unknown, like an empty cell.
      if (tidied === '' || isFormulaError(tidied)) return { canonical: '', code: -1, next: undefined, format: null, fragment: -1, ...plain(keyOf(raw)) };
      const value = maps[role].get(tidied) ?? tidied;
      const same = raw === value;
      return { canonical: value, code: -1, next: same ? undefined : value, format: null, fragment: same ? -1 : fragment(c, shown(raw), value), ...plain('s' + value) };
    });
  }

  // Columns in key order, with the memo that cleans each (null: taken as it is).
  type Cleaner = Memo<Outcome> | null;
  const cleaners: Cleaner[] = [];
  for (let c = 0; c < width; c++) {
    cleaners.push(
      c === dateCol ? dateOutcome : c === ageCol ? ageOutcome : c === birthCol ? birthOutcome : c === cols.service ? textOutcomes.service : c === cols.channel ? textOutcomes.channel : c === cols.topic ? textOutcomes.topic : null,
    );
  }

  // --- the shape of the log: dates written once per day, and visits entered twice ----------
  const dataRows = Math.max(0, grid.length - firstDataRow);
  const rowBlank = new Uint8Array(dataRows);
  for (let i = 0; i < dataRows; i++) {
    const row = grid[firstDataRow + i] ?? [];
    let blank = true;
    for (let c = 0; c < width && blank; c++) if (!isBlank(row[c])) blank = false;
    rowBlank[i] = blank ? 1 : 0;
  }
  // Running numbers never tell two visits apart: those columns stay out of the row key.
  const runningNumber = new Uint8Array(width);
  mapping.roles.forEach((role, c) => {
    if (role !== 'ignore' && role !== 'personal') return;
    // Only a column headed like one, or starting 1, 2, 3…, can be a running number: the others
    // (a KPJ column of a million rows) are not copied out to be checked.
    const firstValue = grid[firstDataRow]?.[c];
    if (!isRunningNumberHeader(header[c] ?? '') && !(typeof firstValue === 'number' && firstValue >= 0 && firstValue <= 10)) return;
    const values: Cell[] = [];
    for (let r = firstDataRow; r < grid.length; r++) values.push(grid[r]?.[c] ?? '');
    if (isRunningNumberColumn(header[c] ?? '', values)) runningNumber[c] = 1;
  });
  const visitDayOf = (r: number): ParsedDate | null => (dateCol >= 0 ? dateOutcome.get(grid[r]?.[dateCol] ?? '').visit : null);
  const fill = dateCol >= 0 ? fillDownOf(grid, firstDataRow, dateCol, width, rowBlank, visitDayOf, opts.dateMerges ?? [], runningNumber) : null;
  let datesFilled = 0;
  const dayOfRow = (i: number): ParsedDate | null => visitDayOf(firstDataRow + i) ?? (fill && fill[i] ? { day: (fill[i] as { day: number }).day, seconds: null } : null);

  // The same visit entered twice: same day, person, service and topic (a form sent twice within
  // minutes is one visit), whatever a running number says. Rows that are otherwise identical
  // count too (a log that names nobody).
  const people = personColumns(header, mapping.roles);
  const canonicalOf = (role: ValueRole, r: number): string => {
    const c = cols[role];
    if (c < 0) return role === 'service' ? mapping.constants.service : role === 'channel' ? mapping.constants.channel : '';
    const o = textOutcomes[role].get(grid[r]?.[c] ?? '');
    return o.canonical || (role === 'service' ? mapping.constants.service : role === 'channel' ? mapping.constants.channel : '');
  };
  const keyDay: (number | null)[] = new Array(dataRows);
  const keyPerson = new Int32Array(dataRows);
  const persons = new PersonCoder();
  const keyService: string[] = new Array(dataRows);
  const keyTopic: string[] = new Array(dataRows);
  const keySeconds: (number | null)[] = new Array(dataRows);
  const hasPeople = people.kpj >= 0 || people.nik >= 0 || people.name >= 0;
  for (let i = 0; i < dataRows; i++) {
    const r = firstDataRow + i;
    const row = grid[r] ?? [];
    const d = rowBlank[i] ? null : dayOfRow(i);
    keyDay[i] = d ? d.day : null;
    keySeconds[i] = d ? d.seconds : null;
    if (hasPeople) keyPerson[i] = persons.code(people.kpj >= 0 ? row[people.kpj] ?? '' : '', people.name >= 0 ? row[people.name] ?? '' : '', people.nik >= 0 ? row[people.nik] ?? '' : '');
    keyService[i] = d ? canonicalOf('service', r) : '';
    keyTopic[i] = d ? canonicalOf('topic', r) : '';
  }
  // A topic whose matching key stands for less than the whole value (non-Latin script, emoji,
  // dashes) is only ever the same topic as itself.
  const topicKey = (text: string): string => (keyable(text) ? topicMatchKey(text) : '\u0000' + text);
  const sameVisit = findDuplicates({ day: keyDay, personCodes: keyPerson, service: keyService, topic: keyTopic, seconds: keySeconds }, { topicKey });

  /** The exact duplicate key of a row (slow path: only to confirm a hash hit). */
  const rowKey = (r: number): string => {
    const row = grid[r];
    const parts: string[] = [];
    for (let c = 0; c < width; c++) {
      const cl = cleaners[c];
      const raw = row[c];
      if (cl && !(isFormula && isFormula(r, c))) {
        const o = cl.get(raw) as Outcome & { visit?: ParsedDate | null };
        parts.push(o.key);
      } else parts.push(runningNumber[c] ? '' : keyOf(raw));
    }
    return parts.join('\u241f');
  };

  // Derived headers, when any is missing or out of place.
  for (let k = 0; k < DERIVED_HEADERS.length; k++) {
    const c = derivedStart + k;
    if (header[c] !== DERIVED_HEADERS[k]) changes.set(c, headerRow, DERIVED_HEADERS[k]);
  }

  const counts: StatusCounts = { OK: 0, DIPERBAIKI: 0, DUPLIKAT: 0, TIDAK_VALID: 0 };
  const visits = new VisitTable(Math.max(16, grid.length - firstDataRow));
  const problems: Problem[] = [];
  const seen = new RowHashIndex(Math.max(16, grid.length - firstDataRow));
  const monthOfDay = new Map<number, { week: number; month: string; year: number }>();
  const codeOf = (s: string) => visits.dict.code(s);
  const unknownCode = codeOf(UNKNOWN_GROUP);
  const serviceDefault = codeOf(safeText(mapping.constants.service || UNKNOWN));
  const channelDefault = codeOf(safeText(mapping.constants.channel || UNKNOWN));
  for (const role of ['service', 'channel'] as ValueRole[]) {
    // Values staff vouched for: kamus targets and the sheet's constants are shown however rare.
    for (const [asli, baku] of dictionaryFor(role, opts.kamus)) if (asli !== baku) visits.vetted.add(safeText(baku));
    if (mapping.constants[role as 'service' | 'channel']) visits.vetted.add(safeText(mapping.constants[role as 'service' | 'channel']));
  }
  // Every service, channel and topic leaves the log redacted, worked out once per value.
  const builtIn = new Set<string>(Object.values(VOCABULARY).flatMap((entries) => entries.map((e) => e.canonical)));
  const redacted = new Map<string, SafeText>();
  /** Values that held their row's own name: kept out of kamus and of the vetted values. */
  const named = new Set<string>();
  const safeCode = (o: TextOutcome, row: Cell[]): number => {
    const value = o.canonical;
    let safe = o.safe ?? redacted.get(value);
    if (!safe) {
      const text = safeText(value);
      redacted.set(value, (safe = { text, lower: text.toLowerCase(), code: codeOf(text), builtIn: builtIn.has(value) }));
    }
    o.safe = safe;
    if (safe.builtIn || personalCols.length === 0) return safe.code;
    let text = safe.text;
    // The row's own name inside a value ("titipan Budi Santoso", "Walk-in Budi") is personal data too.
    for (const pc of personalCols) {
      const pv = row[pc];
      if (typeof pv !== 'string' || pv.length < 3 || pv.length > safe.lower.length + 4) continue;
      if (!safe.lower.includes(pv.trim().slice(0, 3).toLowerCase())) continue;
      const name = tidy(pv);
      if (name.length >= 3 && !/^\d+$/.test(name) && safe.lower.includes(name.toLowerCase())) text = safeText(text, [name]);
    }
    if (text === safe.text) return safe.code;
    named.add(value);
    return codeOf(text);
  };
  /** The code of a service/channel outcome, or the sheet's constant when the cell is empty. */
  const textCode = (o: TextOutcome | null, fallback: number, row: Cell[]): number => (!o || o.canonical === '' ? fallback : safeCode(o, row));
  const ageCodes = ageLabels.map(codeOf);
  const generationCodes = new Map<string, number>();
  let rowsRead = 0;

  const rowFragments: number[] = [];
  const derived: Cell[] = new Array<Cell>(DERIVED_HEADERS.length);
  /** Rows with the same fixes share one note string. */
  const notes = new NoteInterner(fragText);
  const internNote = (prefix: string, extra: string): string => notes.note(rowFragments, prefix, extra);

  for (let r = firstDataRow; r < grid.length; r++) {
    const row = grid[r];
    let blank = true;
    for (let c = 0; c < width; c++) {
      if (!isBlank(row[c])) {
        blank = false;
        break;
      }
    }
    if (blank) {
      for (let k = 0; k < DERIVED_HEADERS.length; k++) {
        const c = derivedStart + k;
        if (!isBlank(row[c]) && !(isFormula && isFormula(r, c))) changes.set(c, r, '');
      }
      continue;
    }
    rowsRead++;
    rowFragments.length = 0;

    // Every cleaned column: record its change, and mix its key part into the row hash.
    let h1 = 0x811c9dc5;
    let h2 = 0x9e3779b9;
    let visit: ParsedDate | null = null;
    let dateO: DateOutcome | null = null;
    let ageO: AgeOutcome | null = null;
    let birthO: BirthOutcome | null = null;
    let serviceO: TextOutcome | null = null;
    let channelO: TextOutcome | null = null;
    let topicO: TextOutcome | null = null;
    for (let c = 0; c < width; c++) {
      const raw = row[c];
      const cl = cleaners[c];
      let part: number;
      if (cl) {
        const o = cl.get(raw);
        const formula = isFormula !== undefined && isFormula(r, c);
        part = formula ? hashString(keyOf(raw)) : o.hash;
        if (o.next !== undefined && !formula && c !== birthCol) {
          changes.set(c, r, o.next, o.format);
          rowFragments.push(o.fragment);
        }
        if (c === dateCol) dateO = o as DateOutcome;
        else if (c === ageCol) ageO = o as AgeOutcome;
        else if (c === birthCol) birthO = o as BirthOutcome;
        else if (c === cols.service) serviceO = o as TextOutcome;
        else if (c === cols.channel) channelO = o as TextOutcome;
        else if (c === cols.topic) topicO = o as TextOutcome;
      } else {
        part = runningNumber[c] ? 0 : hashKey(raw);
      }
      h1 = Math.imul(h1 ^ part, 0x01000193) >>> 0;
      h2 = Math.imul((h2 ^ part) + c, 0x5bd1e995) >>> 0;
    }
    if (dateO) visit = dateO.visit;
    // A blank date below a date written once for the day (or merged over the block) takes it.
    let filledFrom = -1;
    const filled = fill ? fill[r - firstDataRow] : null;
    if (!visit && filled) {
      visit = { day: filled.day, seconds: null };
      filledFrom = filled.from + firstDataRow;
    }

    // Age: from the birth date when there is one, else the age column.
    let age: number | null = null;
    let birthYear: number | null = null;
    let ageProblem: { note: string; masalah: string; col: number; value: Cell } | null = null;
    if (birthO) {
      if (birthO.birthDay !== null && (!visit || birthO.birthDay < visit.day)) {
        birthYear = ymdOfDay(birthO.birthDay).y;
        if (visit) age = completedYears(birthO.birthDay, visit.day);
        // Only a birth date this row accepts is rewritten; a rejected one stays as typed.
        if (birthO.next !== undefined && !(isFormula && isFormula(r, birthCol))) {
          changes.set(birthCol, r, birthO.next, birthO.format);
          rowFragments.push(birthO.fragment);
          // Notes list changes in column order, the birth date in its place too.
          rowFragments.sort((x, y) => fragColumn[x] - fragColumn[y]);
        }
      } else if (birthO.problem || birthO.birthDay !== null) {
        const p = birthO.problem ?? { note: t(lang, 'catatan.badBirth', { value: shown(row[birthCol]) }), masalah: t(lang, 'masalah.badBirth') };
        ageProblem = { ...p, col: birthCol, value: row[birthCol] };
      }
    }
    if (ageO) {
      if (ageO.problem) {
        if (age === null) ageProblem = { ...ageO.problem, col: ageCol, value: row[ageCol] };
      } else if (age === null && ageO.age !== null) age = ageO.age;
    }
    if (age !== null && (age < MIN_PLAUSIBLE_AGE || age > MAX_PLAUSIBLE_AGE)) {
      ageProblem = ageProblem ?? {
        note: t(lang, 'catatan.badAge', { value: String(age) }),
        masalah: t(lang, 'masalah.badAge', { min: MIN_PLAUSIBLE_AGE, max: MAX_PLAUSIBLE_AGE }),
        col: birthCol >= 0 ? birthCol : ageCol,
        value: birthCol >= 0 ? row[birthCol] : row[ageCol],
      };
      age = null;
      birthYear = null;
    }
    // A filled date is a fix like any other, but one a re-run finds again: once the row says
    // DIPERBAIKI, a re-run with nothing else to change keeps the note it has (idempotence).
    const existingStatus = derivedPresent ? row[statusCol] : '';
    const changed = rowFragments.length > 0 || (filledFrom >= 0 && existingStatus !== 'DIPERBAIKI');
    const fillNote = filledFrom >= 0 ? t(lang, 'catatan.dateFilled', { row: filledFrom + 1 }) : '';
    if (filledFrom >= 0) datesFilled++;
    let monthInfo: { week: number; month: string; year: number } | undefined;
    if (visit) {
      monthInfo = monthOfDay.get(visit.day);
      if (!monthInfo) {
        const ymd = ymdOfDay(visit.day);
        monthOfDay.set(visit.day, (monthInfo = { week: weekOfMonth(ymd.d), month: `${ymd.y}-${pad2(ymd.m)}`, year: ymd.y }));
      }
    }
    if (birthYear === null && age !== null && monthInfo) birthYear = monthInfo.year - age;

    // Status and note.
    let status: CleanStatus;
    let note: string;
    let earlier = -1;
    if (visit) {
      const hash = h1 * 2097152 + (h2 >>> 11);
      earlier = seen.get(hash);
      if (earlier < 0) seen.set(hash, r);
      else if (rowKey(earlier) !== rowKey(r)) earlier = -1; // a hash collision, not a duplicate
      const first = sameVisit[r - firstDataRow];
      if (first >= 0 && (earlier < 0 || first + firstDataRow < earlier)) earlier = first + firstDataRow;
    }
    if (!visit) {
      status = 'TIDAK_VALID';
      // Like DIPERBAIKI below: a re-run that changes nothing keeps the note of the run that did.
      note = !changed && existingStatus === 'TIDAK_VALID' ? String(row[noteCol] ?? '') : internNote((dateO as DateOutcome | null)?.invalid || t(lang, 'catatan.noDate'), ageProblem ? ageProblem.note : '');
      const rawDate = dateCol >= 0 ? row[dateCol] : '';
      problems.push({
        row: r + 1,
        kolom: dateCol >= 0 ? headerName(dateCol) : '',
        nilaiAsli: shown(rawDate),
        masalah: (dateO as DateOutcome | null)?.masalah || t(lang, 'masalah.noDate'),
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
      } else if (existingStatus === 'DIPERBAIKI') {
        // A row fixed by an earlier run keeps its status and note: cleaning clean data changes nothing.
        status = 'DIPERBAIKI';
        note = String(row[noteCol] ?? '');
      } else {
        status = 'OK';
        note = ageProblem ? ageProblem.note : '';
      }
      if (ageProblem) {
        problems.push({ row: r + 1, kolom: headerName(ageProblem.col), nilaiAsli: shown(ageProblem.value), masalah: ageProblem.masalah, tindakan: t(lang, 'tindakan.ageIgnored') });
      }
    }
    counts[status]++;
    for (const f of rowFragments) fragInfo[f].count++;

    // Derived columns.
    const ageGroup = ageGroupOf(age, settings.ageBounds, ageLabels);
    const generation = generationOf(birthYear);
    derived[0] = ageGroup;
    derived[1] = generation;
    derived[2] = monthInfo ? monthInfo.week : '';
    derived[3] = monthInfo ? monthInfo.month : '';
    derived[4] = status;
    // A note can outgrow a cell (a long value quoted in it); the apostrophe that keeps it text takes one more.
    derived[5] = capText(note, MAX_CELL_CHARS - 1);
    for (let k = 0; k < DERIVED_HEADERS.length; k++) {
      const c = derivedStart + k;
      const next = derived[k];
      const cur = row[c] === undefined ? '' : row[c];
      if (cur !== next && !(isFormula && isFormula(r, c))) changes.set(c, r, next);
    }

    if (status === 'OK' || status === 'DIPERBAIKI') {
      const topicCode = textCode(topicO, unknownCode, row);
      let generationCode = generationCodes.get(generation);
      if (generationCode === undefined) generationCodes.set(generation, (generationCode = codeOf(generation)));
      const ageIndex = ageLabels.indexOf(ageGroup);
      visits.addCodes(
        (visit as ParsedDate).day,
        textCode(serviceO, serviceDefault, row),
        textCode(channelO, channelDefault, row),
        ageIndex >= 0 ? ageCodes[ageIndex] : unknownCode,
        generationCode,
        topicCode,
      );
    }
  }

  for (const v of named) visits.vetted.delete(v);
  // masalah_data shows a service, channel or topic cell as redacted as the summaries do.
  const textHeaders = new Set(Array.from(textCols, headerName));
  // Like the summaries, the sidebar names a free-text value only when at least MIN_ROWS_SHOWN rows hold it.
  const topChanges = fragInfo
    .filter((f, i) => f.count > 0 && (f.count >= MIN_ROWS_SHOWN || !textCols.has(fragColumn[i]) || builtIn.has(f.to)))
    .sort((a, b) => b.count - a.count || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0))
    .slice(0, 8);
  const out: Omit<CleanPlan, 'check'> = {
    sheetName: opts.sheetName,
    headerRow,
    firstDataRow,
    derivedStart,
    changes: changes.list(),
    rowsRead,
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

/**
 * Which blank dates take the date above (see logshape/filldown): per data row, the filled day and
 * the data row it came from, or null.
 */
function fillDownOf(
  grid: Grid,
  firstDataRow: number,
  dateCol: number,
  width: number,
  rowBlank: Uint8Array,
  visitDayOf: (r: number) => ParsedDate | null,
  merges: readonly { start: number; end: number }[],
  runningNumber: Uint8Array,
): ({ day: number; from: number } | null)[] {
  const n = rowBlank.length;
  const days: (number | null)[] = new Array(n);
  const dateBlank: boolean[] = new Array(n);
  const hasContent: boolean[] = new Array(n);
  const isTotal: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = grid[firstDataRow + i] ?? [];
    const v = visitDayOf(firstDataRow + i);
    days[i] = v ? v.day : null;
    dateBlank[i] = isBlank(row[dateCol]);
    let content = false;
    // A pre-numbered template row (only its running number filled) is not a visit.
    for (let c = 0; c < width && !content; c++) if (c !== dateCol && !runningNumber[c] && !isBlank(row[c])) content = true;
    hasContent[i] = content;
    // Only a row without a date can be taken for a dated visit by mistake: only those are checked.
    isTotal[i] = dateBlank[i] && !rowBlank[i] && isTotalRow(row.length > width ? row.slice(0, width) : row);
  }
  const dataMerges = merges.map((m) => ({ start: m.start - firstDataRow, end: m.end - firstDataRow })).filter((m) => m.end > 0 && m.start < n);
  const result = fillDownDates({ days, dateBlank, hasContent, isTotal, merges: dataMerges });
  return result.fills.map((f) => (f ? { day: f.day, from: f.from } : null));
}

/** The sheet's check for the result card, info_ringkasan and report.json. */
export function sheetCheck(plan: Pick<CleanPlan, 'dateOrder' | 'datesFilled' | 'review'>, lang: Lang): SheetCheck {
  const order = plan.dateOrder;
  const ambiguous = order !== null && order.order === 'ambiguous';
  const base = { dateOrder: order ? order.order : '', dateOrderReason: order ? order.reason : '', datesFilled: plan.datesFilled };
  if (plan.review.status === 'PERLU_PERIKSA') {
    return { status: 'PERLU_PERIKSA', reason: plan.review.reason + (ambiguous ? ' ' + t(lang, 'review.ambiguousOrder') + '.' : ''), fix: plan.review.fix, ...base };
  }
  if (ambiguous) return { status: 'PERLU_PERIKSA', reason: t(lang, 'review.ambiguousOrder') + '.', fix: t(lang, 'review.fixOrder'), ...base };
  return { status: 'BERHASIL', reason: '', fix: '', ...base };
}

/** Why a run's outcome needs checking ('' when it does not): the sheets marked PERLU_PERIKSA. */
export function runReview(plans: readonly { sheetName: string; plan: Pick<CleanPlan, 'check'> }[]): string {
  return plans
    .filter(({ plan }) => plan.check.status === 'PERLU_PERIKSA')
    .map(({ sheetName, plan }) => `${sheetName}: ${plan.check.reason}`)
    .join(' | ');
}

/**
 * BERHASIL, or PERLU_PERIKSA when more than REVIEW_INVALID_SHARE of the rows were left out: the
 * reason that accounts for most of them, and what to try. A run that drops many rows says so.
 */
export function reviewOf(rowsRead: number, counts: StatusCounts, problems: readonly Problem[], lang: Lang): SheetReview {
  const leftOut = counts.TIDAK_VALID + counts.DUPLIKAT;
  if (rowsRead === 0 || leftOut / rowsRead <= REVIEW_INVALID_SHARE) return { status: 'BERHASIL', reason: '', fix: '' };
  const byReason = new Map<string, number>();
  for (const p of problems) if (p.tindakan === t(lang, 'tindakan.excluded')) byReason.set(p.masalah, (byReason.get(p.masalah) ?? 0) + 1);
  if (counts.DUPLIKAT > 0) byReason.set(t(lang, 'review.duplicates'), counts.DUPLIKAT);
  let main = '';
  let most = 0;
  for (const [reason, n] of byReason) if (n > most) [main, most] = [reason, n];
  const percent = Math.round((100 * leftOut) / rowsRead);
  const fix =
    main === t(lang, 'masalah.noDate') ? t(lang, 'review.fixNoDate') : main === t(lang, 'masalah.badDate') ? t(lang, 'review.fixBadDate') : main === t(lang, 'review.duplicates') ? t(lang, 'review.fixDuplicates') : t(lang, 'review.fixOther');
  return { status: 'PERLU_PERIKSA', reason: t(lang, 'review.reason', { percent, n: leftOut, rows: rowsRead, main: main || '-', most }), fix };
}
