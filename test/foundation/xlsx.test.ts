/**
 * XLSX in and out through SheetJS 0.20.3 (xlsx-republish): dates stay dates in the spreadsheet's
 * zone, times of day stay times, hidden tabs stay hidden, formulas stay formulas, number formats
 * are kept, merged ranges are read.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { loadInput, mergedRanges, writeOutputs, parseCsv, serialToDate } from '../../tools/runner/io';
import { intlZoneClock } from '../../tools/emulator';
import { tmpDir } from '../helpers/addon';

/** 2023-05-22 08:56:00 and 08:56:00 as Excel serials (wall clock, no zone). */
const DAY = 45068;
const NINE_TO = (8 * 3600 + 56 * 60) / 86400;

function workbookFile(dir: string): string {
  const ws: XLSX.WorkSheet = {
    A1: { t: 's', v: 'Tanggal' },
    B1: { t: 's', v: 'Jam' },
    C1: { t: 's', v: 'Biaya' },
    D1: { t: 's', v: 'Total' },
    E1: { t: 's', v: 'KPJ' },
    A2: { t: 'n', v: DAY, z: 'dd/mm/yyyy' },
    B2: { t: 'n', v: NINE_TO, z: 'hh:mm' },
    C2: { t: 'n', v: 1234.5, z: '#,##0.00' },
    D2: { t: 'n', v: 2469, f: 'C2*2' },
    E2: { t: 's', v: '0012345678' },
    A3: { t: 'n', v: DAY + 1 + NINE_TO, z: 'yyyy-mm-dd hh:mm:ss' },
    A4: { t: 's', v: 'Catatan gabungan' },
    '!ref': 'A1:E4',
    '!merges': [XLSX.utils.decode_range('A4:C4')],
  };
  const hidden: XLSX.WorkSheet = { A1: { t: 's', v: 'rahasia' }, '!ref': 'A1:A1' };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Kunjungan');
  XLSX.utils.book_append_sheet(wb, hidden, 'Tersembunyi');
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
  const file = path.join(dir, 'buku.xlsx');
  XLSX.writeFile(wb, file);
  return file;
}

describe('an .xlsx read into the emulator', () => {
  const dir = tmpDir();
  const { ss } = loadInput(workbookFile(dir));
  const clock = intlZoneClock(ss.getSpreadsheetTimeZone());
  const sheet = ss.getSheetByName('Kunjungan')!;
  const values = sheet.getRange(1, 1, 4, 5).getValues();

  test('date cells are the wall clock in the spreadsheet zone; times of day are times', () => {
    const local = (d: unknown) => clock.toLocal(d as Date);
    expect(values[1][0]).toBeInstanceOf(Date);
    expect(local(values[1][0])).toEqual({ day: clock.toLocal(serialToDate(DAY, clock)).day, seconds: 0 });
    expect(new Date((values[1][0] as Date).getTime() + 7 * 3600e3).toISOString().slice(0, 10)).toBe('2023-05-22');
    expect(local(values[2][0]).seconds).toBe(8 * 3600 + 56 * 60);
    expect(local(values[1][1]).seconds).toBe(8 * 3600 + 56 * 60);
    expect(sheet.getRange(2, 2).getDisplayValue()).toBe('08:56');
  });

  test('text stays text, numbers keep their format, formulas stay formulas', () => {
    expect(values[1][4]).toBe('0012345678');
    expect(values[1][2]).toBe(1234.5);
    expect(sheet.getRange(2, 3).getNumberFormat()).toBe('#,##0.00');
    expect(sheet.getRange(2, 4).getFormula()).toBe('=C2*2');
    expect(values[1][3]).toBe(2469);
  });

  test('hidden tabs stay hidden, the first tab is active, merged ranges are read', () => {
    expect(ss.getSheetByName('Tersembunyi')!.isSheetHidden()).toBe(true);
    expect(sheet.isSheetHidden()).toBe(false);
    expect(ss.getActiveSheet().getName()).toBe('Kunjungan');
    expect(mergedRanges(ss)).toEqual({ Kunjungan: ['A4:C4'] });
  });

  test('workbook.xlsx and the CSVs give it all back', () => {
    const out = path.join(dir, 'out');
    writeOutputs(loadInput(path.join(dir, 'buku.xlsx')).emu, ss, out);
    const wb = XLSX.readFile(path.join(out, 'workbook.xlsx'), { cellNF: true, cellFormula: true });
    expect(wb.SheetNames).toEqual(['Kunjungan', 'Tersembunyi']);
    expect(wb.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual([0, 1]);
    const ws = wb.Sheets['Kunjungan'];
    expect(ws.A2).toMatchObject({ t: 'n', v: DAY, z: 'dd/mm/yyyy' });
    expect(ws.B2.t).toBe('n');
    expect(ws.B2.v as number).toBeCloseTo(NINE_TO, 9);
    expect(XLSX.SSF.format(String(ws.B2.z), ws.B2.v as number)).toBe('08:56');
    expect(ws.A3.v as number).toBeCloseTo(DAY + 1 + NINE_TO, 9);
    expect(ws.C2).toMatchObject({ t: 'n', v: 1234.5, z: '#,##0.00' });
    expect(ws.D2).toMatchObject({ f: 'C2*2', v: 2469 });
    expect(ws.E2).toMatchObject({ t: 's', v: '0012345678' });
    const rows = parseCsv(fs.readFileSync(path.join(out, 'Kunjungan.csv'), 'utf8'));
    expect(rows[1]).toEqual(['2023-05-22', '08:56:00', '1234.5', '2469', '0012345678']);
    expect(rows[2][0]).toBe('2023-05-23 08:56:00');
  });

  test('a time-of-day cell without a format is still written as a time', () => {
    const out = path.join(dir, 'plain');
    sheet.getRange(2, 2).setNumberFormat('General');
    writeOutputs(loadInput(path.join(dir, 'buku.xlsx')).emu, ss, out);
    const ws = XLSX.readFile(path.join(out, 'workbook.xlsx'), { cellNF: true }).Sheets['Kunjungan'];
    expect(ws.B2.z).toBe('hh:mm:ss');
    expect(XLSX.SSF.format(String(ws.B2.z), ws.B2.v as number)).toBe('08:56:00');
  });
});
