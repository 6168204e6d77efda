import { MAX_CELL_CHARS, PLAIN_TEXT_FORMAT, capText, cellText, isBlank, isDate, inRange, literalText, toWritable } from '../../src/core/cells';
import * as vm from 'vm';
import fc from 'fast-check';

describe('isBlank and isDate', () => {
  test('blank: empty, whitespace only, null and undefined; not 0 or false', () => {
    expect(['', '   ', '\t\n', null, undefined].map(isBlank)).toEqual([true, true, true, true, true]);
    expect([0, false, 'x', ' a '].map(isBlank)).toEqual([false, false, false, false]);
  });

  test('a Date from another realm (the emulator\'s V8 context) is a Date too', () => {
    const foreign = vm.runInNewContext('new Date(0)') as unknown;
    expect(foreign instanceof Date).toBe(false);
    expect([isDate(foreign), isDate(new Date(0)), isDate('2024-01-01'), isDate(0)]).toEqual([true, true, false, false]);
  });
});

test('cellText: dates in ISO form, an invalid date empty, other values as text', () => {
  expect(cellText(new Date(Date.UTC(2024, 5, 1, 1, 2, 3)))).toBe('2024-06-01T01:02:03.000Z');
  expect(cellText(new Date(NaN))).toBe('');
  expect([cellText(12.5), cellText(true), cellText('<b>x</b>')]).toEqual(['12.5', 'true', '<b>x</b>']);
});

describe('literalText', () => {
  test('text Sheets would read as a formula, number, date or boolean gets an apostrophe', () => {
    expect(['=SUM(A1)', '+62812', '-5', '@x', "'quoted", '20-27', 'Gen 2', 'TRUE', ' false '].map(literalText)).toEqual([
      "'=SUM(A1)",
      "'+62812",
      "'-5",
      "'@x",
      "''quoted",
      "'20-27",
      "'Gen 2",
      "'TRUE",
      "' false ",
    ]);
  });

  test('plain words and the empty string are left alone', () => {
    expect(['Klaim JHT', 'Informasi', '', 'truest'].map(literalText)).toEqual(['Klaim JHT', 'Informasi', '', 'truest']);
  });
});

describe('toWritable', () => {
  test('in a plain-text cell a string lands as it is; elsewhere it is made literal', () => {
    expect(toWritable('20-27', PLAIN_TEXT_FORMAT)).toBe('20-27');
    expect(toWritable('20-27')).toBe("'20-27");
    expect(toWritable('=1+1', '0.00')).toBe("'=1+1");
  });

  test('numbers, booleans and dates pass through unchanged', () => {
    const d = new Date(0);
    expect([toWritable(5), toWritable(false), toWritable(d)]).toEqual([5, false, d]);
    expect(toWritable(d)).toBe(d);
  });

  test('text longer than a cell holds is cut with an ellipsis, to exactly the limit', () => {
    const long = 'a'.repeat(MAX_CELL_CHARS + 10);
    const written = toWritable(long, PLAIN_TEXT_FORMAT) as string;
    expect(written.length).toBe(MAX_CELL_CHARS);
    expect(written.endsWith('\u2026')).toBe(true);
  });
});

test('capText keeps text that fits and cuts what does not', () => {
  expect(capText('abcdef', 6)).toBe('abcdef');
  expect(capText('abcdefg', 6)).toBe('abcde\u2026');
  expect(capText('', 0)).toBe('');
});

test('inRange answers the element at a proven index, falsy ones included, and throws past either end', () => {
  expect([inRange(['a', '', 'c'], 1), inRange([0, 7], 0), inRange([false], 0)]).toEqual(['', 0, false]);
  expect(inRange(Int32Array.of(4, 9), 1)).toBe(9);
  expect(() => inRange(['a'], 1)).toThrow(RangeError);
  expect(() => inRange(['a'], -1)).toThrow('index -1 outside 0..0');
  expect(() => inRange(new Uint8Array(0), 0)).toThrow(RangeError);
});

describe('isBlank on text', () => {
  test('is exactly "nothing left after trim", whatever the first character', () => {
    const whitespace = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
    const pieces = fc.constantFrom(...whitespace, 'a', '1', '\u0085', '\u00a1', 'é', '\u1681', '😀', '-', '');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 6 }), (parts) => {
        const s = parts.join('');
        expect(isBlank(s)).toBe(s.trim() === '');
      }),
      { numRuns: 2000 },
    );
  });
});
