import fc from 'fast-check';
import { buildInsights, DEFAULT_INSIGHT_SETTINGS } from '../../../src/core/insights';
import { dayNumber } from '../../../src/core/zone';
import { inputOf, VisitSpec } from './synthetic';

const START = dayNumber(2023, 1, 2);

const visit = fc.record({
  offset: fc.integer({ min: 0, max: 400 }),
  service: fc.constantFrom('Informasi', 'Pengaduan', 'Klaim JHT', 'Tidak diketahui'),
  channel: fc.constantFrom('Kantor Cabang', 'JMO', 'Lapak Asik'),
  topic: fc.constantFrom('', 'KPJ Lama', 'Gagal Biometrik JMO', 'Lupa Akun JMO'),
  ageGroup: fc.constantFrom('<20', '20-27', '>42', 'Tidak diketahui'),
  generation: fc.constantFrom('Gen Z', 'Milenial', 'Tidak diketahui'),
  minute: fc.integer({ min: -1, max: 1439 }),
});

describe('buildInsights on arbitrary small logs', () => {
  test('never throws and writes only finite numbers, strings and whole-day dates', () => {
    fc.assert(
      fc.property(fc.array(visit, { maxLength: 300 }), fc.integer({ min: 0, max: 500 }), (visits, todayOffset) => {
        const pairs: [number, VisitSpec][] = visits.map((v) => [START + v.offset, v]);
        const out = buildInsights(inputOf(pairs, START + todayOffset), DEFAULT_INSIGHT_SETTINGS, 'en');
        for (const t of out.tables) {
          for (const row of t.rows) {
            expect(row).toHaveLength(t.headers.length);
            for (const cell of row) {
              if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
              else expect(typeof cell).toBe('string');
            }
          }
        }
        for (const [, v] of out.info) expect(v).not.toMatch(/NaN|Infinity/);
        for (const w of out.weeks) for (const x of [w.forecast, w.lo, w.hi]) expect(x === null || Number.isFinite(x)).toBe(true);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
