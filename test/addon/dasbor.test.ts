/**
 * The dasbor tab through the bundle: four native charts over tables on the tab, updated in place
 * on every run (same chart ids, a chart staff moved stays where they put it, a staff chart is
 * left alone), and a staff tab that happens to be called "dasbor" is never touched.
 */
import { makeAddon, Value, localDate, Addon } from '../helpers/addon';
import type { EmuSheet } from '../../tools/emulator';

const TZ = 'Asia/Jakarta';

function log(): Value[][] {
  const rows: Value[][] = [['Tanggal', 'Nama', 'Usia', 'Layanan', 'Kanal', 'Topik']];
  const add = (m: number, d: number, n: number, layanan: string, kanal: string, topik: string) => {
    for (let i = 0; i < n; i++) rows.push([localDate(TZ, 2023, m, d), `Peserta ${rows.length}`, 20 + (rows.length % 40), layanan, kanal, topik]);
  };
  for (const m of [7, 8]) {
    for (const d of [3, 4, 5, 6, 7]) add(m, d, 6, 'Informasi', 'Kantor Cabang', 'Saldo JHT');
    for (const d of [10, 11, 12, 13, 14, 17, 18, 19, 20, 21, 24, 25, 26, 27, 28]) add(m, d, 3, 'Informasi', 'Kantor Cabang', 'KPJ Lama');
    for (const d of [3, 4, 10, 11]) add(m, d, 2, 'Pengaduan', 'JMO', 'Gagal Klaim di JMO');
  }
  return rows;
}

const STAFF: Value[][] = [['Catatan dasbor kepala cabang'], ['jangan diubah']];

function run(a: Addon): void {
  a.call('cleanSheet', a.sheet('Log').getSheetId());
  a.call('summarise');
}

function setup(): { a: Addon; ours: EmuSheet } {
  const a = makeAddon([
    { name: 'Log', rows: log() },
    { name: 'dasbor', rows: STAFF },
  ]);
  run(a);
  return { a, ours: a.sheet('dasbor_pola') };
}

const visitsLogged = (rows: Value[][]) => rows.length - 1;

test('four charts on our own marked tab; the staff tab called dasbor keeps its cells and gets no chart', () => {
  const { a, ours } = setup();
  expect(a.values('dasbor')).toEqual(STAFF);
  expect(a.sheet('dasbor').getCharts()).toHaveLength(0);
  const marker = ours.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()]);
  expect(marker).toContainEqual(['pola.tab', 'dasbor']);
  const charts = ours.getCharts();
  expect(charts.map((c) => c.getOptions().get('title'))).toEqual([
    'Kunjungan per minggu dan prakiraan',
    'Kunjungan per hari kerja menurut minggu ke- dalam bulan',
    'Kelompok usia per layanan',
    'Keluhan JMO per generasi',
  ]);
  expect(ours._charts.list.map((c) => c.type)).toEqual(['LINE', 'COLUMN', 'COLUMN', 'COLUMN']);
  for (const c of charts) {
    const [range, ...more] = c.getRanges();
    expect(more).toHaveLength(0);
    expect(range!.getSheet()).toBe(ours);
    expect(c.getNumHeaders()).toBe(1);
  }
});

test('the charts read what the run counted: weekly visits add up to the valid visits, week 1 is the peak', () => {
  const { ours } = setup();
  const [trend, wom, age] = ours.getCharts();
  const trendValues = trend!.getRanges()[0]!.getValues();
  expect(trendValues[0]!.slice(0, 2)).toEqual(['Minggu', 'Kunjungan']);
  const total = trendValues.slice(1).reduce((s, r) => s + (typeof r[1] === 'number' ? r[1] : 0), 0);
  expect(total).toBe(visitsLogged(log()));
  const womValues = wom!.getRanges()[0]!.getValues();
  expect(womValues[1]![0]).toBe('Minggu ke-1');
  expect(typeof womValues[1]![2]).toBe('number'); // in the Puncak series
  expect(womValues[2]![2]).toBe('');
  const ageValues = age!.getRanges()[0]!.getValues();
  expect(ageValues[0]).toEqual(['Kelompok usia', 'Informasi', 'Pengaduan']);
  const ageTotal = ageValues.slice(1).reduce((s, r) => s + Number(r[1]) + Number(r[2]), 0);
  expect(ageTotal).toBe(visitsLogged(log()));
});

test('a second run updates the charts in place: same ids, a moved chart stays, a staff chart is untouched', () => {
  const { a, ours } = setup();
  const ids = ours.getCharts().map((c) => c.getChartId());
  const [first] = ours.getCharts();
  ours.updateChart(first!.modify().setPosition(40, 2, 0, 0).build());
  ours.insertChart(ours.newChart().setChartType('PIE').addRange(ours.getRange('A30:B32')).setOption('title', 'punya staf').build());
  run(a);
  const after = ours.getCharts();
  expect(after).toHaveLength(5);
  expect(after.slice(0, 4).map((c) => c.getChartId())).toEqual(ids);
  expect(after[0]!.getContainerInfo().getAnchorRow()).toBe(40);
  expect(after[4]!.getOptions().get('title')).toBe('punya staf');
  expect(after[4]!.getRanges()[0]!.getA1Notation()).toBe('A30:B32');
  expect(a.values('dasbor')).toEqual(STAFF);
});

test('a chart staff deleted is inserted again on the next run', () => {
  const { a, ours } = setup();
  ours.removeChart(ours.getCharts()[2]!);
  run(a);
  expect(ours.getCharts().map((c) => c.getOptions().get('title'))).toContain('Kelompok usia per layanan');
  expect(ours.getCharts()).toHaveLength(4);
});
