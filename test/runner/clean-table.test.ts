/**
 * The benchmark and the runner may hand the cleaner a CSV read straight into columns
 * (readCsvTable) instead of the rows getValues would give (readCsv): the plan must be the same.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readCsv, readCsvTable } from '../../tools/runner/csv';
import { synthLogCsv } from '../../tools/bench/synth';
import { detectMapping } from '../../src/core/mapping';
import { CleanPlan, changeFormat, changeValues, cleanLog } from '../../src/core/clean';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { intlZoneClock } from '../../tools/emulator';
import type { Grid } from '../../src/core/cells';
import type { ColumnTable } from '../../src/core/columns';
import { visitObjects } from '../helpers/visits';

const clock = intlZoneClock('Asia/Jakarta');

function planOf(input: Grid | ColumnTable, name: string): CleanPlan {
  const mapping = detectMapping(input, name);
  if (!mapping) throw new Error(`no mapping for ${name}`);
  return cleanLog(input, { sheetName: name, mapping, clock, settings: DEFAULT_SETTINGS, kamus: [], lang: 'id' });
}

/**
 * The plan as data: each change as its rows, values and formats (how a change stores them — the
 * column's own codes adopted or a copy — is not the plan).
 */
function plain(plan: CleanPlan): unknown {
  return {
    ...plan,
    changes: plan.changes.map((c) => ({ col: c.col, rows: Array.from(c.rows), values: changeValues(c), formats: Array.from(c.rows, (_, k) => changeFormat(c, k)) })),
    visits: visitObjects(plan.visits),
  };
}

/** Rows padded to the widest, as a sheet holds an imported CSV. */
function rectangular(grid: Grid): Grid {
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

const shapes = path.join(__dirname, '..', 'fixtures', 'shapes');
const cases: [string, string][] = [
  ...fs.readdirSync(shapes).filter((f) => f.endsWith('.csv')).map((f): [string, string] => [f, fs.readFileSync(path.join(shapes, f), 'utf8')]),
  ['synthetic 3,000 rows', synthLogCsv(3000, 7)],
];

test.each(cases)('%s: the plan from the column table is the plan from the rows', (name, text) => {
  const fromRows = planOf(rectangular(readCsv(text, { numbers: true }) as Grid), name);
  const fromColumns = planOf(readCsvTable(Buffer.from(text, 'utf8'), { numbers: true }), name);
  expect(fromColumns.rowsRead).toBeGreaterThan(0);
  expect(plain(fromColumns)).toEqual(plain(fromRows));
});
