import { CHANNELS, JMO_COMPLAINT_CATEGORIES, SERVICES, TOPICS, UNKNOWN, VOCABULARY } from '../../src/core/vocabulary';
import { fingerprint } from '../../src/core/text';
import { UNKNOWN_GROUP } from '../../src/core/settings';

test('the vocabulary of each role is its list', () => {
  expect(VOCABULARY).toEqual({ service: SERVICES, channel: CHANNELS, topic: TOPICS });
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

test('a row without a value says so in the same words as an unknown age group', () => {
  expect(UNKNOWN).toBe('Tidak diketahui');
  expect(UNKNOWN).toBe(UNKNOWN_GROUP);
});
