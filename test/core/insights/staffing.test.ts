import { buildInsights } from '../../../src/core/insights';
import { dayNumber } from '../../../src/core/zone';
import { dailyVisits, inputOf, rng } from './synthetic';
import { countersNeeded, serviceLevel } from '../../../src/core/insights/erlang';
import { DEFAULT_STAFFING, STAF_HEADERS, peakHourShare, staffRow } from '../../../src/core/insights/staffing';

describe('ds_staf rows', () => {
  test('petugas is the smallest counter count meeting 80/20, divided by (1 − shrinkage), rounded up', () => {
    const row = staffRow(1, 1, 'Klaim JHT', 140, null, DEFAULT_STAFFING);
    const col = (h: string) => row[STAF_HEADERS.indexOf(h as (typeof STAF_HEADERS)[number])];
    const load = (140 / (7 * 60)) * 20; // visits per minute × AHT, spread over 08:00–15:00
    const c = countersNeeded(load, 20, 0.8, 20);
    expect(serviceLevel(c, load, 20, 20)).toBeGreaterThanOrEqual(0.8);
    expect(serviceLevel(c - 1, load, 20, 20)).toBeLessThan(0.8);
    expect(col('petugas')).toBe(Math.ceil(c / 0.7));
    expect(col('hari')).toBe('Senin');
    expect(col('aht_menit')).toBe(20);
    expect(col('jam_buka')).toBe(7);
    expect(col('target_persen')).toBe(80);
    expect(col('penyusutan')).toBe(0.3);
    expect(col('tingkat_layanan') as number).toBeGreaterThanOrEqual(0.8);
  });

  test('an hourly profile with a busy hour needs more counters than an even spread', () => {
    const even = staffRow(1, 1, 'Klaim JHT', 140, null, DEFAULT_STAFFING)[9];
    const peaked = staffRow(1, 1, 'Klaim JHT', 140, 0.35, DEFAULT_STAFFING)[9];
    expect(peaked).toBeGreaterThan(even);
  });

  test('the busiest-hour share needs enough timed visits', () => {
    const minutes = [...new Array(30).fill(9 * 60 + 5), ...new Array(30).fill(13 * 60), -1, -1];
    expect(peakHourShare(minutes)).toBeCloseTo(0.5, 9);
    expect(peakHourShare(minutes.slice(0, 20))).toBeNull();
  });
});

describe('ds_staf through buildInsights', () => {
  const FROM = dayNumber(2023, 1, 2);
  const TO = dayNumber(2023, 6, 30);
  const stafOf = (visits: ReturnType<typeof dailyVisits>) => {
    const out = buildInsights(inputOf(visits, TO + 1));
    return { rows: out.tables.find((t) => t.name === 'ds_staf')!.rows, info: new Map(out.info) };
  };

  test('counts only counter visits: the JMO app needs no counter', () => {
    const r = rng(11);
    const counterOnly = stafOf(dailyVisits(FROM, TO, 'Klaim JHT', () => 40, r));
    const withApp = stafOf([...dailyVisits(FROM, TO, 'Klaim JHT', () => 40, rng(11)), ...dailyVisits(FROM, TO, 'Klaim JHT', () => 40, r, { channel: 'JMO' })]);
    const visitsOf = (rows: unknown[][]) => rows.reduce((s, row) => s + (row[3] as number), 0) / rows.length;
    const ratio = visitsOf(withApp.rows) / visitsOf(counterOnly.rows);
    expect(ratio).toBeGreaterThan(0.95); // counting the app visits would double it
    expect(ratio).toBeLessThan(1.05);
    expect(counterOnly.rows.map((row) => row[0])).toEqual(expect.arrayContaining(['Senin', 'Jumat']));
    expect(counterOnly.rows.some((row) => row[0] === 'Sabtu' || row[0] === 'Minggu')).toBe(false);
    expect(counterOnly.rows).toHaveLength(5 * 5);
  });

  test('uses the hourly profile of timed counter visits, and says which it used', () => {
    const r = rng(12);
    const even = stafOf(dailyVisits(FROM, TO, 'Klaim JHT', () => 60, r));
    const timed = stafOf(dailyVisits(FROM, TO, 'Klaim JHT', () => 60, rng(12), { minute: 8 * 60 + 30 }));
    expect(even.info.get('staf_profil_jam')).toBe('rata_jam_buka');
    expect(timed.info.get('staf_profil_jam')).toBe('jam_kunjungan');
    expect(timed.rows[0][9] as number).toBeGreaterThan(even.rows[0][9] as number);
  });
});
