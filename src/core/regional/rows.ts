/**
 * The regional rows: what a branch sends to the regional BigQuery table after its nightly run.
 * One row per valid visit (status_bersih OK or DIPERBAIKI), no names and no KPJ number: the KPJ
 * only enters `kunci_baris`, a keyed hash (HMAC-SHA-256 under a secret kept in the script's
 * properties) that makes a row's identity stable across nights, so a re-sent row is recognised
 * and never counted twice. Rare free text reads Lainnya, as in the branch's own summary tabs.
 */
import type { Cell, Grid } from '../cells';
import { isBlank, isDate } from '../cells';
import type { ColumnMapping } from '../mapping';
import { columnOf } from '../mapping';
import { MIN_ROWS_SHOWN, OTHER } from '../summarise';
import { UNKNOWN_GROUP } from '../settings';
import { UNKNOWN, VOCABULARY, ValueRole } from '../vocabulary';
import { tidy, words } from '../text';
import { safeText } from '../canonical';
import { isoOfDay } from '../zone';

/** The regional table's columns, in order, with their BigQuery types. */
export const REGIONAL_COLUMNS = [
  { name: 'cabang', type: 'STRING' },
  { name: 'sumber', type: 'STRING' },
  { name: 'tanggal', type: 'DATE' },
  { name: 'layanan', type: 'STRING' },
  { name: 'kanal', type: 'STRING' },
  { name: 'topik', type: 'STRING' },
  { name: 'kelompok_usia', type: 'STRING' },
  { name: 'generasi', type: 'STRING' },
  { name: 'status_bersih', type: 'STRING' },
  { name: 'kunci_baris', type: 'STRING' },
] as const;

export type RegionalColumn = (typeof REGIONAL_COLUMNS)[number]['name'];
export type RegionalRow = Record<RegionalColumn, string>;

/** Statuses of the rows the summaries count (the others are duplicates or invalid). */
export const VALID_STATUSES = ['OK', 'DIPERBAIKI'] as const;

/** Where a cleaned log keeps what the regional row needs (0-based grid columns; -1: absent). */
export interface LogColumns {
  headerRow: number;
  date: number;
  service: number;
  channel: number;
  topic: number;
  /** The KPJ number column (a personal column whose header names KPJ), or -1. */
  kpj: number;
  ageGroup: number;
  generation: number;
  status: number;
  /** Values of a sheet without a service or channel column (the sheet's constants). */
  constants: { service: string; channel: string };
  /** Columns of personal data (names, numbers): a row's own name inside its text is redacted too. */
  personal?: readonly number[];
}

/**
 * The columns of a cleaned log, or null when it has not been cleaned yet (no derived block): an
 * uncleaned sheet has no status_bersih, so nothing in it is known to be valid.
 */
export function logColumnsOf(mapping: ColumnMapping, header: readonly Cell[]): LogColumns | null {
  const d = mapping.derived;
  if (d.status_bersih === undefined || d.kelompok_usia === undefined || d.generasi === undefined) return null;
  const kpj = mapping.roles.findIndex((role, c) => role === 'personal' && words(String(header[c] ?? '')).includes('kpj'));
  return {
    headerRow: mapping.headerRow,
    date: columnOf(mapping, 'date'),
    service: columnOf(mapping, 'service'),
    channel: columnOf(mapping, 'channel'),
    topic: columnOf(mapping, 'topic'),
    kpj,
    ageGroup: d.kelompok_usia,
    generation: d.generasi,
    status: d.status_bersih,
    constants: mapping.constants,
    personal: mapping.roles.flatMap((role, c) => (role === 'personal' ? [c] : [])),
  };
}

export interface LogSheet {
  /** The sheet's id: what the sent marks are kept by. */
  id: number;
  name: string;
  grid: Grid;
  columns: LogColumns;
}

/** A valid visit with its key, before rare values are hidden. */
interface KeyedVisit {
  row: RegionalRow;
  /** 0-based data row (grid row after the header). */
  at: number;
}

/** How far a sheet has been sent: data rows before `through` are in BigQuery; `digest` fingerprints their keys. */
export interface SentMark {
  through: number;
  digest: string;
}

export interface RegionalOptions {
  branchCode: string;
  /** The keyed hash (HMAC-SHA-256 under the script's secret), hex. */
  keyedHash: (message: string) => string;
  /** The local day number of a date cell in the spreadsheet's zone. */
  dayOf: (date: Date) => number;
}

const SEP = '\u241f';

const text = (v: Cell | undefined): string => (v === undefined || isBlank(v) ? '' : String(v).trim());
const valueOr = (v: string): string => (v === '' ? UNKNOWN : v);

/**
 * Service, channel and topic as they may leave the branch: redacted like every value the summaries
 * show (core/canonical.ts safeText: numbers, e-mail addresses, names), with the row's own name
 * (from its personal columns) taken out too, as the cleaner does for the ds_ tabs.
 */
function redactor(personalCols: readonly number[]): (value: string, row: readonly Cell[]) => string {
  const safe = new Map<string, string>();
  return (value, row) => {
    let out = safe.get(value);
    if (out === undefined) safe.set(value, (out = safeText(value)));
    const lower = out.toLowerCase();
    const names: string[] = [];
    for (const pc of personalCols) {
      const name = tidy(text(row[pc]));
      if (name.length >= 3 && !/^\d+$/.test(name) && lower.includes(name.toLowerCase())) names.push(name);
    }
    return names.length ? safeText(out, names) : out;
  };
}

/**
 * The valid visits of one sheet, in row order, with their keys (see kunci_baris above). A valid
 * row whose date cell is blank had its date filled by the cleaner from the row above (a date
 * written once per day, or a merged cell): it takes the same date here. A valid row without any
 * readable date is counted in `undated`, never dropped silently.
 */
function keyedVisits(sheet: LogSheet, opts: RegionalOptions): { visits: KeyedVisit[]; undated: number } {
  const c = sheet.columns;
  const out: KeyedVisit[] = [];
  const seen = new Map<string, number>();
  const shown = redactor(c.personal ?? []);
  const constants = { service: safeText(c.constants.service), channel: safeText(c.constants.channel) };
  let undated = 0;
  let above: Date | null = null;
  for (let r = c.headerRow + 1; r < sheet.grid.length; r++) {
    const cells = sheet.grid[r] as Cell[];
    const cell = cells[c.date];
    const own = isDate(cell) && !isNaN(cell.getTime()) ? cell : null;
    const date = own ?? (cell === undefined || isBlank(cell) ? above : null);
    if (own) above = own;
    const status = text(cells[c.status]);
    if (!(VALID_STATUSES as readonly string[]).includes(status)) continue;
    if (!date) {
      undated++;
      continue;
    }
    const row: RegionalRow = {
      cabang: opts.branchCode,
      sumber: sheet.name,
      tanggal: isoOfDay(opts.dayOf(date)),
      layanan: valueOr(c.service >= 0 ? shown(text(cells[c.service]), cells) : constants.service),
      kanal: valueOr(c.channel >= 0 ? shown(text(cells[c.channel]), cells) : constants.channel),
      topik: valueOr(c.topic >= 0 ? shown(text(cells[c.topic]), cells) : ''),
      kelompok_usia: text(cells[c.ageGroup]) || UNKNOWN_GROUP,
      generasi: text(cells[c.generation]) || UNKNOWN_GROUP,
      status_bersih: status,
      kunci_baris: '',
    };
    // The same visit written twice on purpose (two people, same day, same need, no KPJ) is two
    // visits: the occurrence number tells them apart and stays the same night after night.
    const material = [row.cabang, row.sumber, row.tanggal, row.layanan, row.kanal, row.topik, row.kelompok_usia, row.generasi, c.kpj >= 0 ? text(cells[c.kpj]) : ''].join(SEP);
    const n = (seen.get(material) ?? 0) + 1;
    seen.set(material, n);
    row.kunci_baris = opts.keyedHash(material + SEP + n);
    out.push({ row, at: r - c.headerRow - 1 });
  }
  return { visits: out, undated };
}

/** Values never hidden: the built-in vocabulary of the field, the unknown value and OTHER itself. */
function alwaysShown(role: ValueRole): Set<string> {
  return new Set([...VOCABULARY[role].map((e) => e.canonical), UNKNOWN, UNKNOWN_GROUP, OTHER]);
}

const HIDDEN_FIELDS: [RegionalColumn, ValueRole][] = [
  ['layanan', 'service'],
  ['kanal', 'channel'],
  ['topik', 'topic'],
];

/**
 * Rare free text as OTHER, counted over every valid visit of the document (as summarise counts
 * them): a name or a story typed into a topic never reaches the regional table. Values staff
 * vetted in the kamus are not known here, so a rare vetted service also reads Lainnya there.
 */
export function hideRareValues(all: readonly RegionalRow[], rows: readonly RegionalRow[]): RegionalRow[] {
  const hidden = new Map<RegionalColumn, Set<string>>();
  for (const [field, role] of HIDDEN_FIELDS) {
    const counts = new Map<string, number>();
    for (const r of all) counts.set(r[field], (counts.get(r[field]) ?? 0) + 1);
    const keep = alwaysShown(role);
    hidden.set(field, new Set(Array.from(counts).filter(([v, n]) => n < MIN_ROWS_SHOWN && !keep.has(v)).map(([v]) => v)));
  }
  return rows.map((r) => {
    const out = { ...r };
    for (const [field] of HIDDEN_FIELDS) if (hidden.get(field)?.has(out[field])) out[field] = OTHER;
    return out;
  });
}

export interface RegionalPlan {
  /** Rows to load tonight (new since the marks, or every row of a sheet edited above its mark). */
  rows: RegionalRow[];
  /** The marks to keep once the rows are in BigQuery. */
  marks: Record<string, SentMark>;
  /**
   * Sheets (sumber) sent whole tonight: the rows hold every valid visit of them, so a row the
   * regional table holds for them and tonight's rows do not (a visit edited or removed since) is
   * stale, and the MERGE removes it.
   */
  whole: string[];
  /** Valid visits in the document. */
  valid: number;
  /** Valid rows not sent because no date could be read for them (a formula giving text): said, not hidden. */
  undated: number;
}

/**
 * Data rows up to the last one the clean has passed (it has a status_bersih): rows typed below
 * it, or not reached yet by a run that continues in a later execution, are sent once cleaned.
 */
function cleanedThrough(sheet: LogSheet): number {
  const c = sheet.columns;
  for (let r = sheet.grid.length - 1; r > c.headerRow; r--) if (text((sheet.grid[r] as Cell[])[c.status]) !== '') return r - c.headerRow;
  return 0;
}

/** Fingerprint of the keys of a sheet's rows before `through`. */
function digestOf(visits: readonly KeyedVisit[], through: number, opts: RegionalOptions): string {
  return opts.keyedHash(visits.filter((v) => v.at < through).map((v) => v.row.kunci_baris).join(','));
}

/**
 * What to send tonight. Rows after a sheet's mark are new; when the rows before it changed
 * (edited, sorted, inserted above) its digest no longer matches and the whole sheet is sent again:
 * the MERGE on kunci_baris adds only the rows BigQuery does not hold yet.
 */
export function planRegionalSend(sheets: readonly LogSheet[], marks: Readonly<Record<string, SentMark>>, opts: RegionalOptions): RegionalPlan {
  const perSheet = sheets.map((sheet) => ({ sheet, ...keyedVisits(sheet, opts) }));
  const all = perSheet.flatMap((s) => s.visits.map((v) => v.row));
  const chosen: RegionalRow[] = [];
  const whole: string[] = [];
  const next: Record<string, SentMark> = {};
  for (const { sheet, visits } of perSheet) {
    const dataRows = cleanedThrough(sheet);
    const mark = marks[String(sheet.id)];
    const intact = mark !== undefined && mark.through <= dataRows && digestOf(visits, mark.through, opts) === mark.digest;
    const from = intact ? mark.through : 0;
    if (!intact && mark !== undefined) whole.push(sheet.name);
    for (const v of visits) if (v.at >= from) chosen.push(v.row);
    next[String(sheet.id)] = { through: dataRows, digest: digestOf(visits, dataRows, opts) };
  }
  const undated = perSheet.reduce((n, s) => n + s.undated, 0);
  return { rows: hideRareValues(all, chosen), marks: next, valid: all.length + undated, undated, whole };
}
