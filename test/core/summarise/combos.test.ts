import fc from 'fast-check';
import { combosOf } from '../../../src/core/summarise/combos';
import { VISIT_FIELDS, VisitTable } from '../../../src/core/table';

function table(rows: [number, string, string, string, string, string][]): VisitTable {
  const t = new VisitTable();
  for (const [day, service, channel, ageGroup, generation, topic] of rows) t.add(day, { service, channel, ageGroup, generation, topic });
  return t;
}

/** The combinations as a plain grouping would find them: distinct tuples in first-row order. */
function expected(t: VisitTable) {
  const ids = new Map<string, number>();
  const ofRow: number[] = [];
  const rows: number[] = [];
  for (let i = 0; i < t.size; i++) {
    const key = VISIT_FIELDS.map((f) => t.fields[f].get(i)).join(',');
    let k = ids.get(key);
    if (k === undefined) ids.set(key, (k = rows.push(0) - 1));
    rows[k]!++;
    ofRow.push(k);
  }
  return { size: ids.size, ofRow, rows };
}

describe('combosOf: the distinct field combinations of a visit table', () => {
  test('each row names its combination, numbered in first-row order, with the rows of each and the day range', () => {
    const value = (xs: string[]) => fc.constantFrom(...xs);
    const row = fc.tuple(fc.integer({ min: 19000, max: 19400 }), value(['Informasi', 'Pengaduan', 'X']), value(['JMO', 'Kantor Cabang']), value(['20-27', '>42']), value(['Gen Z', 'Milenial']), value(['a', 'b', 'c', '']));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), (rows) => {
        const t = table(rows);
        const c = combosOf(t);
        const want = expected(t);
        expect(c.size).toBe(want.size);
        expect(Array.from(c.ofRow)).toEqual(want.ofRow);
        expect(Array.from(c.rows)).toEqual(want.rows);
        for (let i = 0; i < t.size; i++) for (const f of VISIT_FIELDS) expect(c.fields[f][c.ofRow[i]!]).toBe(t.fields[f].get(i));
        expect(c.minDay).toBe(rows.length ? Math.min(...rows.map((r) => r[0])) : Infinity);
        expect(c.maxDay).toBe(rows.length ? Math.max(...rows.map((r) => r[0])) : -Infinity);
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  test('thousands of combinations (the hash table grows) stay distinct and in first-row order', () => {
    const rows: [number, string, string, string, string, string][] = [];
    for (let i = 0; i < 6000; i++) rows.push([19000 + (i % 7), `s${i % 3}`, `c${i % 5}`, 'a', `g${i % 2}`, `t${(i * 7919) % 2500}`]);
    const t = table([...rows, ...rows]);
    const c = combosOf(t);
    const want = expected(t);
    expect(c.size).toBe(want.size);
    expect(c.size).toBeGreaterThan(2048);
    expect(Array.from(c.ofRow)).toEqual(want.ofRow);
    expect(Array.from(c.rows)).toEqual(want.rows);
  });
});
