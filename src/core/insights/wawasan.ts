/**
 * The `wawasan` tab: one row per finding, each from a stated rule over the other insight tabs.
 * A rule that does not hold writes no row; the numbers behind every row are in angka_pendukung.
 */
import type { Lang } from '../../shared/api';
import { isoOfDay, ymdOfDay, dayNumber, daysInMonth } from '../zone';
import type { StafRow } from './staffing';
import { medianOf, roundTo } from './calendar';

export const WAWASAN_HEADERS = ['kode', 'temuan', 'rekomendasi', 'angka_pendukung'] as const;
export type WawasanRow = [string, string, string, string];

/** Per finding code: its temuan and rekomendasi in Indonesian, then the same two in English. */
const TEXT: Record<string, readonly [idTemuan: string, idRekomendasi: string, enTemuan: string, enRekomendasi: string]> = {
  awal_bulan: [
    'Minggu pertama tiap bulan diperkirakan {ratio}× lebih ramai per hari daripada minggu ke-2 sampai ke-4.',
    'Tambah {extra} petugas layanan pada minggu pertama setiap bulan (hari tersibuk: {day}).',
    'The first week of each month is forecast to be {ratio}× busier per day than weeks 2 to 4.',
    'Add {extra} service staff in the first week of every month (busiest day: {day}).',
  ],
  perubahan: [
    'Kunjungan {service} melonjak mulai {start} sampai {end}: {during} per minggu, {ratio}× dari {before} sebelumnya.',
    'Untuk perubahan skema berikutnya, umumkan paling lambat dua bulan sebelumnya (untuk lonjakan ini: {announce}).',
    '{service} visits surged from {start} to {end}: {during} per week, {ratio}× the {before} before.',
    'For the next scheme change, announce it at least two months ahead (for this surge: by {announce}).',
  ],
  usia_info: [
    'Kelompok usia {group} mengajukan {share} dari permintaan informasi; topik teratas: {topics}.',
    'Sediakan layanan informasi langsung bagi peserta usia {group}, terutama tentang {topics}.',
    'Age group {group} makes {share} of information requests; top topics: {topics}.',
    'Offer direct information services to members aged {group}, above all on {topics}.',
  ],
  jmo_generasi: [
    'Keluhan JMO terbanyak datang dari {generations}; kategori utama: {categories}.',
    'Buat aplikasi JMO lebih mudah dipakai oleh {generations}, mulai dari {categories}.',
    'Most JMO complaints come from {generations}; main categories: {categories}.',
    'Make the JMO app easier to use for {generations}, starting with {categories}.',
  ],
  jmo_pantau: [
    'Keluhan JMO minggu {week} ({count}) di atas biasanya ({baseline} per minggu).',
    'Pantau keluhan JMO setiap minggu dan periksa gangguan aplikasi minggu ini.',
    'JMO complaints in the week of {week} ({count}) are above normal ({baseline} per week).',
    'Monitor JMO complaints weekly and check for app problems this week.',
  ],
};

/**
 * Fills a finding's temuan (part 0) or rekomendasi (part 1); Indonesian text writes decimals with
 * a comma (2,04×), English with a point.
 */
function say(lang: Lang, code: string, part: 0 | 1, vars: Record<string, string | number>): string {
  return (TEXT[code]?.[(lang === 'en' ? 2 : 0) + part] ?? code).replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = String(vars[k] ?? '');
    return lang === 'id' && /^\d+\.\d+%?$/.test(v) ? v.replace('.', ',') : v;
  });
}

const fmt = (x: number, d = 2) => String(roundTo(x, d));
const pct = (x: number) => fmt(x * 100, 1) + '%';

/**
 * angka_pendukung lists the rule's numbers as `name=value; …` with the same names in both
 * languages, so a dashboard can split them and a reader can check them.
 */
function finding(lang: Lang, code: string, vars: Record<string, string | number>, numbers: Record<string, string | number>): WawasanRow {
  const support = Object.keys(numbers).map((k) => `${k}=${numbers[k]}`).join('; ');
  return [code, say(lang, code, 0, vars), say(lang, code, 1, vars), support];
}

/**
 * Rule 1 (early-month staffing): from ds_staf, the week-1 ratio is the mean visits per day over
 * open weekdays in week 1 divided by that of weeks 2–4; extra staff is, for the weekday where
 * it is largest, week 1's total counters minus the most any of weeks 2–4 needs. The finding
 * appears when the ratio reaches the peak threshold and at least one counter is extra.
 */
export function earlyMonthRule(staf: readonly StafRow[], peakThreshold: number, lang: Lang): WawasanRow[] {
  const visits = new Map<string, number>();
  const staff = new Map<string, number>();
  const days: string[] = [];
  for (const r of staf) {
    const key = r[0] + '#' + r[1];
    visits.set(key, (visits.get(key) ?? 0) + r[3]);
    staff.set(key, (staff.get(key) ?? 0) + r[9]);
    if (!days.includes(r[0])) days.push(r[0]);
  }
  if (days.length === 0) return [];
  const meanVisits = (weeks: number[]) => {
    let s = 0;
    for (const d of days) for (const w of weeks) s += visits.get(d + '#' + w) ?? 0;
    return s / (days.length * weeks.length);
  };
  const others = meanVisits([2, 3, 4]);
  if (others <= 0) return [];
  const ratio = meanVisits([1]) / others;
  let bestDay = days[0] ?? '';
  let extra = -Infinity;
  let w1 = 0;
  let other = 0;
  for (const d of days) {
    const first = staff.get(d + '#1') ?? 0;
    const rest = Math.max(...[2, 3, 4].map((w) => staff.get(d + '#' + w) ?? 0));
    if (first - rest > extra) {
      extra = first - rest;
      bestDay = d;
      w1 = first;
      other = rest;
    }
  }
  if (ratio < peakThreshold || extra < 1) return [];
  return [finding(lang, 'awal_bulan', { ratio: fmt(ratio), extra, day: bestDay }, { rasio_minggu_1: fmt(ratio), petugas_minggu_1: w1, petugas_minggu_lain: other, hari: bestDay })];
}

/** The same calendar day two months earlier (clipped to the month's end). */
export function twoMonthsBefore(day: number): number {
  const { y, m, d } = ymdOfDay(day);
  const mm = m - 2 < 1 ? m + 10 : m - 2;
  const yy = m - 2 < 1 ? y - 1 : y;
  return dayNumber(yy, mm, Math.min(d, daysInMonth(yy, mm)));
}

export interface SurgeFinding {
  service: string;
  start: number;
  end: number;
  before: number;
  during: number;
  ratio: number;
}

/** Rule 2 (scheme-change communication): one finding per service-level surge found in ds_perubahan. */
export function surgeRule(surges: readonly SurgeFinding[], lang: Lang): WawasanRow[] {
  return surges.map((s) => {
    const v = {
      service: s.service,
      start: isoOfDay(s.start),
      end: isoOfDay(s.end),
      before: fmt(s.before, 1),
      during: fmt(s.during, 1),
      ratio: fmt(s.ratio),
      announce: isoOfDay(twoMonthsBefore(s.start)),
    };
    return finding(lang, 'perubahan', v, { mulai: v.start, selesai: v.end, sebelum_per_minggu: v.before, selama_per_minggu: v.during, rasio: v.ratio, umumkan_sebelum: v.announce });
  });
}

/**
 * Rule 3 (direct information services): among age groups with a known age, the one with the
 * largest share of information requests, when that share is at least 1.1 × an even split and
 * there are at least 20 such requests; with its three most frequent topics.
 */
export function infoAgeRule(groups: ReadonlyMap<string, { count: number; topics: Map<string, number> }>, lang: Lang): WawasanRow[] {
  let total = 0;
  let top: string | null = null;
  for (const [g, v] of groups) {
    total += v.count;
    if (top === null || v.count > (groups.get(top) as { count: number }).count) top = g;
  }
  if (top === null || total < 20) return [];
  const even = 1 / groups.size;
  const hit = groups.get(top) as { count: number; topics: Map<string, number> };
  const share = hit.count / total;
  if (share < 1.1 * even) return [];
  const topics = topEntries(hit.topics, 3).map(([t]) => t).join(', ');
  return [finding(lang, 'usia_info', { group: top, share: pct(share), topics }, { kelompok_usia: top, jumlah: hit.count, total_informasi: total, persen: pct(share), pembagian_rata: pct(even) })];
}

/**
 * Rule 4 (JMO usability): generations (known) holding at least 30 % of JMO complaints and at
 * least 1.2 × an even split among the generations that complained (all of them when only one
 * did), when there are at least 10 complaints; with the three most frequent complaint
 * categories among them.
 */
export function jmoGenerationRule(byGeneration: ReadonlyMap<string, Map<string, number>>, lang: Lang): WawasanRow[] {
  const totals = Array.from(byGeneration, ([g, cats]) => [g, sum(cats)] as [string, number]);
  const total = totals.reduce((s, [, n]) => s + n, 0);
  if (total < 10) return [];
  const even = 1 / totals.filter(([, n]) => n > 0).length;
  const chosen = totals.filter(([, n]) => n / total >= Math.max(0.3, Math.min(1, 1.2 * even))).sort((a, b) => b[1] - a[1]);
  if (chosen.length === 0) return [];
  const cats = new Map<string, number>();
  for (const [g] of chosen) for (const [c, n] of byGeneration.get(g) as Map<string, number>) cats.set(c, (cats.get(c) ?? 0) + n);
  const numbers: Record<string, string | number> = { total_keluhan_jmo: total };
  for (const [g, n] of chosen) numbers[g] = `${n} (${pct(n / total)})`;
  return [finding(lang, 'jmo_generasi', { generations: chosen.map(([g]) => g).join(', '), categories: topEntries(cats, 3).map(([c]) => c).join(', ') }, numbers)];
}

/**
 * Rule 5 (JMO monitoring): the last complete week's JMO complaints against the median of the
 * 8 weeks before; flagged above median + 2·√max(median, 1).
 */
export function jmoMonitorRule(weekly: readonly number[], lastMonday: number, lang: Lang): WawasanRow[] {
  if (weekly.length < 5) return [];
  const count = weekly[weekly.length - 1] ?? 0;
  const baseline = medianOf(weekly.slice(Math.max(0, weekly.length - 9), weekly.length - 1));
  const limit = baseline + 2 * Math.sqrt(Math.max(baseline, 1));
  if (count <= limit) return [];
  const v = { week: isoOfDay(lastMonday), count, baseline: fmt(baseline, 1) };
  return [finding(lang, 'jmo_pantau', v, { minggu: v.week, keluhan: count, median_8_minggu: v.baseline, batas: fmt(limit, 1) })];
}

function sum(m: Map<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}

function topEntries(m: Map<string, number>, k: number): [string, number][] {
  return Array.from(m).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
}

