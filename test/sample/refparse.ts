/**
 * Tiny, independent reference parser for the sample workbook — deliberately NOT shared with
 * tools/sample/generate.ts, so the tests recount the published figures from the raw rows.
 */

type Cell = unknown;

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, feb: 2, februari: 2, mar: 3, maret: 3, apr: 4, april: 4, mei: 5, jun: 6, juni: 6,
  jul: 7, juli: 7, agu: 8, agt: 8, ags: 8, agustus: 8, sep: 9, sept: 9, september: 9, okt: 10, oktober: 10,
  nov: 11, nop: 11, november: 11, des: 12, desember: 12,
};

function iso(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}
function fromSerial(n: number): string | null {
  if (!(n > 10000 && n < 80000)) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86400000).toISOString().slice(0, 10);
}

/** Which textual shape a date cell has (for the messiness checks). */
export function dateShape(c: Cell): string | null {
  if (c && typeof c === 'object' && Array.isArray((c as { date?: unknown }).date)) {
    return (c as { date: number[] }).date.length > 3 ? 'datetimeCell' : 'cell';
  }
  if (typeof c === 'number') return 'serialNum';
  if (typeof c !== 'string') return null;
  const s = c.trim();
  if (/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.test(s)) return 'dmyTime';
  if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(s)) return 'dmy/';
  if (/^\d{1,2}-\d{1,2}-\d{4}$/.test(s)) return 'dmy-';
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return 'iso';
  if (/^\d{5}$/.test(s)) return 'serialText';
  const m = /^([A-Za-z']+,\s*)?\d{1,2}\s+([A-Za-z]+)\s+\d{4}$/.exec(s);
  if (m) {
    if (m[1]) return 'weekday';
    const mon = m[2];
    if (mon.length > 4 || mon.toLowerCase() === 'juni' || mon.toLowerCase() === 'juli') return 'monthFull';
    return mon === mon.toLowerCase() ? 'monthShortLower' : 'monthShort';
  }
  return null;
}

/** Month tokens used by name-style dates (e.g. "Agt", "Nop", "Agustus"). */
export function monthToken(c: Cell): string | null {
  if (typeof c !== 'string') return null;
  const m = /^(?:[A-Za-z']+,\s*)?\d{1,2}\s+([A-Za-z]+)\s+\d{4}$/.exec(c.trim());
  return m ? m[1] : null;
}

/** ISO yyyy-mm-dd of a date-ish cell, or null when unusable. */
export function refDate(c: Cell): string | null {
  if (c && typeof c === 'object' && Array.isArray((c as { date?: unknown }).date)) {
    const [y, m, d] = (c as { date: number[] }).date;
    return iso(y, m, d);
  }
  if (typeof c === 'number') return fromSerial(c);
  if (typeof c !== 'string') return null;
  const s = c.trim();
  let m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) return iso(+m[3], +m[2], +m[1]);
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  if (/^\d{5}$/.test(s)) return fromSerial(+s);
  m = /^(?:[A-Za-z']+,\s*)?(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(s);
  if (m) {
    const mon = MONTHS[m[2].toLowerCase()];
    return mon ? iso(+m[3], mon, +m[1]) : null;
  }
  return null;
}

export const norm = (s: unknown): string =>
  String(s ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').replace(/\s+/g, ' ').trim();

/** Optimal-string-alignment distance (Levenshtein + adjacent transposition). */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function canon(value: unknown, dict: Record<string, string>): string | null {
  const n = norm(value);
  if (dict[n]) return dict[n];
  const sorted = n.split(' ').sort().join(' ');
  for (const [k, v] of Object.entries(dict)) {
    if (k.split(' ').sort().join(' ') === sorted) return v;
  }
  for (const [k, v] of Object.entries(dict)) {
    if (k.length >= 6 && (osa(k, n) <= 1 || osa(k.split(' ').sort().join(' '), sorted) <= 1)) return v;
  }
  return null;
}

export const refLayanan = (v: unknown): string | null =>
  canon(v, {
    informasi: 'Informasi',
    pengaduan: 'Pengaduan',
    keluhan: 'Pengaduan',
    komplain: 'Pengaduan',
    'permintaan update data': 'Permintaan Update Data',
    'update data': 'Permintaan Update Data',
  });

const TOPICS = [
  'KPJ Lama', 'Prosedur Klaim JHT', 'Saldo JHT', 'Pencairan JKP', 'Cara Daftar JMO', 'Iuran', 'Cek Kepesertaan', 'Syarat Klaim JKK',
  'Gagal Biometrik JMO', 'Gagal Klaim JMO', 'Error Akun JMO', 'Lupa Akun JMO', 'Saldo Tidak Sesuai', 'Antrian Lama',
  'Data Tidak Sinkron', 'Pelayanan Lambat', 'Perubahan Nama', 'Perubahan NIK', 'Update No HP', 'Perubahan Tanggal Lahir', 'Update Email',
];
const TOPIC_DICT = Object.fromEntries(TOPICS.map((t) => [norm(t), t]));
/** Informal words staff abbreviate in topics (issue #11), written out before matching. */
const INFORMAL: Record<string, string> = { tdk: 'tidak', gk: 'tidak', tgl: 'tanggal' };
const writtenOut = (v: unknown): string => norm(v).split(' ').map((w) => INFORMAL[w] ?? w).join(' ');
export const refTopic = (v: unknown): string | null => canon(writtenOut(v), TOPIC_DICT);

/** Whole-year age from a number or text like "35 th", or null when implausible/unreadable. */
export function refAge(v: unknown): number | null {
  let n: number | null = null;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const m = /^(\d{1,3})\s*(th|thn|tahun)?\.?$/i.exec(v.trim());
    if (m) n = +m[1];
  }
  return n !== null && Number.isInteger(n) && n >= 15 && n <= 100 ? n : null;
}

export function refAgeGroup(age: number | null): string {
  if (age === null) return 'Tidak diketahui';
  return age < 20 ? '<20' : age <= 27 ? '20-27' : age <= 34 ? '28-34' : age <= 42 ? '35-42' : '>42';
}

export function refGeneration(birthYear: number): string {
  if (birthYear >= 1995 && birthYear <= 2010) return 'Gen Z';
  if (birthYear >= 1980 && birthYear <= 1994) return 'Milenial';
  if (birthYear >= 1965 && birthYear <= 1979) return 'Gen X';
  if (birthYear >= 1946 && birthYear <= 1964) return 'Baby Boomer';
  return 'Lainnya';
}

export function mondayOf(isoDate: string): string {
  const t = new Date(isoDate + 'T00:00:00Z');
  t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7));
  return t.toISOString().slice(0, 10);
}

export interface Cleaned {
  rows: { cells: unknown[]; date: string; index: number }[];
  blank: number;
  duplicates: number;
  invalid: number;
}

/** Drops blank rows, exact duplicates (of an earlier row) and rows whose date is unusable. */
export function refClean(rows: unknown[][], dateCol: number): Cleaned {
  const out: Cleaned = { rows: [], blank: 0, duplicates: 0, invalid: 0 };
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c === null || c === '')) {
      out.blank++;
      return;
    }
    const key = JSON.stringify(cells);
    if (seen.has(key)) {
      out.duplicates++;
      return;
    }
    seen.add(key);
    const date = refDate(cells[dateCol]);
    if (!date) {
      out.invalid++;
      return;
    }
    out.rows.push({ cells, date, index: i + 1 });
  });
  return out;
}

/** Where a sheet keeps what issue #11's duplicate rule needs. */
export interface VisitColumns {
  dateCol: number;
  /** Columns naming the person, strongest first (KPJ or NIK, then the name). */
  personCols: number[];
  serviceCol: number;
  /** -1 when the sheet has no topic. */
  topicCol: number;
  /** The sheet writes its date once per day: a blank date below a visit row takes that row's day. */
  fillDown: boolean;
}

export interface Cleaned11 extends Cleaned {
  filled: number;
  totals: number;
}

function personOf(cells: unknown[], cols: number[]): string {
  for (const c of cols) {
    const v = cells[c];
    if (v === null || v === undefined || String(v).trim() === '') continue;
    const digits = String(v).replace(/\D/g, '').replace(/^0+/, '');
    return digits.length >= 5 ? 'id:' + digits : 'name:' + norm(v);
  }
  return '';
}

/**
 * Issue #11's reading of a sheet, written independently of src/: a TOTAL row is invalid and ends
 * a run; a blank date takes the day of the visit row above when the sheet writes dates once per
 * day; a duplicate is the same day, person, service and topic, whatever the running number or
 * the seconds of a timestamp say (and the first of them is the visit).
 */
export function refClean11(rows: unknown[][], o: VisitColumns): Cleaned11 {
  const out: Cleaned11 = { rows: [], blank: 0, duplicates: 0, invalid: 0, filled: 0, totals: 0 };
  const seen = new Set<string>();
  let lastDay: string | null = null;
  rows.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c === null || c === '')) {
      out.blank++;
      lastDay = null;
      return;
    }
    if (cells.some((c) => typeof c === 'string' && c.trim().toUpperCase() === 'TOTAL')) {
      out.totals++;
      out.invalid++;
      lastDay = null;
      return;
    }
    let date = refDate(cells[o.dateCol]);
    const blankDate = cells[o.dateCol] === null || cells[o.dateCol] === '';
    if (!date && o.fillDown && blankDate && lastDay) {
      date = lastDay;
      out.filled++;
    }
    if (!date) {
      out.invalid++;
      lastDay = null;
      return;
    }
    lastDay = date;
    const service = refLayanan(cells[o.serviceCol]) ?? norm(cells[o.serviceCol]);
    const topic = o.topicCol < 0 ? '' : refTopic(cells[o.topicCol]) ?? norm(cells[o.topicCol]);
    const key = [date, personOf(cells, o.personCols), service, topic].join('|');
    if (seen.has(key)) {
      out.duplicates++;
      return;
    }
    seen.add(key);
    out.rows.push({ cells, date, index: i + 1 });
  });
  return out;
}
