/**
 * The cleaner: from the grid of one service-log sheet to a plan of in-place cell changes, the
 * status of every row, the problems to list, and the visit records the summaries count.
 *
 * It never touches the spreadsheet. It is idempotent: cleaning its own output plans no change,
 * which is what lets a nightly run write nothing on an unchanged log. Work is memoised per
 * distinct raw value, so a million rows cost little more than their distinct spellings.
 */
import type { ChangeSummary, CleanStatus, Lang, Settings, StatusCounts } from '../shared/api';
import { Cell, Grid, cellText, isBlank, isDate } from './cells';
import { DERIVED_HEADERS, DerivedHeader, ColumnMapping, columnOf } from './mapping';
import { ParsedDate, detectDayOrder, parseDate, DayOrder } from './dates';
import { ZoneClock, ymdOfDay, isoOfDay, pad2 } from './zone';
import { KamusEntry, KOLOM_OF_ROLE, canonicalise, dictionaryFor } from './canonical';
import { ValueRole, UNKNOWN } from './vocabulary';
import { redact, tidy } from './text';
import {
  MAX_PLAUSIBLE_AGE,
  MIN_PLAUSIBLE_AGE,
  UNKNOWN_GROUP,
  ageGroupLabels,
  ageGroupOf,
  generationOf,
  weekOfMonth,
} from './settings';
import { t } from './i18n';

export interface CleanOptions {
  sheetName: string;
  mapping: ColumnMapping;
  clock: ZoneClock;
  settings: Settings;
  kamus: readonly KamusEntry[];
  lang: Lang;
  /** True when the cell holds a formula: it is read, never overwritten. */
  isFormula?: (row: number, col: number) => boolean;
}

/** Changed cells of one column: grid row indices, their new values and, for dates, formats. */
export interface ColumnChange {
  col: number;
  rows: number[];
  values: Cell[];
  formats: string[] | null;
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
  records: VisitRecord[];
  problems: Problem[];
  /** The whole dictionary after this run: what was given plus every spelling seen now. */
  kamus: KamusEntry[];
  topChanges: ChangeSummary[];
}

const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const MIN_VISIT_YEAR = 1990;
const MAX_VISIT_YEAR = 2100;
const MIN_BIRTH_YEAR = 1900;
const SHOWN_VALUE_LENGTH = 60;

/** Sparse per-column change lists, built row by row. */
class ChangeSet {
  private readonly byCol = new Map<number, ColumnChange>();

  set(col: number, row: number, value: Cell, format: string | null = null): void {
    let ch = this.byCol.get(col);
    if (!ch) {
      ch = { col, rows: [], values: [], formats: null };
      this.byCol.set(col, ch);
    }
    ch.rows.push(row);
    ch.values.push(value);
    if (format !== null || ch.formats) {
      if (!ch.formats) ch.formats = new Array<string>(ch.rows.length - 1).fill('');
      ch.formats.push(format ?? '');
    }
  }

  list(): ColumnChange[] {
    return Array.from(this.byCol.values()).sort((a, b) => a.col - b.col);
  }
}

function shown(v: Cell): string {
  const s = isDate(v) ? v.toISOString() : String(v);
  return s.length > SHOWN_VALUE_LENGTH ? s.slice(0, SHOWN_VALUE_LENGTH - 1) + '\u2026' : s;
}

function showParsed(p: ParsedDate): string {
  if (p.seconds === null) return isoOfDay(p.day);
  const s = p.seconds;
  return `${isoOfDay(p.day)} ${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
}

/** Whole years from a text or number age: "35 th", "35 tahun", " 35 ", 35. */
export function parseAge(v: Cell): number | null {
  if (typeof v === 'number') return isFinite(v) && v >= 0 ? Math.floor(v) : null;
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d{1,3})(?:[.,]\d+)?\s*(?:th|thn|tahun|tahunan|thnan|yr|yrs|year|years|y\.?o\.?)?\.?\s*$/i.exec(v);
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

/** Memoised date reading for one column. */
function dateReader(clock: ZoneClock, order: DayOrder): (v: Cell) => ParsedDate | null {
  const cache = new Map<string, ParsedDate | null>();
  return (v: Cell) => {
    if (typeof v !== 'string') return parseDate(v, clock, order);
    let p = cache.get(v);
    if (p === undefined) {
      p = parseDate(v, clock, order);
      cache.set(v, p);
    }
    return p;
  };
}

function columnValues(grid: Grid, col: number, from: number): Cell[] {
  const out: Cell[] = [];
  if (col < 0) return out;
  for (let r = from; r < grid.length; r++) out.push(grid[r][col]);
  return out;
}

/** Builds each categorical column's canonical mapping from its distinct spellings. */
function buildCanonicalMaps(
  grid: Grid,
  from: number,
  cols: Record<ValueRole, number>,
  kamus: readonly KamusEntry[],
): { maps: Record<ValueRole, Map<string, string>>; entries: KamusEntry[] } {
  const maps = {} as Record<ValueRole, Map<string, string>>;
  const entries: KamusEntry[] = [];
  for (const role of ['service', 'channel', 'topic'] as ValueRole[]) {
    const col = cols[role];
    const counts = new Map<string, number>();
    if (col >= 0) {
      for (let r = from; r < grid.length; r++) {
        const v = grid[r][col];
        if (typeof v !== 'string') continue;
        const s = tidy(v);
        if (s !== '') counts.set(s, (counts.get(s) ?? 0) + 1);
      }
    }
    const dict = dictionaryFor(role, kamus);
    const map = canonicalise(role, counts, dict);
    maps[role] = map;
    const kolom = KOLOM_OF_ROLE[role];
    const seen = new Map<string, string>(dict);
    for (const [asli, baku] of map) seen.set(asli, baku);
    for (const baku of Array.from(seen.values())) if (!seen.has(baku)) seen.set(baku, baku);
    for (const [asli, baku] of seen) entries.push({ kolom, asli, baku });
  }
  for (const e of kamus) {
    const kolom = e.kolom.trim().toLowerCase();
    if (!Object.values(KOLOM_OF_ROLE).includes(kolom)) entries.push(e);
  }
  entries.sort((a, b) => (a.kolom === b.kolom ? (a.asli < b.asli ? -1 : a.asli > b.asli ? 1 : 0) : a.kolom < b.kolom ? -1 : 1));
  return { maps, entries };
}

export function cleanLog(grid: Grid, opts: CleanOptions): CleanPlan {
  const { mapping, clock, settings, lang } = opts;
  const isFormula = opts.isFormula ?? (() => false);
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

  const derivedPresent = DERIVED_HEADERS.every((h) => mapping.derived[h] !== undefined);
  const derivedStart = derivedPresent
    ? (mapping.derived.kelompok_usia as number)
    : mapping.derived.kelompok_usia ?? Math.max(width, lastFilled(header) + 1, grid[headerRow]?.length ?? 0);
  const dcol = (h: DerivedHeader): number => derivedStart + DERIVED_HEADERS.indexOf(h);

  const changes = new ChangeSet();
  const ageLabels = ageGroupLabels(settings.ageBounds);
  const readVisit = dateReader(clock, detectDayOrder(columnValues(grid, dateCol, firstDataRow)));
  const readBirth = dateReader(clock, detectDayOrder(columnValues(grid, birthCol, firstDataRow)));
  const { maps, entries } = buildCanonicalMaps(grid, firstDataRow, cols, opts.kamus);

  // Derived headers, when any is missing or out of place.
  for (let k = 0; k < DERIVED_HEADERS.length; k++) {
    const c = derivedStart + k;
    if (header[c] !== DERIVED_HEADERS[k]) changes.set(c, headerRow, DERIVED_HEADERS[k]);
  }

  const counts: StatusCounts = { OK: 0, DIPERBAIKI: 0, DUPLIKAT: 0, TIDAK_VALID: 0 };
  const records: VisitRecord[] = [];
  const problems: Problem[] = [];
  const firstRowOfKey = new Map<string, number>();
  const changeTally = new Map<string, ChangeSummary>();
  const redactedTopic = new Map<string, string>();
  let rowsRead = 0;

  const tally = (kolom: string, from: string, to: string): void => {
    const key = kolom + '\u0000' + from + '\u0000' + to;
    const hit = changeTally.get(key);
    if (hit) hit.count++;
    else changeTally.set(key, { column: kolom, from, to, count: 1 });
  };

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
        if (!isBlank(row[c]) && !isFormula(r, c)) changes.set(c, r, '');
      }
      continue;
    }
    rowsRead++;
    const notes: string[] = [];
    let changed = false;
    const keyParts: string[] = new Array(width);
    for (let c = 0; c < width; c++) keyParts[c] = keyOf(row[c]);

    const change = (c: number, next: Cell, from: string, to: string, format: string | null = null): void => {
      keyParts[c] = keyOf(next);
      if (isFormula(r, c)) return;
      changes.set(c, r, next, format);
      changed = true;
      notes.push(t(lang, 'catatan.changed', { kolom: headerName(c), from, to }));
      tally(headerName(c), from, to);
    };

    // Visit date.
    const rawDate = dateCol >= 0 ? row[dateCol] : '';
    let visit = dateCol >= 0 ? readVisit(rawDate) : null;
    if (visit) {
      const y = ymdOfDay(visit.day).y;
      if (y < MIN_VISIT_YEAR || y > MAX_VISIT_YEAR) visit = null;
    }
    let invalidNote = '';
    let invalidMasalah = '';
    if (!visit) {
      invalidNote = isBlank(rawDate) ? t(lang, 'catatan.noDate') : t(lang, 'catatan.badDate', { value: shown(rawDate) });
      invalidMasalah = isBlank(rawDate) ? t(lang, 'masalah.noDate') : t(lang, 'masalah.badDate');
    } else {
      keyParts[dateCol] = 'd' + visit.day + ':' + (visit.seconds ?? 0);
      const instant = clock.fromLocal(visit.day, visit.seconds ?? 0);
      if (!(isDate(rawDate) && rawDate.getTime() === instant.getTime())) {
        change(dateCol, instant, shown(rawDate), showParsed(visit), visit.seconds === null ? DATE_FORMAT : DATETIME_FORMAT);
        keyParts[dateCol] = 'd' + visit.day + ':' + (visit.seconds ?? 0);
      }
    }

    // Age, from the birth date when there is one.
    let age: number | null = null;
    let birthYear: number | null = null;
    let ageProblem: { note: string; masalah: string; col: number; value: Cell } | null = null;
    if (birthCol >= 0 && !isBlank(row[birthCol])) {
      const raw = row[birthCol];
      const birth = readBirth(raw);
      const by = birth ? ymdOfDay(birth.day).y : 0;
      if (birth && by >= MIN_BIRTH_YEAR && (!visit || birth.day < visit.day)) {
        birthYear = by;
        keyParts[birthCol] = 'd' + birth.day;
        const instant = clock.fromLocal(birth.day, 0);
        if (!(isDate(raw) && raw.getTime() === instant.getTime())) change(birthCol, instant, shown(raw), isoOfDay(birth.day), DATE_FORMAT);
        if (visit) age = completedYears(birth.day, visit.day);
      } else {
        ageProblem = { note: t(lang, 'catatan.badBirth', { value: shown(raw) }), masalah: t(lang, 'masalah.badBirth'), col: birthCol, value: raw };
      }
    }
    if (ageCol >= 0 && !isBlank(row[ageCol])) {
      const raw = row[ageCol];
      const parsed = parseAge(raw);
      if (parsed === null) {
        if (age === null) ageProblem = { note: t(lang, 'catatan.unreadableAge', { value: shown(raw) }), masalah: t(lang, 'masalah.unreadableAge'), col: ageCol, value: raw };
      } else if (parsed < MIN_PLAUSIBLE_AGE || parsed > MAX_PLAUSIBLE_AGE) {
        if (age === null) ageProblem = { note: t(lang, 'catatan.badAge', { value: shown(raw) }), masalah: t(lang, 'masalah.badAge', { min: MIN_PLAUSIBLE_AGE, max: MAX_PLAUSIBLE_AGE }), col: ageCol, value: raw };
      } else {
        keyParts[ageCol] = 'n' + parsed;
        if (raw !== parsed) change(ageCol, parsed, shown(raw), String(parsed));
        if (age === null) age = parsed;
      }
    }
    if (age !== null && (age < MIN_PLAUSIBLE_AGE || age > MAX_PLAUSIBLE_AGE)) {
      ageProblem = ageProblem ?? { note: t(lang, 'catatan.badAge', { value: String(age) }), masalah: t(lang, 'masalah.badAge', { min: MIN_PLAUSIBLE_AGE, max: MAX_PLAUSIBLE_AGE }), col: birthCol >= 0 ? birthCol : ageCol, value: birthCol >= 0 ? row[birthCol] : row[ageCol] };
      age = null;
      birthYear = null;
    }
    if (ageProblem) notes.push(ageProblem.note);
    if (birthYear === null && age !== null && visit) birthYear = ymdOfDay(visit.day).y - age;

    // Service, channel, topic.
    const canon: Record<ValueRole, string> = { service: '', channel: '', topic: '' };
    for (const role of ['service', 'channel', 'topic'] as ValueRole[]) {
      const c = cols[role];
      if (c < 0) continue;
      const raw = row[c];
      if (typeof raw !== 'string') {
        canon[role] = isBlank(raw) ? '' : cellText(raw);
        continue;
      }
      const tidied = tidy(raw);
      if (tidied === '') continue;
      const value = maps[role].get(tidied) ?? tidied;
      canon[role] = value;
      if (raw !== value) change(c, value, shown(raw), value);
    }

    // Status.
    let status: CleanStatus;
    let note: string;
    const key = keyParts.join('\u241f');
    const earlier = visit ? firstRowOfKey.get(key) : undefined;
    const existingStatus = derivedPresent ? row[dcol('status_bersih')] : '';
    if (!visit) {
      status = 'TIDAK_VALID';
      // Like DIPERBAIKI below: a re-run that changes nothing keeps the note of the run that did.
      note = !changed && existingStatus === 'TIDAK_VALID' ? String(row[dcol('catatan_bersih')] ?? '') : [invalidNote, ...notes].join('; ');
      problems.push({ row: r + 1, kolom: dateCol >= 0 ? headerName(dateCol) : '', nilaiAsli: shown(rawDate), masalah: invalidMasalah, tindakan: t(lang, 'tindakan.excluded') });
    } else if (earlier !== undefined) {
      status = 'DUPLIKAT';
      note = t(lang, 'catatan.duplicate', { row: earlier + 1 });
      problems.push({ row: r + 1, kolom: t(lang, 'row.whole'), nilaiAsli: '', masalah: t(lang, 'masalah.duplicate', { row: earlier + 1 }), tindakan: t(lang, 'tindakan.duplicate') });
    } else {
      firstRowOfKey.set(key, r);
      if (changed) {
        status = 'DIPERBAIKI';
        note = notes.join('; ');
      } else if (existingStatus === 'DIPERBAIKI') {
        // A row fixed by an earlier run keeps its status and note: cleaning clean data changes nothing.
        status = 'DIPERBAIKI';
        note = String(row[dcol('catatan_bersih')] ?? '');
      } else {
        status = 'OK';
        note = notes.join('; ');
      }
      if (ageProblem) {
        problems.push({ row: r + 1, kolom: headerName(ageProblem.col), nilaiAsli: shown(ageProblem.value), masalah: ageProblem.masalah, tindakan: t(lang, 'tindakan.ageIgnored') });
      }
    }
    counts[status]++;

    // Derived columns.
    const ageGroup = ageGroupOf(age, settings.ageBounds, ageLabels);
    const generation = generationOf(birthYear);
    let week: Cell = '';
    let month: Cell = '';
    if (visit) {
      const ymd = ymdOfDay(visit.day);
      week = weekOfMonth(ymd.d);
      month = `${ymd.y}-${pad2(ymd.m)}`;
    }
    const derived: Record<DerivedHeader, Cell> = {
      kelompok_usia: ageGroup,
      generasi: generation,
      minggu_ke: week,
      bulan: month,
      status_bersih: status,
      catatan_bersih: note,
    };
    for (let k = 0; k < DERIVED_HEADERS.length; k++) {
      const c = derivedStart + k;
      const next = derived[DERIVED_HEADERS[k]];
      const cur = row[c] === undefined ? '' : row[c];
      if (cur !== next && !isFormula(r, c)) changes.set(c, r, next);
    }

    if (status === 'OK' || status === 'DIPERBAIKI') {
      let topic = canon.topic;
      if (topic !== '') {
        let safe = redactedTopic.get(topic);
        if (safe === undefined) {
          safe = redact(topic);
          redactedTopic.set(topic, safe);
        }
        topic = safe;
        if (personalCols.length) {
          const lower = topic.toLowerCase();
          const names: string[] = [];
          for (const pc of personalCols) {
            const pv = row[pc];
            if (typeof pv === 'string' && pv.trim().length >= 3 && lower.includes(tidy(pv).toLowerCase())) names.push(pv);
          }
          if (names.length) topic = redact(topic, names);
        }
      }
      records.push({
        day: (visit as ParsedDate).day,
        service: canon.service || mapping.constants.service || UNKNOWN,
        channel: canon.channel || mapping.constants.channel || UNKNOWN,
        ageGroup,
        generation,
        topic: topic || UNKNOWN_GROUP,
      });
    }
  }

  const topChanges = Array.from(changeTally.values())
    .sort((a, b) => b.count - a.count || (a.column < b.column ? -1 : 1))
    .slice(0, 8);
  return {
    sheetName: opts.sheetName,
    headerRow,
    firstDataRow,
    derivedStart,
    changes: changes.list(),
    rowsRead,
    counts,
    records,
    problems,
    kamus: entries,
    topChanges,
  };
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

function lastFilled(row: Cell[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (!isBlank(row[c])) return c;
  return -1;
}
