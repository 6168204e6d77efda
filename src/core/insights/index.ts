/**
 * Wawasan (insights): forecast, staffing, change points and recommendations from the valid visits.
 * One call, pure: `buildInsights(input, settings, lang)` returns the tabs' rows (dates as day
 * numbers; see *_DAY_COLUMNS) and the keys to add to info_ringkasan.
 */
import type { Lang } from '../../shared/api';
import { INSIGHT_TABS } from '../contract';
import { UNKNOWN_GROUP } from '../settings';
import { isoOfDay } from '../zone';
import { OpenCalendar, isOpen, lastCompleteMonday, learnCalendar, mondayOf, roundTo } from './calendar';
import { ALL_TOPICS, PERUBAHAN_HEADERS, PerubahanRow, perubahanRows, segmentWeekly, surgesOf } from './changepoints';
import { HOLIDAY_SOURCE, closedDates } from './holidays';
import { DailyCounts, PRAKIRAAN_HEADERS, WeekPoint, forecastServices } from './prakiraan';
import type { FittedModel } from './forecast';
import { DEFAULT_STAFFING, STAF_HEADERS, ServiceModel, StaffingSettings, peakHourShare, staffingTable } from './staffing';
import { CodedVisits, DailyByService, codedColumn, counterCounts, dailyByService, dayRange, weeklyCounts } from './visits';
import { SurgeFinding, WAWASAN_HEADERS, WawasanRow, earlyMonthRule, infoAgeRule, jmoGenerationRule, jmoMonitorRule, surgeRule } from './wawasan';

export { PRAKIRAAN_HEADERS, STAF_HEADERS, PERUBAHAN_HEADERS, WAWASAN_HEADERS };
export { PRAKIRAAN_DAY_COLUMNS } from './prakiraan';
export { PERUBAHAN_DAY_COLUMNS } from './changepoints';
export type { CodedColumn, CodedVisits } from './visits';

/** The four tabs in contract.ts's shape (defined there, contract version 2). */
export { INSIGHT_TABS };

/** Columnar, one entry per valid visit. */
export interface InsightInput {
  day: ArrayLike<number>;
  service: readonly string[];
  topic: readonly string[];
  channel: readonly string[];
  ageGroup: readonly string[];
  generation: readonly string[];
  /** Minutes after local midnight of the visit, −1 when unknown. */
  minuteOfDay?: ArrayLike<number>;
  /** Today's day number in the spreadsheet's zone. */
  today: number;
}

export interface InsightSettings {
  peakThreshold: number;
  /** Dates (YYYY-MM-DD) added to, and taken out of, the built-in holiday list. */
  holidays: string[];
  holidaysRemoved: string[];
  staffing: StaffingSettings;
  /** A surge is a run of weeks at least this many times the weeks before. */
  surgeRatio: number;
  /** The service whose requests are information requests. */
  infoService: string;
  /** Channels that need no counter (the JMO app): left out of ds_staf and of the hourly profile. */
  selfServiceChannels: string[];
}

export const DEFAULT_INSIGHT_SETTINGS: InsightSettings = {
  peakThreshold: 1.2,
  holidays: [],
  holidaysRemoved: [],
  staffing: DEFAULT_STAFFING,
  surgeRatio: 1.5,
  infoService: 'Informasi',
  selfServiceChannels: ['JMO'],
};

/** ds_staf's counter share looks at the last 8 weeks of the log. */
const COUNTER_SHARE_WEEKS = 8;

export type InsightCell = string | number | boolean;

export interface InsightTable {
  name: string;
  headers: string[];
  rows: InsightCell[][];
}

export interface Insights {
  tables: InsightTable[];
  info: [string, string][];
  /**
   * For the sidebar's chart (sidebar/charts.ts weeklyForecastSvg): weekly totals of all
   * services, the 8 backtest weeks with actual and forecast, then the 8 weeks ahead. Weeks
   * are day numbers of their Monday; the band is the 80 % interval of the weekly total
   * (normal approximation, days independent).
   */
  weeks: WeekPoint[];
}

/** A table of its own headers (a copy) and rows. */
const insightTable = (name: string, headers: readonly string[], rows: InsightCell[][] = []): InsightTable => ({ name, headers: [...headers], rows });

/** Topics followed on their own in ds_perubahan: at least 2 visits a week on average, 10 per service at most. */
const MIN_TOPIC_PER_WEEK = 2;
const MAX_TOPICS = 10;

export function buildInsights(input: InsightInput, settings: InsightSettings = DEFAULT_INSIGHT_SETTINGS, lang: Lang = 'id'): Insights {
  // Each row its own combination (visits.ts): the summaries pass their distinct ones instead.
  const coded: CodedVisits = {
    day: input.day,
    combo: Int32Array.from({ length: input.day.length }, (_, i) => i),
    service: codedColumn(input.service),
    topic: codedColumn(input.topic),
    channel: codedColumn(input.channel),
    ageGroup: codedColumn(input.ageGroup),
    generation: codedColumn(input.generation),
    ...(input.minuteOfDay ? { minuteOfDay: input.minuteOfDay } : {}),
  };
  return buildCodedInsights(coded, input.today, settings, lang);
}

/**
 * buildInsights over visits whose text fields are codes (the summaries pass their dictionary
 * codes straight through): every per-row count is taken on codes (visits.ts).
 */
export function buildCodedInsights(input: CodedVisits, today: number, settings: InsightSettings = DEFAULT_INSIGHT_SETTINGS, lang: Lang = 'id'): Insights {
  const n = input.day.length;
  const { first, last } = dayRange(input.day);
  const tables: InsightTable[] = [];
  if (n === 0) {
    tables.push(insightTable('ds_prakiraan', PRAKIRAAN_HEADERS));
    tables.push(insightTable('ds_staf', STAF_HEADERS));
    tables.push(insightTable('ds_perubahan', PERUBAHAN_HEADERS));
    tables.push(insightTable('wawasan', WAWASAN_HEADERS));
    return { tables, info: [['prakiraan_mase', ''], ['prakiraan_mape_mingguan', ''], ['prakiraan_cakupan_80', ''], ['prakiraan_cakupan_pit_80', '']], weeks: [] };
  }
  const span = last - first + 1;
  const daily = dailyByService(input, first, span);
  const totals = new Float64Array(span);
  const series = new Map<string, DailyCounts>();
  daily.service.values.forEach((name, s) => {
    if (!daily.rows[s]) return;
    const counts = Float64Array.from(daily.counts.subarray(s * span, (s + 1) * span));
    for (let d = 0; d < span; d++) totals[d] = (totals[d] as number) + (counts[d] as number);
    series.set(name, { firstDay: first, counts });
  });
  const cal = learnCalendar(first, totals, closedDates(settings.holidays, settings.holidaysRemoved));

  const fc = forecastServices(new Map(Array.from(series).sort((a, b) => (a[0] < b[0] ? -1 : 1))), cal, today);
  tables.push(insightTable('ds_prakiraan', PRAKIRAAN_HEADERS, fc.rows));

  const models = counterModels(input, daily, fc.services, fc.trainEnd, settings.selfServiceChannels);
  const staf = staffingTable(models, cal.openWeekdays, settings.staffing);
  tables.push(insightTable('ds_staf', STAF_HEADERS, staf));

  // Weekly series over complete Monday–Sunday weeks up to the last complete day.
  const firstMonday = mondayOf(first);
  const lastMonday = lastCompleteMonday(fc.trainEnd, cal);
  const mondays: number[] = [];
  for (let m = firstMonday; m <= lastMonday; m += 7) mondays.push(m);
  const scale = weekScales(mondays, first, fc.trainEnd, cal);
  // The week of each day of the log among the complete weeks (−1 after them).
  const weekOfDay = new Int32Array(span);
  for (let d = 0; d < span; d++) {
    const w = Math.floor((first + d - firstMonday) / 7);
    weekOfDay[d] = w < mondays.length ? w : -1;
  }
  const { weeklyBy, jmoWeekly, infoByAge, jmoByGeneration } = weeklyCounts(input, daily, {
    first,
    weekOfDay,
    weeks: mondays.length,
    allTopics: ALL_TOPICS,
    unknown: UNKNOWN_GROUP,
    infoService: settings.infoService,
  });

  const perubahan: PerubahanRow[] = [];
  const surges: SurgeFinding[] = [];
  const services = Array.from(series.keys()).sort();
  for (const service of services) {
    const whole = weeklyBy.get(service + '\u241f' + ALL_TOPICS);
    if (!whole) continue;
    const scaled = whole.map((v, w) => v * (scale[w] ?? 0));
    const segs = segmentWeekly(scaled);
    perubahan.push(...perubahanRows(service, ALL_TOPICS, segs, mondays));
    for (const s of surgesOf(segs, settings.surgeRatio, scaled)) {
      surges.push({ service, start: mondays[s.from] as number, end: (mondays[s.to] as number) + 6, before: s.before, during: s.during, ratio: s.ratio });
    }
    const topics = Array.from(weeklyBy)
      .filter(([k]) => k.startsWith(service + '\u241f') && !k.endsWith('\u241f' + ALL_TOPICS))
      .map(([k, arr]) => [k.slice(service.length + 1), arr, arr.reduce((a, b) => a + b, 0)] as [string, number[], number])
      .filter(([, , total]) => total >= MIN_TOPIC_PER_WEEK * mondays.length)
      .sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_TOPICS);
    for (const [topic, arr] of topics) perubahan.push(...perubahanRows(service, topic, segmentWeekly(arr.map((v, w) => v * (scale[w] ?? 0))), mondays));
  }
  tables.push(insightTable('ds_perubahan', PERUBAHAN_HEADERS, perubahan));

  const wawasan: WawasanRow[] = [
    ...earlyMonthRule(staf, settings.peakThreshold, lang),
    ...surgeRule(surges, lang),
    ...infoAgeRule(infoByAge, lang),
    ...jmoGenerationRule(jmoByGeneration, lang),
    ...(mondays.length ? jmoMonitorRule(jmoWeekly, mondays[mondays.length - 1] as number, lang) : []),
  ];
  tables.push(insightTable('wawasan', WAWASAN_HEADERS, wawasan));

  const num = (x: number | null) => (x === null ? '' : String(roundTo(x, 4)));
  const info: [string, string][] = [
    ['prakiraan_mase', num(fc.mase)],
    ['prakiraan_mape_mingguan', num(fc.mapeWeekly)],
    ['prakiraan_cakupan_80', num(fc.coverage)],
    ['prakiraan_backtest_mulai', fc.backtestStart === null ? '' : isoOfDay(fc.backtestStart)],
    ['prakiraan_data_sampai', isoOfDay(fc.trainEnd)],
    ['prakiraan_libur_tutup', String(cal.closesOnHolidays)],
    ['prakiraan_sumber_libur', HOLIDAY_SOURCE],
    ['staf_profil_jam', models.some((m) => m.peakShare !== null) ? 'jam_kunjungan' : 'rata_jam_buka'],
    // Added after the first release of these keys: appended so no existing row moves.
    ['prakiraan_cakupan_pit_80', num(fc.coveragePit)],
  ];
  return { tables, info, weeks: fc.weeks };
}

/**
 * Per service: the share of its visits in the last 8 weeks that came to a counter, and the
 * busiest-hour share from the times of counter visits (the service's own, else all services').
 */
function counterModels(input: CodedVisits, daily: DailyByService, services: readonly { service: string; model: FittedModel }[], end: number, selfService: readonly string[]): ServiceModel[] {
  const { all, counter, times, allTimes } = counterCounts(input, daily, end - COUNTER_SHARE_WEEKS * 7, end, selfService);
  const overall = peakHourShare(allTimes);
  return services.map(({ service, model }) => ({
    service,
    model,
    peakShare: peakHourShare(times.get(service) ?? []) ?? overall,
    counterShare: (all.get(service) ?? 0) > 0 ? (counter.get(service) ?? 0) / (all.get(service) as number) : 1,
  }));
}

/** Factor bringing a week's count to a full week: normal open days ÷ open days logged in it. */
function weekScales(mondays: readonly number[], first: number, end: number, cal: OpenCalendar): number[] {
  const normal = cal.openWeekdays.filter(Boolean).length || 1;
  return mondays.map((m) => {
    let open = 0;
    for (let d = Math.max(m, first); d <= Math.min(m + 6, end); d++) if (isOpen(cal, d)) open++;
    return open > 0 ? normal / open : 0;
  });
}
