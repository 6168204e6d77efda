import { hasWeeklyChart, topRecommendations, weekLabel, weeklyPoints, weekOfMonthRows } from '../../sidebar/wawasan';
import { MESSAGES } from '../../sidebar/i18n';
import { supportingNumbersText } from '../../sidebar/format';
import { buildInsights, DEFAULT_INSIGHT_SETTINGS } from '../../src/core/insights';
import { infoAgeRule, jmoMonitorRule } from '../../src/core/insights/wawasan';
import { weekOfMonth } from '../../src/core/settings';
import { dayNumber } from '../../src/core/zone';
import { dailyVisits, dom, inputOf, rng } from '../core/insights/synthetic';

const f = (kode: string, rekomendasi: string) => ({ kode, temuan: `temuan ${kode}`, rekomendasi, angka: `angka ${kode}` });

describe('topRecommendations', () => {
  test('the first three findings with a recommendation, in the server order', () => {
    const findings = [f('awal_bulan', 'Tambah petugas'), f('perubahan', ''), f('usia_info', 'Layanan informasi'), f('jmo_generasi', 'JMO'), f('jmo_pantau', 'Pantau')];
    expect(topRecommendations(findings).map((x) => x.kode)).toEqual(['awal_bulan', 'usia_info', 'jmo_generasi']);
    expect(topRecommendations(findings, 1).map((x) => x.kode)).toEqual(['awal_bulan']);
  });
  test('none without findings, or when every recommendation is blank', () => {
    expect(topRecommendations([])).toEqual([]);
    expect(topRecommendations([f('a', '  ')])).toEqual([]);
  });
});

describe('weekLabel / weeklyPoints', () => {
  test('a Monday reads "day month" in the sidebar language', () => {
    expect(weekLabel('2023-10-09', 'id')).toBe('9 Okt');
    expect(weekLabel('2023-08-28', 'en')).toBe('28 Aug');
  });
  test('anything else is shown as it came', () => {
    expect(weekLabel('<img onerror=x>', 'id')).toBe('<img onerror=x>');
    expect(weekLabel('2023-13-01', 'id')).toBe('2023-13-01');
  });
  test('points keep actual, forecast and band; non-numbers become gaps', () => {
    const pts = weeklyPoints(
      [
        { monday: '2023-10-02', actual: 50, forecast: null, lo: null, hi: null },
        { monday: '2023-10-09', actual: null, forecast: 52, lo: 40, hi: Number.NaN },
      ],
      'id',
    );
    expect(pts).toEqual([
      { label: '2 Okt', actual: 50, forecast: null, lo: null, hi: null },
      { label: '9 Okt', actual: null, forecast: 52, lo: 40, hi: null },
    ]);
    expect(hasWeeklyChart(pts)).toBe(true);
    expect(hasWeeklyChart(pts.slice(0, 1))).toBe(false);
    expect(hasWeeklyChart([{ label: 'x', actual: null, forecast: null, lo: null, hi: null }, { label: 'y', actual: null, forecast: null, lo: null, hi: null }])).toBe(false);
  });
});

describe('weekOfMonthRows', () => {
  test('absent field, no rows; malformed rows dropped', () => {
    expect(weekOfMonthRows({})).toEqual([]);
    expect(
      weekOfMonthRows({
        weekOfMonth: [
          { week: 1, perWorkingDay: 10, peak: true },
          { week: 1.5, perWorkingDay: 10, peak: false },
          { week: 2, perWorkingDay: Number.NaN, peak: false },
        ],
      }),
    ).toEqual([{ week: 1, perWorkingDay: 10, peak: true }]);
  });
});

describe('wawasan strings', () => {
  test('Indonesian and English both say the empty state and name the panel', () => {
    expect(MESSAGES.id.wawasanTitle).toBe('Wawasan');
    expect(MESSAGES.id.wawasanEmpty).toMatch(/Belum ada wawasan/);
    expect(MESSAGES.en.wawasanEmpty).toMatch(/No insights/);
    expect(MESSAGES.id.findingNumbers).toContain('{numbers}');
    expect(MESSAGES.en.findingNumbers).toContain('{numbers}');
  });
});

describe('supportingNumbersText', () => {
  const monday = dayNumber(2023, 12, 25);
  const monitor = jmoMonitorRule([5, 6, 4, 5, 6, 5, 4, 5, 6, 15], monday, 'id')[0][3] as string;

  test('names in words, ISO dates as dates, numbers in the language of the sidebar', () => {
    expect(monitor).toBe('minggu=2023-12-25; keluhan=15; median_8_minggu=5; batas=9.5');
    expect(supportingNumbersText(monitor, 'id')).toBe('minggu: 25 Des 2023 · keluhan: 15 · median 8 minggu: 5 · batas: 9,5');
    expect(supportingNumbersText(monitor, 'en')).toBe('week: 25 Dec 2023 · complaints: 15 · 8-week median: 5 · limit: 9.5');
  });

  test('counts are grouped, percentages keep their sign, ranges and labels stay as written', () => {
    const groups = new Map([
      ['28-34', { count: 1344, topics: new Map([['KPJ Lama', 3]]) }],
      ['>42', { count: 374, topics: new Map([['Iuran', 1]]) }],
      ['20-27', { count: 272, topics: new Map([['Iuran', 1]]) }],
    ]);
    const angka = infoAgeRule(groups, 'id')[0][3] as string;
    expect(angka).toBe('kelompok_usia=28-34; jumlah=1344; total_informasi=1990; persen=67.5%; pembagian_rata=33.3%');
    expect(supportingNumbersText(angka, 'id')).toBe('kelompok usia: 28-34 · jumlah: 1.344 · total informasi: 1.990 · persen: 67,5% · pembagian rata: 33,3%');
    expect(supportingNumbersText(angka, 'en')).toBe('age group: 28-34 · count: 1,344 · information requests: 1,990 · share: 67.5% · even split: 33.3%');
  });

  test('every name the five rules write has English words', () => {
    const from = dayNumber(2023, 1, 2);
    const to = dayNumber(2023, 12, 31);
    const r = rng(7);
    const surge = dayNumber(2023, 8, 14);
    const visits = [
      ...dailyVisits(from, to, 'Klaim JHT', (d) => (weekOfMonth(dom(d)) === 1 ? 2.2 : 1) * 60, r),
      ...dailyVisits(from, to, 'Informasi', (d) => (d >= surge && d < surge + 70 ? 12 : 4), r, { ageGroup: '>42', topic: 'KPJ Lama' }),
      ...dailyVisits(from, to, 'Informasi', () => 1, r, { ageGroup: '20-27', topic: 'Iuran' }),
      ...dailyVisits(from, to, 'Pengaduan', () => 1, r, { channel: 'JMO', topic: 'Gagal Biometrik JMO', generation: 'Gen Z' }),
    ];
    const rows = buildInsights(inputOf(visits, to + 1), DEFAULT_INSIGHT_SETTINGS, 'en').tables.find((t) => t.name === 'wawasan')!.rows;
    const all = [...rows, ...jmoMonitorRule([5, 6, 4, 5, 6, 5, 4, 5, 6, 15], monday, 'en')];
    expect(new Set(all.map((row) => row[0])).size).toBe(5);
    for (const row of all) {
      const shown = supportingNumbersText(row[3] as string, 'en');
      expect(shown).not.toMatch(/[=_;]/);
      // Every part is "name: value", and as many as the tab lists; every name is put in English
      // (jmo_generasi's parts past the total are named by generation: Gen Z reads the same).
      const keys = (row[3] as string).split('; ').map((part) => part.slice(0, part.indexOf('=')));
      const names = shown.split(' · ').map((part) => part.slice(0, part.indexOf(': ')));
      expect(names).toHaveLength(keys.length);
      keys.forEach((key, i) => {
        if (row[0] !== 'jmo_generasi' || i === 0) expect(names[i]).not.toBe(key);
      });
    }
  });

  test('a part that is not name=value is shown as written, hostile text included', () => {
    expect(supportingNumbersText('', 'id')).toBe('');
    expect(supportingNumbersText('catatan bebas', 'id')).toBe('catatan bebas');
    expect(supportingNumbersText('=3', 'en')).toBe('=3');
    expect(supportingNumbersText('<img src=x onerror="window.__xss=1">', 'id')).toBe('<img src: x onerror="window.__xss=1">');
  });
});
