import fc from 'fast-check';
import { combosOf } from '../../../src/core/summarise/combos';
import { VISIT_FIELDS, VisitTable } from '../../../src/core/table';

function table(rows: [number, string, string, string, string, string][]): VisitTable {
  const t = new VisitTable();
  for (const [day, service, channel, ageGroup, generation, topic] of rows) t.add(day, { service, channel, ageGroup, generation, topic });
  return t;
}

/** Combinations and (day, combination) cells as a plain grouping finds them: distinct tuples in first-row order. */
function expected(t: VisitTable) {
  const ids = new Map<string, number>();
  const rows: number[] = [];
  const cellIds = new Map<string, number>();
  const cells = { day: [] as number[], combo: [] as number[], rows: [] as number[] };
  for (let i = 0; i < t.size; i++) {
    const key = VISIT_FIELDS.map((f) => t.fields[f].get(i)).join(',');
    let k = ids.get(key);
    if (k === undefined) ids.set(key, (k = rows.push(0) - 1));
    rows[k]!++;
    const cellKey = `${t.day.get(i)}|${key}`;
    let c = cellIds.get(cellKey);
    if (c === undefined) {
      cellIds.set(cellKey, (c = cells.rows.push(0) - 1));
      cells.day.push(t.day.get(i));
      cells.combo.push(k);
    }
    cells.rows[c]!++;
  }
  return { size: ids.size, rows, cells };
}

/** The combination found for each row, through its cell. */
function comboOfRows(t: VisitTable, c: ReturnType<typeof combosOf>): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.size; i++) {
    const j = Array.from(c.cells.day).findIndex((d, k) => d === t.day.get(i) && VISIT_FIELDS.every((f) => c.fields[f][c.cells.combo[k]!] === t.fields[f].get(i)));
    out.push(c.cells.combo[j]!);
  }
  return out;
}

const plain = (c: ReturnType<typeof combosOf>) => ({ size: c.size, rows: Array.from(c.rows), cells: { day: Array.from(c.cells.day), combo: Array.from(c.cells.combo), rows: Array.from(c.cells.rows) } });

describe('combosOf: the distinct field combinations of a visit table', () => {
  test('combinations and (day, combination) cells, numbered in first-row order, with their rows and the day range', () => {
    const value = (xs: string[]) => fc.constantFrom(...xs);
    const row = fc.tuple(fc.integer({ min: 19000, max: 19400 }), value(['Informasi', 'Pengaduan', 'X']), value(['JMO', 'Kantor Cabang']), value(['20-27', '>42']), value(['Gen Z', 'Milenial']), value(['a', 'b', 'c', '']));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), (rows) => {
        const t = table(rows);
        const c = combosOf(t);
        expect(plain(c)).toEqual(expected(t));
        expect(c.cells.size).toBe(c.cells.day.length);
        // Each row's cell holds its day and fields, and no two combinations hold the same fields.
        expect(comboOfRows(t, c).every((k) => k >= 0)).toBe(true);
        const keys = Array.from({ length: c.size }, (_, k) => VISIT_FIELDS.map((f) => c.fields[f][k]).join(','));
        expect(new Set(keys).size).toBe(c.size);
        expect(c.minDay).toBe(rows.length ? Math.min(...rows.map((r) => r[0])) : Infinity);
        expect(c.maxDay).toBe(rows.length ? Math.max(...rows.map((r) => r[0])) : -Infinity);
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  test('thousands of combinations (the hash table grows) stay distinct and in first-row order', () => {
    const rows: [number, string, string, string, string, string][] = [];
    for (let i = 0; i < 6000; i++) rows.push([19000 + (i % 7), `s${i % 3}`, `c${i % 5}`, 'a', `g${i % 2}`, `t${(i * 7919) % 2500}`]);
    const t = table([...rows, ...rows, ...rows.map(([d, ...rest]) => [d + 100, ...rest] as (typeof rows)[number])]);
    const c = combosOf(t);
    expect(c.size).toBeGreaterThan(2048);
    expect(c.cells.size).toBeGreaterThan(c.size);
    expect(plain(c)).toEqual(expected(t));
  });
});
