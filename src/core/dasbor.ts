/**
 * The `dasbor` tab: native Sheets charts for branches without Looker Studio. Pure: this module
 * decides what the tab holds (small wide tables, one per chart, and each chart's type, title,
 * range and position); src/server/dasbor.ts only executes the plan.
 *
 * Why the charts read tables on the dasbor tab rather than the ds_ tabs themselves: the ds_ tabs
 * are long tables for Looker Studio (one row per week × service × channel, per service × age
 * group, …), and an embedded chart cannot aggregate or pivot rows. Each chart therefore gets a
 * wide table, derived here from the same summaries in the same run, in a fixed column slot of
 * the dasbor tab: the slot's first column is the chart's stable marker (a chart is found again
 * by where its data starts, so re-runs update it in place), and the table is rewritten in place
 * like the ds_ tabs.
 */
import type { Lang } from '../shared/api';
import type { Cell } from './cells';

export const DASHBOARD_TAB = 'dasbor';

/** First column (1-based) of the chart tables, right of the charts; each table has its own slot. */
export const DATA_COLUMN = 14;
export const SLOT_WIDTH = 12;
/** At most this many series per chart (a slot holds the domain column and a blank separator). */
export const MAX_SERIES = SLOT_WIDTH - 2;

export type ChartKind = 'LINE' | 'COLUMN';

/** An option value as setOption takes it: plain JSON (Google Charts options, e.g. series.1.lineDashStyle). */
export type ChartOption = string | number | boolean | string[] | { [series: string]: { [option: string]: string | number | number[] } };

/** A rectangle on the dasbor tab, 1-based. */
export interface ChartRange {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ChartSpec {
  /** Stable name of the chart (tests, preview). */
  id: 'tren_mingguan' | 'minggu_bulan' | 'usia_layanan' | 'keluhan_jmo';
  kind: ChartKind;
  title: string;
  /** Header row + data rows: the first column is the domain, the others the series. */
  range: ChartRange;
  anchorRow: number;
  anchorCol: number;
  /** Chart options as Sheets takes them (setOption), besides the title. */
  options: Record<string, ChartOption>;
}

export interface DashboardPlan {
  /** Written from A1: a title row, then blank (the charts float over it). */
  title: string;
  /** One table per chart, written at its range (header row first). */
  tables: { range: ChartRange; cells: Cell[][] }[];
  charts: ChartSpec[];
  /** Columns the tab needs. */
  width: number;
}

export interface DashboardInput {
  /** The summary tabs as written this run (dates as Date cells). */
  tables: readonly { name: string; headers: readonly string[]; rows: readonly Cell[][] }[];
  /** Weekly forecast of all services (backtest and ahead), Mondays as the sheet's dates. */
  forecast: readonly { monday: Date; forecast: number | null; lo: number | null; hi: number | null }[];
  /** Month × week-of-month buckets with their visits, working days and peak flag. */
  peaks: readonly { week: number; count: number; workingDays: number; peak: boolean }[];
}

const CHART_WIDTH = 590;
const CHART_HEIGHT = 340;
/** Anchors of the 2 × 2 grid: a chart is 6 default columns wide and 17 default rows high. */
const ANCHORS: [number, number][] = [
  [3, 1],
  [3, 7],
  [21, 1],
  [21, 7],
];

const TEXT = {
  id: {
    title: 'Dasbor Pola Layanan: grafik diperbarui setiap kali Bersihkan & Ringkas berjalan (datanya di kolom N dan seterusnya).',
    trend: 'Kunjungan per minggu dan prakiraan',
    week: 'Minggu',
    actual: 'Kunjungan',
    forecast: 'Prakiraan',
    lo: 'Batas bawah 80%',
    hi: 'Batas atas 80%',
    wom: 'Kunjungan per hari kerja menurut minggu ke- dalam bulan',
    womLabel: 'Minggu ke-{n}',
    normal: 'Biasa',
    peak: 'Puncak',
    age: 'Kelompok usia per layanan',
    ageGroup: 'Kelompok usia',
    jmo: 'Keluhan JMO per generasi',
    generation: 'Generasi',
  },
  en: {
    title: 'Pola Layanan dashboard: charts refresh on every Clean & Summarize (their data is in column N onwards).',
    trend: 'Visits per week and forecast',
    week: 'Week',
    actual: 'Visits',
    forecast: 'Forecast',
    lo: 'Lower 80% bound',
    hi: 'Upper 80% bound',
    wom: 'Visits per working day by week of the month',
    womLabel: 'Week {n}',
    normal: 'Usual',
    peak: 'Peak',
    age: 'Age groups per service',
    ageGroup: 'Age group',
    jmo: 'JMO complaints per generation',
    generation: 'Generation',
  },
} as const;

type Texts = (typeof TEXT)['id'] | (typeof TEXT)['en'];

export function planDashboard(input: DashboardInput, lang: Lang): DashboardPlan {
  const tx: Texts = TEXT[lang] ?? TEXT.id;
  const built: { id: ChartSpec['id']; kind: ChartKind; title: string; cells: Cell[][]; options: ChartSpec['options'] }[] = [
    { id: 'tren_mingguan', kind: 'LINE', title: tx.trend, cells: weeklyTrend(input, tx), options: { series: { 1: { lineDashStyle: [6, 4] }, 2: { lineWidth: 1 }, 3: { lineWidth: 1 } }, colors: ['#4285f4', '#db4437', '#9aa0a6', '#9aa0a6'] } },
    { id: 'minggu_bulan', kind: 'COLUMN', title: tx.wom, cells: weekOfMonth(input, tx), options: { isStacked: true, colors: ['#4285f4', '#db4437'] } },
    { id: 'usia_layanan', kind: 'COLUMN', title: tx.age, cells: pivot(tableOf(input, 'ds_usia'), 'kelompok_usia', 'layanan', 'jumlah', tx.ageGroup), options: {} },
    { id: 'keluhan_jmo', kind: 'COLUMN', title: tx.jmo, cells: pivot(tableOf(input, 'ds_keluhan_jmo'), 'generasi', 'kategori', 'jumlah', tx.generation), options: { isStacked: true } },
  ];
  const tables: DashboardPlan['tables'] = [];
  const charts: ChartSpec[] = [];
  built.forEach((b, k) => {
    const range: ChartRange = { row: 1, col: slotColumn(k), numRows: b.cells.length, numCols: b.cells[0]?.length ?? 1 };
    tables.push({ range, cells: b.cells });
    const [anchorRow, anchorCol] = ANCHORS[k] ?? [1, 1];
    charts.push({ id: b.id, kind: b.kind, title: b.title, range, anchorRow, anchorCol, options: { width: CHART_WIDTH, height: CHART_HEIGHT, legend: 'bottom', ...b.options } });
  });
  return { title: tx.title, tables, charts, width: slotColumn(built.length) - 1 };
}

/**
 * The dasbor tab grows past a new tab's 26 columns to hold its four chart tables: counted, for the
 * cell limit, as this many new tabs more (1000 rows × 26 columns each).
 */
export const DASHBOARD_EXTRA_TABS = Math.ceil((slotColumn(4) - 1 - 26) / 26);

/** First column of chart k's table: the chart's marker on the tab. */
export function slotColumn(k: number): number {
  return DATA_COLUMN + k * SLOT_WIDTH;
}

function tableOf(input: DashboardInput, name: string): { headers: readonly string[]; rows: readonly Cell[][] } {
  return input.tables.find((t) => t.name === name) ?? { headers: [], rows: [] };
}

/**
 * Visits per week of all services from ds_mingguan, with the forecast's weeks joined on their
 * Monday: the backtest weeks carry both, the weeks ahead only the forecast and its 80 % band.
 * Without a forecast (a short log) the chart has the visits only.
 */
function weeklyTrend(input: DashboardInput, tx: Texts): Cell[][] {
  const t = tableOf(input, 'ds_mingguan');
  const iWeek = t.headers.indexOf('minggu_mulai');
  const iCount = t.headers.indexOf('jumlah');
  const weeks = new Map<number, { monday: Date; actual: number | null; f: DashboardInput['forecast'][number] | null }>();
  for (const r of t.rows) {
    const monday = r[iWeek];
    if (!(monday instanceof Date) || iCount < 0) continue;
    const w = weeks.get(monday.getTime()) ?? { monday, actual: 0, f: null };
    w.actual = (w.actual ?? 0) + Number(r[iCount] ?? 0);
    weeks.set(monday.getTime(), w);
  }
  const withForecast = input.forecast.some((p) => p.forecast !== null);
  for (const p of input.forecast) {
    const w = weeks.get(p.monday.getTime()) ?? { monday: p.monday, actual: null, f: null };
    w.f = p;
    weeks.set(p.monday.getTime(), w);
  }
  const header: Cell[] = withForecast ? [tx.week, tx.actual, tx.forecast, tx.lo, tx.hi] : [tx.week, tx.actual];
  const rows = Array.from(weeks.values())
    .sort((a, b) => a.monday.getTime() - b.monday.getTime())
    .map((w): Cell[] => {
      const row: Cell[] = [w.monday, w.actual ?? ''];
      if (withForecast) row.push(w.f?.forecast ?? '', w.f?.lo ?? '', w.f?.hi ?? '');
      return row;
    });
  return [header, ...rows];
}

/**
 * Visits per working day in each week of the month over the whole log (Σ visits ÷ Σ working
 * days), in the "Puncak" series when that week was a peak in at least half of its months,
 * else in "Biasa": stacked, each week shows one coloured bar.
 */
function weekOfMonth(input: DashboardInput, tx: Texts): Cell[][] {
  const byWeek = new Map<number, { count: number; days: number; peaks: number; months: number }>();
  for (const p of input.peaks) {
    const w = byWeek.get(p.week) ?? { count: 0, days: 0, peaks: 0, months: 0 };
    w.count += p.count;
    w.days += p.workingDays;
    w.months++;
    if (p.peak) w.peaks++;
    byWeek.set(p.week, w);
  }
  const rows = Array.from(byWeek)
    .sort((a, b) => a[0] - b[0])
    .map(([week, w]): Cell[] => {
      const perDay = w.days > 0 ? Math.round((w.count / w.days) * 100) / 100 : 0;
      const peak = w.peaks * 2 >= w.months;
      return [tx.womLabel.replace('{n}', String(week)), peak ? '' : perDay, peak ? perDay : ''];
    });
  return [[tx.week, tx.normal, tx.peak], ...rows];
}

/**
 * A long table as a wide one: one row per `rowKey` value (in the table's order), one column
 * per `seriesKey` value (in order of appearance, at most MAX_SERIES), cells the summed `value`.
 */
export function pivot(t: { headers: readonly string[]; rows: readonly Cell[][] }, rowKey: string, seriesKey: string, value: string, domainLabel: string): Cell[][] {
  const iRow = t.headers.indexOf(rowKey);
  const iSeries = t.headers.indexOf(seriesKey);
  const iValue = t.headers.indexOf(value);
  const rowNames: string[] = [];
  const series: string[] = [];
  const sums = new Map<string, number>();
  if (iRow >= 0 && iSeries >= 0 && iValue >= 0) {
    for (const r of t.rows) {
      const rn = String(r[iRow] ?? '');
      const sn = String(r[iSeries] ?? '');
      if (!rowNames.includes(rn)) rowNames.push(rn);
      if (!series.includes(sn)) {
        if (series.length >= MAX_SERIES) continue;
        series.push(sn);
      }
      const key = rn + '\u241f' + sn;
      sums.set(key, (sums.get(key) ?? 0) + Number(r[iValue] ?? 0));
    }
  }
  const out: Cell[][] = [[domainLabel, ...series]];
  for (const rn of rowNames) out.push([rn, ...series.map((sn) => sums.get(rn + '\u241f' + sn) ?? 0)]);
  return out;
}
