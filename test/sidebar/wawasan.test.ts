import { hasWeeklyChart, topRecommendations, weekLabel, weeklyPoints, weekOfMonthRows } from '../../sidebar/wawasan';
import { MESSAGES } from '../../sidebar/i18n';

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
