import { buildCanonicalMaps } from '../../../src/core/clean/canonicalise';

describe('buildCanonicalMaps: each column\'s spellings to one value, and the kamus that results', () => {
  test('spellings that differ by case, spaces or a typo map to the most common, row counts deciding', () => {
    const { maps } = buildCanonicalMaps(
      {
        service: new Map([
          ['Informasi', 40],
          [' informasi ', 3],
          ['Infromasi', 2],
          ['Pengaduan', 9],
        ]),
      },
      [],
    );
    expect(maps.service.get('informasi')).toBe('Informasi');
    expect(maps.service.get('Infromasi')).toBe('Informasi');
    expect(maps.service.get('Pengaduan') ?? 'Pengaduan').toBe('Pengaduan');
    expect(maps.channel.size).toBe(0);
  });

  test('formula errors and blanks name nothing; the kamus lists spellings per column, sorted, without personal numbers', () => {
    const { maps, entries } = buildCanonicalMaps(
      {
        topic: new Map([
          ['#N/A', 5],
          ['', 4],
          ['Saldo JHT', 10],
          ['saldo jht', 2],
          ['Titip 081234567890', 1],
        ]),
      },
      [],
    );
    expect(maps.topic.has('#N/A')).toBe(false);
    expect(maps.topic.has('')).toBe(false);
    const topicEntries = entries.filter((e) => e.kolom === 'topik');
    expect(topicEntries.some((e) => e.asli === 'saldo jht' && e.baku === 'Saldo JHT')).toBe(true);
    expect(topicEntries.some((e) => e.asli.includes('0812'))).toBe(false);
    const asli = topicEntries.map((e) => e.asli);
    expect(asli).toEqual([...asli].sort());
  });

  test('kamus rows of an unknown column are kept as staff wrote them', () => {
    const own = { kolom: 'catatan', asli: 'x', baku: 'y' };
    expect(buildCanonicalMaps({}, [own]).entries).toContainEqual(own);
  });
});
