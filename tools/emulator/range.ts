/**
 * Range: a rectangle on a sheet. Holds no data itself; every read goes to the
 * sheet's grids so ranges never go stale (as in Apps Script).
 */
import { cellA1 } from './a1';
import { Grid, padTo } from './grid';
import { Protection } from './protection';
import { contains, intersects, Rect } from './rects';
import { instrument, isDate, Runtime } from './runtime';
import type { EmuSheet } from './sheet';
import { TextFinder } from './textfinder';
import { CellValue, coerceInput, displayValue, GENERAL, PLAIN_TEXT } from './values';

/** Characters one cell may hold in Google Sheets. */
export const MAX_CELL_CHARS = 50_000;
export const CELL_TOO_LONG_MESSAGE = 'Your input contains more than the maximum of 50000 characters in a single cell.';

/** What clear(options) clears: both unless one of contentsOnly / formatOnly is set. */
export function clearScope(options?: { contentsOnly?: boolean; formatOnly?: boolean }): { contents: boolean; formats: boolean } {
  const contentsOnly = Boolean(options?.contentsOnly);
  const formatOnly = Boolean(options?.formatOnly);
  if (contentsOnly === formatOnly) return { contents: true, formats: true };
  return { contents: contentsOnly, formats: formatOnly };
}

/** Cell "value" as returned to scripts: "" for empty, a Date for date cells. */
export type ScriptValue = string | number | boolean | Date;

export class EmuRange {
  readonly rt: Runtime;

  constructor(
    private readonly sheet: EmuSheet,
    /** 1-based. */
    private readonly row: number,
    private readonly col: number,
    private readonly numRows: number,
    private readonly numCols: number,
  ) {
    this.rt = sheet.rt;
  }

  // ---- geometry -----------------------------------------------------------

  getRow(): number {
    return this.row;
  }
  getRowIndex(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  /** End row of the range (not of the data): documented Range semantics. */
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getA1Notation(): string {
    const start = cellA1(this.row, this.col);
    if (this.numRows === 1 && this.numCols === 1) return start;
    return `${start}:${cellA1(this.getLastRow(), this.getLastColumn())}`;
  }
  getSheet(): EmuSheet {
    return this.sheet;
  }
  getHeight(): number {
    return this.numRows;
  }
  getWidth(): number {
    return this.numCols;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): EmuRange {
    return this.sheet._range(
      this.row + rowOffset,
      this.col + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numCols,
    );
  }

  // ---- values -------------------------------------------------------------

  getValues(): ScriptValue[][] {
    this.rt.stats.cellsRead += this.numRows * this.numCols;
    return this._read((r, c) => this._value(r, c), '');
  }

  getValue(): ScriptValue {
    this.rt.stats.cellsRead += 1;
    return this._value(this.row - 1, this.col - 1);
  }

  getDisplayValues(): string[][] {
    this.rt.stats.cellsRead += this.numRows * this.numCols;
    return this._read((r, c) => this._display(r, c), '');
  }

  getDisplayValue(): string {
    this.rt.stats.cellsRead += 1;
    return this._display(this.row - 1, this.col - 1);
  }

  setValues(values: unknown[][]): EmuRange {
    this._assertEditable();
    this._checkShape(values);
    this._checkLengths(values);
    this.rt.stats.cellsWritten += this.numRows * this.numCols;
    this._write((i, j) => values[i][j]);
    return this;
  }

  /** Like Apps Script, sets every cell of the range to the same value. */
  setValue(value: unknown): EmuRange {
    this._assertEditable();
    this._checkLengths([[value]]);
    this.rt.stats.cellsWritten += this.numRows * this.numCols;
    this._write(() => value);
    return this;
  }

  isBlank(): boolean {
    for (let r = this.row - 1; r < this.row - 1 + this.numRows; r++) {
      for (let c = this.col - 1; c < this.col - 1 + this.numCols; c++) {
        if (this.sheet._values.get(r, c) !== undefined || this.sheet._formulas.get(r, c) !== undefined) return false;
      }
    }
    return true;
  }

  /** A search over this range's cells (see textfinder.ts). */
  createTextFinder(findText: string): TextFinder {
    const area = this._rect();
    return new TextFinder(this.sheet, () => area, findText);
  }

  // ---- formulas -----------------------------------------------------------

  getFormulas(): string[][] {
    this.rt.stats.cellsRead += this.numRows * this.numCols;
    return this._read((r, c) => this.sheet._formulas.get(r, c) ?? '', '');
  }

  getFormula(): string {
    this.rt.stats.cellsRead += 1;
    return this.sheet._formulas.get(this.row - 1, this.col - 1) ?? '';
  }

  setFormula(formula: string): EmuRange {
    this._assertEditable();
    this._checkLengths([[formula]]);
    this.rt.stats.cellsWritten += this.numRows * this.numCols;
    this._write(() => formula);
    return this;
  }

  setFormulas(formulas: string[][]): EmuRange {
    this._assertEditable();
    this._checkShape(formulas);
    this._checkLengths(formulas);
    this.rt.stats.cellsWritten += this.numRows * this.numCols;
    this._write((i, j) => formulas[i][j]);
    return this;
  }

  // ---- formats ------------------------------------------------------------

  getNumberFormats(): string[][] {
    this.rt.stats.cellsRead += this.numRows * this.numCols;
    return this._read((r, c) => this.sheet._formats.get(r, c) ?? GENERAL);
  }

  getNumberFormat(): string {
    return this.sheet._formats.get(this.row - 1, this.col - 1) ?? GENERAL;
  }

  setNumberFormat(format: string): EmuRange {
    this._assertEditable();
    this.rt.stats.cellsWritten += this.numRows * this.numCols;
    const f = format === GENERAL || format === '' ? undefined : String(format);
    this._fill(this.sheet._formats, () => f);
    return this;
  }

  setNumberFormats(formats: string[][]): EmuRange {
    this._assertEditable();
    this._checkShape(formats);
    this.rt.stats.cellsWritten += this.numRows * this.numCols;
    this._fill(this.sheet._formats, (i, j) => {
      const f = formats[i][j];
      return f === GENERAL || f === '' || f == null ? undefined : String(f);
    });
    return this;
  }

  getFontWeight(): 'bold' | 'normal' {
    return this.sheet._weights.get(this.row - 1, this.col - 1) === 'bold' ? 'bold' : 'normal';
  }

  getFontWeights(): string[][] {
    this.rt.stats.cellsRead += this.numRows * this.numCols;
    return this._read((r, c) => this.sheet._weights.get(r, c) ?? 'normal');
  }

  setFontWeight(weight: string | null): EmuRange {
    this._assertEditable();
    this.rt.stats.cellsWritten += this.numRows * this.numCols;
    const w = weight === 'bold' ? 'bold' : undefined;
    this._fill(this.sheet._weights, () => w);
    return this;
  }

  setFontWeights(weights: (string | null)[][]): EmuRange {
    this._assertEditable();
    this._checkShape(weights);
    this.rt.stats.cellsWritten += this.numRows * this.numCols;
    this._fill(this.sheet._weights, (i, j) => (weights[i][j] === 'bold' ? 'bold' : undefined));
    return this;
  }

  getBackground(): string {
    return this.sheet._backgrounds.get(this.row - 1, this.col - 1) ?? '#ffffff';
  }

  getBackgrounds(): string[][] {
    this.rt.stats.cellsRead += this.numRows * this.numCols;
    return this._read((r, c) => this.sheet._backgrounds.get(r, c) ?? '#ffffff');
  }

  setBackground(color: string | null): EmuRange {
    this._assertEditable();
    this.rt.stats.cellsWritten += this.numRows * this.numCols;
    const c = color === null || color === '' || color.toLowerCase() === '#ffffff' ? undefined : color;
    this._fill(this.sheet._backgrounds, () => c);
    return this;
  }

  getWrap(): boolean {
    return this.sheet._wraps.get(this.row - 1, this.col - 1) ?? true;
  }

  setWrap(isWrapEnabled: boolean): EmuRange {
    this._assertEditable();
    this.rt.stats.cellsWritten += this.numRows * this.numCols;
    this._fill(this.sheet._wraps, () => (isWrapEnabled ? undefined : false));
    return this;
  }

  // ---- clearing -----------------------------------------------------------

  clearContent(): EmuRange {
    this._assertEditable();
    this._clear(true, false);
    return this;
  }

  clearFormat(): EmuRange {
    this._assertEditable();
    this._clear(false, true);
    return this;
  }

  /** clear() or clear({ contentsOnly, formatOnly }), as documented. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): EmuRange {
    this._assertEditable();
    const only = clearScope(options);
    this._clear(only.contents, only.formats);
    return this;
  }

  // ---- protection ---------------------------------------------------------

  /** A new range protection (always new, unlike Sheet.protect). Its editors mirror the file's until changed. */
  protect(): Protection<EmuRange, EmuSheet> {
    const ss = this.sheet._parent;
    return new Protection(ss._protectionHost, ss._protections.create('RANGE', this.sheet._sheetId, this._rect()));
  }

  // ---- merges -------------------------------------------------------------

  /** Merges the whole range into one cell; only the top-left value is kept (as Sheets warns). */
  merge(): EmuRange {
    this._assertEditable();
    this._mergeRects([this._rect()]);
    return this;
  }

  /** Merges each row of the range on its own. */
  mergeAcross(): EmuRange {
    this._assertEditable();
    const rects: Rect[] = [];
    for (let i = 0; i < this.numRows; i++) rects.push({ row: this.row - 1 + i, col: this.col - 1, numRows: 1, numCols: this.numCols });
    this._mergeRects(rects);
    return this;
  }

  /** Merges each column of the range on its own. */
  mergeVertically(): EmuRange {
    this._assertEditable();
    const rects: Rect[] = [];
    for (let j = 0; j < this.numCols; j++) rects.push({ row: this.row - 1, col: this.col - 1 + j, numRows: this.numRows, numCols: 1 });
    this._mergeRects(rects);
    return this;
  }

  breakApart(): EmuRange {
    this._assertEditable();
    const area = this._rect();
    this._checkWholeMerges(area);
    this.sheet._merges = this.sheet._merges.filter((m) => !contains(area, m));
    return this;
  }

  /** Merges fully inside the range or overlapping it (documented). */
  getMergedRanges(): EmuRange[] {
    const area = this._rect();
    const out = this.rt.array<EmuRange>();
    for (const m of this.sheet._merges) {
      if (intersects(area, m)) out.push(new EmuRange(this.sheet, m.row + 1, m.col + 1, m.numRows, m.numCols));
    }
    return out;
  }

  isPartOfMerge(): boolean {
    const area = this._rect();
    return this.sheet._merges.some((m) => intersects(area, m));
  }

  // ---- internals (not counted, not part of the Apps Script surface) --------

  /** Sheets refuses, every time, a write by someone who cannot edit a protection covering these cells. */
  _assertEditable(): void {
    this.sheet._parent._assertCanWrite(this.sheet._sheetId, this._rect());
  }

  _rect(): Rect {
    return { row: this.row - 1, col: this.col - 1, numRows: this.numRows, numCols: this.numCols };
  }

  private _value(r: number, c: number): ScriptValue {
    if (this.sheet._hiddenByMerge(r, c)) return '';
    const v = this.sheet._computed(r, c);
    if (v === undefined) return '';
    return isDate(v) ? this.rt.date(v.getTime()) : v;
  }

  /** Sheets refuses to merge or unmerge across part of an existing merge. */
  private _checkWholeMerges(area: Rect): void {
    if (this.sheet._merges.some((m) => intersects(area, m) && !contains(area, m))) {
      throw this.rt.error('You must select all cells in a merged range to merge or unmerge them.');
    }
  }

  private _mergeRects(rects: Rect[]): void {
    this._checkWholeMerges(this._rect());
    const area = this._rect();
    const sheet = this.sheet;
    sheet._merges = sheet._merges.filter((m) => !contains(area, m));
    for (const m of rects) {
      if (m.numRows * m.numCols < 2) continue;
      for (let i = 0; i < m.numRows; i++) {
        for (let j = 0; j < m.numCols; j++) {
          if (i === 0 && j === 0) continue;
          sheet._values.set(m.row + i, m.col + j, undefined);
          sheet._formulas.set(m.row + i, m.col + j, undefined);
        }
      }
      sheet._merges.push(m);
    }
  }

  _clear(contents: boolean, formats: boolean): void {
    const args = [this.row - 1, this.col - 1, this.numRows, this.numCols] as const;
    if (contents) {
      this.sheet._values.clearRect(...args);
      this.sheet._formulas.clearRect(...args);
    }
    if (formats) {
      this.sheet._formats.clearRect(...args);
      this.sheet._weights.clearRect(...args);
      this.sheet._backgrounds.clearRect(...args);
      this.sheet._wraps.clearRect(...args);
    }
  }

  private _display(r: number, c: number): string {
    const ss = this.sheet._parent;
    return displayValue(this.sheet._computed(r, c), this.sheet._formats.get(r, c), ss._timeZone, ss._locale);
  }

  /** Builds a fresh 2-D array in the script's realm (callers may mutate it). */
  private _read<T>(cell: (r: number, c: number) => T, hidden?: T): T[][] {
    const out = this.rt.array<T[]>(this.numRows);
    const r0 = this.row - 1;
    const c0 = this.col - 1;
    const merged = hidden !== undefined && this.sheet._merges.length > 0;
    for (let i = 0; i < this.numRows; i++) {
      const rowArr = this.rt.array<T>(this.numCols);
      for (let j = 0; j < this.numCols; j++) {
        rowArr[j] = merged && this.sheet._hiddenByMerge(r0 + i, c0 + j) ? (hidden as T) : cell(r0 + i, c0 + j);
      }
      out[i] = rowArr;
    }
    return out;
  }

  /**
   * Writes user-entered input. Iterates column by column so each column array
   * of the grid is fetched once; this keeps 200k x 10 writes well under a
   * second.
   */
  private _write(input: (i: number, j: number) => unknown): void {
    this.rt.noteSheetWrite(this.sheet._sheetId, this.numRows * this.numCols);
    const values = this.sheet._values;
    const formulas = this.sheet._formulas;
    const formats = this.sheet._formats;
    const r0 = this.row - 1;
    const merged = this.sheet._merges.length > 0;
    for (let j = 0; j < this.numCols; j++) {
      const c = this.col - 1 + j;
      const valueCol = values.columnForWrite(c);
      const formulaCol = formulas.column(c);
      const formatCol = formats.column(c);
      for (let i = 0; i < this.numRows; i++) {
        const r = r0 + i;
        // Sheets keeps only the top-left content of a merge: what is written under it is dropped.
        if (merged && this.sheet._hiddenByMerge(r, c)) continue;
        const raw = input(i, j);
        const plainText = formatCol !== undefined && formatCol[r] === PLAIN_TEXT;
        let v: CellValue | undefined;
        if (!plainText && typeof raw === 'string' && raw.length > 1 && raw[0] === '=') {
          // A formula: no stored value; reads compute it (sheet._computed).
          formulas.set(r, c, raw);
          v = undefined;
        } else {
          if (formulaCol !== undefined && r < formulaCol.length) formulaCol[r] = undefined;
          v = coerceInput(raw, plainText);
        }
        if (v === undefined) {
          if (r < valueCol.length) valueCol[r] = undefined;
        } else {
          if (r > valueCol.length) padTo(valueCol, r);
          valueCol[r] = v;
        }
      }
    }
  }

  private _fill<T>(grid: Grid<T>, value: (i: number, j: number) => T | undefined): void {
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) grid.set(this.row - 1 + i, this.col - 1 + j, value(i, j));
    }
  }

  /**
   * Sheets rejects the whole call when any cell's input is longer than 50,000 characters, so the
   * check runs over all input before anything is written.
   */
  private _checkLengths(data: unknown[][]): void {
    for (const rowData of data) {
      for (const v of rowData) {
        if (v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean' || isDate(v)) continue;
        if (String(v).length > MAX_CELL_CHARS) throw this.rt.error(CELL_TOO_LONG_MESSAGE);
      }
    }
  }

  private _checkShape(data: unknown[][]): void {
    if (!Array.isArray(data)) throw this.rt.error('Cannot convert the data to a 2D array.');
    if (data.length !== this.numRows) {
      throw this.rt.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.numRows}.`,
      );
    }
    for (const rowData of data) {
      const n = Array.isArray(rowData) ? rowData.length : 0;
      if (n !== this.numCols) {
        throw this.rt.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${n} but the range has ${this.numCols}.`,
        );
      }
    }
  }
}

instrument(EmuRange, 'Range', [
  'setValues',
  'setValue',
  'setFormula',
  'setFormulas',
  'setNumberFormat',
  'setNumberFormats',
  'setFontWeight',
  'setFontWeights',
  'setBackground',
  'setWrap',
  'clearContent',
  'clearFormat',
  'clear',
  'merge',
  'mergeAcross',
  'mergeVertically',
  'breakApart',
]);
