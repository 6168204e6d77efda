/**
 * core/dasbor.ts: the dashboard plan — which charts, their titles in the sheet's language, each
 * chart's range sized to its table, fixed slots (the charts' markers), and tables derived from
 * the summary rows.
 */
import { DATA_COLUMN, DashboardInput, SLOT_WIDTH, MAX_SERIES, pivot, planDashboard, slotColumn } from '../../src/core/dasbor';

const d = (iso: string) => new Date(iso + 'T00:00:00Z');

function input(): DashboardInput {
  return {
    tables: [
      {
        name: 'ds_mingguan',
        headers: ['minggu_mulai', 'layanan', 'kanal', 'jumlah'],
        rows: [
          [d('2024-01-01'), 'Informasi', 'Kantor', 10],
          [d('2024-01-01'), 'Klaim JHT', 'Kantor', 30],
          [d('2024-01-08'), 'Klaim JHT', 'JMO', 25],
        ],
      },
      { name: 'ds_usia', headers: ['layanan', 'kelompok_usia', 'jumlah', 'persen', 'urutan_usia'], rows: [['Informasi', '20-27', 5, 0.5, 1], ['Informasi', '>42', 5, 0.5, 4], ['Klaim JHT', '20-27', 7, 1, 1]] },
      { name: 'ds_keluhan_jmo', headers: ['generasi', 'kelompok_usia', 'kategori', 'jumlah'], rows: [['Gen Z', '20-27', 'Gagal Klaim', 3], ['Gen Z', '28-34', 'Gagal Klaim', 2], ['Milenial', '28-34', 'Lupa Akun', 4]] },
    ],
    forecast: [
      { monday: d('2024-01-08'), forecast: 50, lo: 40, hi: 60 },
      { monday: d('2024-01-15'), forecast: 52, lo: 41, hi: 63 },
    ],
    peaks: [
      { week: 1, count: 100, workingDays: 5, peak: true },
      { week: 2, count: 60, workingDays: 5, peak: false },
      { week: 1, count: 90, workingDays: 5, peak: true },
      { week: 2, count: 50, workingDays: 4, peak: false },
    ],
  };
}

test('four charts in fixed slots right of the charts, each range exactly its table', () => {
  const plan = planDashboard(input(), 'id');
  expect(plan.charts.map((c) => [c.id, c.kind])).toEqual([['tren_mingguan', 'LINE'], ['minggu_bulan', 'COLUMN'], ['usia_layanan', 'COLUMN'], ['keluhan_jmo', 'COLUMN']]);
  plan.charts.forEach((c, k) => {
    expect(c.range.col).toBe(DATA_COLUMN + k * SLOT_WIDTH);
    expect(c.range).toEqual(plan.tables[k]!.range);
    expect(c.range.numRows).toBe(plan.tables[k]!.cells.length);
    expect(c.range.numCols).toBe(plan.tables[k]!.cells[0]!.length);
    // A chart (6 columns wide) never covers the data slots.
    expect(c.anchorCol + 6).toBeLessThanOrEqual(DATA_COLUMN);
  });
  expect(plan.width).toBe(slotColumn(4) - 1);
});

test('weekly trend: visits summed over services and channels, forecast joined on the Monday, weeks ahead without visits', () => {
  const t = planDashboard(input(), 'id').tables[0]!.cells;
  expect(t[0]).toEqual(['Minggu', 'Kunjungan', 'Prakiraan', 'Batas bawah 80%', 'Batas atas 80%']);
  expect(t.slice(1)).toEqual([
    [d('2024-01-01'), 40, '', '', ''],
    [d('2024-01-08'), 25, 50, 40, 60],
    [d('2024-01-15'), '', 52, 41, 63],
  ]);
});

test('without a forecast the trend chart has the visits only', () => {
  const t = planDashboard({ ...input(), forecast: [] }, 'id').tables[0]!.cells;
  expect(t[0]).toEqual(['Minggu', 'Kunjungan']);
  expect(t).toHaveLength(3);
});

test('week of month: visits per working day over all months, a peak week in the Puncak series', () => {
  const t = planDashboard(input(), 'en').tables[1]!.cells;
  expect(t).toEqual([
    ['Week', 'Usual', 'Peak'],
    ['Week 1', '', 19],
    ['Week 2', 12.22, ''],
  ]);
});

test('age groups per service and JMO complaints per generation are pivoted from the long ds_ rows', () => {
  const plan = planDashboard(input(), 'id');
  expect(plan.tables[2]!.cells).toEqual([
    ['Kelompok usia', 'Informasi', 'Klaim JHT'],
    ['20-27', 5, 7],
    ['>42', 5, 0],
  ]);
  expect(plan.tables[3]!.cells).toEqual([
    ['Generasi', 'Gagal Klaim', 'Lupa Akun'],
    ['Gen Z', 5, 0],
    ['Milenial', 0, 4],
  ]);
});

test('the forecast is dashed and the band thin; peak weeks have their own colour', () => {
  const plan = planDashboard(input(), 'id');
  expect(plan.charts[0]!.options.series).toEqual({ 1: { lineDashStyle: [6, 4] }, 2: { lineWidth: 1 }, 3: { lineWidth: 1 } });
  expect(plan.charts[1]!.options).toMatchObject({ isStacked: true, colors: ['#4285f4', '#db4437'] });
});

test('titles follow the sheet language', () => {
  expect(planDashboard(input(), 'id').charts.map((c) => c.title)).toContain('Keluhan JMO per generasi');
  expect(planDashboard(input(), 'en').charts.map((c) => c.title)).toContain('JMO complaints per generation');
});

test('pivot keeps at most MAX_SERIES series (a slot has room for no more)', () => {
  const rows = Array.from({ length: MAX_SERIES + 3 }, (_, i) => ['r', 's' + i, 1]);
  const out = pivot({ headers: ['a', 'b', 'v'], rows }, 'a', 'b', 'v', 'A');
  expect(out[0]).toHaveLength(MAX_SERIES + 1);
  expect(out[1]).toEqual(['r', ...new Array(MAX_SERIES).fill(1)]);
});

test('an empty log gives header-only tables', () => {
  const plan = planDashboard({ tables: [], forecast: [], peaks: [] }, 'id');
  for (const t of plan.tables) expect(t.cells).toHaveLength(1);
});
