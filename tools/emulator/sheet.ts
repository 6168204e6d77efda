/** Sheet: grid dimensions, structure edits and the cell layers. */
import { parseA1 } from './a1';
import { EmbeddedChart, EmbeddedChartBuilder, SheetCharts } from './chart';
import { Grid } from './grid';
import { DeveloperMetadata, DeveloperMetadataFinder, metadataArgs, metadataAt } from './metadata';
import { clearScope, EmuRange } from './range';
import { Protection } from './protection';
import { afterDelete, afterInsert, Axis, containsCell, insertionSplits, overlapsLines, Rect } from './rects';
import { instrument, isDate, Runtime } from './runtime';
import type { EmuSpreadsheet } from './spreadsheet';
import { CellValue } from './values';
import { TextFinder } from './textfinder';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export class EmuSheet {
  readonly rt: Runtime;
  /** Cell layers; undefined in a layer means "default". */
  readonly _values = new Grid<CellValue>();
  readonly _formulas = new Grid<string>();
  readonly _formats = new Grid<string>();
  readonly _weights = new Grid<string>();
  readonly _backgrounds = new Grid<string>();
  readonly _wraps = new Grid<boolean>();
  /** 0-based column index -> width in px; undefined = default width. */
  _widths: (number | undefined)[] = [];
  _hidden = false;
  _frozenRows = 0;
  _frozenColumns = 0;
  /** Merged areas, 0-based; each covers at least two cells. */
  _merges: Rect[] = [];
  /** Embedded charts (chart.ts). */
  readonly _charts: SheetCharts = new SheetCharts(this);

  constructor(
    readonly _parent: EmuSpreadsheet,
    public _name: string,
    readonly _sheetId: number,
    public _maxRows = DEFAULT_ROWS,
    public _maxColumns = DEFAULT_COLUMNS,
  ) {
    this.rt = _parent.rt;
  }

  // ---- embedded charts (chart.ts) -------------------------------------------

  newChart(): EmbeddedChartBuilder {
    return this._charts.newChart();
  }
  insertChart(chart: EmbeddedChart): void {
    this._charts.insert(chart);
  }
  getCharts(): EmbeddedChart[] {
    return this._charts.all();
  }
  updateChart(chart: EmbeddedChart): void {
    this._charts.update(chart);
  }
  removeChart(chart: EmbeddedChart): void {
    this._charts.remove(chart);
  }

  // ---- identity -----------------------------------------------------------

  getName(): string {
    return this._name;
  }

  getSheetName(): string {
    return this._name;
  }

  setName(name: string): EmuSheet {
    this._assertCanEditSheet();
    this._parent._validateNewName(String(name), this);
    this._name = String(name);
    return this;
  }

  getSheetId(): number {
    return this._sheetId;
  }

  /** 1-based position among the spreadsheet's tabs. */
  getIndex(): number {
    return this._parent._sheets.indexOf(this) + 1;
  }

  getParent(): EmuSpreadsheet {
    return this._parent;
  }

  isSheetHidden(): boolean {
    return this._hidden;
  }

  hideSheet(): EmuSheet {
    if (!this._hidden && this._parent._sheets.filter((s) => !s._hidden).length <= 1) {
      throw this.rt.error("You can't hide all the sheets in a document.");
    }
    this._hidden = true;
    return this;
  }

  showSheet(): EmuSheet {
    this._hidden = false;
    return this;
  }

  activate(): EmuSheet {
    this._parent._activeSheet = this;
    return this;
  }

  // ---- dimensions ---------------------------------------------------------

  /** Last row with content (a value or a formula), 0 when the sheet is empty. */
  getLastRow(): number {
    return Math.max(this._values.lastRow(), this._formulas.lastRow()) + 1;
  }

  getLastColumn(): number {
    return Math.max(this._values.lastColumn(), this._formulas.lastColumn()) + 1;
  }

  getMaxRows(): number {
    return this._maxRows;
  }

  getMaxColumns(): number {
    return this._maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): EmuSheet {
    this._insertRows(afterPosition, howMany);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): EmuSheet {
    this._insertRows(beforePosition - 1, howMany);
    return this;
  }

  insertRowAfter(afterPosition: number): EmuSheet {
    this._insertRows(afterPosition, 1);
    return this;
  }

  insertRowBefore(beforePosition: number): EmuSheet {
    this._insertRows(beforePosition - 1, 1);
    return this;
  }

  /** Inserts blank rows *before* rowIndex (Apps Script semantics). */
  insertRows(rowIndex: number, numRows = 1): void {
    this._insertRows(rowIndex - 1, numRows);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this._deleteRows(rowPosition, howMany);
  }

  deleteRow(rowPosition: number): EmuSheet {
    this._deleteRows(rowPosition, 1);
    return this;
  }

  _deleteRows(rowPosition: number, howMany: number): void {
    this._checkPositive(howMany, 'rows');
    if (rowPosition < 1 || rowPosition + howMany - 1 > this._maxRows) throw this.rt.error('Those rows are out of bounds.');
    this._assertLinesEditable((p) => p.rect === null || overlapsLines(p.rect, 'rows', rowPosition - 1, howMany));
    if (howMany >= this._maxRows) throw this.rt.error("You can't delete all the rows on the sheet.");
    for (const g of this._layers()) g.deleteRows(rowPosition - 1, howMany);
    this._moveRects('rows', (r) => afterDelete(r, 'rows', rowPosition - 1, howMany));
    this._maxRows -= howMany;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): EmuSheet {
    this._insertColumns(afterPosition, howMany);
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): EmuSheet {
    this._insertColumns(beforePosition - 1, howMany);
    return this;
  }

  insertColumnAfter(afterPosition: number): EmuSheet {
    this._insertColumns(afterPosition, 1);
    return this;
  }

  insertColumnBefore(beforePosition: number): EmuSheet {
    this._insertColumns(beforePosition - 1, 1);
    return this;
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this._insertColumns(columnIndex - 1, numColumns);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this._deleteColumns(columnPosition, howMany);
  }

  deleteColumn(columnPosition: number): EmuSheet {
    this._deleteColumns(columnPosition, 1);
    return this;
  }

  _deleteColumns(columnPosition: number, howMany: number): void {
    this._checkPositive(howMany, 'columns');
    if (columnPosition < 1 || columnPosition + howMany - 1 > this._maxColumns) {
      throw this.rt.error('Those columns are out of bounds.');
    }
    this._assertLinesEditable((p) => p.rect === null || overlapsLines(p.rect, 'columns', columnPosition - 1, howMany));
    if (howMany >= this._maxColumns) throw this.rt.error("You can't delete all the columns on the sheet.");
    for (const g of this._layers()) g.deleteColumns(columnPosition - 1, howMany);
    this._moveRects('columns', (r) => afterDelete(r, 'columns', columnPosition - 1, howMany));
    this._widths.splice(columnPosition - 1, howMany);
    this._maxColumns -= howMany;
  }

  // ---- ranges -------------------------------------------------------------

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): EmuRange {
    if (typeof rowOrA1 === 'string') return this._rangeA1(rowOrA1);
    return this._range(rowOrA1, column ?? NaN, numRows ?? 1, numColumns ?? 1);
  }

  /** A search over the sheet's cells, up to its last row and column with content (see textfinder.ts). */
  createTextFinder(findText: string): TextFinder {
    return new TextFinder(this, () => ({ row: 0, col: 0, numRows: this.getLastRow(), numCols: this.getLastColumn() }), findText);
  }

  /** From A1 to the last row/column with content (at least A1). */
  getDataRange(): EmuRange {
    const rows = Math.max(1, Math.max(this._values.lastRow(), this._formulas.lastRow()) + 1);
    const cols = Math.max(1, Math.max(this._values.lastColumn(), this._formulas.lastColumn()) + 1);
    return this._range(1, 1, rows, cols);
  }

  // ---- layout -------------------------------------------------------------

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this._maxRows) throw this.rt.error('Invalid argument: rows');
    this._frozenRows = rows;
  }

  getFrozenRows(): number {
    return this._frozenRows;
  }

  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns > this._maxColumns) throw this.rt.error('Invalid argument: columns');
    this._frozenColumns = columns;
  }

  getFrozenColumns(): number {
    return this._frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): EmuSheet {
    this._setWidths(columnPosition, 1, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): EmuSheet {
    this._setWidths(startColumn, numColumns, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    this._checkColumn(columnPosition, 1);
    return this._widths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }

  /**
   * Sheets measures rendered text; the emulator approximates ~7px per
   * character of the longest cell plus padding, which is enough for tests
   * that only check that widths changed sensibly.
   */
  autoResizeColumns(startColumn: number, numColumns: number): EmuSheet {
    this._checkColumn(startColumn, numColumns);
    for (let c = startColumn - 1; c < startColumn - 1 + numColumns; c++) {
      let longest = 0;
      for (const v of this._values.column(c) ?? []) {
        if (v === undefined) continue;
        const len = isDate(v) ? 19 : String(v).length;
        if (len > longest) longest = len;
      }
      this._widths[c] = Math.max(21, longest * 7 + 10);
    }
    return this;
  }

  // ---- clearing -----------------------------------------------------------

  /** clear() or clear({ contentsOnly, formatOnly }), as documented. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): EmuSheet {
    this._assertCanEditSheet();
    const only = clearScope(options);
    if (only.contents) {
      this._values.clearAll();
      this._formulas.clearAll();
    }
    if (only.formats) for (const g of [this._formats, this._weights, this._backgrounds, this._wraps]) g.clearAll();
    return this;
  }

  clearContents(): EmuSheet {
    this._assertCanEditSheet();
    this._values.clearAll();
    this._formulas.clearAll();
    return this;
  }

  clearFormats(): EmuSheet {
    this._assertCanEditSheet();
    this._formats.clearAll();
    this._weights.clearAll();
    this._backgrounds.clearAll();
    this._wraps.clearAll();
    return this;
  }

  // ---- protection -------------------------------------------------------------

  /** The sheet's protection: the existing one if the sheet is already protected (documented). */
  protect(): Protection<EmuRange, EmuSheet> {
    const store = this._parent._protections;
    const record = store.sheetProtection(this._sheetId) ?? store.create('SHEET', this._sheetId, null);
    return new Protection(this._parent._protectionHost, record);
  }

  /** The sheet's range protections, or a one-element array with the sheet's own protection. */
  getProtections(type: unknown): Protection<EmuRange, EmuSheet>[] {
    const store = this._parent._protections;
    const out = this.rt.array<Protection<EmuRange, EmuSheet>>();
    for (const p of store.list(store.typeArg(type), this._sheetId)) out.push(new Protection(this._parent._protectionHost, p));
    return out;
  }

  // ---- developer metadata ---------------------------------------------------

  /** addDeveloperMetadata(key[, value][, visibility]); the tag follows the sheet id, so it survives renames. */
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): EmuSheet {
    const args = metadataArgs(valueOrVisibility, visibility);
    this._parent._metadata.add(this._sheetId, key, args.value, args.visibility);
    return this;
  }

  getDeveloperMetadata(): DeveloperMetadata<EmuSheet, EmuSpreadsheet>[] {
    return metadataAt(this._parent._metadataHost, this._parent._metadata, this._sheetId);
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinder<EmuSheet, EmuSpreadsheet> {
    return new DeveloperMetadataFinder(this._parent._metadataHost, this._parent._metadata, this._sheetId);
  }

  // ---- emulator helpers (uncounted) ---------------------------------------

  /**
   * Test helper: put a formula and/or a value directly into a cell, bypassing
   * input parsing. Lets a test give a formula cell the cached value Sheets
   * would have computed.
   */
  __setCell(row: number, col: number, cell: { formula?: string; value?: CellValue | null; numberFormat?: string }): void {
    const r = row - 1;
    const c = col - 1;
    if (cell.formula !== undefined) this._formulas.set(r, c, cell.formula || undefined);
    if (cell.value !== undefined) this._values.set(r, c, cell.value === null || cell.value === '' ? undefined : cell.value);
    if (cell.numberFormat !== undefined) this._formats.set(r, c, cell.numberFormat || undefined);
  }

  /**
   * What a cell shows (0-based): its value, or for a formula cell without a stored (cached) value,
   * the computed one. undefined for an empty cell.
   */
  _computed(row: number, col: number): CellValue | undefined {
    const v = this._values.get(row, col);
    if (v !== undefined) return v;
    const f = this._formulas.get(row, col);
    return f === undefined ? undefined : this._parent._evaluate(this, row, col, f);
  }

  /** The merge covering a 0-based cell, if any. */
  _mergeAt(row: number, col: number): Rect | undefined {
    return this._merges.find((m) => containsCell(m, row, col));
  }

  /** True for a merged cell other than its merge's top-left one: it reads as "" and ignores writes. */
  _hiddenByMerge(row: number, col: number): boolean {
    if (this._merges.length === 0) return false;
    const m = this._mergeAt(row, col);
    return m !== undefined && (m.row !== row || m.col !== col);
  }

  /** Refuses sheet-wide edits (clear, rename, delete) under a protection the effective user cannot edit. */
  _assertCanEditSheet(): void {
    this._parent._assertCanWrite(this._sheetId, null);
  }

  /** Refuses a row/column insert or delete when a blocking protection matches. */
  _assertLinesEditable(blocks: (p: { rect: Rect | null }) => boolean): void {
    const ss = this._parent;
    if (ss._protections.records.length === 0) return;
    ss._protections.assertNone(this._sheetId, this.rt.current.user, ss._access(), blocks);
  }

  /** Moves merges and protected ranges with their cells after a structure edit. */
  _moveRects(axis: Axis, move: (r: Rect) => Rect | null): void {
    void axis;
    this._parent._protections.move(this._sheetId, move);
    const merges: Rect[] = [];
    for (const m of this._merges) {
      const moved = move(m);
      if (moved && moved.numRows * moved.numCols > 1) merges.push(moved);
    }
    this._merges = merges;
  }

  _layers(): Grid<unknown>[] {
    return [this._values, this._formulas, this._formats, this._weights, this._backgrounds, this._wraps];
  }

  _range(row: number, column: number, numRows: number, numColumns: number): EmuRange {
    if (!Number.isInteger(row) || !Number.isInteger(column)) throw this.rt.error('Invalid argument: range coordinates');
    if (row < 1) throw this.rt.error('The starting row of the range is too small.');
    if (column < 1) throw this.rt.error('The starting column of the range is too small.');
    if (numRows < 1) throw this.rt.error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw this.rt.error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this._maxRows || column + numColumns - 1 > this._maxColumns) {
      throw this.rt.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new EmuRange(this, row, column, numRows, numColumns);
  }

  _rangeA1(a1: string): EmuRange {
    const rect = parseA1(a1);
    if (!rect) throw this.rt.error('Range not found');
    return this._range(
      rect.row,
      rect.col,
      rect.numRows ?? this._maxRows - rect.row + 1,
      rect.numCols ?? this._maxColumns - rect.col + 1,
    );
  }

  _insertRows(after: number, n: number): void {
    this._checkPositive(n, 'rows');
    if (after < 0 || after > this._maxRows) throw this.rt.error('Those rows are out of bounds.');
    this._assertLinesEditable((p) => p.rect === null || insertionSplits(p.rect, 'rows', after));
    this._parent._assertCellLimit(n * this._maxColumns);
    for (const g of this._layers()) g.insertRows(after, n);
    this._moveRects('rows', (r) => afterInsert(r, 'rows', after, n));
    this._maxRows += n;
  }

  _insertColumns(after: number, n: number): void {
    this._checkPositive(n, 'columns');
    if (after < 0 || after > this._maxColumns) throw this.rt.error('Those columns are out of bounds.');
    this._assertLinesEditable((p) => p.rect === null || insertionSplits(p.rect, 'columns', after));
    this._parent._assertCellLimit(n * this._maxRows);
    for (const g of this._layers()) g.insertColumns(after, n);
    this._moveRects('columns', (r) => afterInsert(r, 'columns', after, n));
    if (after < this._widths.length) this._widths.splice(after, 0, ...new Array<undefined>(n));
    this._maxColumns += n;
  }

  private _setWidths(start: number, n: number, width: number): void {
    this._checkColumn(start, n);
    for (let c = start - 1; c < start - 1 + n; c++) this._widths[c] = width;
  }

  private _checkColumn(start: number, n: number): void {
    if (start < 1 || n < 1 || start + n - 1 > this._maxColumns) {
      throw this.rt.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  private _checkPositive(n: number, what: string): void {
    if (!Number.isInteger(n) || n < 1) throw this.rt.error(`The number of ${what} must be at least 1.`);
  }
}

instrument(
  EmuSheet,
  'Sheet',
  [
    'setName', 'hideSheet', 'showSheet',
    'insertRowsAfter', 'insertRowsBefore', 'insertRowAfter', 'insertRowBefore', 'insertRows',
    'deleteRows', 'deleteRow',
    'insertColumnsAfter', 'insertColumnsBefore', 'insertColumnAfter', 'insertColumnBefore', 'insertColumns',
    'deleteColumns', 'deleteColumn',
    'setFrozenRows', 'setFrozenColumns', 'setColumnWidth', 'setColumnWidths', 'autoResizeColumns',
    'clear', 'clearContents', 'clearFormats', 'addDeveloperMetadata',
    'insertChart', 'updateChart', 'removeChart',
  ],
);
