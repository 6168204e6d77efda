import { CodeColumn, Dictionary, RowHashIndex, VISIT_FIELDS, VisitTable, at, hashString } from '../../src/core/table';
import { visitObjects } from '../helpers/visits';

test('Dictionary gives each distinct string the next code and the same code again', () => {
  const dict = new Dictionary();
  expect(['Klaim', 'Informasi', 'Klaim', '', 'Informasi', 'klaim'].map((s) => dict.code(s))).toEqual([0, 1, 0, 2, 1, 3]);
  expect(dict.values).toEqual(['Klaim', 'Informasi', '', 'klaim']);
});

test('CodeColumn grows past its capacity and keeps every value, in order (negative ones too, four bytes each)', () => {
  const col = new CodeColumn(1);
  const n = 1000;
  for (let i = 0; i < n; i++) col.push(i * 3 - 500);
  expect(col.length).toBe(n);
  expect(col.data.length).toBeGreaterThanOrEqual(n);
  expect(Array.from({ length: n }, (_, i) => col.get(i))).toEqual(Array.from({ length: n }, (_, i) => i * 3 - 500));
});

test('CodeColumn holds codes in two bytes until one does not fit, then widens, keeping every value in order', () => {
  const filled = (values: number[], capacity: number) => {
    const col = new CodeColumn(capacity);
    for (const v of values) col.push(v);
    return col;
  };
  const small = Array.from({ length: 300 }, (_, i) => (i * 7919) % 65536);
  const narrow = filled(small, 1);
  expect(narrow.data).toBeInstanceOf(Uint16Array);
  expect(Array.from({ length: small.length }, (_, i) => narrow.get(i))).toEqual(small);
  // A code past 65,535 widens the column, whether it arrives inside the capacity or as it grows.
  for (const capacity of [1000, 300]) {
    const values = [...small, 65536, 70000, 3];
    const wide = filled(values, capacity);
    expect(wide.data).toBeInstanceOf(Int32Array);
    expect(wide.length).toBe(values.length);
    expect(Array.from({ length: values.length }, (_, i) => wide.get(i))).toEqual(values);
  }
});

describe('VisitTable', () => {
  const visit = (service: string, topic: string) => ({ service, channel: 'Kantor', ageGroup: '20-27', generation: 'Gen Z', topic });

  test('rows added as strings read back as they were, sharing one dictionary', () => {
    const table = new VisitTable(2);
    table.add(19800, visit('Klaim', 'JHT'));
    table.add(19801, visit('Informasi', 'Klaim'));
    table.add(19801, visit('Klaim', 'JHT'));
    expect(table.size).toBe(3);
    expect(visitObjects(table)).toEqual([
      { day: 19800, ...visit('Klaim', 'JHT') },
      { day: 19801, ...visit('Informasi', 'Klaim') },
      { day: 19801, ...visit('Klaim', 'JHT') },
    ]);
    // 'Klaim' is one code whether it is a service or a topic.
    expect(table.fields.service.get(0)).toBe(table.fields.topic.get(1));
    expect(table.dict.values.length).toBe(6);
  });

  test('rows added as codes read back through the dictionary', () => {
    const table = new VisitTable();
    const codes = VISIT_FIELDS.map((f) => table.dict.code(`${f}-value`));
    table.addCodes(5, codes[0] as number, codes[1] as number, codes[2] as number, codes[3] as number, codes[4] as number);
    expect(visitObjects(table)).toEqual([{ day: 5, service: 'service-value', channel: 'channel-value', ageGroup: 'ageGroup-value', generation: 'generation-value', topic: 'topic-value' }]);
    expect(table.value('generation', 0)).toBe('generation-value');
  });
});

describe('RowHashIndex', () => {
  test('answers -1 for a hash never stored, and the row stored under a hash', () => {
    const index = new RowHashIndex(4);
    expect(index.get(42)).toBe(-1);
    index.set(42, 7);
    expect(index.get(42)).toBe(7);
    index.set(42, 9);
    expect(index.get(42)).toBe(9);
  });

  test('hashes that collide in the table and hashes near 2^53 are kept apart, through many growths', () => {
    const index = new RowHashIndex(1);
    // Multiples of 1024 all land on slot 0 of a small table; large values test the 53-bit range.
    const hashes = [...Array.from({ length: 300 }, (_, i) => i * 1024), ...Array.from({ length: 300 }, (_, i) => 2 ** 53 - 1 - i * 7)];
    hashes.forEach((h, row) => index.set(h, row));
    expect(hashes.map((h) => index.get(h))).toEqual(hashes.map((_, row) => row));
    expect(index.get(1)).toBe(-1);
    expect(index.get(2 ** 52)).toBe(-1);
  });
});

describe('hashString (FNV-1a, 32 bits)', () => {
  test('matches the published FNV-1a test vectors', () => {
    expect(['', 'a', 'foobar'].map((s) => hashString(s))).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968]);
  });

  test('chains: hashing b seeded with the hash of a is the hash of ab', () => {
    expect(hashString('Informasi', hashString('Klaim '))).toBe(hashString('Klaim Informasi'));
    expect(hashString('ab')).not.toBe(hashString('ba'));
  });
});

describe('at: an index the caller knows is in range', () => {
  test('returns the element, and throws on an index outside the array instead of yielding undefined', () => {
    expect(at(['a', 'b'], 1)).toBe('b');
    expect(at(Int32Array.from([7, 0]), 1)).toBe(0);
    expect(() => at(['a'], 1)).toThrow(RangeError);
    expect(() => at(new Int32Array(2), -1)).toThrow(RangeError);
  });
});
