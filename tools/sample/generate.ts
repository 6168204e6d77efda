/**
 * Deterministic synthetic service-log workbook in the shape of the published study
 * (BPJS Ketenagakerjaan Madiun, 22 May 2023 – 3 April 2024, 16,932 clean records).
 *
 * Pure: `generateSample(seed)` returns plain JSON-able data (no Date objects), so the
 * same seed always gives byte-identical output. All exact figures come from
 * deterministic allocation (largest-remainder apportionment + shuffled label lists),
 * never from luck; randomness only decides *which* row gets *which* label/format.
 *
 * No real personal data: names are combinations of common given names and surnames,
 * KPJ (11 digits) and NIK (16 digits) are random digits from the PRNG.
 */

export type DateTuple = [number, number, number] | [number, number, number, number, number, number];
/** A wall-clock date cell (written as a real date cell in the xlsx). */
export type SampleCell = string | number | boolean | null | { date: DateTuple };

export interface SampleSheet {
  name: string;
  /** row 0 = header */
  rows: SampleCell[][];
}

export type Layanan = 'Informasi' | 'Pengaduan' | 'Permintaan Update Data';
export type AgeGroup = '<20' | '20-27' | '28-34' | '35-42' | '>42' | 'Tidak diketahui';
export type Generation = 'Gen Z' | 'Milenial' | 'Gen X' | 'Baby Boomer' | 'Lainnya';

export interface SampleTruth {
  seed: number;
  /** clean (counted) records per sheet */
  cleanBySheet: Record<string, number>;
  /** extra exact-duplicate rows per sheet (must not count) */
  duplicatesBySheet: Record<string, number>;
  /** extra rows with an unusable date per sheet (must not count) */
  invalidDateBySheet: Record<string, number>;
  /** fully blank rows per sheet */
  blankBySheet: Record<string, number>;
  /** total rows per sheet including the header */
  rowsBySheet: Record<string, number>;
  csByLayanan: Record<Layanan, number>;
  csByLayananAge: Record<Layanan, Partial<Record<AgeGroup, number>>>;
  /** Informasi topics of the >42 age group */
  informasiOver42Topics: Record<string, number>;
  jmoByGeneration: Record<Generation, number>;
  /** Pengaduan rows by generation × canonical topic */
  complaintsByGenerationTopic: Partial<Record<Generation, Record<string, number>>>;
  /** weekly CS counts; `monday` = ISO date of the week's Monday */
  weekly: { monday: string; informasi: number; pengaduan: number }[];
  /** clean visits per day (ISO date) over all four sheets */
  visitsPerDay: Record<string, number>;
  /** text cells that deliberately start with = + - @ (sheet name, row index, column index) */
  formulaLikeCells: { sheet: string; row: number; col: number; value: string }[];
  /** Only with `realWorld`: the mess of issue #11 added on top, and what the cleaner must make of it. */
  realWorld?: RealWorldTruth;
}

export interface SampleOptions {
  /**
   * Adds the real-world mess of issue #11 on top of the same rows: re-entered rows with new
   * running numbers (Customer Service), form double submissions (JMO), the date written once per
   * day (Klaim JHT Onsite, date-sorted), informal abbreviations and topics outside the vocabulary
   * (Customer Service topics), and a TOTAL row. Every published figure stays provable: re-entries
   * and double submissions are duplicates by issue #11's rule, filled-down rows keep their day,
   * abbreviations expand to the same topic, new topics only go to rows no figure pins.
   */
  realWorld?: boolean;
}

/**
 * What each kind of mess is and which figure it could move if the cleaner did not follow
 * issue #11 (with the rules, none moves):
 * - re-entered rows (a visit typed again later with a new running number, the name or topic
 *   re-typed in another case): counted twice → Customer Service total, its layanan, age and
 *   weekly figures, and the visits per day;
 * - form double submissions (same answers 3–90 s later): counted twice → JMO total, JMO
 *   generations, visits per day;
 * - fill-down dates (Onsite's date only on a day's first row): the other rows lost as
 *   TIDAK_VALID → Onsite total and visits per day (and so the week-of-month peaks);
 * - abbreviations (`Saldo tdk sesuai`, `Perubahan tgl lahir`, `Update no. HP`): separate topics →
 *   ds_topik and the Pengaduan topics by generation;
 * - topics outside the vocabulary (Informasi rows under 43 only): new ds_topik rows; no published
 *   figure (the >42 Informasi topics are untouched);
 * - the TOTAL row: one more row read, TIDAK_VALID; never a visit.
 */
export interface RealWorldTruth {
  reenteredBySheet: Record<string, number>;
  doubleSubmissionsBySheet: Record<string, number>;
  /** visit rows whose date cell was left blank below the day's first row */
  filledDownBySheet: Record<string, number>;
  totalRowsBySheet: Record<string, number>;
  /** informal spelling → rows */
  abbreviatedTopics: Record<string, number>;
  /** topic → rows (Informasi, age under 43) */
  outsideVocabularyTopics: Record<string, number>;
  /** Row statuses the cleaner must give by issue #11's rules: rows read, valid (OK + DIPERBAIKI), DUPLIKAT, TIDAK_VALID. */
  expectedBySheet: Record<string, { rows: number; valid: number; duplicate: number; invalid: number }>;
}

export interface SampleWorkbook {
  sheets: SampleSheet[];
  truth: SampleTruth;
}

export const DEFAULT_SEED = 20240403;
export const SHEET = {
  cs: 'Customer Service',
  onsite: 'Klaim JHT Onsite',
  lapak: 'Klaim JHT Lapak Asik',
  jmo: 'JMO',
} as const;

const CLEAN_TOTALS = { cs: 2090, onsite: 3107, lapak: 7439, jmo: 4296 } as const;
const CS_LAYANAN: Record<Layanan, number> = { Informasi: 1245, Pengaduan: 754, 'Permintaan Update Data': 91 };
const CS_AGE: Record<'Informasi' | 'Pengaduan', Record<string, number>> = {
  Informasi: { '>42': 374, '28-34': 344, '20-27': 272, '35-42': 255 },
  Pengaduan: { '20-27': 270, '28-34': 225, '35-42': 170, '>42': 89 },
};
const INFO_OVER42_TOPICS: Record<string, number> = {
  'KPJ Lama': 86,
  'Prosedur Klaim JHT': 70,
  'Saldo JHT': 60,
  'Pencairan JKP': 55,
  'Cara Daftar JMO': 50,
  Iuran: 33,
  'Cek Kepesertaan': 20,
};
const JMO_GENERATIONS: Record<Generation, number> = {
  'Gen Z': 1575,
  Milenial: 1261,
  'Gen X': 1340,
  'Baby Boomer': 120,
  Lainnya: 0,
};
const JMO_COMPLAINTS = ['Gagal Biometrik JMO', 'Gagal Klaim JMO', 'Error Akun JMO', 'Lupa Akun JMO'] as const;
const JMO_COMPLAINT_SHARE = [0.27, 0.2, 0.14, 0.08];
const OTHER_COMPLAINTS = ['Saldo Tidak Sesuai', 'Antrian Lama', 'Data Tidak Sinkron', 'Pelayanan Lambat'];
const INFO_TOPICS_WEIGHTS: [string, number][] = [
  ['Prosedur Klaim JHT', 5],
  ['Saldo JHT', 4],
  ['Cara Daftar JMO', 4],
  ['Pencairan JKP', 3],
  ['KPJ Lama', 2],
  ['Iuran', 2],
  ['Cek Kepesertaan', 2],
  ['Syarat Klaim JKK', 1],
];
const UPDATE_TOPICS = ['Perubahan Nama', 'Perubahan NIK', 'Update No HP', 'Perubahan Tanggal Lahir', 'Update Email'];
/** Deliberately formula-like / markup topic values (Keterangan of counted Update Data rows). */
const INJECTED_TOPICS = [
  '=HYPERLINK("http://x","klik")',
  '+62 812 3456 7890',
  '@admin mohon cek',
  '<b>Saldo</b> <script>alert(1)</script>',
];
const INVALID_DATE_VALUES: SampleCell[] = ['??', '-', 'belum diisi', null, '31/02/2023'];

const FIRST_DAY: [number, number, number] = [2023, 5, 22];
const LAST_DAY: [number, number, number] = [2024, 4, 3];

// ---------------------------------------------------------------- PRNG

export type Rng = () => number;
/** mulberry32: small, fast, deterministic 32-bit PRNG returning [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const chance = (r: Rng, p: number): boolean => r() < p;
function pickWeighted<T>(r: Rng, xs: readonly [T, number][]): T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of xs) {
    x -= w;
    if (x < 0) return v;
  }
  return xs[xs.length - 1][0];
}
function shuffle<T>(r: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}
/** A shuffled list holding each label exactly `counts[label]` times. */
function labels<K extends string>(r: Rng, counts: Partial<Record<K, number>>): K[] {
  const out: K[] = [];
  for (const k of Object.keys(counts) as K[]) for (let i = 0; i < (counts[k] ?? 0); i++) out.push(k);
  return shuffle(r, out);
}
/** Largest-remainder apportionment: integers proportional to weights, summing exactly to total. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => (total * w) / sum);
  const out = quotas.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => [q - Math.floor(q), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k++, rest--) out[order[k % order.length][1]]++;
  return out;
}

// ---------------------------------------------------------------- calendar

const DAY_MS = 86400000;
/** days since 1970-01-01 (UTC) */
const dayNum = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
function ymdOf(dn: number): [number, number, number] {
  const t = new Date(dn * DAY_MS);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}
const dowOf = (dn: number): number => new Date(dn * DAY_MS).getUTCDay(); // 0 = Sunday
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const isoOf = (dn: number): string => {
  const [y, m, d] = ymdOf(dn);
  return `${y}-${pad(m)}-${pad(d)}`;
};
/** Monday (day number) of the week holding dn */
export const mondayOf = (dn: number): number => dn - ((dowOf(dn) + 6) % 7);
export const weekOfMonth = (d: number): number => (d <= 7 ? 1 : d <= 14 ? 2 : d <= 21 ? 3 : d <= 28 ? 4 : 5);
const SERIAL_EPOCH = dayNum(1899, 12, 30);

function workdays(): number[] {
  const out: number[] = [];
  for (let dn = dayNum(...FIRST_DAY); dn <= dayNum(...LAST_DAY); dn++) {
    const w = dowOf(dn);
    if (w >= 1 && w <= 5) out.push(dn);
  }
  return out;
}

// ---------------------------------------------------------------- messy formatting

const MONTH_FULL = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTH_SHORT: string[][] = [
  ['Jan'], ['Feb'], ['Mar'], ['Apr'], ['Mei'], ['Jun'], ['Jul'], ['Agu', 'Agt', 'Ags'], ['Sep', 'Sept'], ['Okt'], ['Nov', 'Nop'], ['Des'],
];
const DAY_NAMES = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

type DateStyle = 'cell' | 'dmy/' | 'dmy-' | 'short' | 'shortLower' | 'full' | 'weekday' | 'iso' | 'serialNum' | 'serialText';
const VISIT_STYLES: [DateStyle, number][] = [
  ['cell', 44], ['dmy/', 20], ['dmy-', 5], ['short', 8], ['shortLower', 3], ['full', 6], ['weekday', 4], ['iso', 4], ['serialNum', 4], ['serialText', 2],
];
const BIRTH_STYLES: [DateStyle, number][] = [['cell', 50], ['dmy/', 25], ['dmy-', 5], ['full', 10], ['short', 5], ['iso', 5]];

function fmtDate(r: Rng, dn: number, style: DateStyle): SampleCell {
  const [y, m, d] = ymdOf(dn);
  const dd = chance(r, 0.5) ? pad(d) : String(d);
  switch (style) {
    case 'cell':
      return { date: [y, m, d] };
    case 'dmy/':
      return `${pad(d)}/${pad(m)}/${y}`;
    case 'dmy-':
      return `${pad(d)}-${pad(m)}-${y}`;
    case 'short':
      return `${dd} ${pick(r, MONTH_SHORT[m - 1])} ${y}`;
    case 'shortLower':
      return `${dd} ${pick(r, MONTH_SHORT[m - 1]).toLowerCase()} ${y}`;
    case 'full':
      return `${dd} ${chance(r, 0.85) ? MONTH_FULL[m - 1] : MONTH_FULL[m - 1].toLowerCase()} ${y}`;
    case 'weekday':
      return `${DAY_NAMES[dowOf(dn)]}, ${dd} ${chance(r, 0.5) ? MONTH_FULL[m - 1] : pick(r, MONTH_SHORT[m - 1])} ${y}`;
    case 'iso':
      return `${y}-${pad(m)}-${pad(d)}`;
    case 'serialNum':
      return dn - SERIAL_EPOCH;
    case 'serialText':
      return String(dn - SERIAL_EPOCH);
  }
}
const visitDate = (r: Rng, dn: number): SampleCell => fmtDate(r, dn, pickWeighted(r, VISIT_STYLES));
const birthDate = (r: Rng, dn: number): SampleCell => fmtDate(r, dn, pickWeighted(r, BIRTH_STYLES));

/** A 1-edit typo (interior deletion or doubled letter) in one word of ≥ 6 letters, if any. */
function typo(r: Rng, s: string): string {
  const words = s.split(' ');
  const idx = words.map((w, i) => (/^[A-Za-z]{6,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (!idx.length) return s;
  const i = pick(r, idx);
  const w = words[i];
  const p = int(r, 2, w.length - 2);
  words[i] = chance(r, 0.5) ? w.slice(0, p) + w.slice(p + 1) : w.slice(0, p) + w[p] + w.slice(p);
  return words.join(' ');
}
const titleCase = (s: string): string => s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());

/** Case / spacing / punctuation / typo / word-order variants of a canonical label. */
function messyLabel(r: Rng, canonical: string, pClean = 0.7, allowSwap = true): string {
  if (chance(r, pClean)) return canonical;
  let s = canonical;
  const words = s.split(' ');
  switch (int(r, 0, 7)) {
    case 0: s = s.toLowerCase(); break;
    case 1: s = s.toUpperCase(); break;
    case 2: s = titleCase(s); break;
    case 3: if (words.length > 1) { const k = int(r, 1, words.length - 1); s = [...words.slice(0, k), '', ...words.slice(k)].join(' '); } else s = ` ${s} `; break;
    case 4: s = s + pick(r, ['.', ',', ' .', ';']); break;
    case 5: s = typo(r, s); break;
    case 6: s = allowSwap && words.length === 2 ? `${words[1]} ${words[0]}` : s + ' '; break;
    case 7: s = ` ${s.toLowerCase()}`; break;
  }
  return s;
}
function layananCell(r: Rng, l: Layanan): string {
  if (l === 'Informasi') {
    return chance(r, 0.05) ? 'Infromasi' : messyLabel(r, 'Informasi', 0.75).trimStart() || 'Informasi';
  }
  if (l === 'Pengaduan') {
    const x = r();
    if (x < 0.08) return pick(r, ['Keluhan', 'keluhan', 'Komplain', 'KOMPLAIN']);
    if (x < 0.12) return 'Pengaduaan';
    return messyLabel(r, 'Pengaduan', 0.75);
  }
  return chance(r, 0.3) ? messyLabel(r, 'Update Data', 0.6, false) : messyLabel(r, 'Permintaan Update Data', 0.7);
}
const KANTOR = ['Kantor Cabang', 'Kantor Cabang', 'Kantor Cabang', 'kantor cabang', 'Kantor  Cabang', 'KANTOR CABANG', 'Kantor Cabang ', 'Kantor cabang'];
const KLAIM = ['Klaim JHT', 'Klaim JHT', 'Klaim JHT', 'Klaim JHT', 'klaim jht', 'KLAIM JHT', 'Klaim  JHT', 'Klaim JHT.', ' Klaim JHT'];
function ageCell(r: Rng, age: number): SampleCell {
  const x = r();
  if (x < 0.55) return age;
  if (x < 0.65) return `${age} th`;
  if (x < 0.75) return `${age} tahun`;
  if (x < 0.85) return ` ${age} `;
  if (x < 0.93) return `${age}thn`;
  return `${age} Tahun`;
}

const GIVEN = ['Agus', 'Budi', 'Siti', 'Dewi', 'Eko', 'Sri', 'Rina', 'Ahmad', 'Nur', 'Dwi', 'Tri', 'Wahyu', 'Indah', 'Rizky', 'Putri', 'Fajar', 'Yuli', 'Bambang', 'Endang', 'Hendra', 'Ayu', 'Dian', 'Joko', 'Lina', 'Arif', 'Fitri', 'Rudi', 'Ani', 'Yusuf', 'Ratna'];
const SURNAME = ['Santoso', 'Wijaya', 'Lestari', 'Saputra', 'Rahayu', 'Setiawan', 'Pratama', 'Susanti', 'Hidayat', 'Kurniawan', 'Wulandari', 'Purnomo', 'Nugroho', 'Handayani', 'Syahputra', 'Utami', 'Firmansyah', 'Hartono', 'Maulana', 'Permatasari'];
function nameCell(r: Rng): string {
  const n = `${pick(r, GIVEN)} ${pick(r, SURNAME)}`;
  const x = r();
  return x < 0.1 ? n.toUpperCase() : x < 0.15 ? n.toLowerCase() : n;
}
const digits = (r: Rng, n: number): string => String(int(r, 1, 9)) + Array.from({ length: n - 1 }, () => String(int(r, 0, 9))).join('');

// ---------------------------------------------------------------- generation helpers

export function ageGroupOf(age: number | null): AgeGroup {
  if (age === null) return 'Tidak diketahui';
  if (age <= 19) return '<20';
  if (age <= 27) return '20-27';
  if (age <= 34) return '28-34';
  if (age <= 42) return '35-42';
  return '>42';
}
export function generationOf(birthYear: number): Generation {
  if (birthYear >= 1995 && birthYear <= 2010) return 'Gen Z';
  if (birthYear >= 1980) return birthYear <= 1994 ? 'Milenial' : 'Lainnya';
  if (birthYear >= 1965) return 'Gen X';
  if (birthYear >= 1946) return 'Baby Boomer';
  return 'Lainnya';
}
const AGE_RANGE: Record<string, [number, number]> = { '20-27': [20, 27], '28-34': [28, 34], '35-42': [35, 42], '>42': [43, 58] };

/** Deterministic weekly CS shape (raw weights); apportioned to exact totals below. */
function weeklyShape(nWeeks: number, switchIdx: number, peakIdx: number, lastFraction: number): { info: number[]; peng: number[] } {
  const earlyInfo = [15, 16, 14, 17, 15, 16, 14, 15, 17, 16, 15, 18];
  const earlyPeng = [21, 23, 22, 24, 22, 21, 23, 22, 24, 23, 22, 21];
  const info: number[] = [];
  const peng: number[] = [];
  for (let w = 0; w < nWeeks; w++) {
    if (w < switchIdx) {
      info.push(earlyInfo[w % earlyInfo.length]);
      peng.push(earlyPeng[w % earlyPeng.length]);
    } else if (w <= peakIdx) {
      info.push(24 + ((62 - 24) * (w - switchIdx)) / (peakIdx - switchIdx));
      peng.push(15 + (w % 3 === 0 ? 1 : 0));
    } else {
      const t = (w - peakIdx - 1) / Math.max(1, nWeeks - peakIdx - 2);
      info.push(52 - 28 * t);
      peng.push(15 - 3 * t + (w % 4 === 1 ? 1 : 0));
    }
  }
  info[nWeeks - 1] *= lastFraction;
  peng[nWeeks - 1] *= lastFraction * 0.8;
  return { info, peng };
}

interface CsRecord {
  dn: number;
  layanan: Layanan;
  age: number | null; // null = implausible, group unknown
  ageCell: SampleCell;
  group: AgeGroup;
  generation: Generation;
  topic: string;
  topicCell: string;
  injected: boolean;
}

interface Row {
  cells: SampleCell[];
  sortKey: number;
  kind: 'clean' | 'invalid' | 'dup' | 'blank' | 'reentry' | 'double' | 'total';
  noDup?: boolean;
  /** the row a duplicate copies */
  of?: Row;
}

/** Orders rows mostly chronologically with some local shuffling, then adds invalid, duplicate and blank rows. */
function assemble(
  r: Rng,
  name: string,
  header: string[],
  clean: Row[],
  makeInvalid: (value: SampleCell) => Row,
  numberColumn: boolean,
): { sheet: SampleSheet; dups: number; invalid: number; blank: number; rows: Row[]; header: string[] } {
  clean.sort((a, b) => a.sortKey - b.sortKey);
  // local shuffling: ~4% of rows swapped with a neighbour up to 12 rows away
  for (let i = 0; i < clean.length; i++) {
    if (chance(r, 0.04)) {
      const j = Math.min(clean.length - 1, i + int(r, 1, 12));
      [clean[i], clean[j]] = [clean[j], clean[i]];
    }
  }
  const rows: Row[] = [...clean];
  const nInvalid = Math.max(INVALID_DATE_VALUES.length, Math.round(clean.length * 0.002));
  for (let k = 0; k < nInvalid; k++) {
    const pos = int(r, 5, rows.length - 1);
    rows.splice(pos, 0, makeInvalid(INVALID_DATE_VALUES[k % INVALID_DATE_VALUES.length]));
  }
  if (numberColumn) rows.forEach((row, i) => (row.cells[0] = i + 1));
  const nDup = Math.round(clean.length * 0.01);
  for (let k = 0; k < nDup; k++) {
    let p: number;
    do p = int(r, 0, rows.length - 2);
    while (rows[p].kind !== 'clean' || rows[p].noDup);
    const q = Math.min(rows.length, p + int(r, 1, 300));
    rows.splice(q, 0, { cells: rows[p].cells.slice(), sortKey: rows[p].sortKey, kind: 'dup', of: rows[p] });
  }
  const nBlank = 3;
  for (let k = 0; k < nBlank; k++) {
    const pos = int(r, Math.floor(rows.length * 0.2), Math.floor(rows.length * 0.8));
    rows.splice(pos, 0, { cells: header.map(() => null), sortKey: 0, kind: 'blank' });
  }
  return { sheet: { name, rows: [header.slice(), ...rows.map((x) => x.cells)] }, dups: nDup, invalid: nInvalid, blank: nBlank, rows, header };
}

function inc<K extends string>(o: Partial<Record<K, number>>, k: K, by = 1): void {
  o[k] = (o[k] ?? 0) + by;
}

// ---------------------------------------------------------------- real-world mess (issue #11)

/** Re-entered Customer Service rows and JMO double submissions. */
const REENTRIES = 20;
const DOUBLE_SUBMISSIONS = 40;
/** Informal spellings staff type for a canonical topic (each expands back to it). */
const ABBREVIATED: Record<string, string[]> = {
  'Saldo Tidak Sesuai': ['Saldo tdk sesuai', 'saldo gk sesuai'],
  'Data Tidak Sinkron': ['Data tdk sinkron', 'data gk sinkron'],
  'Perubahan Tanggal Lahir': ['Perubahan tgl lahir', 'Perubahan Tgl. Lahir'],
  'Update No HP': ['Update no. HP', 'update No. hp'],
};
const ABBREVIATED_SHARE = 0.3;
const OUTSIDE_VOCABULARY_TOPICS = ['Tanya lowongan kerja', 'Minta brosur BPU', 'Titip berkas klaim', 'Konsultasi PHK'];
const OUTSIDE_VOCABULARY_ROWS = 12;

interface TopicMess {
  abbreviated: Record<string, number>;
  outside: Record<string, number>;
}

/** Informal abbreviations on some topics, and topics no vocabulary knows on a few Informasi rows under 43. */
function messTopics(m: Rng, cs: CsRecord[]): TopicMess {
  const out: TopicMess = { abbreviated: {}, outside: {} };
  for (const rec of cs) {
    const variants = ABBREVIATED[rec.topic];
    if (!variants || rec.injected || !chance(m, ABBREVIATED_SHARE)) continue;
    rec.topicCell = pick(m, variants);
    inc(out.abbreviated, rec.topicCell);
  }
  const pool = shuffle(m, cs.filter((x) => x.layanan === 'Informasi' && x.group !== '>42' && !x.injected));
  pool.slice(0, OUTSIDE_VOCABULARY_ROWS).forEach((rec, i) => {
    const t = OUTSIDE_VOCABULARY_TOPICS[i % OUTSIDE_VOCABULARY_TOPICS.length];
    rec.topic = t;
    rec.topicCell = t;
    inc(out.outside, t);
  });
  return out;
}

const TEXT_TIMESTAMP = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;

/** The same timestamp `delta` seconds later, in the same form (date-time cell or dd/mm/yyyy hh:mm:ss); null without a time. */
function later(cell: SampleCell, delta: number): SampleCell | null {
  let ymd: [number, number, number];
  let secs: number;
  let text = false;
  if (cell && typeof cell === 'object' && cell.date.length === 6) {
    const [y, mo, d, hh, mi, ss] = cell.date;
    ymd = [y, mo, d];
    secs = hh * 3600 + mi * 60 + ss;
  } else if (typeof cell === 'string' && TEXT_TIMESTAMP.test(cell)) {
    const t = TEXT_TIMESTAMP.exec(cell) as RegExpExecArray;
    ymd = [+t[3], +t[2], +t[1]];
    secs = +t[4] * 3600 + +t[5] * 60 + +t[6];
    text = true;
  } else return null;
  secs += delta;
  if (secs >= 86400) return null; // never across midnight here: the sample's forms close at 22:00
  const [hh, mi, ss] = [Math.floor(secs / 3600), Math.floor((secs % 3600) / 60), secs % 60];
  return text ? `${pad(ymd[2])}/${pad(ymd[1])}/${ymd[0]} ${pad(hh)}:${pad(mi)}:${pad(ss)}` : { date: [ymd[0], ymd[1], ymd[2], hh, mi, ss] };
}

/** Forms respondents who press Submit again: the same answers 3–90 seconds later, right below. */
function addDoubleSubmissions(m: Rng, rows: Row[], n: number): number {
  const candidates = shuffle(m, rows.filter((x) => x.kind === 'clean' && later(x.cells[0], 1) !== null));
  let added = 0;
  for (const orig of candidates.slice(0, n)) {
    const ts = later(orig.cells[0], int(m, 3, 90)) as SampleCell;
    rows.splice(rows.indexOf(orig) + 1, 0, { cells: [ts, ...orig.cells.slice(1)], sortKey: orig.sortKey, kind: 'double', of: orig });
    added++;
  }
  return added;
}

/**
 * A log kept day by day with the date written once per day: visit rows in date order (each
 * copy right after the row it copies; invalid and blank rows stay where they were), and the
 * date cell left blank on every visit row below a row of the same day. A run restarts with a
 * written date after an invalid or blank row. An invalid row whose date is empty would read as
 * written-once-per-day, so it says "belum diisi" instead.
 */
function writeDatesOncePerDay(rows: Row[], dateCol: number): number {
  const isVisit = (x: Row) => x.kind === 'clean' || x.kind === 'dup';
  const originals = rows.filter((x) => x.kind === 'clean').sort((a, b) => a.sortKey - b.sortKey);
  const copies = new Map<Row, Row[]>();
  for (const x of rows) if (x.kind === 'dup' && x.of) copies.set(x.of, [...(copies.get(x.of) ?? []), x]);
  const ordered: Row[] = [];
  for (const o of originals) ordered.push(o, ...(copies.get(o) ?? []));
  let k = 0;
  for (let i = 0; i < rows.length; i++) if (isVisit(rows[i])) rows[i] = ordered[k++];
  for (const x of rows) if (x.kind === 'invalid' && x.cells[dateCol] === null) x.cells[dateCol] = 'belum diisi';
  let blanked = 0;
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    if (isVisit(a) && isVisit(b) && Math.floor(a.sortKey) === Math.floor(b.sortKey)) {
      b.cells[dateCol] = null;
      blanked++;
    }
  }
  return blanked;
}

/** Visits typed in again a few rows later (a new running number comes with renumber), the name or topic re-typed in another case. */
function addReentries(m: Rng, rows: Row[], n: number, cols: { name: number; topic: number }): number {
  const originals = shuffle(m, rows.filter((x) => x.kind === 'clean' && !x.noDup)).slice(0, n);
  for (const orig of originals) {
    const cells = orig.cells.slice();
    const name = cells[cols.name];
    const topic = cells[cols.topic];
    if (typeof name === 'string' && chance(m, 0.5)) cells[cols.name] = name.toUpperCase();
    if (typeof topic === 'string' && chance(m, 0.5)) cells[cols.topic] = topic.toLowerCase();
    rows.splice(Math.min(rows.length, rows.indexOf(orig) + int(m, 1, 20)), 0, { cells, sortKey: orig.sortKey, kind: 'reentry', of: orig });
  }
  return originals.length;
}

/** The running number is the row's place among the non-blank rows, as a sheet's =ROW()-1 would keep it. */
function renumber(rows: Row[]): void {
  let n = 0;
  for (const x of rows) if (x.kind !== 'blank') x.cells[0] = ++n;
}

/** An empty-looking TOTAL row under the log: the label and nothing else. */
function addTotalRow(rows: Row[], width: number, labelCol: number): number {
  const cells: SampleCell[] = new Array<SampleCell>(width).fill(null);
  cells[labelCol] = 'TOTAL';
  rows.push({ cells, sortKey: 0, kind: 'total' });
  return 1;
}

// ---------------------------------------------------------------- main

export function generateSample(seed: number = DEFAULT_SEED, opts: SampleOptions = {}): SampleWorkbook {
  const r = mulberry32(seed);
  // The mess has its own stream, so the base rows stay exactly those of the plain sample.
  const m = mulberry32((seed ^ 0x5eed1111) >>> 0);
  const real = opts.realWorld === true;
  const days = workdays();
  const dayIndex = new Map(days.map((d, i) => [d, i]));

  // ---- CS: weekly Informasi / Pengaduan counts (deterministic shape, exact totals)
  const mondays: number[] = [];
  for (let m = mondayOf(days[0]); m <= days[days.length - 1]; m += 7) mondays.push(m);
  const weekDays = mondays.map((m) => days.filter((d) => d >= m && d < m + 7));
  const switchIdx = mondays.indexOf(dayNum(2023, 8, 14));
  const peakIdx = mondays.indexOf(dayNum(2023, 10, 9));
  const shape = weeklyShape(mondays.length, switchIdx, peakIdx, weekDays[weekDays.length - 1].length / 5);
  const infoW = apportion(CS_LAYANAN.Informasi, shape.info);
  const pengW = apportion(CS_LAYANAN.Pengaduan, shape.peng);
  checkWeekly(infoW, pengW, switchIdx, peakIdx);

  const cs: CsRecord[] = [];
  const blankRec = (dn: number, layanan: Layanan): CsRecord => ({
    dn, layanan, age: null, ageCell: null, group: 'Tidak diketahui', generation: 'Lainnya', topic: '', topicCell: '', injected: false,
  });
  weekDays.forEach((wd, w) => {
    for (const [count, layanan] of [[infoW[w], 'Informasi'], [pengW[w], 'Pengaduan']] as const) {
      const perDay = apportion(count, wd.map(() => 1 + r() * 0.4));
      wd.forEach((dn, i) => {
        for (let k = 0; k < perDay[i]; k++) cs.push(blankRec(dn, layanan));
      });
    }
  });
  apportion(CS_LAYANAN['Permintaan Update Data'], days.map(() => 1 + r())).forEach((n, i) => {
    for (let k = 0; k < n; k++) cs.push(blankRec(days[i], 'Permintaan Update Data'));
  });

  // ---- CS: ages and generations
  for (const layanan of ['Informasi', 'Pengaduan'] as const) {
    const recs = cs.filter((x) => x.layanan === layanan);
    const groups = labels(r, CS_AGE[layanan]);
    recs.forEach((rec, i) => {
      const [lo, hi] = AGE_RANGE[groups[i]];
      rec.age = int(r, lo, hi);
    });
  }
  const updates = cs.filter((x) => x.layanan === 'Permintaan Update Data');
  updates.forEach((rec) => (rec.age = int(r, 20, 58)));
  const implausible = shuffle(r, updates.slice()).slice(0, 3);
  const implausibleCells: SampleCell[] = ['5 th', 130, '999'];
  for (const rec of cs) {
    const y = ymdOf(rec.dn)[0];
    rec.group = ageGroupOf(rec.age);
    rec.generation = generationOf(y - (rec.age as number));
    rec.ageCell = ageCell(r, rec.age as number);
  }
  implausible.forEach((rec, i) => {
    rec.age = null;
    rec.group = 'Tidak diketahui';
    rec.generation = 'Lainnya';
    rec.ageCell = implausibleCells[i];
  });

  // ---- CS: topics
  const over42 = cs.filter((x) => x.layanan === 'Informasi' && x.group === '>42');
  labels(r, INFO_OVER42_TOPICS).forEach((t, i) => (over42[i].topic = t));
  for (const rec of cs) if (rec.layanan === 'Informasi' && rec.group !== '>42') rec.topic = pickWeighted(r, INFO_TOPICS_WEIGHTS);
  const complaintGens = new Map<Generation, CsRecord[]>();
  for (const rec of cs) if (rec.layanan === 'Pengaduan') complaintGens.set(rec.generation, [...(complaintGens.get(rec.generation) ?? []), rec]);
  for (const [gen, recs] of complaintGens) {
    if (gen === 'Gen Z' || gen === 'Milenial') {
      const counts: Record<string, number> = {};
      JMO_COMPLAINTS.forEach((t, i) => (counts[t] = Math.floor(recs.length * JMO_COMPLAINT_SHARE[i])));
      const jmoTotal = Object.values(counts).reduce((a, b) => a + b, 0);
      apportion(recs.length - jmoTotal, [4, 3, 2, 2]).forEach((n, i) => (counts[OTHER_COMPLAINTS[i]] = n));
      labels(r, counts).forEach((t, i) => (recs[i].topic = t));
    } else {
      for (const rec of recs) rec.topic = pickWeighted(r, [...JMO_COMPLAINTS.map((t) => [t, 1] as [string, number]), ...OTHER_COMPLAINTS.map((t) => [t, 2] as [string, number])]);
    }
  }
  for (const rec of updates) rec.topic = pick(r, UPDATE_TOPICS);
  for (const rec of cs) rec.topicCell = messyLabel(r, rec.topic, 0.72);
  const injectable = shuffle(r, updates.filter((x) => !implausible.includes(x)));
  INJECTED_TOPICS.forEach((t, i) => {
    injectable[i].topicCell = t;
    injectable[i].injected = true;
  });
  const topicMess = real ? messTopics(m, cs) : null;

  // ---- all sheets: visits per day (combined) follow week-of-month weights exactly
  const BUCKET_W = [0, 1.9, 1.05, 0.75, 1.0, 1.1];
  const DOW_W = [0, 1.08, 1.02, 1.0, 0.97, 0.93, 0];
  const monthFactor = new Map<string, number>();
  const dayWeights = days.map((dn) => {
    const [y, m, d] = ymdOf(dn);
    const key = `${y}-${m}`;
    if (!monthFactor.has(key)) monthFactor.set(key, 0.9 + r() * 0.2);
    return BUCKET_W[weekOfMonth(d)] * DOW_W[dowOf(dn)] * (monthFactor.get(key) as number) * (0.94 + r() * 0.12);
  });
  const grand = CLEAN_TOTALS.cs + CLEAN_TOTALS.onsite + CLEAN_TOTALS.lapak + CLEAN_TOTALS.jmo;
  const totalPerDay = apportion(grand, dayWeights);
  const csPerDay = days.map(() => 0);
  for (const rec of cs) csPerDay[dayIndex.get(rec.dn) as number]++;
  const claimSlots: number[] = [];
  days.forEach((dn, i) => {
    const n = totalPerDay[i] - csPerDay[i];
    if (n < 0) throw new Error(`negative claim slots on ${isoOf(dn)}`);
    for (let k = 0; k < n; k++) claimSlots.push(dn);
  });
  const claimSheet = labels(r, { onsite: CLEAN_TOTALS.onsite, lapak: CLEAN_TOTALS.lapak, jmo: CLEAN_TOTALS.jmo });
  const claimDays: Record<'onsite' | 'lapak' | 'jmo', number[]> = { onsite: [], lapak: [], jmo: [] };
  claimSlots.forEach((dn, i) => claimDays[claimSheet[i]].push(dn));

  // ---- build CS rows
  const usedIds = new Set<string>();
  const freshId = (n: number): string => {
    for (;;) {
      const id = digits(r, n);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const csHeader = ['No', 'Tgl. Kunjungan', 'Nama Peserta', 'No KPJ', 'Usia (tahun)', 'Layanan', 'Kanal', 'Keterangan'];
  const csRows: Row[] = cs.map((rec) => ({
    cells: [null, visitDate(r, rec.dn), nameCell(r), freshId(11), rec.ageCell, layananCell(r, rec.layanan), pick(r, KANTOR), rec.topicCell],
    sortKey: rec.dn + r() * 0.9,
    kind: 'clean',
    noDup: rec.injected,
  }));
  const csOut = assemble(r, SHEET.cs, csHeader, csRows, (v) => ({
    cells: [null, v, nameCell(r), freshId(11), ageCell(r, int(r, 20, 58)), layananCell(r, pick(r, ['Informasi', 'Pengaduan'] as Layanan[])), pick(r, KANTOR), messyLabel(r, pick(r, INFO_TOPICS_WEIGHTS)[0])],
    sortKey: 0,
    kind: 'invalid',
  }), true);

  // ---- Onsite
  const claimAge = (): number => pickWeighted(r, [[int(r, 19, 29), 3], [int(r, 30, 44), 4], [int(r, 45, 58), 2]]);
  const onsiteHeader = ['Tanggal', 'Nama', 'NIK', 'Umur', 'Jenis Layanan', 'Kanal'];
  const onsiteRow = (date: SampleCell): SampleCell[] => [date, nameCell(r), freshId(16), ageCell(r, claimAge()), pick(r, KLAIM), pick(r, KANTOR)];
  const onsiteOut = assemble(r, SHEET.onsite, onsiteHeader,
    claimDays.onsite.map((dn) => ({ cells: onsiteRow(visitDate(r, dn)), sortKey: dn + r() * 0.9, kind: 'clean' })),
    (v) => ({ cells: onsiteRow(v), sortKey: 0, kind: 'invalid' }), false);

  // ---- Lapak Asik
  const birthFromAge = (dn: number, age: number): number => dn - age * 365 - int(r, 1, 364);
  const lapakHeader = ['Tgl Pengajuan', 'Nama', 'No. KPJ', 'Tanggal Lahir', 'Keperluan'];
  const lapakRow = (date: SampleCell, dn: number): SampleCell[] => [date, nameCell(r), freshId(11), birthDate(r, birthFromAge(dn, claimAge())), pick(r, KLAIM)];
  const lapakOut = assemble(r, SHEET.lapak, lapakHeader,
    claimDays.lapak.map((dn) => ({ cells: lapakRow(visitDate(r, dn), dn), sortKey: dn + r() * 0.9, kind: 'clean' })),
    (v) => ({ cells: lapakRow(v, pick(r, days)), sortKey: 0, kind: 'invalid' }), false);

  // ---- JMO
  const BIRTH_YEARS: Record<Generation, [number, number]> = {
    'Gen Z': [1995, 2004], Milenial: [1980, 1994], 'Gen X': [1965, 1979], 'Baby Boomer': [1959, 1964], Lainnya: [1940, 1945],
  };
  const genLabels = labels(r, JMO_GENERATIONS);
  const jmoHeader = ['Timestamp', 'Nama', 'KPJ', 'Tanggal Lahir', 'Layanan'];
  const jmoTimestamp = (dn: number, secs: number): SampleCell => {
    const [y, m, d] = ymdOf(dn);
    const hh = Math.floor(secs / 3600), mi = Math.floor((secs % 3600) / 60), ss = secs % 60;
    const x = r();
    if (x < 0.6) return { date: [y, m, d, hh, mi, ss] };
    if (x < 0.9) return `${pad(d)}/${pad(m)}/${y} ${pad(hh)}:${pad(mi)}:${pad(ss)}`;
    return visitDate(r, dn);
  };
  const jmoBirth = (gen: Generation): number => {
    const [lo, hi] = BIRTH_YEARS[gen];
    const y = int(r, lo, hi);
    return dayNum(y, 1, 1) + int(r, 0, 364);
  };
  const jmoClean: Row[] = claimDays.jmo.map((dn, i) => {
    const secs = int(r, 6 * 3600, 22 * 3600);
    return { cells: [jmoTimestamp(dn, secs), nameCell(r), freshId(11), birthDate(r, jmoBirth(genLabels[i])), pick(r, KLAIM)], sortKey: dn + secs / 86400, kind: 'clean' };
  });
  const jmoOut = assemble(r, SHEET.jmo, jmoHeader, jmoClean,
    (v) => ({ cells: [v, nameCell(r), freshId(11), birthDate(r, jmoBirth('Milenial')), pick(r, KLAIM)], sortKey: 0, kind: 'invalid' }), false);

  // ---- the real-world mess (issue #11), from its own random stream
  let realWorld: RealWorldTruth | undefined;
  if (real) {
    const doubles = addDoubleSubmissions(m, jmoOut.rows, DOUBLE_SUBMISSIONS);
    const filled = writeDatesOncePerDay(onsiteOut.rows, 0);
    const reentered = addReentries(m, csOut.rows, REENTRIES, { name: 2, topic: 7 });
    renumber(csOut.rows);
    const totals = addTotalRow(csOut.rows, csHeader.length, 2);
    for (const o of [csOut, onsiteOut, jmoOut]) o.sheet.rows = [o.header.slice(), ...o.rows.map((x) => x.cells)];
    const per = (n: Partial<Record<string, number>>) => Object.fromEntries(Object.values(SHEET).map((s) => [s, n[s] ?? 0]));
    realWorld = {
      reenteredBySheet: per({ [SHEET.cs]: reentered }),
      doubleSubmissionsBySheet: per({ [SHEET.jmo]: doubles }),
      filledDownBySheet: per({ [SHEET.onsite]: filled }),
      totalRowsBySheet: per({ [SHEET.cs]: totals }),
      abbreviatedTopics: (topicMess as TopicMess).abbreviated,
      outsideVocabularyTopics: (topicMess as TopicMess).outside,
      expectedBySheet: {},
    };
  }

  // ---- truth
  const outs = [csOut, onsiteOut, lapakOut, jmoOut];
  const sheets = outs.map((o) => o.sheet);
  const byName = <T>(f: (o: (typeof outs)[number]) => T): Record<string, T> => Object.fromEntries(outs.map((o) => [o.sheet.name, f(o)]));
  const csByLayananAge: Record<Layanan, Partial<Record<AgeGroup, number>>> = { Informasi: {}, Pengaduan: {}, 'Permintaan Update Data': {} };
  const informasiOver42Topics: Record<string, number> = {};
  const complaintsByGenerationTopic: Partial<Record<Generation, Record<string, number>>> = {};
  const csByLayanan: Record<Layanan, number> = { Informasi: 0, Pengaduan: 0, 'Permintaan Update Data': 0 };
  for (const rec of cs) {
    csByLayanan[rec.layanan]++;
    inc(csByLayananAge[rec.layanan], rec.group);
    if (rec.layanan === 'Informasi' && rec.group === '>42') inc(informasiOver42Topics, rec.topic);
    if (rec.layanan === 'Pengaduan') inc((complaintsByGenerationTopic[rec.generation] ??= {}), rec.topic);
  }
  const jmoByGeneration = { 'Gen Z': 0, Milenial: 0, 'Gen X': 0, 'Baby Boomer': 0, Lainnya: 0 } as Record<Generation, number>;
  genLabels.forEach((g) => jmoByGeneration[g]++);
  const visitsPerDay: Record<string, number> = {};
  days.forEach((dn, i) => (visitsPerDay[isoOf(dn)] = totalPerDay[i]));
  const formulaLikeCells: SampleTruth['formulaLikeCells'] = [];
  for (const s of sheets) {
    s.rows.forEach((row, ri) => row.forEach((c, ci) => {
      if (typeof c === 'string' && /^[=+\-@]/.test(c)) formulaLikeCells.push({ sheet: s.name, row: ri, col: ci, value: c });
    }));
  }
  const truth: SampleTruth = {
    seed,
    cleanBySheet: { [SHEET.cs]: cs.length, [SHEET.onsite]: claimDays.onsite.length, [SHEET.lapak]: claimDays.lapak.length, [SHEET.jmo]: claimDays.jmo.length },
    duplicatesBySheet: byName((o) => o.dups),
    invalidDateBySheet: byName((o) => o.invalid),
    blankBySheet: byName((o) => o.blank),
    rowsBySheet: byName((o) => o.sheet.rows.length),
    csByLayanan,
    csByLayananAge,
    informasiOver42Topics,
    jmoByGeneration,
    complaintsByGenerationTopic,
    weekly: mondays.map((m, i) => ({ monday: isoOf(m), informasi: infoW[i], pengaduan: pengW[i] })),
    visitsPerDay,
    formulaLikeCells,
  };
  if (realWorld) {
    for (const o of outs) {
      const name = o.sheet.name;
      const valid = truth.cleanBySheet[name];
      const duplicate = o.dups + realWorld.reenteredBySheet[name] + realWorld.doubleSubmissionsBySheet[name];
      const invalid = o.invalid + realWorld.totalRowsBySheet[name];
      realWorld.expectedBySheet[name] = { rows: valid + duplicate + invalid, valid, duplicate, invalid };
    }
    truth.realWorld = realWorld;
  }
  return { sheets, truth };
}

function checkWeekly(info: number[], peng: number[], switchIdx: number, peakIdx: number): void {
  info.forEach((n, w) => {
    if (w < switchIdx && n > peng[w]) throw new Error(`week ${w}: Informasi ${n} > Pengaduan ${peng[w]}`);
    if (w >= switchIdx && n < peng[w] + 2) throw new Error(`week ${w}: Informasi ${n} not > Pengaduan ${peng[w]} by 2`);
    if (w !== peakIdx && n >= info[peakIdx]) throw new Error(`week ${w}: Informasi ${n} ≥ peak`);
    if (w > switchIdx && w <= peakIdx && n <= info[w - 1]) throw new Error(`week ${w}: Informasi not rising`);
    if (w > peakIdx + 1 && n > info[w - 1]) throw new Error(`week ${w}: Informasi not declining`);
  });
}
