/**
 * Files in and out of the emulated spreadsheet: CSV and XLSX workbooks, the emulator's
 * state.json, and the runner's outputs (a CSV per tab, workbook.xlsx, state.json).
 *
 * Dates: an XLSX date cell holds a wall-clock serial; it becomes the instant of that wall clock
 * in the spreadsheet's time zone, as Sheets does on import. Outputs write dates back the same way.
 *
 * XLSX goes through SheetJS 0.20.3 (`xlsx-republish`, installed under the name `xlsx`): 0.18.5,
 * the last SheetJS on npm, has known advisories (CVE-2023-30533, CVE-2024-22363).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { readCsv } from './csv';
import { Emulator, EmuSpreadsheet, EmuSheet } from '../emulator';
import type { EmulatorState } from '../emulator';
import { isoOfDay, pad2, dayNumber, ZoneClock } from '../../src/core/zone';
import { MAX_CELL_CHARS } from '../../src/core/cells';
import { intlZoneClock } from '../emulator/dates';

export class InputError extends Error {}

/** The languages the runner speaks; each is also a spreadsheet locale (see SPREADSHEET_LOCALE). */
export type RunnerLocale = 'id' | 'en';

/** The emulated spreadsheet's locale for each `--locale`, as Sheets names them. */
export const SPREADSHEET_LOCALE: Record<RunnerLocale, string> = { id: 'id_ID', en: 'en_US' };

export interface LoadOptions {
  htmlFiles?: Record<string, string>;
  /** The spreadsheet's (and user's) locale. A state.json keeps its own unless this is given. */
  locale?: RunnerLocale;
}

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

/**
 * A CSV file's rows as Sheets imports them: numbers become numbers (decimal commas with `;`),
 * everything else stays text, including digit strings with a leading zero (KPJ, NIK, `0812…`).
 * Text is written with Sheets' `'` prefix so that setValues keeps it as typed.
 */
export function readCsvInput(file: string): Value[][] {
  const name = path.basename(file);
  const text = readText(file);
  // An .xlsx is a ZIP file: renamed to .csv it would be read as a few cells of binary text.
  if (text.startsWith('PK\u0003\u0004')) throw new InputError(`"${name}" is an Excel workbook (.xlsx) with a .csv name: rename it to .xlsx`);
  let rows: (string | number)[][];
  try {
    rows = readCsv(text, { numbers: true });
  } catch (e) {
    throw new InputError(`"${name}": ${(e as Error).message}`);
  }
  // Sheets refuses a longer cell; said here in one line rather than as the emulator's exception.
  rows.forEach((row, r) => {
    const c = row.findIndex((v) => typeof v === 'string' && v.length > MAX_CELL_CHARS - 1);
    if (c >= 0) throw new InputError(`"${name}" row ${r + 1}, column ${c + 1}: ${String(row[c]).length} characters, more than the ${MAX_CELL_CHARS} a Google Sheets cell holds`);
  });
  return rows.map((row) => row.map((v) => (typeof v === 'string' && v !== '' ? "'" + v : v)));
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

function loadCsv(emu: Emulator, file: string, locale: string): EmuSpreadsheet {
  const rows = readCsvInput(file);
  if (rows.length === 0) throw new InputError(`"${path.basename(file)}" is empty`);
  const ss = emu.createSpreadsheet(sheetNameOf(file), { locale });
  const sheet = ss.getSheets()[0];
  sheet.setName(sheetNameOf(file));
  fillSheet(sheet, rows);
  return ss;
}

/** Merged ranges read from an .xlsx, by sheet name, in A1 notation (see mergedRanges). */
export type MergedRanges = Record<string, string[]>;

const merges = new WeakMap<EmuSpreadsheet, MergedRanges>();

/** The merged ranges of the .xlsx a spreadsheet was loaded from. */
export function mergedRanges(ss: EmuSpreadsheet): MergedRanges {
  return merges.get(ss) ?? {};
}

/**
 * Merges a range in the emulated sheet where the emulator offers Range.merge() (it arrives with
 * the emulator's merged cells; before that, mergedRanges() is the only record of them).
 */
function mergeInSheet(sheet: EmuSheet, a1: string): void {
  const range = sheet.getRange(a1) as unknown as { merge?: () => unknown };
  if (typeof range.merge === 'function') range.merge();
}

function isDateFormat(format: string | undefined): boolean {
  return !!format && XLSX.SSF.is_date(format);
}

function xlsxCellValue(cell: XLSX.CellObject | undefined, clock: ZoneClock): Value {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n' && typeof cell.v === 'number' && isDateFormat(cell.z as string | undefined)) return serialToDate(cell.v, clock);
  if (cell.t === 'd' && cell.v instanceof Date) return cell.v;
  if (cell.t === 'e') return String(cell.w ?? '#ERROR!');
  // Text goes in literally: Sheets keeps a text cell text even when it looks like a number.
  if (cell.t === 's') return "'" + String(cell.v);
  return cell.v as Value;
}

function loadXlsx(emu: Emulator, file: string, locale: string): EmuSpreadsheet {
  let wb: XLSX.WorkBook;
  const bytes = fs.readFileSync(file);
  // An .xlsx is a zip; SheetJS would otherwise read any bytes as a one-cell text sheet.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new InputError(`"${path.basename(file)}" is not an Excel workbook (.xlsx)`);
  try {
    wb = XLSX.read(bytes, { cellDates: false, cellNF: true, cellFormula: true });
  } catch (e) {
    throw new InputError(`cannot read "${path.basename(file)}" as an Excel workbook: ${(e as Error).message}`);
  }
  const ss = emu.createSpreadsheet(sheetNameOf(file), { locale });
  const clock = intlZoneClock(ss.getSpreadsheetTimeZone());
  const first = ss.getSheets()[0];
  const merged: MergedRanges = {};
  const hidden: EmuSheet[] = [];
  let cells = 0;
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    const sheet = i === 0 ? first : ss.insertSheet(name);
    if (i === 0) sheet.setName(name);
    if (wb.Workbook?.Sheets?.[i]?.Hidden) hidden.push(sheet);
    if (ws['!merges']?.length) merged[name] = ws['!merges'].map((m) => XLSX.utils.encode_range(m));
    if (!ws['!ref']) return;
    const range = XLSX.utils.decode_range(ws['!ref']);
    const rows: Value[][] = [];
    const extras: { r: number; c: number; f?: string; z?: string; v: Value }[] = [];
    for (let r = 0; r <= range.e.r; r++) {
      const row: Value[] = [];
      for (let c = 0; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        const v = xlsxCellValue(cell, clock);
        const z = cell && cell.z !== undefined && String(cell.z) !== 'General' ? String(cell.z) : undefined;
        if (cell && (cell.f || z)) extras.push({ r, c, f: cell.f ? '=' + cell.f : undefined, z, v });
        row.push(v);
        cells++;
      }
      rows.push(row);
    }
    fillSheet(sheet, rows);
    for (const a1 of merged[name] ?? []) mergeInSheet(sheet, a1);
    for (const x of extras) {
      sheet.__setCell(x.r + 1, x.c + 1, {
        ...(x.f ? { formula: x.f, value: typeof x.v === 'string' ? x.v.replace(/^'/, '') : x.v } : {}),
        ...(x.z ? { numberFormat: x.z } : {}),
      });
    }
  });
  if (cells === 0) throw new InputError(`"${path.basename(file)}" has no cells`);
  // insertSheet activated each new tab; a workbook opens on its first one.
  ss.setActiveSheet(first);
  for (const sheet of hidden) if (sheet !== first) sheet.hideSheet();
  merges.set(ss, merged);
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
export function loadInput(file: string, opts: LoadOptions = {}): { emu: Emulator; ss: EmuSpreadsheet } {
  if (!fs.existsSync(file)) throw new InputError(`input "${file}" does not exist`);
  const kind = inputKind(file);
  if (kind === 'state') {
    const emu = loadState(file);
    if (opts.htmlFiles) Object.assign(emu.options.htmlFiles, opts.htmlFiles);
    const ss = emu.spreadsheets[0];
    if (opts.locale) {
      emu.options.locale = opts.locale;
      ss._locale = SPREADSHEET_LOCALE[opts.locale];
    }
    emu.setActive(ss);
    return { emu, ss };
  }
  const locale = opts.locale ?? 'id';
  const emu = new Emulator({ htmlFiles: opts.htmlFiles, locale });
  const spreadsheetLocale = SPREADSHEET_LOCALE[locale];
  const ss = kind === 'csv' ? loadCsv(emu, file, spreadsheetLocale) : loadXlsx(emu, file, spreadsheetLocale);
  emu.setActive(ss);
  return { emu, ss };
}

/** Appends a CSV's data rows (its header skipped) below the last row of `sheetName`. */
export function appendCsv(ss: EmuSpreadsheet, file: string, sheetName: string): number {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new InputError(`there is no sheet "${sheetName}" to append to`);
  const rows = readCsvInput(file).slice(1);
  if (rows.length === 0) return 0;
  const start = sheet.getLastRow() + 1;
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  const need = start + rows.length - 1;
  if (sheet.getMaxRows() < need) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.getRange(start, 1, rows.length, width).setValues(rows.map((r) => [...r, ...new Array<Value>(width - r.length).fill('')]));
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// Outputs

function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A cell as the runner's CSVs show it: dates YYYY-MM-DD (with HH:MM:SS when timed), times of day HH:MM:SS, TRUE/FALSE. */
export function csvText(v: unknown, clock: ZoneClock): string {
  if (isDateValue(v)) {
    const local = clock.toLocal(v);
    const s = local.seconds;
    const time = `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
    if (local.day === SERIAL_EPOCH_DAY) return time;
    return s === 0 ? isoOfDay(local.day) : `${isoOfDay(local.day)} ${time}`;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v === null || v === undefined) return '';
  return String(v);
}

/** What spreadsheet programs run as a formula when a CSV cell starts with it (OWASP, CSV injection). */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One CSV field, safe to open in a spreadsheet program: text that would start a formula gets a
 * leading `'` (and quotes), as OWASP's CSV-injection guidance says; numbers (and text that is a
 * plain negative number) stay as they are.
 */
export function csvField(v: unknown, clock: ZoneClock): string {
  const text = csvText(v, clock);
  if (typeof v !== 'number' && FORMULA_TRIGGER.test(text) && !PLAIN_NUMBER.test(text)) return '"' + "'" + text.replace(/"/g, '""') + '"';
  return /[",\n\r]/.test(text) || /^\s|\s$/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
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

/**
 * Fills `dir` all at once: `fill` writes into a new sibling folder, which replaces `dir` only
 * when it returned. If it throws, the previous `dir` (or its absence) is left as it was.
 */
export function replaceFolder<T>(dir: string, fill: (tmp: string) => T): T {
  const target = path.resolve(dir);
  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(parent, `.${path.basename(target)}.new-`));
  let result: T;
  try {
    result = fill(tmp);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const old = fs.existsSync(target) ? fs.mkdtempSync(path.join(parent, `.${path.basename(target)}.old-`)) : null;
  if (old) fs.renameSync(target, path.join(old, 'previous'));
  try {
    fs.renameSync(tmp, target);
  } catch (e) {
    if (old) fs.renameSync(path.join(old, 'previous'), target);
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    if (old) fs.rmSync(old, { recursive: true, force: true });
  }
  return result;
}

/**
 * An .xlsx cell holds at most 32,767 characters (Sheets allows 50,000): longer text is cut there,
 * marked with an ellipsis, so the workbook still opens; the CSV files keep the whole text.
 */
export const XLSX_MAX_TEXT = 32767;
export function xlsxText(s: string): string {
  return s.length > XLSX_MAX_TEXT ? s.slice(0, XLSX_MAX_TEXT - 1) + '\u2026' : s;
}

/** A date cell's number format in workbook.xlsx: its own, or one that shows what it holds. */
function dateFormat(serial: number, own: string): string {
  if (own && isDateFormat(own)) return own;
  if (serial >= 0 && serial < 1) return 'hh:mm:ss';
  return Number.isInteger(serial) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss';
}

function worksheetOf(sheet: EmuSheet, values: unknown[][], clock: ZoneClock): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  if (values.length === 0) return ws;
  const range = sheet.getRange(1, 1, values.length, values[0].length);
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      const formula = formulas[r][c];
      if ((v === '' || v === null || v === undefined) && !formula) return;
      const own = formats[r][c] && formats[r][c] !== 'General' ? formats[r][c] : '';
      let cell: XLSX.CellObject;
      if (isDateValue(v)) {
        const serial = dateToSerial(v, clock);
        cell = { t: 'n', v: serial, z: dateFormat(serial, own) };
      } else if (typeof v === 'number') cell = own ? { t: 'n', v, z: own } : { t: 'n', v };
      else if (typeof v === 'boolean') cell = { t: 'b', v };
      else cell = { t: 's', v: xlsxText(String(v ?? '')) };
      if (formula) cell.f = formula.replace(/^=/, '');
      ws[XLSX.utils.encode_cell({ r, c })] = cell;
    }),
  );
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: values.length - 1, c: values[0].length - 1 } });
  const merged = sheetMerges(sheet, values.length, values[0].length);
  if (merged.length) ws['!merges'] = merged.map((a1) => XLSX.utils.decode_range(a1));
  return ws;
}

/** The sheet's merged ranges in A1 notation, where the emulator has Range.getMergedRanges(). */
function sheetMerges(sheet: EmuSheet, rows: number, cols: number): string[] {
  const range = sheet.getRange(1, 1, rows, cols) as unknown as { getMergedRanges?: () => { getA1Notation(): string }[] };
  return typeof range.getMergedRanges === 'function' ? range.getMergedRanges().map((m) => m.getA1Notation()) : [];
}

/**
 * Writes DIR/<tab>.csv for every tab, DIR/workbook.xlsx, DIR/state.json and the `extra` files
 * (name → contents, produced last), all at once: a failure leaves the previous DIR untouched.
 */
export function writeOutputs(emu: Emulator, ss: EmuSpreadsheet, dir: string, extra: () => Record<string, string> = () => ({})): OutputFiles {
  const final = path.resolve(dir);
  return replaceFolder(final, (tmp) => {
    const clock = intlZoneClock(ss.getSpreadsheetTimeZone());
    const wb = XLSX.utils.book_new();
    const csv: string[] = [];
    for (const sheet of ss.getSheets()) {
      const values = sheetValues(sheet);
      const name = safeFileName(sheet.getName()) + '.csv';
      const lines = values.map((row) => row.map((v) => csvField(v, clock)).join(','));
      fs.writeFileSync(path.join(tmp, name), lines.join('\n') + (values.length ? '\n' : ''));
      csv.push(path.join(final, name));
      XLSX.utils.book_append_sheet(wb, worksheetOf(sheet, values, clock), sheet.getName().slice(0, 31));
    }
    wb.Workbook = { Sheets: ss.getSheets().map((s) => ({ Hidden: s.isSheetHidden() ? 1 : 0 })) };
    XLSX.writeFile(wb, path.join(tmp, 'workbook.xlsx'));
    fs.writeFileSync(path.join(tmp, 'state.json'), JSON.stringify(emu.toState()));
    for (const [name, text] of Object.entries(extra())) fs.writeFileSync(path.join(tmp, name), text);
    return { dir: final, csv, xlsx: path.join(final, 'workbook.xlsx'), state: path.join(final, 'state.json') };
  });
}
