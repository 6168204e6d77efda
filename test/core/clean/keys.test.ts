import { hashKey, hashNumber, keyOf, plainKey } from '../../../src/core/clean/keys';
import { hashString } from '../../../src/core/table';

describe('duplicate key parts', () => {
  test('keyOf types each part, so text "1", the number 1 and true never meet', () => {
    expect(keyOf('1')).toBe('s1');
    expect(keyOf(1)).toBe('n1');
    expect(keyOf(true)).toBe('btrue');
    expect(keyOf(new Date(86400000))).toBe('t86400000');
  });

  test('hashKey agrees with itself for equal values and tells the common different ones apart', () => {
    expect(hashKey('Budi')).toBe(hashKey('Budi'));
    expect(hashKey('Budi')).not.toBe(hashKey('budi'));
    expect(hashKey(12345678901)).toBe(hashKey(12345678901));
    expect(hashKey(12345678901)).not.toBe(hashKey(12345678902));
    expect(hashKey(1)).not.toBe(hashKey('1'));
    expect(hashKey(1.5)).toBe(hashString(keyOf(1.5)));
    expect(hashKey(true)).toBe(hashString('btrue'));
  });

  test('hashNumber spreads whole numbers above 2^32 (KPJ numbers) by their high bits too', () => {
    expect(hashNumber(2 ** 32 + 7)).not.toBe(hashNumber(7));
    expect(hashNumber(0)).toBeGreaterThanOrEqual(0);
  });

  test('plainKey pairs a key with its hash', () => {
    expect(plainKey('d19000:0')).toEqual({ key: 'd19000:0', hash: hashString('d19000:0') });
  });
});
