/**
 * The summaries: from the visit records of every registered sheet to the rows of each summary
 * tab (see contract.ts). Pure: dates go in as day numbers and come out as Date instants of local
 * midnight through the zone clock, so they land as real date cells in the spreadsheet's zone.
 *
 * Verbs (summarise/): suppress rare free text (suppress.ts), count every sheet's visits on
 * integer codes (counts.ts, counter.ts), then one builder per count tab (tabs.ts), the insight
 * tabs (insights/) and info_ringkasan, in the contract's tab order.
 */
import type { Lang, Settings, SheetCheck, StatusCounts } from '../shared/api';
import { Cell } from './cells';
import { VisitField, VisitTable } from './table';
import { INSIGHT_REPORT_TABS, SUMMARY_TABS } from './contract';
import { CodedColumn, CodedVisits, DEFAULT_INSIGHT_SETTINGS, InsightSettings, PERUBAHAN_DAY_COLUMNS, PRAKIRAAN_DAY_COLUMNS, buildCodedInsights } from './insights/index';
import { closedDates } from './insights/holidays';
import type { WeekPoint } from './insights/prakiraan';
import { Bucket, PeakRow, bucketsBetween, detectPeaks } from './peaks';
import { WEEKDAY_NAMES } from './settings';
import { ZoneClock, isoOfDay } from './zone';
import { VisitTallies } from './summarise/counts';
import { Combos, combosOf } from './summarise/combos';
import { Hidden, OTHER, suppressedValues } from './summarise/suppress';
import { TAB_BUILDERS, TabContext, isCountTab } from './summarise/tabs';

export { jmoComplaintCategory } from './summarise/counts';
export { MIN_ROWS_SHOWN, OTHER, suppressedValues } from './summarise/suppress';
export { ageRank, generationRank, monthStartDay } from './summarise/tabs';

export interface SheetRecords {
  sheetName: string;
  /** Whether the sheet's outcome needs checking (PERLU PERIKSA), and why. */
  check?: SheetCheck;
  visits: VisitTable;
  counts: StatusCounts;
  rowsRead: number;
}

export interface SummaryTable {
  name: string;
  headers: string[];
  rows: Cell[][];
}

export interface RunInfo {
  version: string;
  refreshedAt: string;
  /** Today's day number in the spreadsheet's zone (the forecast starts after it); absent: the last visit's day. */
  today?: number;
  /** The language of the wawasan texts (the sheet's). */
  lang?: Lang;
  lastRun: { kind: string; start: string; end: string; ok: boolean; rowsProcessed: number; error: string; review?: string } | null;
}

/** A wawasan row for the sidebar's result card. */
export interface Finding {
  kode: string;
  temuan: string;
  rekomendasi: string;
  angka: string;
}

export interface Summaries {
  tables: SummaryTable[];
  peaks: PeakRow[];
  earlyMonthPeaks: string[];
  counts: StatusCounts;
  /** The wawasan findings, for the sidebar's result card. */
  findings: Finding[];
  /** Weekly visits with the forecast band, for the sidebar's chart. */
  weeks: WeekPoint[];
}

export { WEEKDAY_NAMES };

/** BERHASIL, GAGAL, or PERLU PERIKSA (the run worked but its outcome needs a person to look). */
export function runStatusText(record: RunInfo['lastRun']): string {
  if (!record) return '';
  if (!record.ok) return 'GAGAL';
  return record.review ? 'PERLU PERIKSA' : 'BERHASIL';
}

export function summarise(sheets: readonly SheetRecords[], settings: Settings, clock: ZoneClock, run: RunInfo): Summaries {
  // Local midnight of each day, worked out once per day (the tabs ask for the same few hundred
  // days thousands of times); every cell still gets a Date of its own.
  const midnights = new Map<number, number>();
  const dateOf = (day: number): Date => {
    let ms = midnights.get(day);
    if (ms === undefined) midnights.set(day, (ms = clock.fromLocal(day, 0).getTime()));
    return new Date(ms);
  };
  const counts: StatusCounts = { OK: 0, DIPERBAIKI: 0, DUPLIKAT: 0, TIDAK_VALID: 0 };
  let rowsRead = 0;
  // Each sheet's distinct field combinations and (day, combination) cells, found in one pass:
  // suppression, the count tabs and the insights count per combination or per cell (combos.ts).
  const combos = sheets.map((s) => combosOf(s.visits));
  const hidden = suppressedValues(sheets, combos);
  const tallies = new VisitTallies(hidden);
  sheets.forEach((sheet, i) => {
    for (const k of Object.keys(counts) as (keyof StatusCounts)[]) counts[k] += sheet.counts[k];
    rowsRead += sheet.rowsRead;
    tallies.addSheet(sheet.sheetName, sheet.visits, combos[i]);
  });
  const { firstDay, lastDay } = tallies;

  // Closed days: the holidays staff set, and the built-in ones with no visit in the log (a branch
  // that opened on one worked that day). Counted as working days, Lebaran's week reads as a quiet
  // week and the week before it as a peak.
  const builtIn = closedDates();
  const visited = new Set<number>();
  for (const c of combos) for (let j = 0; j < c.cells.size; j++) visited.add(c.cells.day[j] as number);
  const closed = (day: number): boolean => {
    const iso = isoOfDay(day);
    return settings.holidays.includes(iso) || (!visited.has(day) && builtIn.has(iso));
  };
  const buckets: Bucket[] = firstDay <= lastDay ? bucketsBetween(firstDay, lastDay, closed) : [];
  const peaks = detectPeaks(buckets, (b) => tallies.bucketTotal.get(`${b.month}#${b.week}`) ?? 0, settings.peakThreshold);
  const earlyMonthPeaks = peaks.filter((p) => p.earlyMonthPeak).map((p) => p.month);
  const ctx: TabContext = { tallies, settings, dateOf, buckets, peaks };
  const tables = new Map<string, Cell[][]>();
  for (const tab of SUMMARY_TABS) if (isCountTab(tab.name)) tables.set(tab.name, TAB_BUILDERS[tab.name](ctx));

  // Wawasan: forecast, staffing, surges and recommendations, from the same visits as the tabs
  // above (rare free text already reads Lainnya), as four more tabs of the contract (version 2).
  const insights = buildCodedInsights(insightInputOf(sheets, combos, hidden), run.today ?? (lastDay > -Infinity ? lastDay : 0), insightSettingsOf(settings), run.lang ?? 'id');
  for (const table of insights.tables) {
    const dayCols = new Set<number>();
    table.headers.forEach((h, i) => (INSIGHT_DAY_HEADERS[table.name] ?? []).includes(h) && dayCols.add(i));
    tables.set(table.name, table.rows.map((row) => row.map((v, i) => (dayCols.has(i) && typeof v === 'number' ? dateOf(v) : v))));
  }

  const info: [string, string][] = [
    ['versi', run.version],
    ['terakhir_diperbarui', run.refreshedAt],
    ['zona_waktu', clock.timeZone],
    ['sheet_termasuk', sheets.map((s) => s.sheetName).join(', ')],
    ['baris_dibaca', String(rowsRead)],
    ['baris_ok', String(counts.OK)],
    ['baris_diperbaiki', String(counts.DIPERBAIKI)],
    ['baris_duplikat', String(counts.DUPLIKAT)],
    ['baris_tidak_valid', String(counts.TIDAK_VALID)],
    ['baris_dihitung', String(counts.OK + counts.DIPERBAIKI)],
    ['periode_mulai', firstDay <= lastDay ? isoOfDay(firstDay) : ''],
    ['periode_selesai', firstDay <= lastDay ? isoOfDay(lastDay) : ''],
    ['puncak_awal_bulan', earlyMonthPeaks.join(', ')],
    ['ambang_puncak', String(settings.peakThreshold)],
    ['run_terakhir_jenis', run.lastRun?.kind ?? ''],
    ['run_terakhir_mulai', run.lastRun?.start ?? ''],
    ['run_terakhir_selesai', run.lastRun?.end ?? ''],
    ['status_data', sheets.some((s) => s.check?.status === 'PERLU_PERIKSA') ? 'PERLU PERIKSA' : 'BERHASIL'],
    ['status_data_alasan', sheets.filter((s) => s.check?.status === 'PERLU_PERIKSA').map((s) => `${s.sheetName}: ${s.check?.reason} ${s.check?.fix}`).join(' | ')],
    ['urutan_tanggal', sheets.filter((s) => s.check?.dateOrder).map((s) => `${s.sheetName}: ${s.check?.dateOrder} (${s.check?.dateOrderReason})`).join('; ')],
    ['tanggal_diisi_dari_atas', String(sheets.reduce((n, s) => n + (s.check?.datesFilled ?? 0), 0))],
    ...insights.info,
    ['run_terakhir_status', runStatusText(run.lastRun)],
    ['run_terakhir_baris', run.lastRun ? String(run.lastRun.rowsProcessed) : ''],
    ['run_terakhir_galat', run.lastRun?.error ?? ''],
  ];
  tables.set('info_ringkasan', info);

  return {
    tables: [...SUMMARY_TABS, ...INSIGHT_REPORT_TABS].map((tab) => ({ name: tab.name, headers: tab.columns.map((c) => c.header), rows: tables.get(tab.name) ?? [] })),
    peaks,
    earlyMonthPeaks,
    counts,
    findings: (tables.get('wawasan') ?? []).map((r) => ({ kode: String(r[0]), temuan: String(r[1]), rekomendasi: String(r[2]), angka: String(r[3]) })),
    weeks: insights.weeks,
  };
}

/** Columns of the insight tabs that hold day numbers (written as dates). */
const INSIGHT_DAY_HEADERS: Record<string, readonly string[]> = { ds_prakiraan: PRAKIRAAN_DAY_COLUMNS, ds_perubahan: PERUBAHAN_DAY_COLUMNS };

/**
 * The valid visits of every sheet as the insights read them, with rare free text as OTHER: the
 * distinct (day, combination) cells with their rows, and each combination's dictionary codes,
 * passed on as they are (one sheet) or offset into one joined list (several): no text is built
 * or looked up per row.
 */
function insightInputOf(sheets: readonly SheetRecords[], combos: readonly Combos[], hidden: Hidden): CodedVisits {
  const shown = (f: VisitField, dict: readonly string[]): string[] => {
    const suppressed = f === 'ageGroup' || f === 'generation' ? null : hidden[f];
    return suppressed ? dict.map((value) => (suppressed.has(value) ? OTHER : value)) : dict.slice();
  };
  const column = (f: VisitField): CodedColumn => {
    if (sheets.length === 1) return { codes: (combos[0] as Combos).fields[f], values: shown(f, (sheets[0] as SheetRecords).visits.dict.values) };
    const codes: number[] = [];
    const values: string[] = [];
    sheets.forEach(({ visits: v }, i) => {
      const offset = values.length;
      for (const code of (combos[i] as Combos).fields[f]) codes.push(code + offset);
      for (const value of shown(f, v.dict.values)) values.push(value);
    });
    return { codes, values };
  };
  if (sheets.length === 1) {
    const { cells } = combos[0] as Combos;
    return { day: cells.day, combo: cells.combo, weight: cells.rows, service: column('service'), channel: column('channel'), topic: column('topic'), ageGroup: column('ageGroup'), generation: column('generation') };
  }
  const total = combos.reduce((sum, c) => sum + c.cells.size, 0);
  const day = new Int32Array(total);
  const combo = new Int32Array(total);
  const weight = new Int32Array(total);
  let at = 0;
  let offset = 0;
  for (const c of combos) {
    day.set(c.cells.day, at);
    weight.set(c.cells.rows, at);
    for (let r = 0; r < c.cells.size; r++) combo[at + r] = (c.cells.combo[r] as number) + offset;
    at += c.cells.size;
    offset += c.size;
  }
  return { day, combo, weight, service: column('service'), channel: column('channel'), topic: column('topic'), ageGroup: column('ageGroup'), generation: column('generation') };
}

function insightSettingsOf(settings: Settings): InsightSettings {
  return { ...DEFAULT_INSIGHT_SETTINGS, peakThreshold: settings.peakThreshold, holidays: settings.holidays.slice() };
}
