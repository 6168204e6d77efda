/**
 * Issue #13 through the bundle: the sample's Clean & Summarize writes the insight tabs of contract
 * version 2 (forecast, staffing, surges, recommendations), their figures land in info_ringkasan,
 * and the sidebar's summary reply carries the findings and the weekly chart points.
 */
import { analyze } from '../../tools/runner/run';
import { sampleFile, tmpDir } from '../helpers/addon';
import type { EmuSpreadsheet } from '../../tools/emulator';

let ss: EmuSpreadsheet;

const table = (name: string): Record<string, unknown>[] => {
  const sheet = ss.getSheetByName(name)!;
  const [header, ...rows] = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
};
const info = (): Record<string, string> => Object.fromEntries(table('info_ringkasan').map((r) => [String(r.kunci), String(r.nilai)]));

beforeAll(async () => {
  const { emu } = await analyze({ input: sampleFile(), out: tmpDir() });
  ss = emu.spreadsheets[0];
}, 180000);

test('the forecast backtest beats the seasonal-naive forecast (MASE < 1) and is reported in info_ringkasan', () => {
  const i = info();
  expect(Number(i.prakiraan_mase.replace(',', '.'))).toBeLessThan(1);
  expect(i.prakiraan_mape_mingguan).not.toBe('');
  const rows = table('ds_prakiraan');
  expect(rows.some((r) => r.jenis === 'backtest' && r.jumlah_aktual !== '')).toBe(true);
  const future = rows.filter((r) => r.jenis === 'prakiraan');
  expect(future.length).toBeGreaterThan(0);
  for (const r of future) {
    expect(r.jumlah_aktual).toBe('');
    expect(Object.prototype.toString.call(r.tanggal)).toBe('[object Date]');
    expect(Number(r.batas_bawah)).toBeLessThanOrEqual(Number(r.prakiraan));
    expect(Number(r.prakiraan)).toBeLessThanOrEqual(Number(r.batas_atas));
  }
});

test('the information-request surge is found within two weeks of 14 Aug 2023', () => {
  const surges = table('ds_perubahan').filter((r) => r.layanan === 'Informasi' && r.topik === '(semua)');
  const start = surges.map((r) => (r.mulai as Date).getTime());
  const truth = Date.UTC(2023, 7, 14);
  expect(start.some((t) => Math.abs(t - truth) <= 14 * 86400000)).toBe(true);
});

test('staffing has a week-1 row per weekday and service, with counters derived from Erlang C', () => {
  const staf = table('ds_staf');
  expect(staf.length).toBeGreaterThan(0);
  for (const r of staf) {
    expect(Number.isInteger(r.petugas)).toBe(true);
    expect(Number(r.petugas)).toBeGreaterThanOrEqual(0);
  }
  expect(staf.some((r) => r.minggu_ke === 1)).toBe(true);
});

test('wawasan holds the early-month recommendation with its numbers, and no personal data', () => {
  const w = table('wawasan');
  // The sample peaks in week 1 of every month, has the information surge, and the >42 information users.
  expect(w.map((r) => r.kode)).toEqual(expect.arrayContaining(['awal_bulan', 'perubahan', 'usia_info', 'jmo_generasi']));
  for (const r of w) {
    expect(String(r.rekomendasi).length).toBeGreaterThan(10);
    expect(String(r.angka_pendukung)).toMatch(/=/);
    expect(JSON.stringify(r)).not.toMatch(/\d{9,}|@/);
  }
});
