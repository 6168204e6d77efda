import { CHANNELS, JMO_COMPLAINT_CATEGORIES, SERVICES, TOPICS, UNKNOWN, VOCABULARY } from '../../src/core/vocabulary';
import { fingerprint } from '../../src/core/text';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../../tools/build';

test('the canonical services and channels the summaries count', () => {
  expect(SERVICES.map((e) => e.canonical)).toEqual(['Informasi', 'Pengaduan', 'Permintaan Update Data', 'Klaim JHT']);
  expect(CHANNELS.map((e) => e.canonical)).toEqual(['Kantor Cabang', 'Lapak Asik', 'JMO']);
});

test.each(Object.entries(VOCABULARY))('%s: no spelling leads to two canonical values', (_role, entries) => {
  const owner = new Map<string, string>();
  for (const e of entries) {
    for (const v of [e.canonical, ...e.synonyms]) {
      const fp = fingerprint(v);
      expect([v, owner.get(fp) ?? e.canonical]).toEqual([v, e.canonical]);
      owner.set(fp, e.canonical);
    }
  }
});

test('every JMO topic falls in a complaint category of ds_keluhan_jmo, and Lainnya catches the rest', () => {
  const categories = JMO_COMPLAINT_CATEGORIES.filter((c) => c !== 'Lainnya');
  for (const topic of TOPICS.map((e) => e.canonical).filter((t) => t.endsWith('JMO'))) {
    expect(categories.filter((c) => topic.startsWith(c))).toHaveLength(1);
  }
  expect(JMO_COMPLAINT_CATEGORIES[JMO_COMPLAINT_CATEGORIES.length - 1]).toBe('Lainnya');
});

test('a value a row lacks is written as the data contract spells it (docs/data-contract.md)', () => {
  expect(UNKNOWN).toBe('Tidak diketahui');
  expect(fs.readFileSync(path.join(ROOT, 'docs/data-contract.md'), 'utf8')).toContain(`\`${UNKNOWN}\``);
});
