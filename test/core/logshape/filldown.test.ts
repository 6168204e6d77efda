import { fillDownDates, isTotalRow, DateColumnRows } from '../../../src/core/logshape/filldown';

/**
 * A date column written as a string: a number is a dated row (its day), '.' a visit with a blank
 * date, '?' a visit with an unreadable date, '_' a totally blank row, 'T' a TOTAL row.
 */
function column(spec: string, merges?: { start: number; end: number }[]): DateColumnRows {
  const cells = spec.split(' ');
  return {
    days: cells.map((c) => (/^\d+$/.test(c) ? Number(c) : null)),
    dateBlank: cells.map((c) => c === '.' || c === '_' || c === 'T'),
    hasContent: cells.map((c) => c !== '_'),
    isTotal: cells.map((c) => c === 'T'),
    merges,
  };
}

const filled = (spec: string, merges?: { start: number; end: number }[]) =>
  fillDownDates(column(spec, merges)).fills.map((f) => (f ? `${f.day}${f.reason === 'merged' ? 'm' : ''}` : '-')).join(' ');

describe('fill-down dates', () => {
  test('a date written once per day: the blank rows below take it', () => {
    expect(filled('1 . . 2 . 3 . . .')).toBe('- 1 1 - 2 - 3 3 3');
    expect(fillDownDates(column('1 . . 2 . 3 . . .')).pattern).toBe('pattern');
  });

  test('the result says where each date came from', () => {
    expect(fillDownDates(column('5 . 6 .')).fills).toEqual([null, { day: 5, from: 0, reason: 'blankRunBelowDate' }, null, { day: 6, from: 2, reason: 'blankRunBelowDate' }]);
  });

  test('blank or TOTAL rows never get a date, and end the run', () => {
    expect(filled('1 . _ . 2 . T .')).toBe('- 1 - - - 2 - -');
  });

  test('an unreadable date ends the run: the rows below it are not guessed', () => {
    expect(filled('1 . ? . . 2 .')).toBe('- 1 - - - - 2');
  });

  test('blank rows above the first date stay blank', () => {
    expect(filled('. . 1 . . 2 .')).toBe('- - - 1 1 - 2');
  });

  test('a log out of date order does not show the pattern: nothing is filled', () => {
    const r = fillDownDates(column('3 . . 1 . . 2 .'));
    expect(r.pattern).toBe('notSorted');
    expect(r.fills.every((f) => f === null)).toBe(true);
  });

  test('a few forgotten dates in a fully dated log stay invalid', () => {
    const spec = '1 1 1 1 2 2 . 2 3 3 3 3 4 4 4 4';
    const r = fillDownDates(column(spec));
    expect(r.pattern).toBe('fewBlanks');
    expect(r.fills.every((f) => f === null)).toBe(true);
    // one more blank per day and it reads as written once per block
    expect(fillDownDates(column('1 . . 1 2 . . 2 3 . . 3')).pattern).toBe('pattern');
  });

  test('no blank dates: nothing to do', () => {
    expect(fillDownDates(column('1 2 3')).pattern).toBe('noBlanks');
  });

  test('merged cells are explicit: filled even in a log that is not sorted', () => {
    const spec = '3 . . 1 . 2';
    expect(filled(spec, [{ start: 0, end: 3 }])).toBe('- 3m 3m - - -');
    // but a blank row or TOTAL row inside a merge stays empty
    expect(filled('3 _ T . 1', [{ start: 0, end: 4 }])).toBe('- - - 3m -');
  });

  test('a merge whose top is not a date fills nothing', () => {
    expect(filled('? . . 1', [{ start: 0, end: 3 }])).toBe('- - - -');
  });
});

describe('TOTAL rows', () => {
  test.each([
    [['', 'TOTAL', '', 57]],
    [['Jumlah', '', '', '']],
    [['', '', 'Total Kunjungan', 120]],
    [['GRAND TOTAL', 300]],
  ])('%j is a TOTAL row', (row) => expect(isTotalRow(row)).toBe(true));

  test.each([
    [['2023-05-01', 'Budi', 'Informasi']],
    [['', 'Total', 'Informasi', '']],
    [['', '', '', '']],
    [[12, 13]],
  ])('%j is not', (row) => expect(isTotalRow(row)).toBe(false));
});
