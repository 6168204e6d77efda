/**
 * Deterministic cleaned visits for the summaries, built straight into VisitTables (no cleaner in
 * between, so a change to the cleaner does not move them): a year and a half of weekday visits
 * with early-month peaks and a surge, JMO complaints, unknown ages and generations, rare free
 * text that small-count suppression hides, values staff vetted, and odd topics ('' and ALL_TOPICS).
 */
import type { SheetRecords } from '../../src/core/summarise';
import { VisitTable } from '../../src/core/table';
import { dayNumber, weekdayOfDay, ymdOfDay } from '../../src/core/zone';
import { mulberry32 } from '../sample/generate';

const SERVICES: [string, number][] = [['Informasi', 5], ['Pengaduan', 3], ['Permintaan Update Data', 2], ['Klaim JHT', 4]];
const CHANNELS: [string, number][] = [['Kantor Cabang', 6], ['Lapak Asik', 2], ['JMO', 2]];
const AGES: [string, number][] = [['<20', 1], ['20-27', 4], ['28-34', 5], ['35-42', 3], ['>42', 2], ['Tidak diketahui', 1]];
const GENERATIONS: [string, number][] = [['Gen Z', 3], ['Milenial', 5], ['Gen X', 3], ['Baby Boomer', 1], ['Lainnya', 1], ['Tidak diketahui', 1]];
const TOPICS: Record<string, [string, number][]> = {
  Informasi: [['KPJ Lama', 5], ['Prosedur Klaim JHT', 4], ['Saldo JHT', 3], ['', 1], ['Tidak diketahui', 1], ['(semua)', 1]],
  Pengaduan: [['Gagal Biometrik JMO', 3], ['Gagal Klaim JMO', 2], ['Error Akun JMO', 2], ['Lupa Akun JMO', 2], ['Saldo belum masuk', 3], ['akun jmo eror', 1]],
  'Permintaan Update Data': [['Ganti Nomor HP', 4], ['Perubahan Nama', 2]],
  'Klaim JHT': [['Prosedur Klaim JHT', 5], ['Klaim gagal', 1]],
};

function pickWeighted(r: () => number, xs: readonly [string, number][]): string {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of xs) {
    x -= w;
    if (x < 0) return v;
  }
  return (xs[xs.length - 1] as [string, number])[0];
}

/** About `perDay` visits on each weekday from `from` to `to`, split over `sheets` sheets. */
export function syntheticVisits(seed: number, perDay: number, from = dayNumber(2023, 1, 2), to = dayNumber(2024, 6, 28), sheetNames = ['Loket', 'Online']): SheetRecords[] {
  const r = mulberry32(seed);
  const tables = sheetNames.map(() => new VisitTable());
  const surgeFrom = from + 7 * 30;
  for (let d = from; d <= to; d++) {
    const wd = weekdayOfDay(d);
    if (wd === 0 || wd === 6) continue;
    const early = ymdOfDay(d).d <= 7 ? 1.5 : 1;
    const surge = d >= surgeFrom && d < surgeFrom + 7 * 6 ? 2.2 : 1;
    const n = Math.round(perDay * early * (0.7 + 0.6 * r()));
    // During the surge, extra JHT claims on top of the usual mix.
    const extra = Math.round(perDay * (surge - 1));
    for (let i = 0; i < n + extra; i++) {
      let service = i < n ? pickWeighted(r, SERVICES) : 'Klaim JHT';
      let channel = pickWeighted(r, CHANNELS);
      let topic = pickWeighted(r, TOPICS[service] ?? [['', 1]]);
      // Rare free text: a one-off topic, service or channel that suppression reports as Lainnya.
      if (r() < 0.004) topic = `titipan pesan ${Math.floor(r() * 1e6)}`;
      if (r() < 0.0005) service = `Layanan khusus ${Math.floor(r() * 3)}`;
      if (r() < 0.0005) channel = `Kanal ${Math.floor(r() * 3)}`;
      const t = tables[Math.floor(r() * tables.length)] as VisitTable;
      t.add(d, { service, channel, ageGroup: pickWeighted(r, AGES), generation: pickWeighted(r, GENERATIONS), topic });
    }
  }
  // A rare value staff vetted in one sheet is shown in every sheet.
  (tables[0] as VisitTable).vetted.add('Kanal 1');
  return tables.map((visits, k) => ({
    sheetName: sheetNames[k] as string,
    visits,
    counts: { OK: visits.size, DIPERBAIKI: 0, DUPLIKAT: 0, TIDAK_VALID: 0 },
    rowsRead: visits.size,
  }));
}
