/**
 * ds_staf: counters needed per weekday × week of month × service, by Erlang C at the busiest
 * hour of an average day of that kind in the forecast horizon.
 */
import { countersNeeded, averageWait, serviceLevel } from './erlang';
import { WEEKDAY_NAMES } from '../settings';
import { roundTo } from './calendar';
import type { FittedModel } from './forecast';

export const STAF_HEADERS = [
  'hari', 'minggu_ke', 'layanan', 'kunjungan_per_hari', 'aht_menit', 'jam_buka', 'target_persen',
  'target_menit', 'penyusutan', 'petugas', 'tingkat_layanan', 'rata_tunggu_menit',
] as const;


export interface StaffingSettings {
  /** Average handling time per service, minutes; `default` for services not listed. */
  ahtMinutes: Record<string, number>;
  defaultAhtMinutes: number;
  /** Opening hours as minutes after local midnight. */
  openMinute: number;
  closeMinute: number;
  /** Service-level target: `targetShare` of visitors served within `targetMinutes`. */
  targetShare: number;
  targetMinutes: number;
  /** Share of paid time counters are not serving (breaks, admin, training). */
  shrinkage: number;
}

/**
 * Defaults, with their reasoning in docs/insights.md: handling times are typical of a branch
 * front office (an information question is short, a JHT claim needs documents checked and
 * biometrics), opening hours 08:00–15:00, 80 % within 20 minutes, 30 % shrinkage.
 */
export const DEFAULT_STAFFING: StaffingSettings = {
  ahtMinutes: { Informasi: 8, Pengaduan: 15, 'Permintaan Update Data': 12, 'Klaim JHT': 20 },
  defaultAhtMinutes: 12,
  openMinute: 8 * 60,
  closeMinute: 15 * 60,
  targetShare: 0.8,
  targetMinutes: 20,
  shrinkage: 0.3,
};

/** Share of a day's visits that arrive in its busiest clock hour; null when visit times are unknown. */
export type PeakHourShare = number | null;

/**
 * Busiest-hour share from visit times (minutes after midnight, −1 when unknown). Needs at least
 * `minTimed` timed visits; below that the visits are spread evenly over opening hours.
 */
export function peakHourShare(minutes: ArrayLike<number>, minTimed = 50): PeakHourShare {
  const perHour = new Array(24).fill(0);
  let timed = 0;
  for (let i = 0; i < minutes.length; i++) {
    const m = minutes[i] ?? -1;
    if (m < 0 || m >= 1440) continue;
    perHour[Math.floor(m / 60)]++;
    timed++;
  }
  if (timed < minTimed) return null;
  return Math.max(...perHour) / timed;
}

export type StafRow = [string, number, string, number, number, number, number, number, number, number, number, number];

export interface ServiceModel {
  service: string;
  model: FittedModel;
  peakShare: PeakHourShare;
  /** Share of the service's visits that come to a counter (not through a self-service channel). */
  counterShare: number;
}

const round = roundTo;

/** One ds_staf row: Erlang C at the busiest hour, then grossed up for shrinkage. */
export function staffRow(weekday: number, wom: number, service: string, visitsPerDay: number, peakShare: PeakHourShare, s: StaffingSettings): StafRow {
  const aht = s.ahtMinutes[service] ?? s.defaultAhtMinutes;
  const openHours = Math.max(1, (s.closeMinute - s.openMinute) / 60);
  const perMinute = peakShare === null ? visitsPerDay / (openHours * 60) : (visitsPerDay * peakShare) / 60;
  const load = perMinute * aht;
  const counters = countersNeeded(load, aht, s.targetShare, s.targetMinutes);
  const staff = Math.ceil(counters / (1 - s.shrinkage) - 1e-9);
  return [
    WEEKDAY_NAMES[weekday] ?? String(weekday), wom, service, round(visitsPerDay, 2), aht, round(openHours, 2), round(s.targetShare * 100, 2),
    s.targetMinutes, s.shrinkage, staff, round(serviceLevel(counters, load, aht, s.targetMinutes), 4), round(averageWait(counters, load, aht), 2),
  ];
}

/**
 * Rows for every open weekday × week of month 1–5 × service, at the middle of the forecast
 * horizon; visits are the forecast times the service's counter share.
 */
export function staffingTable(models: readonly ServiceModel[], openWeekdays: readonly boolean[], s: StaffingSettings, midHorizonWeeks = 4): StafRow[] {
  const rows: StafRow[] = [];
  for (let wd = 1; wd <= 7; wd++) {
    const weekday = wd % 7; // Monday first, Sunday last
    if (!openWeekdays[weekday]) continue;
    for (let wom = 1; wom <= 5; wom++) {
      for (const m of models) {
        const visits = m.counterShare * m.model.predict({ weekday, wom, weeksAhead: midHorizonWeeks, afterClosure: false }).mean;
        rows.push(staffRow(weekday, wom, m.service, visits, m.peakShare, s));
      }
    }
  }
  return rows;
}
