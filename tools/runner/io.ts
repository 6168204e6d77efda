/**
 * Files in and out of the emulated spreadsheet: CSV and XLSX workbooks, the emulator's
 * state.json, and the runner's outputs (a CSV per tab, workbook.xlsx, state.json).
 *
 * Dates: an XLSX date cell holds a wall-clock serial; it becomes the instant of that wall clock
 * in the spreadsheet's time zone, as Sheets does on import. Outputs write dates back the same way.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { readCsv } from './csv';
import { Emulator, EmuSpreadsheet, EmuSheet } from '../emulator';
import type { EmulatorState } from '../emulator';
import { isoOfDay, pad2, dayNumber, ZoneClock } from '../../src/core/zone';
import { intlZoneClock } from '../emulator/dates';

export class InputError extends Error {}

export type InputKind = 'csv' | 'xlsx' | 'state';

export function inputKind(file: string): InputKind {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.json')) return 'state';
  throw new InputError(`unsupported input "${path.basename(file)}": use a .csv, an .xlsx or a state.json`);
}

type Value = string | number | boolean | Date;

/** Parses CSV text into rows of strings (RFC 4180 quoting; BOM and trailing blank lines dropped). */
export function parseCsv(text: string): string[][] {
  try {
    return readCsv(text) as string[][];
  } catch (e) {
    throw new InputError((e as Error).message);
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read "${file}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Writes rows into a sheet as values, growing its grid first (one setValues). */
export function fillSheet(sheet: EmuSheet, rows: Value[][]): void {
  if (rows.length === 0) return;
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  const padded = rows.map((r) => (r.length === width ? r : [...r, ...new Array<Value>(width - r.length).fill('')]));
  if (sheet.getMaxRows() < padded.length) sheet.insertRowsAfter(sheet.getMaxRows(), padded.length - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.getRange(1, 1, padded.length, width).setValues(padded);
}

const SERIAL_EPOCH_DAY = dayNumber(1899, 12, 30);

/** The instant of an Excel/Sheets serial (a wall-clock time) in `clock`'s zone. */
export function serialToDate(serial: number, clock: ZoneClock): Date {
  const whole = Math.floor(serial);
  const seconds = Math.round((serial - whole) * 86400);
  return clock.fromLocal(SERIAL_EPOCH_DAY + whole, seconds);
}

export function dateToSerial(date: Date, clock: ZoneClock): number {
  const local = clock.toLocal(date);
  return local.day - SERIAL_EPOCH_DAY + local.seconds / 86400;
}

function sheetNameOf(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '').slice(0, 100) || 'Sheet1';
}

function loadCsv(emu: Emulator, file: string): EmuSpreadsheet {
  const rows = parseCsv(readText(file));
  if (rows.length === 0) throw new InputError(`"${path.basename(file)}" is empty`);
  const ss = emu.createSpreadsheet(sheetNameOf(file));
  const sheet = ss.getSheets()[0];
  sheet.setName(sheetNameOf(file));
  fillSheet(sheet, rows);
  return ss;
}

function loadXlsx(emu: Emulator, file: string): EmuSpreadsheet {
  let wb: XLSX.WorkBook;
  const bytes = fs.readFileSync(file);
  // An .xlsx is a zip; SheetJS would otherwise read any bytes as a one-cell text sheet.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new InputError(`"${path.basename(file)}" is not an Excel workbook (.xlsx)`);
  try {
    wb = XLSX.read(bytes, { cellDates: false, cellNF: true, cellFormula: true });
  } catch (e) {
    throw new InputError(`cannot read "${path.basename(file)}" as an Excel workbook: ${(e as Error).message}`);
  }
  const ss = emu.createSpreadsheet(sheetNameOf(file));
  const clock = intlZoneClock(ss.getSpreadsheetTimeZone());
  const first = ss.getSheets()[0];
  let cells = 0;
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    const sheet = i === 0 ? first : ss.insertSheet(name);
    if (i === 0) sheet.setName(name);
    if (!ws['!ref']) return;
    const range = XLSX.utils.decode_range(ws['!ref']);
    const rows: Value[][] = [];
    const formulas: { r: number; c: number; f: string; v: Value }[] = [];
    for (let r = 0; r <= range.e.r; r++) {
      const row: Value[] = [];
      for (let c = 0; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        let v: Value = '';
        if (cell && cell.v !== undefined && cell.v !== null) {
          if (cell.t === 'n' && typeof cell.v === 'number' && cell.z && XLSX.SSF.is_date(String(cell.z))) v = serialToDate(cell.v, clock);
          else if (cell.t === 'd' && cell.v instanceof Date) v = cell.v;
          else if (cell.t === 'e') v = String(cell.w ?? '#ERROR!');
          // Text goes in literally: Sheets keeps a text cell text even when it looks like a number.
          else if (cell.t === 's') v = "'" + String(cell.v);
          else v = cell.v as Value;
        }
        if (cell && cell.f) formulas.push({ r, c, f: '=' + cell.f, v });
        row.push(v);
        cells++;
      }
      rows.push(row);
    }
    fillSheet(sheet, rows);
    for (const f of formulas) sheet.__setCell(f.r + 1, f.c + 1, { formula: f.f, value: typeof f.v === 'string' ? f.v.replace(/^'/, '') : f.v });
  });
  if (cells === 0) throw new InputError(`"${path.basename(file)}" has no cells`);
  // insertSheet activated each new tab; a workbook opens on its first one.
  ss.setActiveSheet(first);
  return ss;
}

export function loadState(file: string): Emulator {
  let state: EmulatorState;
  try {
    state = JSON.parse(readText(file)) as EmulatorState;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`"${path.basename(file)}" is not a valid state.json: ${(e as Error).message}`);
  }
  if (!state || !Array.isArray((state as { spreadsheets?: unknown }).spreadsheets) || state.spreadsheets.length === 0) {
    throw new InputError(`"${path.basename(file)}" is not a state.json saved by the runner`);
  }
  return Emulator.fromState(state);
}

/** Loads an input file into a new emulator (or the one saved in state.json). */
export function loadInput(file: string, opts: { htmlFiles?: Record<string, string> } = {}): { emu: Emulator; ss: EmuSpreadsheet } {
  if (!fs.existsSync(file)) throw new InputError(`input "${file}" does not exist`);
  const kind = inputKind(file);
  if (kind === 'state') {
    const emu = loadState(file);
    if (opts.htmlFiles) Object.assign(emu.options.htmlFiles, opts.htmlFiles);
    const ss = emu.spreadsheets[0];
    emu.setActive(ss);
    return { emu, ss };
  }
  const emu = new Emulator({ htmlFiles: opts.htmlFiles });
  const ss = kind === 'csv' ? loadCsv(emu, file) : loadXlsx(emu, file);
  emu.setActive(ss);
  return { emu, ss };
}

/** Appends a CSV's data rows (its header skipped) below the last row of `sheetName`. */
export function appendCsv(ss: EmuSpreadsheet, file: string, sheetName: string): number {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new InputError(`there is no sheet "${sheetName}" to append to`);
  const rows = parseCsv(readText(file)).slice(1);
  if (rows.length === 0) return 0;
  const start = sheet.getLastRow() + 1;
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  const need = start + rows.length - 1;
  if (sheet.getMaxRows() < need) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.getRange(start, 1, rows.length, width).setValues(rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]));
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// Outputs

function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A cell as the runner's CSVs show it: dates YYYY-MM-DD (with HH:MM:SS when timed), TRUE/FALSE. */
export function csvText(v: unknown, clock: ZoneClock): string {
  if (isDateValue(v)) {
    const local = clock.toLocal(v);
    if (local.seconds === 0) return isoOfDay(local.day);
    const s = local.seconds;
    return `${isoOfDay(local.day)} ${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v === null || v === undefined) return '';
  return String(v);
}

function csvLine(cells: string[]): string {
  return cells.map((c) => (/[",\n\r]/.test(c) || /^\s|\s$/.test(c) ? '"' + c.replace(/"/g, '""') + '"' : c)).join(',');
}

function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_');
}

function sheetValues(sheet: EmuSheet): unknown[][] {
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  return rows > 0 && cols > 0 ? (sheet.getRange(1, 1, rows, cols).getValues() as unknown[][]) : [];
}

export interface OutputFiles {
  dir: string;
  csv: string[];
  xlsx: string;
  state: string;
}

/** Writes DIR/<tab>.csv for every tab, DIR/workbook.xlsx and DIR/state.json. */
export function writeOutputs(emu: Emulator, ss: EmuSpreadsheet, dir: string): OutputFiles {
  fs.mkdirSync(dir, { recursive: true });
  const clock = intlZoneClock(ss.getSpreadsheetTimeZone());
  const wb = XLSX.utils.book_new();
  const csv: string[] = [];
  for (const sheet of ss.getSheets()) {
    const values = sheetValues(sheet);
    const file = path.join(dir, safeFileName(sheet.getName()) + '.csv');
    fs.writeFileSync(file, values.map((row) => csvLine(row.map((v) => csvText(v, clock)))).join('\n') + (values.length ? '\n' : ''));
    csv.push(file);
    const ws: XLSX.WorkSheet = {};
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === '' || v === null || v === undefined) return;
        const ref = XLSX.utils.encode_cell({ r, c });
        if (isDateValue(v)) {
          const serial = dateToSerial(v, clock);
          ws[ref] = { t: 'n', v: serial, z: Number.isInteger(serial) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss' };
        } else if (typeof v === 'number') ws[ref] = { t: 'n', v };
        else if (typeof v === 'boolean') ws[ref] = { t: 'b', v };
        else ws[ref] = { t: 's', v: String(v) };
      }),
    );
    if (values.length) ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: values.length - 1, c: values[0].length - 1 } });
    XLSX.utils.book_append_sheet(wb, ws, sheet.getName().slice(0, 31));
  }
  const xlsx = path.join(dir, 'workbook.xlsx');
  XLSX.writeFile(wb, xlsx);
  const state = path.join(dir, 'state.json');
  fs.writeFileSync(state, JSON.stringify(emu.toState()));
  return { dir, csv, xlsx, state };
}
