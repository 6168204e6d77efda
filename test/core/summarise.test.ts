/**
 * Small-count suppression in the summaries (issue #10 item 14): a free-text service, channel or
 * topic seen in fewer than MIN_ROWS_SHOWN valid rows of the whole run is reported as Lainnya in
 * every ds_ tab; built-in vocabulary and values staff vetted are always shown; totals never change.
 */
import { MIN_ROWS_SHOWN, OTHER, SheetRecords, summarise, suppressedValues } from '../../src/core/summarise';
import { VisitTable } from '../../src/core/table';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { dayNumber } from '../../src/core/zone';
import { intlZoneClock } from '../../tools/emulator';

type Visit = { service?: string; channel?: string; topic?: string };

function sheet(name: string, visits: Visit[], vetted: string[] = []): SheetRecords {
  const t = new VisitTable();
  visits.forEach((v, i) =>
    t.add(dayNumber(2023, 5, 22 + (i % 5)), {
      service: v.service ?? 'Informasi',
      channel: v.channel ?? 'Kantor Cabang',
      ageGroup: '28-34',
      generation: 'Milenial',
      topic: v.topic ?? 'KPJ Lama',
    }),
  );
  for (const x of vetted) t.vetted.add(x);
  return { sheetName: name, visits: t, counts: { OK: visits.length, DIPERBAIKI: 0, DUPLIKAT: 0, TIDAK_VALID: 0 }, rowsRead: visits.length };
}

const times = (n: number, v: Visit): Visit[] => new Array(n).fill(v);
const run = (sheets: SheetRecords[]) => summarise(sheets, DEFAULT_SETTINGS, intlZoneClock('Asia/Jakarta'), { version: 't', refreshedAt: '', lastRun: null });
const tab = (s: ReturnType<typeof run>, name: string) => s.tables.find((t) => t.name === name)!;
const column = (s: ReturnType<typeof run>, name: string, header: string) => {
  const t = tab(s, name);
  const c = t.headers.indexOf(header);
  return t.rows.map((r) => r[c]);
};
const total = (s: ReturnType<typeof run>, name: string) => column(s, name, 'jumlah').reduce((a, b) => (a as number) + (b as number), 0);

test('the threshold is k = 3', () => {
  expect(MIN_ROWS_SHOWN).toBe(3);
});

test('privacy: a topic seen in two rows is Lainnya in ds_topik; one seen in three is shown; totals stay', () => {
  const s = run([sheet('A', [...times(2, { topic: 'titipan Sri Wahyuni' }), ...times(3, { topic: 'Cek saldo' }), ...times(4, {})])]);
  const topics = column(s, 'ds_topik', 'topik');
  expect(topics).not.toContain('titipan Sri Wahyuni');
  expect(topics).toContain(OTHER);
  expect(topics).toContain('Cek saldo');
  const lainnya = tab(s, 'ds_topik').rows.find((r) => r[2] === OTHER)!;
  expect(lainnya[3]).toBe(2);
  expect(total(s, 'ds_topik')).toBe(9);
});

test('privacy: rows of every sheet of the run count towards k', () => {
  const s = run([sheet('A', times(2, { topic: 'Saldo belum masuk' })), sheet('B', times(1, { topic: 'Saldo belum masuk' }))]);
  expect(column(s, 'ds_topik', 'topik')).toEqual(['Saldo belum masuk']);
  expect(suppressedValues([sheet('A', times(2, { topic: 'Saldo belum masuk' }))]).topic.has('Saldo belum masuk')).toBe(true);
});

test('privacy: a rare free-text service or channel is Lainnya in every ds_ tab', () => {
  const s = run([sheet('A', [...times(5, {}), { service: 'Legalisir Sri Wahyuni', channel: 'Dititip Sri Wahyuni' }])]);
  for (const t of s.tables) for (const row of t.rows) for (const c of row) expect(String(c)).not.toMatch(/Sri|Wahyuni/);
  for (const name of ['ds_harian', 'ds_mingguan', 'ds_minggu_bulan', 'ds_distribusi', 'ds_usia', 'ds_topik', 'ds_kanal']) {
    expect(column(s, name, 'layanan')).toContain(OTHER);
  }
  expect(column(s, 'ds_kanal', 'kanal')).toContain(OTHER);
  for (const name of ['ds_harian', 'ds_mingguan', 'ds_distribusi', 'ds_usia', 'ds_topik', 'ds_kanal']) expect(total(s, name)).toBe(6);
});

test('built-in vocabulary is never suppressed, however rare', () => {
  const s = run([sheet('A', [{ service: 'Pengaduan', channel: 'JMO', topic: 'Gagal Biometrik JMO' }, ...times(3, { topic: 'Cek saldo' })])]);
  expect(column(s, 'ds_kanal', 'layanan')).toContain('Pengaduan');
  expect(column(s, 'ds_kanal', 'kanal')).toContain('JMO');
  expect(column(s, 'ds_topik', 'topik')).toContain('Gagal Biometrik JMO');
  // The JMO complaint category is still read from the real topic.
  expect(column(s, 'ds_keluhan_jmo', 'kategori')).toEqual(['Gagal Biometrik']);
});

test('a service or channel vetted by staff (kamus, constants) is shown however rare; a vetted word does not protect a topic', () => {
  const s = run([sheet('A', [{ service: 'Legalisir', channel: 'Mobil Keliling', topic: 'Legalisir' }, ...times(3, {})], ['Legalisir', 'Mobil Keliling'])]);
  expect(column(s, 'ds_kanal', 'layanan')).toContain('Legalisir');
  expect(column(s, 'ds_kanal', 'kanal')).toContain('Mobil Keliling');
  expect(column(s, 'ds_topik', 'topik')).not.toContain('Legalisir');
});

/*
 * Contract version 2 columns (issue #14 item 3): sort keys beside kelompok_usia and generasi,
 * bulan_mulai beside bulan, persen_total in ds_distribusi; nothing of version 1 changes value.
 */
type Row = { day?: number; service?: string; channel?: string; topic?: string; ageGroup?: string; generation?: string };

function sheetOf(name: string, rows: Row[]): SheetRecords {
  const t = new VisitTable();
  for (const r of rows) {
    t.add(r.day ?? dayNumber(2023, 5, 22), {
      service: r.service ?? 'Informasi',
      channel: r.channel ?? 'Kantor Cabang',
      ageGroup: r.ageGroup ?? '28-34',
      generation: r.generation ?? 'Milenial',
      topic: r.topic ?? 'KPJ Lama',
    });
  }
  return { sheetName: name, visits: t, counts: { OK: rows.length, DIPERBAIKI: 0, DUPLIKAT: 0, TIDAK_VALID: 0 }, rowsRead: rows.length };
}

const runIn = (sheets: SheetRecords[], timeZone = 'Asia/Jakarta', ageBounds = DEFAULT_SETTINGS.ageBounds) =>
  summarise(sheets, { ...DEFAULT_SETTINGS, ageBounds }, intlZoneClock(timeZone), { version: 't', refreshedAt: '', lastRun: null });

/** A tab's rows as objects by header. */
const records = (s: ReturnType<typeof run>, name: string) => {
  const t = tab(s, name);
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
};

/** Groups and generations in an order that is neither the natural nor the alphabetical one. */
const AGE_GROUPS_SHUFFLED = ['>42', 'Tidak diketahui', '<20', '35-42', '20-27', '28-34'];
const GENERATIONS_SHUFFLED = ['Gen X', 'Tidak diketahui', 'Gen Z', 'Lainnya', 'Baby Boomer', 'Milenial'];

function mixedVisits(): Row[] {
  const rows: Row[] = [];
  AGE_GROUPS_SHUFFLED.forEach((ageGroup, i) =>
    GENERATIONS_SHUFFLED.forEach((generation, j) => {
      for (let k = 0; k < 3; k++) rows.push({ ageGroup, generation, day: dayNumber(2023, 5, 22 + ((i + j + k) % 5)) });
      rows.push({ ageGroup, generation, service: 'Pengaduan', channel: 'JMO', topic: 'Gagal Biometrik JMO' });
    }),
  );
  return rows;
}

test('every row of every tab has one cell per header', () => {
  const s = runIn([sheetOf('A', mixedVisits())]);
  for (const t of s.tables) for (const row of t.rows) expect([t.name, row.length]).toEqual([t.name, t.headers.length]);
});

test('urutan_usia: sorting by it gives <20, 20-27, 28-34, 35-42, >42, then Tidak diketahui, in every tab with kelompok_usia', () => {
  const s = runIn([sheetOf('A', mixedVisits())]);
  const usia = records(s, 'ds_usia').filter((r) => r.layanan === 'Informasi');
  const byKey = usia.slice().sort((a, b) => (a.urutan_usia as number) - (b.urutan_usia as number));
  expect(byKey.map((r) => r.kelompok_usia)).toEqual(['<20', '20-27', '28-34', '35-42', '>42', 'Tidak diketahui']);
  expect(byKey.map((r) => r.urutan_usia)).toEqual([0, 1, 2, 3, 4, 5]);
  const rank: Record<string, number> = { '<20': 0, '20-27': 1, '28-34': 2, '35-42': 3, '>42': 4, 'Tidak diketahui': 5 };
  for (const name of ['ds_usia', 'ds_topik', 'ds_kanal', 'ds_keluhan_jmo']) {
    const rows = records(s, name);
    expect(new Set(rows.map((r) => r.kelompok_usia))).toEqual(new Set(AGE_GROUPS_SHUFFLED));
    for (const r of rows) expect([name, r.kelompok_usia, r.urutan_usia]).toEqual([name, r.kelompok_usia, rank[r.kelompok_usia as string]]);
  }
});

test('urutan_usia follows the age bounds of the settings', () => {
  const s = runIn([sheetOf('A', ['>49', '30-49', '<30', 'Tidak diketahui'].map((ageGroup) => ({ ageGroup })))], 'Asia/Jakarta', [30, 50]);
  const rows = records(s, 'ds_usia').sort((a, b) => (a.urutan_usia as number) - (b.urutan_usia as number));
  expect(rows.map((r) => [r.kelompok_usia, r.urutan_usia])).toEqual([
    ['<30', 0],
    ['30-49', 1],
    ['>49', 2],
    ['Tidak diketahui', 3],
  ]);
});

test('urutan_generasi: Gen Z, Milenial, Gen X, Baby Boomer, Lainnya, Tidak diketahui, in every tab with generasi', () => {
  const s = runIn([sheetOf('A', mixedVisits())]);
  const order = ['Gen Z', 'Milenial', 'Gen X', 'Baby Boomer', 'Lainnya', 'Tidak diketahui'];
  for (const name of ['ds_kanal', 'ds_keluhan_jmo']) {
    const rows = records(s, name);
    expect(new Set(rows.map((r) => r.generasi))).toEqual(new Set(order));
    for (const r of rows) expect([name, r.generasi, r.urutan_generasi]).toEqual([name, r.generasi, order.indexOf(r.generasi as string)]);
    const sorted = rows.slice().sort((a, b) => (a.urutan_generasi as number) - (b.urutan_generasi as number));
    expect([...new Set(sorted.map((r) => r.generasi))]).toEqual(order);
  }
});

test('bulan_mulai is the first of the bulan at midnight in the spreadsheet zone, in every tab with bulan', () => {
  const visits: Row[] = [];
  for (const [m, d] of [[5, 30], [5, 31], [6, 1], [6, 2], [6, 15], [7, 3]]) for (let k = 0; k < 3; k++) visits.push({ day: dayNumber(2023, m, d) });
  const midnightUtc: Record<string, Record<string, string>> = {
    'Asia/Jakarta': { '2023-05': '2023-04-30T17:00:00.000Z', '2023-06': '2023-05-31T17:00:00.000Z', '2023-07': '2023-06-30T17:00:00.000Z' },
    'America/New_York': { '2023-05': '2023-05-01T04:00:00.000Z', '2023-06': '2023-06-01T04:00:00.000Z', '2023-07': '2023-07-01T04:00:00.000Z' },
  };
  for (const zone of Object.keys(midnightUtc)) {
    const s = runIn([sheetOf('A', visits)], zone);
    for (const name of ['ds_harian', 'ds_minggu_bulan', 'ds_puncak']) {
      const rows = records(s, name);
      expect(new Set(rows.map((r) => r.bulan))).toEqual(new Set(['2023-05', '2023-06', '2023-07']));
      for (const r of rows) {
        expect(r.bulan_mulai).toBeInstanceOf(Date);
        expect([zone, name, r.bulan, (r.bulan_mulai as Date).toISOString()]).toEqual([zone, name, r.bulan, midnightUtc[zone][r.bulan as string]]);
      }
    }
    // The day of ds_harian and its bulan_mulai are dates of the same month in the zone.
    for (const r of records(s, 'ds_harian')) {
      const local = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
      expect(local(r.bulan_mulai as Date)).toBe(`${r.bulan}-01`);
      expect(local(r.tanggal as Date).slice(0, 7)).toBe(r.bulan);
    }
  }
});

test('persen_total is the share of all valid visits of every sheet (sums to 1); persen stays the share within its sheet', () => {
  const a = sheetOf('Customer Service', [...times(6, { service: 'Informasi' }), ...times(3, { service: 'Pengaduan' }), ...times(1, { service: 'Permintaan Update Data' })] as Row[]);
  const b = sheetOf('Lapak Asik', [...times(20, { service: 'Klaim JHT' }), ...times(10, { service: 'Informasi' })] as Row[]);
  const rows = records(runIn([a, b]), 'ds_distribusi');
  const sum = (xs: unknown[]) => xs.reduce((n: number, x) => n + (x as number), 0);
  expect(sum(rows.map((r) => r.persen_total))).toBeCloseTo(1, 9);
  for (const r of rows) expect(r.persen_total).toBeCloseTo((r.jumlah as number) / 40, 6);
  const get = (sumber: string, layanan: string) => rows.find((r) => r.sumber === sumber && r.layanan === layanan)!;
  expect(get('Customer Service', 'Informasi')).toMatchObject({ jumlah: 6, persen: 0.6, persen_total: 0.15 });
  expect(get('Lapak Asik', 'Klaim JHT')).toMatchObject({ jumlah: 20, persen: round6(2 / 3), persen_total: 0.5 });
  for (const sumber of ['Customer Service', 'Lapak Asik']) expect(sum(rows.filter((r) => r.sumber === sumber).map((r) => r.persen))).toBeCloseTo(1, 5);
});

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

describe('early-month peaks and closed days', () => {
  const WEEKDAY = (day: number) => new Date(Date.UTC(1970, 0, 1 + day)).getUTCDay();
  /** Ten visits on every weekday of March–May 2024, none on `closed` days. */
  function flatLog(closed: (iso: string) => boolean): SheetRecords {
    const t = new VisitTable();
    let n = 0;
    for (let day = dayNumber(2024, 3, 1); day <= dayNumber(2024, 5, 31); day++) {
      const wd = WEEKDAY(day);
      if (wd === 0 || wd === 6 || closed(new Date(Date.UTC(1970, 0, 1 + day)).toISOString().slice(0, 10))) continue;
      for (let k = 0; k < 10; k++, n++) t.add(day, { service: 'Informasi', channel: 'Kantor Cabang', ageGroup: '28-34', generation: 'Milenial', topic: 'KPJ Lama' });
    }
    return { sheetName: 'Log', visits: t, counts: { OK: n, DIPERBAIKI: 0, DUPLIKAT: 0, TIDAK_VALID: 0 }, rowsRead: n };
  }
  const puncak = (s: ReturnType<typeof run>, month: string, week: number) => {
    const t = tab(s, 'ds_puncak');
    const row = t.rows.find((r) => r[0] === month && r[1] === week)!;
    return Object.fromEntries(t.headers.map((h, i) => [h, row[i]]));
  };
  // Nyepi (11–12 March) and Lebaran with its cuti bersama (8–12 and 15 April 2024), from the built-in list.
  const LEBARAN = ['2024-03-11', '2024-03-12', '2024-04-08', '2024-04-09', '2024-04-10', '2024-04-11', '2024-04-12', '2024-04-15'];

  test('a branch closed on the national holidays shows no peak in a flat log: the holidays are not working days', () => {
    const s = run([flatLog((iso) => LEBARAN.includes(iso))]);
    expect(s.earlyMonthPeaks).toEqual([]);
    expect(puncak(s, '2024-04', 2)).toMatchObject({ jumlah: 0, hari_kerja: 0 });
    expect(puncak(s, '2024-04', 1)).toMatchObject({ puncak: false });
  });

  test('a holiday with visits in the log was a working day for that branch', () => {
    const s = run([flatLog(() => false)]);
    expect(s.earlyMonthPeaks).toEqual([]);
    expect(puncak(s, '2024-04', 2)).toMatchObject({ jumlah: 50, hari_kerja: 5 });
  });
});
