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
