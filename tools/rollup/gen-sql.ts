/**
 * Writes sql/: the regional table's DDL and one view per ds_ tab, generated from the contract
 * (src/core/regional/sql.ts). `npx tsx tools/rollup/gen-sql.ts`; a test fails when sql/ is stale.
 * The files name the dataset PROJECT_ID.pola_regional: replace PROJECT_ID with yours.
 */
import * as fs from 'fs';
import * as path from 'path';
import { tableDdl, viewDdl, viewTabs } from '../../src/core/regional/sql';

export const SQL_DIR = path.resolve(__dirname, '../../sql');

/** File name -> content of every file in sql/. */
export function sqlFiles(): Record<string, string> {
  const files: Record<string, string> = { '00_kunjungan.sql': tableDdl() };
  for (const tab of viewTabs()) files[`${tab}.sql`] = viewDdl(tab);
  return files;
}

if (require.main === module) {
  fs.mkdirSync(SQL_DIR, { recursive: true });
  for (const [name, content] of Object.entries(sqlFiles())) fs.writeFileSync(path.join(SQL_DIR, name), content);
  console.log(`sql/: ${Object.keys(sqlFiles()).join(', ')}`);
}
