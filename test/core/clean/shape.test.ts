import { blankRows, mostlyDistinct, runningNumberColumns, runningNumbersIn } from '../../../src/core/clean/shape';
import { duplicateVisits, fillDown } from '../../helpers/shape-reference';
import { isRunningNumberColumn } from '../../../src/core/logshape/duplicates';
import fc from 'fast-check';
import type { Grid } from '../../../src/core/cells';
import { tableOfGrid } from '../../../src/core/columns';
import type { Role } from '../../../src/shared/api';

const header = ['No', 'Tanggal', 'Nama', 'No KPJ', 'Layanan', 'Topik'];
const roles: Role[] = ['ignore', 'date', 'personal', 'personal', 'service', 'topic'];

describe('the shape of a log over its data rows', () => {
  test('blank rows and running-number columns', () => {
    const grid: Grid = [header, [1, 'd1', 'Budi', 123456, 'Informasi', 'Saldo'], ['', '', ' ', '', '', ''], [3, '', 'Sari', '', 'Pengaduan', 'Iuran'], [4, 'd2', 'Ani', '', 'Informasi', 'JMO'], [5, 'd2', 'Eko', '', 'Informasi', 'JMO'], [6, 'd3', 'Joko', '', 'Informasi', 'JMO']];
    expect(Array.from(blankRows(tableOfGrid(grid), 1, header.length))).toEqual([0, 1, 0, 0, 0, 0]);
    expect(Array.from(runningNumberColumns(tableOfGrid(grid), 1, header, roles, header.length))).toEqual([1, 0, 0, 0, 0, 0]);
  });

  test('a date written once per day is filled down to the rows below it, from the row it came from', () => {
    const grid: Grid = [header];
    const days = [100, null, null, 101, null, null, 102, null, null, 103];
    days.forEach((d, i) => grid.push([i + 1, d === null ? '' : `day${d}`, `P${i}`, '', 'Informasi', 'Saldo']));
    const rowBlank = blankRows(tableOfGrid(grid), 1, header.length);
    const fills = fillDown(tableOfGrid(grid), 1, 1, header.length, rowBlank, (i) => (days[i] === null || days[i] === undefined ? null : { day: days[i] as number, seconds: null }), [], new Uint8Array(header.length));
    expect((fills ?? []).map((f) => (f ? `${f.day}@${f.from}` : '-'))).toEqual(['-', '100@0', '100@0', '-', '101@3', '101@3', '-', '102@6', '102@6', '-']);
  });

  test('the same person, day, service and topic is one visit; a blank row or another person is not', () => {
    const grid: Grid = [header, [1, 'd', 'Budi', 12345678901, 'Informasi', 'Saldo'], [2, 'd', 'Budi S', '012345678901', 'Informasi', 'Saldo'], [3, 'd', 'Sari', 99999999999, 'Informasi', 'Saldo'], ['', '', '', '', '', ''], [5, 'd', 'Budi', 12345678901, 'Pengaduan', 'Saldo']];
    const rowBlank = blankRows(tableOfGrid(grid), 1, header.length);
    const dup = duplicateVisits({
      table: tableOfGrid(grid),
      from: 1,
      header,
      roles,
      rowBlank,
      visitOf: () => ({ day: 200, seconds: null }),
      serviceOf: (i) => String(grid[i + 1]?.[4] ?? ''),
      topicOf: (i) => String(grid[i + 1]?.[5] ?? ''),
    });
    expect(Array.from(dup)).toEqual([-1, 0, -1, -1, -1]);
  });
});

test('fillDown: a log that writes every date fills nothing (null, not a column of nulls)', () => {
  const grid: Grid = [['No', 'Tanggal', 'Nama'], [1, 'd', 'A'], [2, 'd', 'B']];
  expect(fillDown(tableOfGrid(grid), 1, 1, 3, blankRows(tableOfGrid(grid), 1, 3), () => ({ day: 5, seconds: null }), [], new Uint8Array(3))).toBeNull();
});

test('a running number is found however it starts (101…, after a blank row, typed as text), as before the columnar rewrite', () => {
  const kodeHeader = ['Kode', 'Tanggal', 'Nama', 'Layanan', 'Topik'];
  const kodeRoles: Role[] = ['ignore', 'date', 'personal', 'service', 'topic'];
  const rows = (first: (i: number) => string | number): Grid => [kodeHeader, ...Array.from({ length: 8 }, (_, i) => [first(i), 'd', `P${i}`, 'Informasi', 'Saldo'])];
  expect(runningNumberColumns(tableOfGrid(rows((i) => 101 + i)), 1, kodeHeader, kodeRoles, 5)[0]).toBe(1);
  expect(runningNumberColumns(tableOfGrid(rows((i) => String(1 + i))), 1, kodeHeader, kodeRoles, 5)[0]).toBe(1);
  const withBlank = rows((i) => (i === 0 ? '' : 20 + i));
  expect(runningNumberColumns(tableOfGrid(withBlank), 1, kodeHeader, kodeRoles, 5)[0]).toBe(1);
  // Not increasing: not a running number (a code column repeating values tells visits apart).
  expect(runningNumberColumns(tableOfGrid(rows((i) => 7 - (i % 3))), 1, kodeHeader, kodeRoles, 5)[0]).toBe(0);
});


test('runningNumbersIn reads a column as isRunningNumberColumn reads its values', () => {
  const cell = fc.oneof(fc.integer({ min: -2, max: 40 }), fc.constantFrom<string | number>('', ' ', '7', '12.', 'x', 3.5, ' 9 '));
  fc.assert(
    fc.property(fc.constantFrom('No', 'Nomor urut', 'Kode', ''), fc.array(cell, { maxLength: 14 }), (head, column) => {
      const grid: Grid = [[head], ...column.map((v) => [v])];
      expect(runningNumbersIn(tableOfGrid(grid), 1, 0, head)).toBe(isRunningNumberColumn(head, column));
    }),
    { numRuns: 1500 },
  );
});

test('runningNumbersIn reads a column of mostly distinct values (no memo per value) as isRunningNumberColumn reads it', () => {
  // Past mostlyDistinct's bound: one value per row, worked through row by row.
  const n = 6000;
  const increasing: (string | number)[] = Array.from({ length: n }, (_, i) => (i === 17 ? '' : i % 3 === 0 ? String(i + 1) : i + 1));
  const broken = increasing.slice();
  broken[4321] = 12;
  const text = increasing.slice();
  text[5000] = 'x';
  for (const [head, column] of [['Kode', increasing], ['Kode', broken], ['No', text], ['No', broken]] as const) {
    const grid: Grid = [[head], ...column.map((v) => [v])];
    expect(mostlyDistinct(tableOfGrid(grid).columns[0]?.values.length ?? 0, grid.length)).toBe(true);
    expect(runningNumbersIn(tableOfGrid(grid), 1, 0, head)).toBe(isRunningNumberColumn(head, column));
  }
});
