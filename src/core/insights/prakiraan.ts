/**
 * ds_prakiraan: the backtest on the last 8 complete weeks held out, then the next 8 weeks.
 * MASE divides the backtest's mean absolute error by the in-sample mean absolute error of the
 * seasonal-naive forecast (same weekday last week), both on open days; services are pooled by
 * summing errors and scales over their days. Weekly MAPE is on the branch's weekly totals.
 */
import { OpenCalendar, isOpen, lastCompleteMonday, mondayOf, roundTo } from './calendar';
import { DEFAULT_FORECAST_CONFIG, DayForecast, DayShape, ForecastConfig, FittedModel, dayShape, fitForecast, forecastDesign, normalQuantile, pitBandShare } from './forecast';

export const PRAKIRAAN_HEADERS = ['tanggal', 'layanan', 'jenis', 'jumlah_aktual', 'prakiraan', 'batas_bawah', 'batas_atas'] as const;
/** Columns of ds_prakiraan holding day numbers. */
export const PRAKIRAAN_DAY_COLUMNS = ['tanggal'] as const;

export const HOLDOUT_WEEKS = 8;
export const HORIZON_DAYS = 56;

export interface DailyCounts {
  /** Day number of counts[0]. */
  firstDay: number;
  /** Visits per day of one service, from firstDay to the last day of data. */
  counts: ArrayLike<number>;
}

export type PrakiraanRow = [number, string, 'backtest' | 'prakiraan', number | '', number, number, number];

export interface ServiceForecast {
  service: string;
  /** Model fitted on everything up to trainEnd: the one the future rows and ds_staf use. */
  model: FittedModel;
  mase: number | null;
  /** Share of the service's held-out days inside [lo, hi]; null without a backtest. */
  coverage: number | null;
  /** The same days' mean PIT share inside the central band (see pitBandShare); null without a backtest. */
  coveragePit: number | null;
}

/** One week of all services together, for the sidebar's chart. */
export interface WeekPoint {
  monday: number;
  actual: number | null;
  forecast: number | null;
  lo: number | null;
  hi: number | null;
}

export interface ForecastResult {
  rows: PrakiraanRow[];
  /** The 8 backtest weeks (actual and forecast) and the 8 weeks ahead (forecast only). */
  weeks: WeekPoint[];
  services: ServiceForecast[];
  trainEnd: number;
  /** Pooled over services; null when the log is too short for a backtest. */
  mase: number | null;
  mapeWeekly: number | null;
  coverage: number | null;
  /**
   * Calibration of the same intervals for counts: the mean over held-out days of the share of
   * the day's non-randomised PIT inside the central band. ≈ 0.8 when calibrated, while
   * `coverage` sits above 0.8 on small whole-number counts by construction.
   */
  coveragePit: number | null;
  backtestStart: number | null;
}


/** The last day with complete data: yesterday, or the last logged day when the log is older. */
export function lastCompleteDay(lastLogged: number, today: number): number {
  return Math.min(today - 1, lastLogged);
}

export function forecastServices(
  series: ReadonlyMap<string, DailyCounts>,
  cal: OpenCalendar,
  today: number,
  cfg: ForecastConfig = DEFAULT_FORECAST_CONFIG,
): ForecastResult {
  let first = Infinity;
  let last = -Infinity;
  for (const s of series.values()) {
    first = Math.min(first, s.firstDay);
    last = Math.max(last, s.firstDay + s.counts.length - 1);
  }
  const rows: PrakiraanRow[] = [];
  const services: ServiceForecast[] = [];
  // A week's variance: the days' own noise adds up; the coefficients' error is shared by
  // the days of one service, so its standard deviations add up instead.
  const weeks = new Map<number, { actual: number | null; mean: number; noise: number; level: Map<string, number> }>();
  const addWeek = (day: number, service: string, actual: number | null, f: DayForecast) => {
    const m = mondayOf(day);
    const w = weeks.get(m) ?? { actual: actual === null ? null : 0, mean: 0, noise: 0, level: new Map<string, number>() };
    if (actual !== null) w.actual = (w.actual ?? 0) + actual;
    w.mean += f.mean;
    w.noise += f.variance - f.mean * f.mean * f.paramVar;
    w.level.set(service, (w.level.get(service) ?? 0) + f.mean * Math.sqrt(f.paramVar));
    weeks.set(m, w);
  };
  if (!(first <= last)) return { rows, weeks: [], services, trainEnd: last, mase: null, mapeWeekly: null, coverage: null, coveragePit: null, backtestStart: null };
  const end = lastCompleteDay(last, today);
  const countOn = (s: DailyCounts, day: number): number => (day >= s.firstDay && day < s.firstDay + s.counts.length ? (s.counts[day - s.firstDay] ?? 0) : 0);
  const openDays = (from: number, to: number): number[] => {
    const out: number[] = [];
    for (let d = from; d <= to; d++) if (isOpen(cal, d)) out.push(d);
    return out;
  };

  // Backtest: the last 8 complete Monday–Sunday weeks up to `end` (open days only).
  const lastSunday = lastCompleteMonday(end, cal) + 6;
  const holdStart = lastSunday - HOLDOUT_WEEKS * 7 + 1;
  const canBacktest = holdStart - first >= HOLDOUT_WEEKS * 7;
  let absErr = 0;
  let scaleSum = 0;
  let inside = 0;
  let judged = 0;
  let pitSum = 0;
  const weeklyActual = new Array(HOLDOUT_WEEKS).fill(0);
  const weeklyForecast = new Array(HOLDOUT_WEEKS).fill(0);
  const trainAll = openDays(first, end);
  // The training days and their design are the same for every service: built once.
  const trainDays = canBacktest ? openDays(first, holdStart - 1) : [];
  const backtestDesign = canBacktest ? forecastDesign(trainDays, cal, holdStart - 1, cfg) : null;
  const held = canBacktest ? openDays(holdStart, lastSunday) : [];
  const fullDesign = forecastDesign(trainAll, cal, end, cfg);
  const ahead = openDays(end + 1, end + HORIZON_DAYS);
  // What the model reads of each held-out and future day, the same for every service: worked out once.
  const heldShapes = held.map((d) => dayShape(d, cal, holdStart - 1));
  const aheadShapes = ahead.map((d) => dayShape(d, cal, end));
  for (const [service, s] of series) {
    let mase: number | null = null;
    let coverage: number | null = null;
    let coveragePit: number | null = null;
    if (backtestDesign) {
      const model = fitForecast(trainDays, trainDays.map((d) => countOn(s, d)), cal, holdStart - 1, cfg, backtestDesign);
      const scale = seasonalNaiveScale(trainDays, (d) => countOn(s, d), cal);
      let err = 0;
      let serviceInside = 0;
      let servicePit = 0;
      for (let k = 0; k < held.length; k++) {
        const d = held[k] as number;
        const f = model.predict(heldShapes[k] as DayShape);
        const a = countOn(s, d);
        err += Math.abs(a - f.mean);
        const pit = pitBandShare(f.mean, f.variance, a, cfg.coverage);
        judged++;
        pitSum += pit;
        servicePit += pit;
        if (a >= f.lo && a <= f.hi) {
          inside++;
          serviceInside++;
        }
        const w = Math.floor((d - holdStart) / 7);
        weeklyActual[w] += a;
        weeklyForecast[w] += f.mean;
        rows.push([d, service, 'backtest', a, roundTo(f.mean), f.lo, f.hi]);
        addWeek(d, service, a, f);
      }
      if (held.length > 0) {
        coverage = serviceInside / held.length;
        coveragePit = servicePit / held.length;
      }
      if (scale > 0 && held.length > 0) {
        mase = err / held.length / scale;
        absErr += err;
        scaleSum += scale * held.length;
      }
    }
    const model = fitForecast(trainAll, trainAll.map((d) => countOn(s, d)), cal, end, cfg, fullDesign);
    for (let k = 0; k < ahead.length; k++) {
      const d = ahead[k] as number;
      const f = model.predict(aheadShapes[k] as DayShape);
      rows.push([d, service, 'prakiraan', '', roundTo(f.mean), f.lo, f.hi]);
      addWeek(d, service, null, f);
    }
    services.push({ service, model, mase, coverage, coveragePit });
  }
  rows.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  let mapeWeekly: number | null = null;
  if (canBacktest) {
    const weeks = weeklyActual.map((a, i) => [a, weeklyForecast[i]]).filter(([a]) => a > 0);
    if (weeks.length) mapeWeekly = weeks.reduce((sum, [a, f]) => sum + Math.abs(a - f) / a, 0) / weeks.length;
  }
  const z = normalQuantile(1 - (1 - cfg.coverage) / 2);
  const weekPoints = Array.from(weeks, ([monday, w]) => {
    let level = 0;
    for (const sd of w.level.values()) level += sd * sd;
    const sd = Math.sqrt(Math.max(0, w.noise) + level);
    return { monday, actual: w.actual, forecast: roundTo(w.mean), lo: Math.max(0, Math.round(w.mean - z * sd)), hi: Math.round(w.mean + z * sd) };
  }).sort((a, b) => a.monday - b.monday);
  return {
    rows,
    weeks: weekPoints,
    services,
    trainEnd: end,
    mase: scaleSum > 0 ? absErr / scaleSum : null,
    mapeWeekly,
    coverage: judged > 0 ? inside / judged : null,
    coveragePit: judged > 0 ? pitSum / judged : null,
    backtestStart: canBacktest ? holdStart : null,
  };
}

/** Mean |y(d) − y(d − 7)| over open training days whose previous week's day was open too. */
export function seasonalNaiveScale(days: readonly number[], y: (day: number) => number, cal: OpenCalendar): number {
  const open = new Set(days);
  let sum = 0;
  let n = 0;
  for (const d of days) {
    if (!open.has(d - 7) || !isOpen(cal, d - 7)) continue;
    sum += Math.abs(y(d) - y(d - 7));
    n++;
  }
  return n > 0 ? sum / n : 0;
}
