/**
 * The pure regional pieces: SHA-256 and HMAC against published vectors, and what a night sends
 * (keys, rare values, marks) from a cleaned log's grid.
 */
import { createHash, createHmac } from 'crypto';
import { hmacSha256, hex, sha256, utf8 } from '../../src/core/regional/sha256';
import { LogSheet, planRegionalSend, hideRareValues, RegionalRow } from '../../src/core/regional/rows';
import { DEFAULT_REGIONAL_SETTINGS, validateRegionalSettings } from '../../src/core/regional/settings';
import { ZoneClock, dayNumber } from '../../src/core/zone';
import type { Cell } from '../../src/core/cells';

test('SHA-256 matches FIPS 180-4 vectors and Node for lengths around the block edges', () => {
  expect(hex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  expect(hex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(hex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  for (const n of [55, 56, 63, 64, 65, 119, 120, 1000]) {
    const s = 'é'.repeat(n) + 'x';
    expect(hex(sha256(utf8(s)))).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
  }
  expect(Array.from(utf8('\u{1F600}'))).toEqual([0xf0, 0x9f, 0x98, 0x80]);
});

test('HMAC-SHA-256 matches RFC 4231 and Node, for short and long keys', () => {
  expect(hmacSha256('Jefe')('what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  const long = 'k'.repeat(131);
  expect(hmacSha256(long)('KPJ 23000000001')).toBe(createHmac('sha256', long).update('KPJ 23000000001').digest('hex'));
  expect(hmacSha256('a')('x')).not.toBe(hmacSha256('b')('x'));
});

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

test('regional settings: off by default, checked when turned on', () => {
  expect(DEFAULT_REGIONAL_SETTINGS.enabled).toBe(false);
  expect(validateRegionalSettings({ enabled: true, projectId: 'bpjs-regional', branchCode: 'KC042' })).toMatchObject({ enabled: true, dataset: 'pola_regional', table: 'kunjungan' });
  expect(() => validateRegionalSettings({ enabled: true, projectId: 'bpjs-regional', branchCode: 'KC 042' })).toThrow('regional.branchCode');
  expect(() => validateRegionalSettings({ enabled: true, projectId: 'bpjs-regional', branchCode: 'KC042', table: 'a;DROP' })).toThrow('regional.table');
});
