import { buildInsights, DEFAULT_INSIGHT_SETTINGS } from '../../../src/core/insights';
import { infoAgeRule, jmoGenerationRule, jmoMonitorRule, twoMonthsBefore } from '../../../src/core/insights/wawasan';
import { dayNumber, isoOfDay } from '../../../src/core/zone';
import { weekOfMonth } from '../../../src/core/settings';
import { dailyVisits, dom, inputOf, rng } from './synthetic';

const FROM = dayNumber(2023, 1, 2);
const TO = dayNumber(2023, 12, 31);

function codesOf(visits: ReturnType<typeof dailyVisits>, lang: 'id' | 'en' = 'id'): string[] {
  const out = buildInsights(inputOf(visits, TO + 1), DEFAULT_INSIGHT_SETTINGS, lang);
  return out.tables.find((t) => t.name === 'wawasan')!.rows.map((r) => r[0] as string);
}

describe('rule 1: early-month staffing', () => {
  const peaked = (d: number) => (weekOfMonth(dom(d)) === 1 ? 2.2 : 1) * 60;
  test('appears when week 1 is busier, with the ratio and the extra counters', () => {
    const visits = dailyVisits(FROM, TO, 'Klaim JHT', peaked, rng(1));
    const out = buildInsights(inputOf(visits, TO + 1), DEFAULT_INSIGHT_SETTINGS, 'en');
    const row = out.tables.find((t) => t.name === 'wawasan')!.rows.find((r) => r[0] === 'awal_bulan')!;
    expect(row).toBeDefined();
    const ratio = Number(/rasio_minggu_1=([\d.]+)/.exec(row[3] as string)![1]);
    expect(ratio).toBeGreaterThan(1.9);
    expect(ratio).toBeLessThan(2.5);
    expect(row[2]).toMatch(/^Add [1-9]\d* service staff in the first week/);
  });
  test('does not appear without an early-month peak', () => {
    expect(codesOf(dailyVisits(FROM, TO, 'Klaim JHT', () => 60, rng(2)))).not.toContain('awal_bulan');
  });
});

describe('rule 2: scheme-change communication', () => {
  test('does not appear on a flat log', () => {
    expect(codesOf(dailyVisits(FROM, TO, 'Informasi', () => 5, rng(3)))).not.toContain('perubahan');
  });
  test('appears for a surge, naming the date two months before it', () => {
    const start = dayNumber(2023, 8, 14);
    const visits = dailyVisits(FROM, TO, 'Informasi', (d) => (d >= start && d < start + 70 ? 12 : 4), rng(4));
    const out = buildInsights(inputOf(visits, TO + 1));
    const row = out.tables.find((t) => t.name === 'wawasan')!.rows.find((r) => r[0] === 'perubahan')!;
    expect(row[3]).toContain('mulai=2023-08-14');
    expect(row[2]).toContain('2023-06-14');
  });
  test('two months before clips to the month end', () => {
    expect(isoOfDay(twoMonthsBefore(dayNumber(2023, 4, 30)))).toBe('2023-02-28');
    expect(isoOfDay(twoMonthsBefore(dayNumber(2024, 1, 15)))).toBe('2023-11-15');
  });
});

describe('rule 3: direct information services by age group', () => {
  const groups = (counts: Record<string, number>) =>
    new Map(Object.entries(counts).map(([g, n]) => [g, { count: n, topics: new Map([['KPJ Lama', n], ['Saldo JHT', Math.floor(n / 2)], ['Iuran', 1], ['Lain', 0]]) }]));
  test('appears for the group with the largest share, with its top topics', () => {
    const rows = infoAgeRule(groups({ '>42': 374, '28-34': 344, '20-27': 272, '35-42': 255 }), 'id');
    expect(rows).toHaveLength(1);
    expect(rows[0][1]).toContain('>42');
    expect(rows[0][2]).toContain('KPJ Lama, Saldo JHT, Iuran');
    expect(rows[0][3]).toContain('jumlah=374; total_informasi=1245');
  });
  test('does not appear when requests are spread evenly', () => {
    expect(infoAgeRule(groups({ '>42': 100, '28-34': 100, '20-27': 104, '35-42': 98 }), 'id')).toEqual([]);
  });
  test('comes through buildInsights from the visits', () => {
    const r = rng(5);
    const visits = [
      ...dailyVisits(FROM, TO, 'Informasi', () => 3, r, { ageGroup: '>42', topic: 'KPJ Lama' }),
      ...dailyVisits(FROM, TO, 'Informasi', () => 1, r, { ageGroup: '20-27', topic: 'Iuran' }),
    ];
    expect(codesOf(visits)).toContain('usia_info');
  });
});

describe('rule 4: JMO usability by generation', () => {
  const byGen = (counts: Record<string, number>) =>
    new Map(Object.entries(counts).map(([g, n]) => [g, new Map([['Gagal Biometrik', n], ['Lupa Akun', Math.floor(n / 3)]])]));
  test('appears for generations holding at least 30 % of JMO complaints', () => {
    const rows = jmoGenerationRule(byGen({ 'Gen Z': 60, Milenial: 50, 'Gen X': 10, 'Baby Boomer': 5 }), 'en');
    expect(rows).toHaveLength(1);
    expect(rows[0][2]).toContain('Gen Z, Milenial');
    expect(rows[0][2]).toContain('Gagal Biometrik, Lupa Akun');
  });
  test('does not appear when complaints are spread evenly', () => {
    expect(jmoGenerationRule(byGen({ 'Gen Z': 25, Milenial: 25, 'Gen X': 25, 'Baby Boomer': 25 }), 'en')).toEqual([]);
    expect(jmoGenerationRule(byGen({ 'Gen Z': 34, Milenial: 33, 'Gen X': 33 }), 'en')).toEqual([]);
  });
  test('comes through buildInsights from JMO complaint visits', () => {
    const visits = dailyVisits(FROM, TO, 'Pengaduan', () => 1, rng(6), { channel: 'JMO', topic: 'Gagal Biometrik JMO', generation: 'Gen Z' });
    expect(codesOf(visits)).toContain('jmo_generasi');
  });
});

describe('rule 5: JMO monitoring', () => {
  const monday = dayNumber(2023, 12, 25);
  test('flags a week above its baseline', () => {
    const rows = jmoMonitorRule([5, 6, 4, 5, 6, 5, 4, 5, 6, 15], monday, 'id');
    expect(rows).toHaveLength(1);
    expect(rows[0][3]).toBe('minggu=2023-12-25; keluhan=15; median_8_minggu=5; batas=9.5');
  });
  test('stays quiet on a normal week', () => {
    expect(jmoMonitorRule([5, 6, 4, 5, 6, 5, 4, 5, 6, 7], monday, 'id')).toEqual([]);
  });
  test('comes through buildInsights when the last complete week spikes, and not otherwise', () => {
    const end = dayNumber(2023, 12, 29); // a Friday: its week is complete for a weekday branch
    const spikeFrom = dayNumber(2023, 12, 25);
    const complaints = (spike: boolean) =>
      dailyVisits(FROM, end, 'Pengaduan', (d) => (spike && d >= spikeFrom ? 6 : 1), rng(9), { channel: 'JMO', topic: 'Lupa Akun JMO' });
    const codes = (spike: boolean) =>
      buildInsights(inputOf(complaints(spike), end + 1)).tables.find((t) => t.name === 'wawasan')!.rows.map((r) => r[0]);
    expect(codes(true)).toContain('jmo_pantau');
    expect(codes(false)).not.toContain('jmo_pantau');
  });
});

describe('language', () => {
  test('Indonesian and English rows carry the same numbers', () => {
    const visits = dailyVisits(FROM, TO, 'Klaim JHT', (d) => (weekOfMonth(dom(d)) === 1 ? 2 : 1) * 50, rng(8));
    const id = buildInsights(inputOf(visits, TO + 1), DEFAULT_INSIGHT_SETTINGS, 'id').tables.find((t) => t.name === 'wawasan')!.rows;
    const en = buildInsights(inputOf(visits, TO + 1), DEFAULT_INSIGHT_SETTINGS, 'en').tables.find((t) => t.name === 'wawasan')!.rows;
    expect(id.map((r) => r[0])).toEqual(en.map((r) => r[0]));
    expect(id[0][1]).toMatch(/^Minggu pertama tiap bulan diperkirakan \d+,\d+× lebih ramai/);
    expect(en[0][1]).toMatch(/^The first week of each month is forecast to be \d+\.\d+× busier/);
    expect(id.map((r) => r[3])).toEqual(en.map((r) => r[3]));
  });
});
