import { KeyCounter } from '../../../src/core/summarise/counter';

function entries(counter: KeyCounter): [number, number][] {
  const out: [number, number][] = [];
  counter.forEach((k, n) => out.push([k, n]));
  return out;
}

describe('KeyCounter: counts of integer keys', () => {
  const keys = [7, 3, 7, 0, 3, 7, 9];

  test.each([
    ['a typed array (small key space)', 10, 100],
    ['a Map (key space above the limit)', 10, 5],
  ])('counted in %s: keys in first-seen order with their counts', (_name, space, limit) => {
    const counter = new KeyCounter(space, limit);
    for (const k of keys) counter.add(k);
    counter.add(0, 4);
    expect(entries(counter)).toEqual([
      [7, 3],
      [3, 2],
      [0, 5],
      [9, 1],
    ]);
  });

  test('nothing added, nothing listed', () => {
    expect(entries(new KeyCounter(0))).toEqual([]);
    expect(entries(new KeyCounter(1e12))).toEqual([]);
  });
});
