/**
 * The contract as SQL: every ds_ tab has a view (or is a model named in NOT_IN_SQL), every view
 * parses as BigQuery SQL and selects cabang then the tab's contract columns in order, sql/ is
 * what the generator writes, and the DuckDB shim leaves no BigQuery-only construct behind.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Parser } from 'node-sql-parser';
import { SUMMARY_TABS, tabContract } from '../../../src/core/contract';
import { NOT_IN_SQL, tableDdl, viewDdl, viewQuery, viewTabs } from '../../../src/core/regional/sql';
import { SQL_DIR, sqlFiles } from '../../../tools/rollup/gen-sql';
import { toDuckDb } from '../../../tools/rollup/shim';

const parser = new Parser();
const BIGQUERY = { database: 'BigQuery' };

/** The output column names of a parsed SELECT. */
function selectedNames(sql: string): string[] {
  const ast = parser.astify(sql, BIGQUERY) as any;
  const select = Array.isArray(ast) ? ast[0] : ast;
  expect(select.type).toBe('select');
  return select.columns.map((c: any) => c.as ?? c.expr?.column?.expr?.value ?? c.expr?.column);
}

test('every ds_ tab of the contract has a view, but the three models', () => {
  const ds = SUMMARY_TABS.map((t) => t.name).filter((n) => n.startsWith('ds_'));
  expect(Object.keys(NOT_IN_SQL).sort()).toEqual(['ds_perubahan', 'ds_prakiraan', 'ds_staf']);
  expect([...viewTabs(), ...Object.keys(NOT_IN_SQL)].sort()).toEqual(ds.sort());
  expect(viewTabs()).toHaveLength(9);
});

test.each(viewTabs())('%s parses as BigQuery SQL and selects cabang, then the contract columns in order', (tab) => {
  expect(selectedNames(viewQuery(tab))).toEqual(['cabang', ...tabContract(tab).columns.map((c) => c.header)]);
  const ddl = parser.astify(viewDdl(tab), BIGQUERY) as any;
  const create = Array.isArray(ddl) ? ddl[0] : ddl;
  expect(create).toMatchObject({ type: 'create', keyword: 'view' });
  // The parser's BigQuery dialect sees the one table the view reads.
  expect(parser.tableList(viewQuery(tab), BIGQUERY).some((t) => t.endsWith('::PROJECT_ID.pola_regional.kunjungan'))).toBe(true);
});

test('a contract column with no SQL expression is refused by the generator', () => {
  const tab = tabContract('ds_usia');
  tab.columns.push({ header: 'kolom_baru', type: 'text', since: 9 });
  try {
    expect(() => viewQuery('ds_usia')).toThrow(/ds_usia.kolom_baru: no SQL expression/);
  } finally {
    tab.columns.pop();
  }
});

test('the table is partitioned by tanggal and clustered by cabang, layanan; it parses', () => {
  const ddl = tableDdl();
  expect(ddl).toMatch(/PARTITION BY tanggal\nCLUSTER BY cabang, layanan;/);
  expect(() => parser.astify(ddl, BIGQUERY)).not.toThrow();
});

test('sql/ holds what the generator writes (run npx tsx tools/rollup/gen-sql.ts)', () => {
  const files = sqlFiles();
  expect(fs.readdirSync(SQL_DIR).filter((f) => f.endsWith('.sql')).sort()).toEqual(Object.keys(files).sort());
  for (const [name, content] of Object.entries(files)) expect(fs.readFileSync(path.join(SQL_DIR, name), 'utf8')).toBe(content);
});

test('the shim rewrites every BigQuery-only construct the views use, and refuses one it does not know', () => {
  for (const tab of viewTabs()) {
    const duck = toDuckDb(viewQuery(tab, { holidays: ['2025-08-17'] }));
    expect(duck).not.toMatch(/`|FORMAT_DATE|DAYOFWEEK|GENERATE_DATE_ARRAY|NORMALIZE|INT64|WEEK\(/);
  }
  expect(toDuckDb("SELECT FORMAT_DATE('%Y-%m', tanggal), EXTRACT(DAYOFWEEK FROM tanggal) FROM `p-1.d.t`")).toBe("SELECT strftime(tanggal, '%Y-%m'), (EXTRACT(DOW FROM tanggal) + 1) FROM t");
  expect(() => toDuckDb('SELECT FORMAT_TIMESTAMP(\'%Y\', t), DATE_TRUNC(t, ISOWEEK) FROM `a.b.c` WHERE x = FORMAT_DATE(\'%Y\', CURRENT_DATE())')).toThrow(/FORMAT_DATE/);
});
