/**
 * ACCEPTANCE TESTS OF ISSUE #11 ("real branch logs as staff keep them").
 *
 * Each fixture in test/fixtures/shapes/ goes through `npm run analyze` (the built bundle in the
 * emulator) and must give exactly the hand-checked figures of its *.expected.json (reasoning in
 * test/fixtures/shapes/README.md): rows in, valid (OK + DIPERBAIKI), DUPLIKAT and TIDAK_VALID,
 * which rows are duplicates and invalid, and the daily totals of ds_harian.
 *
 * They fail until the cleaner uses the verbs of src/core/logshape (fill-down dates, duplicates
 * as people mean them), decideDateOrder, and the runner reads a ';' Excel export. They are not
 * skipped on purpose; the lead decides when they join the default run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../tools/runner/run';
import { parseCsv } from '../../tools/runner/io';
import { tmpDir } from '../helpers/addon';

const DIR = path.join(__dirname, '../fixtures/shapes');

interface Expected {
  input: string;
  sheet: string;
  rowsIn: number;
  valid: number;
  duplicate: number;
  invalid: number;
  duplicateOf: Record<string, number>;
  invalidRows: number[];
  daily: Record<string, number>;
}

const FIXTURES = fs.readdirSync(DIR).filter((f) => f.endsWith('.expected.json')).sort();

const readTab = (dir: string, tab: string) => parseCsv(fs.readFileSync(path.join(dir, `${tab}.csv`), 'utf8'));

/** Rows of a tab as objects keyed by its header. */
function records(dir: string, tab: string): Record<string, string>[] {
  const [header, ...rows] = readTab(dir, tab);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

describe.each(FIXTURES)('issue #11 acceptance: %s', (name) => {
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8')) as Expected;
  let out = '';
  let byStatus: Record<string, number> = {};
  let rowsRead = 0;

  beforeAll(async () => {
    out = path.join(tmpDir(), 'out');
    const { report } = await analyze({ input: path.join(DIR, expected.input), out });
    byStatus = report.byStatus;
    rowsRead = report.rowsRead;
  });

  test('rows in, valid, duplicate and invalid counts are exact', () => {
    expect({ rowsIn: rowsRead, valid: byStatus.OK + byStatus.DIPERBAIKI, duplicate: byStatus.DUPLIKAT, invalid: byStatus.TIDAK_VALID }).toEqual({
      rowsIn: expected.rowsIn,
      valid: expected.valid,
      duplicate: expected.duplicate,
      invalid: expected.invalid,
    });
  });

  test('the duplicate and invalid rows are the ones worked out by hand', () => {
    const log = readTab(out, expected.sheet);
    // The header row may stand below title rows: the derived headers are written into it.
    const headerRow = log.findIndex((r) => r.includes('status_bersih'));
    expect(headerRow).toBeGreaterThanOrEqual(0);
    const statusCol = log[headerRow].indexOf('status_bersih');
    expect(statusCol).toBeGreaterThan(0);
    const rowsWith = (status: string) => log.map((r, i) => (r[statusCol] === status ? i + 1 : 0)).filter((n) => n > 0);
    expect(rowsWith('DUPLIKAT')).toEqual(Object.keys(expected.duplicateOf).map(Number).sort((a, b) => a - b));
    expect(rowsWith('TIDAK_VALID')).toEqual(expected.invalidRows);
  });

  test('daily totals in ds_harian are exact', () => {
    const daily: Record<string, number> = {};
    for (const r of records(out, 'ds_harian')) daily[r.tanggal] = (daily[r.tanggal] ?? 0) + Number(r.jumlah);
    expect(daily).toEqual(expected.daily);
  });

  test('every counted visit keeps its topic (none falls to "Tidak diketahui")', () => {
    const topics = records(out, 'ds_topik');
    expect(topics.length).toBeGreaterThan(0);
    expect(topics.filter((r) => r.topik === 'Tidak diketahui')).toEqual([]);
  });
});
