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
