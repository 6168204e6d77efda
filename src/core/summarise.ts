/**
 * The summaries: from the visit records of every registered sheet to the rows of each summary
 * tab (see contract.ts). Pure: dates go in as day numbers and come out as Date instants of local
 * midnight through the zone clock, so they land as real date cells in the spreadsheet's zone.
 */
import type { Lang, Settings, SheetCheck, StatusCounts } from '../shared/api';
import { Cell } from './cells';
import type { VisitRecord } from './clean';
import { VisitTable } from './table';
import { KeyCounter } from './summarise/counter';
import { INSIGHT_REPORT_TABS, SUMMARY_TABS } from './contract';
import { DEFAULT_INSIGHT_SETTINGS, InsightInput, InsightSettings, PERUBAHAN_DAY_COLUMNS, PRAKIRAAN_DAY_COLUMNS, buildInsights } from './insights/index';
import type { WeekPoint } from './insights/prakiraan';
import { Bucket, PeakRow, bucketKey, bucketsBetween, detectPeaks } from './peaks';
import { GENERATIONS, ageGroupLabels, UNKNOWN_GROUP, WEEKDAY_NAMES, weekOfMonth } from './settings';
import { JMO_COMPLAINT_CATEGORIES, JmoComplaintCategory, UNKNOWN, VOCABULARY, ValueRole } from './vocabulary';
import { ZoneClock, dayNumber, isoOfDay, pad2, weekdayOfDay, ymdOfDay } from './zone';
import { words } from './text';

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

const round = (x: number, digits = 6): number => {
  const f = Math.pow(10, digits);
  return Math.round(x * f) / f;
};

/** Counts by a composite key; keys keep the parts so rows can be rebuilt. */
class Tally<K extends unknown[]> {
  readonly map = new Map<string, { parts: K; n: number }>();
  add(parts: K, n = 1): void {
    const key = parts.join('\u241f');
    const hit = this.map.get(key);
    if (hit) hit.n += n;
    else this.map.set(key, { parts, n });
  }
  entries(): { parts: K; n: number }[] {
    return Array.from(this.map.values());
  }
}

function compare(a: Cell, b: Cell): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Orders rows by the given key columns, then by count (descending) where `countCol` is set. */
function sortRows(rows: Cell[][], keyCols: number[], countCol = -1, countAfter = keyCols.length): void {
  rows.sort((a, b) => {
    for (let i = 0; i < keyCols.length; i++) {
      if (i === countAfter && countCol >= 0) {
        const d = (b[countCol] as number) - (a[countCol] as number);
        if (d !== 0) return d;
      }
      const d = compare(a[keyCols[i]], b[keyCols[i]]);
      if (d !== 0) return d;
    }
    return 0;
  });
}

/** Complaint rows about the JMO app: Pengaduan whose channel is JMO or whose topic names JMO. */
export function jmoComplaintCategory(r: VisitRecord): JmoComplaintCategory | null {
  if (r.service !== 'Pengaduan') return null;
  const w = new Set(words(r.topic));
  if (r.channel !== 'JMO' && !w.has('jmo')) return null;
  if (w.has('biometrik') || w.has('biometric') || w.has('wajah')) return 'Gagal Biometrik';
  if (w.has('klaim') && w.has('gagal')) return 'Gagal Klaim';
  if (w.has('akun') && (w.has('error') || w.has('eror') || w.has('bermasalah'))) return 'Error Akun';
  if (w.has('lupa')) return 'Lupa Akun';
  return 'Lainnya';
}

function shares<T extends { parts: Cell[]; n: number }>(entries: T[], groupOf: (parts: Cell[]) => string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const e of entries) totals.set(groupOf(e.parts), (totals.get(groupOf(e.parts)) ?? 0) + e.n);
  return totals;
}

/**
 * `urutan_usia` (contract version 2): the sort key of an age group among the labels of the
 * bounds (ageGroupLabels), 0 for the youngest; Tidak diketahui after them, and after that any
 * label the current bounds do not make.
 */
export function ageRank(labels: readonly string[], group: Cell): number {
  const known = [...labels, UNKNOWN_GROUP];
  const i = known.indexOf(String(group));
  return i < 0 ? known.length : i;
}

/** `urutan_generasi` (contract version 2): the sort key of a generation, in GENERATIONS order. */
export function generationRank(generation: Cell): number {
  const i = (GENERATIONS as readonly string[]).indexOf(String(generation));
  return i < 0 ? GENERATIONS.length : i;
}

/** The day number of the first of a `bulan` value (`YYYY-MM`), for `bulan_mulai`. */
export function monthStartDay(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return dayNumber(y as number, m as number, 1);
}

/**
 * Small-count suppression: a free-text value seen in fewer valid rows than this, over all sheets
 * of the run, is reported as OTHER. One person's details (a name, a story typed into a topic)
 * then never surface in a Looker Studio source.
 */
export const MIN_ROWS_SHOWN = 3;
/** What a suppressed value is reported as. */
export const OTHER = 'Lainnya';

const SUPPRESSED_FIELDS = ['service', 'channel', 'topic'] as const;
type SuppressedField = (typeof SUPPRESSED_FIELDS)[number];

/** Values never suppressed: the built-in vocabulary of the field, the unknown value and OTHER itself. */
function alwaysShown(field: SuppressedField): Set<string> {
  return new Set([...VOCABULARY[field as ValueRole].map((e) => e.canonical), UNKNOWN, UNKNOWN_GROUP, OTHER]);
}

/**
 * For each field, the values to report as OTHER: free text (not built-in, and for services and
 * channels not vetted by staff in any sheet) seen in fewer than MIN_ROWS_SHOWN rows. Counted per
 * code with typed arrays, then per distinct value: never a string operation per row.
 */
export function suppressedValues(sheets: readonly SheetRecords[]): Record<SuppressedField, Set<string>> {
  const totals = { service: new Map<string, number>(), channel: new Map<string, number>(), topic: new Map<string, number>() };
  const vetted = new Set<string>();
  for (const sheet of sheets) {
    const v = sheet.visits;
    for (const x of v.vetted) vetted.add(x);
    for (const f of SUPPRESSED_FIELDS) {
      const perCode = new Int32Array(v.dict.values.length);
      const col = v.fields[f].data;
      for (let i = 0; i < v.size; i++) perCode[col[i]]++;
      const m = totals[f];
      perCode.forEach((n, code) => n > 0 && m.set(v.dict.values[code], (m.get(v.dict.values[code]) ?? 0) + n));
    }
  }
  const out = {} as Record<SuppressedField, Set<string>>;
  for (const f of SUPPRESSED_FIELDS) {
    const keep = alwaysShown(f);
    const hidden = new Set<string>();
    for (const [value, n] of totals[f]) {
      if (n >= MIN_ROWS_SHOWN || keep.has(value) || (f !== 'topic' && vetted.has(value))) continue;
      hidden.add(value);
    }
    out[f] = hidden;
  }
  return out;
}

/** BERHASIL, GAGAL, or PERLU PERIKSA (the run worked but its outcome needs a person to look). */
export function runStatusText(record: RunInfo['lastRun']): string {
  if (!record) return '';
  if (!record.ok) return 'GAGAL';
  return record.review ? 'PERLU PERIKSA' : 'BERHASIL';
}

export function summarise(sheets: readonly SheetRecords[], settings: Settings, clock: ZoneClock, run: RunInfo): Summaries {
  const dateOf = (day: number): Date => clock.fromLocal(day, 0);
  const counts: StatusCounts = { OK: 0, DIPERBAIKI: 0, DUPLIKAT: 0, TIDAK_VALID: 0 };
  let rowsRead = 0;
  let firstDay = Infinity;
  let lastDay = -Infinity;

  const daily = new Tally<[number, string, string]>();
  const weekly = new Tally<[number, string, string]>();
  const perBucket = new Tally<[string, string]>();
  const bucketTotal = new Map<string, number>();
  const distribution = new Tally<[string, string]>();
  const byAge = new Tally<[string, string]>();
  const byTopic = new Tally<[string, string, string]>();
  const byChannel = new Tally<[string, string, string, string]>();
  const complaints = new Tally<[string, string, string]>();
  const services = new Set<string>();
  const hidden = suppressedValues(sheets);

  for (const sheet of sheets) {
    for (const k of Object.keys(counts) as (keyof StatusCounts)[]) counts[k] += sheet.counts[k];
    rowsRead += sheet.rowsRead;
    const v = sheet.visits;
    const dict = v.dict.values;
    const n = v.size;
    const day = v.day.data;
    // Tally integer-coded combinations first (cheap), then expand the distinct ones to strings.
    // Each field gets dense codes of its own, so a composite key stays far below 2^53 even with
    // hundreds of thousands of distinct topics.
    const dense = (col: Int32Array): { codes: Int32Array; values: number[] } => {
      const index = new Int32Array(dict.length).fill(-1);
      const values: number[] = [];
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        let k = index[col[i]];
        if (k < 0) {
          k = index[col[i]] = values.length;
          values.push(col[i]);
        }
        codes[i] = k;
      }
      return { codes, values };
    };
    const S = dense(v.fields.service.data.subarray(0, n));
    const C = dense(v.fields.channel.data.subarray(0, n));
    const A = dense(v.fields.ageGroup.data.subarray(0, n));
    const G = dense(v.fields.generation.data.subarray(0, n));
    const T = dense(v.fields.topic.data.subarray(0, n));
    const valueOf = (field: { values: number[] }, code: number | undefined): string => dict[field.values[code ?? -1] ?? -1] ?? '';
    const nS = Math.max(1, S.values.length);
    const nC = Math.max(1, C.values.length);
    const nA = Math.max(1, A.values.length);
    const nG = Math.max(1, G.values.length);
    const nT = Math.max(1, T.values.length);
    let minDay = Infinity;
    let maxDay = -Infinity;
    for (let i = 0; i < n; i++) {
      const d = day[i] as number;
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
    }
    if (minDay < firstDay) firstDay = minDay;
    if (maxDay > lastDay) lastDay = maxDay;
    const days = n > 0 ? maxDay - minDay + 1 : 1;
    const cats = JMO_COMPLAINT_CATEGORIES.length;
    // Day keys are offset from the sheet's first day, so a day-by-service-by-channel space stays small.
    const dayService = new KeyCounter(days * nS * nC);
    const serviceAge = new KeyCounter(nS * nA);
    const serviceAgeTopic = new KeyCounter(nS * nA * nT);
    const channelMix = new KeyCounter(nS * nC * nA * nG);
    const complaintMix = new KeyCounter((cats + 1) * nG * nA);
    const s_ = S.codes;
    const c_ = C.codes;
    const a_ = A.codes;
    const g_ = G.codes;
    const t_ = T.codes;
    for (let i = 0; i < n; i++) {
      const s = s_[i] as number;
      const c = c_[i] as number;
      const a = a_[i] as number;
      dayService.add((((day[i] as number) - minDay) * nS + s) * nC + c);
      serviceAge.add(s * nA + a);
      serviceAgeTopic.add((s * nA + a) * nT + (t_[i] as number));
      channelMix.add(((s * nC + c) * nA + a) * nG + (g_[i] as number));
    }
    // Only complaints can be JMO complaints: the category is worked out per distinct
    // (service, channel, topic) of the complaint rows alone.
    const complaintService = S.values.map((code) => dict[code] === 'Pengaduan');
    const complaintOf = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if (!complaintService[s_[i] as number]) continue;
      const key = ((s_[i] as number) * nC + (c_[i] as number)) * nT + (t_[i] as number);
      let cat = complaintOf.get(key);
      if (cat === undefined) {
        const found = jmoComplaintCategory({ day: 0, service: valueOf(S, s_[i]), channel: valueOf(C, c_[i]), topic: valueOf(T, t_[i]), ageGroup: '', generation: '' });
        complaintOf.set(key, (cat = found ? JMO_COMPLAINT_CATEGORIES.indexOf(found) : -1));
      }
      if (cat >= 0) complaintMix.add((cat * nG + (g_[i] as number)) * nA + (a_[i] as number));
    }
    /** Decodes a mixed-radix key (radixes of the parts after the first); the first part may be large. */
    const split = (k: number, radixes: number[]): number[] => {
      const out = new Array<number>(radixes.length + 1);
      for (let p = radixes.length - 1; p >= 0; p--) {
        out[p + 1] = k % radixes[p];
        k = Math.floor(k / radixes[p]);
      }
      out[0] = k;
      return out;
    };
    // Reported values, per distinct code: suppressed ones read OTHER (the JMO complaint
    // categories above were taken from the values themselves, and name no one).
    const shownAs = (values: number[], field: SuppressedField): string[] => values.map((c) => (hidden[field].has(dict[c]) ? OTHER : dict[c]));
    const svs = shownAs(S.values, 'service');
    const chs = shownAs(C.values, 'channel');
    const tps = shownAs(T.values, 'topic');
    const sv = (code: number) => svs[code];
    dayService.forEach((k, c) => {
      const [dd, s, chn] = split(k, [nS, nC]);
      const d = dd + minDay;
      const service = sv(s);
      const channel = chs[chn];
      services.add(service);
      daily.add([d, service, channel], c);
      weekly.add([d - ((weekdayOfDay(d) + 6) % 7), service, channel], c);
      const bk = bucketKey(d);
      perBucket.add([bk, service], c);
      bucketTotal.set(bk, (bucketTotal.get(bk) ?? 0) + c);
      distribution.add([service, sheet.sheetName], c);
    });
    serviceAge.forEach((k, c) => {
      const [s, a] = split(k, [nA]);
      byAge.add([sv(s), valueOf(A, a)], c);
    });
    serviceAgeTopic.forEach((k, c) => {
      const [s, a, tpc] = split(k, [nA, nT]);
      byTopic.add([sv(s), valueOf(A, a), tps[tpc] ?? ''], c);
    });
    channelMix.forEach((k, c) => {
      const [s, chn, a, g] = split(k, [nC, nA, nG]);
      byChannel.add([sv(s), chs[chn] ?? '', valueOf(A, a), valueOf(G, g)], c);
    });
    complaintMix.forEach((k, c) => {
      const [cat, g, a] = split(k, [nG, nA]);
      const category = JMO_COMPLAINT_CATEGORIES[cat];
      if (category) complaints.add([valueOf(G, g), valueOf(A, a), category], c);
    });
  }

  const tables = new Map<string, Cell[][]>();

  const harian = daily.entries().map(({ parts: [day, s, c], n }) => {
    const ymd = ymdOfDay(day);
    return [dateOf(day), `${ymd.y}-${pad2(ymd.m)}`, weekOfMonth(ymd.d), WEEKDAY_NAMES[weekdayOfDay(day)], s, c, n, dateOf(day - ymd.d + 1)] as Cell[];
  });
  harian.sort((a, b) => (a[0] as Date).getTime() - (b[0] as Date).getTime() || compare(a[4], b[4]) || compare(a[5], b[5]));
  tables.set('ds_harian', harian);

  const mingguan = weekly.entries().map(({ parts: [monday, s, c], n }) => [monday, s, c, n] as Cell[]);
  sortRows(mingguan, [0, 1, 2]);
  tables.set('ds_mingguan', mingguan.map((r) => [dateOf(r[0] as number), r[1], r[2], r[3]]));

  const buckets: Bucket[] = firstDay <= lastDay ? bucketsBetween(firstDay, lastDay, settings.holidays) : [];
  const serviceList = Array.from(services).sort();
  const mingguBulan: Cell[][] = [];
  for (const b of buckets) {
    for (const s of serviceList) {
      const n = perBucket.map.get(`${b.month}#${b.week}\u241f${s}`)?.n ?? 0;
      mingguBulan.push([b.month, b.week, dateOf(b.firstDay), dateOf(b.lastDay), b.workingDays, s, n, b.workingDays > 0 ? round(n / b.workingDays, 4) : 0, dateOf(monthStartDay(b.month))]);
    }
  }
  tables.set('ds_minggu_bulan', mingguBulan);

  const distEntries = distribution.entries();
  const perSheet = shares(distEntries, (p) => String(p[1]));
  const allVisits = distEntries.reduce((sum, e) => sum + e.n, 0);
  const distribusi = distEntries.map(({ parts: [s, sheet], n }) => [s, n, round(n / (perSheet.get(sheet) as number)), sheet, round(n / allVisits)] as Cell[]);
  sortRows(distribusi, [3, 0], 1, 1);
  tables.set('ds_distribusi', distribusi);

  const labels = ageGroupLabels(settings.ageBounds);
  const ageOrder = (g: Cell): number => ageRank(labels, g);
  const ageEntries = byAge.entries();
  const perService = shares(ageEntries, (p) => String(p[0]));
  const usia = ageEntries.map(({ parts: [s, g], n }) => [s, g, n, round(n / (perService.get(s) as number)), ageOrder(g)] as Cell[]);
  usia.sort((a, b) => compare(a[0], b[0]) || ageOrder(a[1]) - ageOrder(b[1]));
  tables.set('ds_usia', usia);

  const topicEntries = byTopic.entries();
  const perServiceAge = shares(topicEntries, (p) => p[0] + '\u241f' + p[1]);
  const topik = topicEntries.map(({ parts: [s, g, tp], n }) => [s, g, tp, n, round(n / (perServiceAge.get(s + '\u241f' + g) as number)), ageOrder(g)] as Cell[]);
  topik.sort((a, b) => compare(a[0], b[0]) || ageOrder(a[1]) - ageOrder(b[1]) || (b[3] as number) - (a[3] as number) || compare(a[2], b[2]));
  tables.set('ds_topik', topik);

  const genOrder = generationRank;
  const channelEntries = byChannel.entries();
  const perServiceChannel = shares(channelEntries, (p) => p[0] + '\u241f' + p[1]);
  const kanal = channelEntries.map(
    ({ parts: [s, c, g, gen], n }) => [s, c, g, gen, n, round(n / (perServiceChannel.get(s + '\u241f' + c) as number)), ageOrder(g), genOrder(gen)] as Cell[],
  );
  kanal.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]) || ageOrder(a[2]) - ageOrder(b[2]) || genOrder(a[3]) - genOrder(b[3]));
  tables.set('ds_kanal', kanal);

  const complaintEntries = complaints.entries();
  const perGeneration = shares(complaintEntries, (p) => String(p[0]));
  const catOrder = (c: Cell): number => (JMO_COMPLAINT_CATEGORIES as readonly string[]).indexOf(String(c));
  const keluhan = complaintEntries.map(({ parts: [gen, g, cat], n }) => [gen, g, cat, n, round(n / (perGeneration.get(gen) as number)), genOrder(gen), ageOrder(g)] as Cell[]);
  keluhan.sort((a, b) => genOrder(a[0]) - genOrder(b[0]) || ageOrder(a[1]) - ageOrder(b[1]) || catOrder(a[2]) - catOrder(b[2]));
  tables.set('ds_keluhan_jmo', keluhan);

  const peaks = detectPeaks(buckets, (b) => bucketTotal.get(`${b.month}#${b.week}`) ?? 0, settings.peakThreshold);
  tables.set(
    'ds_puncak',
    peaks.map((p) => [
      p.month,
      p.week,
      p.count,
      p.workingDays,
      round(p.perWorkingDay, 4),
      p.baseline === null ? '' : round(p.baseline, 4),
      p.ratio === null ? '' : round(p.ratio, 4),
      p.peak,
      p.earlyMonthPeak,
      dateOf(monthStartDay(p.month)),
    ]),
  );
  const earlyMonthPeaks = peaks.filter((p) => p.earlyMonthPeak).map((p) => p.month);

  // Wawasan: forecast, staffing, surges and recommendations, from the same visits as the tabs
  // above (rare free text already reads Lainnya), as four more tabs of the contract (version 2).
  const insights = buildInsights(insightInputOf(sheets, hidden, run.today ?? (lastDay > -Infinity ? lastDay : 0)), insightSettingsOf(settings), run.lang ?? 'id');
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
 * The valid visits of every sheet as the insights read them, with rare free text as OTHER: each
 * field's text is looked up per distinct code, then copied into arrays of the final size.
 */
function insightInputOf(sheets: readonly SheetRecords[], hidden: Record<SuppressedField, Set<string>>, today: number): InsightInput {
  const total = sheets.reduce((sum, s) => sum + s.visits.size, 0);
  const day = new Float64Array(total);
  const fields = { service: new Array<string>(total), channel: new Array<string>(total), topic: new Array<string>(total), ageGroup: new Array<string>(total), generation: new Array<string>(total) };
  let at = 0;
  for (const sheet of sheets) {
    const v = sheet.visits;
    const dict = v.dict.values;
    const n = v.size;
    day.set(v.day.data.subarray(0, n), at);
    for (const f of ['service', 'channel', 'topic', 'ageGroup', 'generation'] as const) {
      const suppressed = f === 'ageGroup' || f === 'generation' ? null : hidden[f];
      const textOf = dict.map((value) => (suppressed && suppressed.has(value) ? OTHER : value));
      const codes = v.fields[f].data;
      const out = fields[f];
      for (let i = 0; i < n; i++) out[at + i] = textOf[codes[i] as number] ?? '';
    }
    at += n;
  }
  return { day, ...fields, today };
}

function insightSettingsOf(settings: Settings): InsightSettings {
  return { ...DEFAULT_INSIGHT_SETTINGS, peakThreshold: settings.peakThreshold, holidays: settings.holidays.slice() };
}
