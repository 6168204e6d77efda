/**
 * Synthetic regional visits, columnar: one typed array per field holding codes into small
 * dictionaries, so ten million rows are a few hundred megabytes at most. Values are the cleaned
 * ones a branch sends (vocabulary values, frequent topics, the age groups and generations), so
 * nothing in them is rare enough to be hidden, and both engines count the very same rows.
 */
import { GENERATIONS, UNKNOWN_GROUP, ageGroupLabels, DEFAULT_SETTINGS } from '../../src/core/settings';
import { VOCABULARY } from '../../src/core/vocabulary';
import { mulberry32 } from '../sample/generate';
import { dayNumber, weekdayOfDay, ymdOfDay } from '../../src/core/zone';

export interface Dictionaries {
  cabang: string[];
  sumber: string[];
  layanan: string[];
  kanal: string[];
  topik: string[];
  kelompok_usia: string[];
  generasi: string[];
  status_bersih: string[];
}

export interface SynthVisits {
  size: number;
  dict: Dictionaries;
  cabang: Uint16Array;
  sumber: Uint8Array;
  day: Int32Array;
  layanan: Uint8Array;
  kanal: Uint8Array;
  topik: Uint8Array;
  kelompok_usia: Uint8Array;
  generasi: Uint8Array;
  status_bersih: Uint8Array;
}

/** Status codes: 0 OK and 1 DIPERBAIKI are counted; 2 DUPLIKAT is not (the views must leave it out). */
export const STATUSES = ['OK', 'DIPERBAIKI', 'DUPLIKAT'];
export const FIRST_DAY = dayNumber(2025, 1, 1);
export const DAYS = 730;


/** A sampler of indexes by weight (cumulative table, binary search). */
function sampler(weights: number[], rnd: () => number): () => number {
  const cdf = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (cdf[i] = sum += w));
  return () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

export function dictionaries(branches: number): Dictionaries {
  return {
    cabang: Array.from({ length: branches }, (_, i) => 'KC' + String(i + 1).padStart(3, '0')),
    sumber: ['Buku Tamu', 'Formulir Online'],
    layanan: VOCABULARY.service.map((e) => e.canonical),
    kanal: VOCABULARY.channel.map((e) => e.canonical),
    topik: [...VOCABULARY.topic.map((e) => e.canonical), 'Saldo JHT', 'Akun JMO bermasalah', 'Klaim JMO gagal', 'Lupa PIN', 'Verifikasi wajah gagal di JMO', 'Tidak diketahui'],
    kelompok_usia: [...ageGroupLabels(DEFAULT_SETTINGS.ageBounds), UNKNOWN_GROUP],
    generasi: [...GENERATIONS],
    status_bersih: STATUSES,
  };
}

export function synthesise(branches: number, rows: number, seed = 15): SynthVisits {
  const rnd = mulberry32(seed);
  const dict = dictionaries(branches);
  // Weekdays busy, weekends nearly empty, the first week of a month busier (the early-month peak).
  const dayWeights = Array.from({ length: DAYS }, (_, i) => {
    const day = FIRST_DAY + i;
    const wd = weekdayOfDay(day);
    const base = wd === 0 ? 0.02 : wd === 6 ? 0.1 : 1;
    return base * (ymdOfDay(day).d <= 7 ? 1.4 : 1);
  });
  const pick = {
    cabang: sampler(dict.cabang.map((_, i) => 0.5 + (i % 7) / 4), rnd),
    sumber: sampler([3, 1], rnd),
    day: sampler(dayWeights, rnd),
    layanan: sampler(dict.layanan.map((_, i) => 1 / (i + 1)), rnd),
    kanal: sampler(dict.kanal.map((_, i) => 1 / (i + 1)), rnd),
    topik: sampler(dict.topik.map((_, i) => 1 / (i + 2)), rnd),
    kelompok_usia: sampler(dict.kelompok_usia.map((_, i) => (i === dict.kelompok_usia.length - 1 ? 0.2 : 1)), rnd),
    generasi: sampler(dict.generasi.map((_, i) => 1 / (i + 1)), rnd),
    status_bersih: sampler([90, 8, 2], rnd),
  };
  const v: SynthVisits = {
    size: rows,
    dict,
    cabang: new Uint16Array(rows),
    sumber: new Uint8Array(rows),
    day: new Int32Array(rows),
    layanan: new Uint8Array(rows),
    kanal: new Uint8Array(rows),
    topik: new Uint8Array(rows),
    kelompok_usia: new Uint8Array(rows),
    generasi: new Uint8Array(rows),
    status_bersih: new Uint8Array(rows),
  };
  for (let i = 0; i < rows; i++) {
    v.cabang[i] = pick.cabang();
    v.sumber[i] = pick.sumber();
    v.day[i] = FIRST_DAY + pick.day();
    v.layanan[i] = pick.layanan();
    v.kanal[i] = pick.kanal();
    v.topik[i] = pick.topik();
    v.kelompok_usia[i] = pick.kelompok_usia();
    v.generasi[i] = pick.generasi();
    v.status_bersih[i] = pick.status_bersih();
  }
  return v;
}
