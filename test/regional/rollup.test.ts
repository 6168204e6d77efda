/**
 * The offline proof at test size: the generated views on DuckDB and summarise() on the same
 * synthetic visits agree per branch and over all branches; the comparison catches a difference;
 * `npm run rollup` prints its one JSON line.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { runRollup } from '../../tools/rollup/run';
import { compareRows } from '../../tools/rollup/normal';
import { tabContract } from '../../src/core/contract';
import { ALL_BRANCHES, viewTabs } from '../../src/core/regional/sql';

test('50,000 visits of 6 branches: every view equals summarise() per branch and for SEMUA', async () => {
  const r = await runRollup(6, 50000);
  expect(r.differences).toEqual([]);
  expect(r.equal).toBe(true);
  expect(r.rows).toBe(50000);
  expect(Object.keys(r.view_ms).sort()).toEqual(viewTabs().sort());
});

test('the comparison sees a count, a share or a row that differs', () => {
  const columns = tabContract('ds_usia').columns;
  const types = columns.map((c) => c.type);
  const headers = columns.map((c) => c.header);
  const ts = [['Informasi', '<20', 10, 0.25, 0], ['Informasi', '20-27', 30, 0.75, 1]];
  const same = ts.map((r) => r.slice());
  expect(compareRows('ds_usia', ALL_BRANCHES, types, ts, same, headers)).toEqual([]);
  // A share off by a last-digit tie passes; off by more does not.
  expect(compareRows('ds_usia', 'KC001', types, ts, [ts[0], ['Informasi', '20-27', 30, 0.750001, 1]], headers)).toEqual([]);
  expect(compareRows('ds_usia', 'KC001', types, ts, [ts[0], ['Informasi', '20-27', 30, 0.7501, 1]], headers)).toHaveLength(1);
  expect(compareRows('ds_usia', 'KC001', types, ts, [ts[0], ['Informasi', '20-27', 31, 0.75, 1]], headers).length).toBeGreaterThan(0);
  expect(compareRows('ds_usia', 'KC001', types, ts, [ts[0]], headers).length).toBeGreaterThan(0);
});

test('npm run rollup prints one JSON line with the figures', () => {
  const out = execFileSync(path.join('node_modules', '.bin', 'tsx'), ['tools/rollup/cli.ts', '--branches', '3', '--rows', '3000'], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
  const lines = out.trim().split('\n');
  expect(lines).toHaveLength(1);
  const line = JSON.parse(lines[0]);
  expect(Object.keys(line).slice(0, 6)).toEqual(['rows', 'generate_ms', 'load_ms', 'query_ms', 'ts_ms', 'equal']);
  expect(line).toMatchObject({ rows: 3000, equal: true, branches: 3 });
});
