/**
 * The two flavours: only the regional one can reach BigQuery (its code, its manifest); the
 * branch bundle is built from the branch entry alone and asks for no more than before.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildServer, ROOT } from '../../tools/build';

const manifest = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const BIGQUERY_SCOPE = 'https://www.googleapis.com/auth/bigquery';

test('the branch flavour has no BigQuery code, scope or advanced service', async () => {
  const { code, entries } = await buildServer('branch');
  expect(code).not.toMatch(/BigQuery|kunci_baris|pola\.regional/);
  expect(entries).not.toContain('setRegionalSettings');
  const m = manifest('appsscript.json');
  expect(m.oauthScopes).not.toContain(BIGQUERY_SCOPE);
  expect(m.dependencies?.enabledAdvancedServices ?? []).toEqual([]);
});

test('the regional flavour has every branch entry, its own, the BigQuery service and scope', async () => {
  const branch = await buildServer('branch');
  const regional = await buildServer('regional');
  expect(regional.entries).toEqual([...branch.entries, 'regionalStatus', 'sendRegionalNow', 'setRegionalSettings'].sort());
  expect(regional.code).toContain('BigQuery');
  const m = manifest('appsscript.regional.json');
  const base = manifest('appsscript.json');
  expect(m.oauthScopes).toEqual([...base.oauthScopes, BIGQUERY_SCOPE]);
  expect(m.dependencies.enabledAdvancedServices).toEqual([{ userSymbol: 'BigQuery', serviceId: 'bigquery', version: 'v2' }]);
  expect({ ...m, oauthScopes: base.oauthScopes, dependencies: undefined }).toEqual({ ...base, dependencies: undefined });
});
