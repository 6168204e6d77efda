/** What a night sends from a cleaned log's grid: keys, rare values, marks. */
import { hmacSha256 } from '../../../src/core/regional/sha256';
import { LogSheet, planRegionalSend, hideRareValues, RegionalRow } from '../../../src/core/regional/rows';
import { ZoneClock, dayNumber } from '../../../src/core/zone';
import type { Cell } from '../../../src/core/cells';

const UTC = new ZoneClock('UTC', () => 0);
const day = (d: number): Date => UTC.fromLocal(dayNumber(2025, 3, d));
// Columns: Tanggal, Nama, No KPJ, Layanan, Kanal, Topik, kelompok_usia, generasi, minggu_ke, bulan, status_bersih, catatan_bersih
const HEADER: Cell[] = ['Tanggal', 'Nama', 'No KPJ', 'Layanan', 'Kanal', 'Topik', 'kelompok_usia', 'generasi', 'minggu_ke', 'bulan', 'status_bersih', 'catatan_bersih'];
const row = (d: number, kpj: string, topic: string, status = 'OK'): Cell[] => [day(d), 'Budi', kpj, 'Informasi', 'Kantor Cabang', topic, '20-27', 'Gen Z', 1, '2025-03', status, ''];

function sheet(rows: Cell[][], id = 7): LogSheet {
  return {
    id,
    name: 'Log',
    grid: [HEADER, ...rows],
    columns: { headerRow: 0, date: 0, service: 3, channel: 4, topic: 5, kpj: 2, ageGroup: 6, generation: 7, status: 10, constants: { service: '', channel: '' } },
  };
}
const opts = { branchCode: 'KC042', keyedHash: hmacSha256('rahasia'), dayOf: (d: Date) => UTC.toLocal(d).day };

test('valid rows only, keyed by the KPJ through the secret; the same visit twice is two keys', () => {
  const rows = [row(1, '111', 'Saldo JHT'), row(1, '111', 'Saldo JHT'), row(2, '222', 'Saldo JHT', 'DUPLIKAT'), row(3, '333', 'Saldo JHT', 'DIPERBAIKI'), row(4, '444', 'Saldo JHT', 'TIDAK VALID')];
  const plan = planRegionalSend([sheet(rows)], {}, opts);
  expect(plan.rows.map((r) => [r.tanggal, r.status_bersih])).toEqual([
    ['2025-03-01', 'OK'],
    ['2025-03-01', 'OK'],
    ['2025-03-03', 'DIPERBAIKI'],
  ]);
  expect(new Set(plan.rows.map((r) => r.kunci_baris)).size).toBe(3);
  expect(JSON.stringify(plan.rows)).not.toMatch(/Budi|111|333/);
  // Another KPJ, another key; another secret, other keys.
  const other = planRegionalSend([sheet([row(1, '112', 'Saldo JHT')])], {}, opts);
  expect(other.rows[0].kunci_baris).not.toBe(plan.rows[0].kunci_baris);
  expect(planRegionalSend([sheet(rows)], {}, { ...opts, keyedHash: hmacSha256('lain') }).rows[0].kunci_baris).not.toBe(plan.rows[0].kunci_baris);
});

test('marks: a repeated night sends nothing, new rows only after them, the whole sheet after an edit above them', () => {
  const first = [row(1, '1', 'Saldo JHT'), row(2, '2', 'Saldo JHT'), row(3, '3', 'Saldo JHT')];
  const night1 = planRegionalSend([sheet(first)], {}, opts);
  expect(night1.rows).toHaveLength(3);
  expect(planRegionalSend([sheet(first)], night1.marks, opts).rows).toHaveLength(0);
  // Rows typed below, one not cleaned yet (no status): only the cleaned new one goes.
  const more = [...first, row(4, '4', 'Saldo JHT'), [day(5), 'Sari', '5', 'Informasi', 'JMO', 'Saldo JHT', '', '', '', '', '', '']];
  const night2 = planRegionalSend([sheet(more)], night1.marks, opts);
  expect(night2.rows.map((r) => r.tanggal)).toEqual(['2025-03-04']);
  expect(night2.whole).toEqual([]);
  expect(night2.marks['7'].through).toBe(4);
  const edited = more.map((r) => r.slice());
  edited[0][5] = 'KPJ Lama';
  const night3 = planRegionalSend([sheet(edited)], night2.marks, opts);
  expect(night3.rows).toHaveLength(4);
  expect(night3.whole).toEqual(['Log']);
});

test('free text seen in fewer than 3 valid rows of the document reads Lainnya; vocabulary values never do', () => {
  const base: RegionalRow = { cabang: 'K', sumber: 'Log', tanggal: '2025-03-01', layanan: 'Informasi', kanal: 'Kantor Cabang', topik: 'Saldo JHT', kelompok_usia: '20-27', generasi: 'Gen Z', status_bersih: 'OK', kunci_baris: 'k' };
  const all = [
    { ...base, topik: 'Pak Budi minta tolong' },
    { ...base, topik: 'Saldo JHT' },
    { ...base, topik: 'Saldo JHT' },
    { ...base, topik: 'Saldo JHT' },
    { ...base, topik: 'KPJ Lama', layanan: 'Pengaduan' },
  ];
  expect(hideRareValues(all, all).map((r) => [r.layanan, r.topik])).toEqual([
    ['Informasi', 'Lainnya'],
    ['Informasi', 'Saldo JHT'],
    ['Informasi', 'Saldo JHT'],
    ['Informasi', 'Saldo JHT'],
    ['Pengaduan', 'KPJ Lama'],
  ]);
});

test('service, channel and topic leave the branch redacted like the ds_ tabs: numbers, other names, the row\'s own name', () => {
  const named = (d: number, kpj: string, name: string, topic: string): Cell[] => [day(d), name, kpj, 'Informasi', 'Kantor Cabang', topic, '20-27', 'Gen Z', 1, '2025-03', 'OK', ''];
  const rows = [
    named(1, '1', 'Budi', 'titipan Budi Santoso hp 081234567890'),
    named(2, '2', 'Budi', 'titipan Budi Santoso hp 081234567890'),
    named(3, '3', 'Budi', 'titipan Budi Santoso hp 081234567890'),
    named(4, '4', 'Sari Dewi', 'klaim untuk Sari Dewi'),
  ];
  const withPersonal = { ...sheet(rows), columns: { ...sheet(rows).columns, personal: [1, 2] } };
  const sent = planRegionalSend([withPersonal], {}, opts).rows;
  const topics = sent.map((r) => r.topik);
  for (const t of topics) {
    expect(t).not.toMatch(/Budi|Santoso|Sari|Dewi|0812/);
  }
  expect(topics[0]).toContain('[nomor]');
  expect(JSON.stringify(sent)).not.toMatch(/Budi|0812345/);
});

test('a valid row whose date the cleaner filled from the row above is sent with that date; a valid row with no readable date is counted, not dropped silently', () => {
  const blankDate = (kpj: string): Cell[] => ['', 'Budi', kpj, 'Informasi', 'Kantor Cabang', 'Saldo JHT', '20-27', 'Gen Z', 1, '2025-03', 'OK', 'tanggal diambil dari baris 2'];
  const formulaText = (kpj: string): Cell[] => ['#REF!', 'Budi', kpj, 'Informasi', 'Kantor Cabang', 'Saldo JHT', '20-27', 'Gen Z', 1, '2025-03', 'OK', ''];
  const plan = planRegionalSend([sheet([row(5, '1', 'Saldo JHT'), blankDate('2'), blankDate('3'), formulaText('4')])], {}, opts);
  expect(plan.rows.map((r) => r.tanggal)).toEqual(['2025-03-05', '2025-03-05', '2025-03-05']);
  expect(plan.undated).toBe(1);
  expect(plan.valid).toBe(4);
});
