/**
 * `npm run demo`'s job on the bundled sample reproduces the published study's figures
 * (16,932 records, BPJS Ketenagakerjaan Madiun, 22 May 2023 – 3 April 2024), read from the
 * summary tabs the bundle wrote.
 */
import { analyze } from '../../tools/runner/run';
import type { EmuSpreadsheet } from '../../tools/emulator';
import { sampleFile, tmpDir } from '../helpers/addon';

type Row = Record<string, any>;
let ss: EmuSpreadsheet;

function table(name: string): Row[] {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error('missing tab ' + name);
  const [header, ...rows] = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

const sum = (rows: Row[]): number => rows.reduce((n, r) => n + (r.jumlah as number), 0);
const iso = (d: Date): string => new Date(d.getTime() + 7 * 3600000).toISOString().slice(0, 10);

beforeAll(async () => {
  const { emu } = await analyze({ input: sampleFile(), out: tmpDir() });
  ss = emu.spreadsheets[0];
}, 120000);

test('16,932 clean records: 2,090 customer-service visits, 3,107 onsite, 7,439 Lapak Asik, 4,296 JMO', () => {
  const dist = table('ds_distribusi');
  const bySheet = (s: string) => sum(dist.filter((r) => r.sumber === s));
  expect(bySheet('Customer Service')).toBe(2090);
  expect(bySheet('Klaim JHT Onsite')).toBe(3107);
  expect(bySheet('Klaim JHT Lapak Asik')).toBe(7439);
  expect(bySheet('JMO')).toBe(4296);
  expect(sum(dist)).toBe(16932);
  const info = Object.fromEntries(table('info_ringkasan').map((r) => [r.kunci, r.nilai]));
  expect(info.baris_dihitung).toBe('16932');
  expect(info.periode_mulai).toBe('2023-05-22');
  expect(info.periode_selesai).toBe('2024-04-03');
  expect(sum(table('ds_harian'))).toBe(16932);
  expect(sum(table('ds_mingguan'))).toBe(16932);
});

test('customer-service visits by service: Informasi 1,245 (59.6%), Pengaduan 754 (36.1%), Update Data 91 (4.4%)', () => {
  const cs = table('ds_distribusi').filter((r) => r.sumber === 'Customer Service');
  const get = (l: string) => cs.find((r) => r.layanan === l) as Row;
  expect(get('Informasi').jumlah).toBe(1245);
  expect(get('Informasi').persen).toBeCloseTo(0.596, 3);
  expect(get('Pengaduan').jumlah).toBe(754);
  expect(get('Pengaduan').persen).toBeCloseTo(0.361, 3);
  expect(get('Permintaan Update Data').jumlah).toBe(91);
  expect(get('Permintaan Update Data').persen).toBeCloseTo(0.044, 3);
});

test('age groups: Informasi >42 374, 28-34 344, 20-27 272, 35-42 255; Pengaduan 20-27 270, 28-34 225, 35-42 170, >42 89', () => {
  const usia = table('ds_usia');
  const n = (l: string, g: string) => usia.find((r) => r.layanan === l && r.kelompok_usia === g)?.jumlah;
  expect([n('Informasi', '>42'), n('Informasi', '28-34'), n('Informasi', '20-27'), n('Informasi', '35-42')]).toEqual([374, 344, 272, 255]);
  expect([n('Pengaduan', '20-27'), n('Pengaduan', '28-34'), n('Pengaduan', '35-42'), n('Pengaduan', '>42')]).toEqual([270, 225, 170, 89]);
  for (const l of ['Informasi', 'Pengaduan']) {
    const shares = usia.filter((r) => r.layanan === l).reduce((s, r) => s + r.persen, 0);
    expect(shares).toBeCloseTo(1, 5);
  }
});

test('Informasi of the >42 group: KPJ Lama leads with 86 of 374 (22.99%), Prosedur Klaim JHT second', () => {
  const rows = table('ds_topik').filter((r) => r.layanan === 'Informasi' && r.kelompok_usia === '>42');
  rows.sort((a, b) => b.jumlah - a.jumlah);
  expect(sum(rows)).toBe(374);
  expect(rows[0].topik).toBe('KPJ Lama');
  expect(rows[0].jumlah).toBe(86);
  expect(Math.round(rows[0].persen * 10000) / 100).toBe(22.99);
  expect(rows[1].topik).toBe('Prosedur Klaim JHT');
});

test('JMO claims by generation: Gen Z 1,575 (36.66%), Milenial 1,261 (29.35%) of 4,296', () => {
  const rows = table('ds_kanal').filter((r) => r.layanan === 'Klaim JHT' && r.kanal === 'JMO');
  expect(sum(rows)).toBe(4296);
  const gen = (g: string) => rows.filter((r) => r.generasi === g);
  expect(sum(gen('Gen Z'))).toBe(1575);
  expect(sum(gen('Milenial'))).toBe(1261);
  const share = (g: string) => gen(g).reduce((s, r) => s + r.persen, 0);
  expect(Math.round(share('Gen Z') * 10000) / 100).toBe(36.66);
  expect(Math.round(share('Milenial') * 10000) / 100).toBe(29.35);
});

test('Gen Z and Milenial JMO complaints: biometric failure, failed claim, account error, forgotten account', () => {
  const rows = table('ds_keluhan_jmo');
  for (const gen of ['Gen Z', 'Milenial']) {
    const n = (k: string) => sum(rows.filter((r) => r.generasi === gen && r.kategori === k));
    const order = ['Gagal Biometrik', 'Gagal Klaim', 'Error Akun', 'Lupa Akun'].map(n);
    expect(order[0]).toBeGreaterThan(order[1]);
    expect(order[1]).toBeGreaterThan(order[2]);
    expect(order[2]).toBeGreaterThan(order[3]);
    expect(order[3]).toBeGreaterThan(0);
    const shares = rows.filter((r) => r.generasi === gen).reduce((s, r) => s + r.persen, 0);
    expect(shares).toBeCloseTo(1, 5);
  }
});

test('visits peak in week 1 of every month and dip in week 3', () => {
  const puncak = table('ds_puncak');
  const months = Array.from(new Set(puncak.map((r) => r.bulan))).filter((m) => m >= '2023-06' && m <= '2024-03');
  expect(months).toHaveLength(10);
  for (const m of months) {
    const rows = puncak.filter((r) => r.bulan === m);
    const w1 = rows.find((r) => r.minggu_ke === 1) as Row;
    expect(w1.puncak_awal_bulan).toBe(true);
    expect(w1.rasio).toBeGreaterThanOrEqual(1.2);
    const w3 = rows.find((r) => r.minggu_ke === 3) as Row;
    for (const r of rows) if (r !== w3 && r.hari_kerja > 0) expect(w3.per_hari_kerja).toBeLessThan(r.per_hari_kerja);
    expect(rows.filter((r) => r.puncak && r.minggu_ke !== 1)).toEqual([]);
  }
  const info = Object.fromEntries(table('info_ringkasan').map((r) => [r.kunci, r.nilai]));
  expect(info.puncak_awal_bulan.split(', ')).toEqual(months);
});

test('Informasi outweighs Pengaduan from 14 August 2023 and declines from 9 October 2023', () => {
  const weekly = new Map<string, { Informasi: number; Pengaduan: number }>();
  for (const r of table('ds_mingguan')) {
    if (r.layanan !== 'Informasi' && r.layanan !== 'Pengaduan') continue;
    const k = iso(r.minggu_mulai);
    const w = weekly.get(k) ?? { Informasi: 0, Pengaduan: 0 };
    w[r.layanan as 'Informasi' | 'Pengaduan'] += r.jumlah;
    weekly.set(k, w);
  }
  const weeks = Array.from(weekly.keys()).sort();
  for (const k of weeks) {
    const w = weekly.get(k) as { Informasi: number; Pengaduan: number };
    if (k < '2023-08-14') expect(w.Informasi).toBeLessThanOrEqual(w.Pengaduan);
    else expect(w.Informasi).toBeGreaterThan(w.Pengaduan);
  }
  const info = (k: string) => (weekly.get(k) as { Informasi: number }).Informasi;
  const peak = info('2023-10-09');
  for (const k of weeks) if (k !== '2023-10-09') expect(info(k)).toBeLessThan(peak);
  const after = weeks.filter((k) => k > '2023-10-09' && k < '2024-04-01').map(info);
  for (let i = 1; i < after.length; i++) expect(after[i]).toBeLessThanOrEqual(after[i - 1]);
});

test('no personal data reaches any summary or report tab', () => {
  const personal = new Set<string>();
  for (const name of ['Customer Service', 'Klaim JHT Onsite', 'Klaim JHT Lapak Asik', 'JMO']) {
    const sheet = ss.getSheetByName(name)!;
    const [header, ...rows] = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
    header.forEach((h, c) => {
      if (/nama|kpj|nik/i.test(String(h))) for (const r of rows) if (String(r[c]).length >= 5) personal.add(String(r[c]));
    });
  }
  expect(personal.size).toBeGreaterThan(1000);
  for (const tab of ['ds_harian', 'ds_mingguan', 'ds_minggu_bulan', 'ds_distribusi', 'ds_usia', 'ds_topik', 'ds_kanal', 'ds_keluhan_jmo', 'ds_puncak', 'info_ringkasan', 'kamus', 'masalah_data']) {
    const sheet = ss.getSheetByName(tab)!;
    const cells = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues().flat().map(String);
    for (const c of cells) expect(personal.has(c)).toBe(false);
  }
});
