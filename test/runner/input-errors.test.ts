/**
 * Bad input files give one line that says what is wrong, and nothing is loaded: the runner's
 * share of "bad input gets a clear one-line error" (found by an acceptance pass, where an .xlsx
 * renamed to .csv ended in a stack trace).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { InputError, loadInput } from '../../tools/runner/io';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pola-input-'));
const write = (name: string, data: string | Buffer): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
};
const failure = (file: string): string => {
  try {
    loadInput(file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('loaded');
};

test('an Excel workbook named .csv is named as one', () => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Tanggal', 'Layanan'], ['22/05/2023', 'Informasi']]), 'Log');
  const file = write('log.csv', XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  expect(failure(file)).toBe('"log.csv" is an Excel workbook (.xlsx) with a .csv name: rename it to .xlsx');
});

test('a cell longer than Google Sheets holds is named by row and column', () => {
  const file = write('long.csv', `Tanggal,Layanan,Topik\n22/05/2023,Informasi,${'x'.repeat(50000)}\n`);
  expect(failure(file)).toBe('"long.csv" row 2, column 3: 50000 characters, more than the 50000 a Google Sheets cell holds');
});

test('an empty file and a missing one', () => {
  expect(failure(write('empty.csv', ''))).toBe('"empty.csv" is empty');
  expect(failure(path.join(dir, 'nope.csv'))).toMatch(/^input ".*nope\.csv" does not exist$/);
});

test('a cell just short of the limit still loads', () => {
  const file = write('ok.csv', `Tanggal,Layanan,Topik\n22/05/2023,Informasi,${'x'.repeat(49999)}\n`);
  expect(loadInput(file).ss.getSheets()[0].getLastRow()).toBe(2);
});
