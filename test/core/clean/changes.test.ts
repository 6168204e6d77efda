import { ChangeSet } from '../../../src/core/clean/changes';

describe('ChangeSet: changed cells per column', () => {
  test('lists each changed column once, rows ascending with their values; untouched columns are absent', () => {
    const set = new ChangeSet(10);
    set.set(3, 0, 'kelompok_usia');
    set.set(1, 2, 35);
    set.set(3, 2, '30-39');
    set.set(1, 5, 40);
    const list = set.list();
    expect(list.map((c) => c.col)).toEqual([1, 3]);
    expect(Array.from(list[0]!.rows)).toEqual([2, 5]);
    expect(list[0]!.values).toEqual([35, 40]);
    expect(list[0]!.formats).toBeNull();
    expect(Array.from(list[1]!.rows)).toEqual([0, 2]);
    expect(list[1]!.values).toEqual(['kelompok_usia', '30-39']);
  });

  test('formats appear once a cell has one, earlier cells of the column get ""', () => {
    const set = new ChangeSet(10);
    const day = new Date(Date.UTC(2024, 0, 2));
    set.set(0, 1, 'x');
    set.set(0, 2, day, 'yyyy-mm-dd');
    set.set(0, 3, 'y');
    const [ch] = set.list();
    expect(ch!.values).toEqual(['x', day, 'y']);
    expect(ch!.formats).toEqual(['', 'yyyy-mm-dd', '']);
  });

  test('holds more cells than the room it was sized for (rows past endRow)', () => {
    const set = new ChangeSet(2);
    for (let r = 1; r < 40; r++) set.set(0, r, r * 10);
    const [ch] = set.list();
    expect(ch!.rows.length).toBe(39);
    expect(Array.from(ch!.rows)).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
    expect(ch!.values).toEqual(Array.from({ length: 39 }, (_, i) => (i + 1) * 10));
    expect(ch!.values.length).toBe(39);
  });
});
