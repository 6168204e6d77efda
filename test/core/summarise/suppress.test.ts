import { MIN_ROWS_SHOWN, OTHER, suppressedValues } from '../../../src/core/summarise/suppress';
import { VisitTable } from '../../../src/core/table';

function table(rows: [string, string, string][], vetted: string[] = []): VisitTable {
  const t = new VisitTable();
  for (const [service, channel, topic] of rows) t.add(1, { service, channel, topic, ageGroup: 'Tidak diketahui', generation: 'Tidak diketahui' });
  for (const v of vetted) t.vetted.add(v);
  return t;
}

describe('suppressedValues: free text held by fewer than MIN_ROWS_SHOWN rows over all sheets', () => {
  test('rare free text is hidden; built-in values, values common across sheets and vetted services are not', () => {
    expect(MIN_ROWS_SHOWN).toBe(3);
    const a = table([
      ['Informasi', 'Walk-in Budi', 'Curhat panjang'],
      ['Layanan Khusus', 'Kantor Cabang', 'Saldo JHT'],
      ['Informasi', 'Kantor Cabang', 'Topik Dua'],
    ]);
    const b = table(
      [
        ['Layanan Baru', 'Kantor Cabang', 'Topik Dua'],
        ['Informasi', 'Kantor Cabang', 'Topik Dua'],
      ],
      ['Layanan Baru'],
    );
    const hidden = suppressedValues([{ visits: a }, { visits: b }]);
    expect(Array.from(hidden.service)).toEqual(['Layanan Khusus']);
    expect(Array.from(hidden.channel)).toEqual(['Walk-in Budi']);
    expect(hidden.topic.has('Curhat panjang')).toBe(true);
    expect(hidden.topic.has('Topik Dua')).toBe(false);
    expect(hidden.topic.has(OTHER)).toBe(false);
  });
});
