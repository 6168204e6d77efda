/** Spreadsheet (a workbook) and the SpreadsheetApp service. */
import { parseA1 } from './a1';
import { isValidTimeZone } from './dates';
import { dateToSerial } from './values';
import type { EmuRange } from './range';
import {
  DeveloperMetadata,
  DeveloperMetadataFinder,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  MetadataHost,
  metadataArgs,
  metadataAt,
  MetadataStore,
} from './metadata';
import { Computed, evaluateFormula } from './formula';
import { FileAccess, Protection, ProtectionHost, ProtectionStore, ProtectionType } from './protection';
import type { Rect } from './rects';
import { instrument, Runtime } from './runtime';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, EmuSheet } from './sheet';
import type { UiService } from './ui';
import type { CellValue } from './values';

/** What a workbook needs from the emulator, passed in rather than imported. */
export interface BookContext {
  readonly rt: Runtime;
  /** Owner of new workbooks: the emulator's user. */
  readonly defaultOwner: string;
  /** Cells a workbook may hold; undefined = Sheets' 10,000,000. */
  readonly cellLimit: number | undefined;
  toast(message: string): void;
  /** A result a test set for this formula text (Emulator.setFormulaResult). */
  formulaResult(formula: string): CellValue | undefined;
}

/** What SpreadsheetApp needs from the emulator. */
export interface SpreadsheetAppContext {
  readonly rt: Runtime;
  active(): EmuSpreadsheet | null;
  spreadsheets(): EmuSpreadsheet[];
  create(name: string): EmuSpreadsheet;
  ui(): UiService;
}

/** The `{ template }` argument of insertSheet (not emulated). */
export interface SheetOptions {
  template?: unknown;
}

/** Google Sheets' documented per-workbook cap, counting every sheet's full grid. */
export const CELL_LIMIT = 10_000_000;

/**
 * Sheet ids in real Sheets are 0 for the first tab and large, random-looking
 * integers afterwards. Ids here are deterministic (so snapshots are stable) and
 * strictly increasing, stepping by a pseudo-random 1..9 million.
 */
export function nextSheetIdAfter(id: number): number {
  let h = (id ^ 0x5bd1e995) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  h = (h ^ (h >>> 12)) >>> 0;
  const next = id + 1_000_000 + (h % 8_000_000);
  // Stay a positive 32-bit int like real sheet ids.
  return next > 0x7fffffff ? id + 1 : next;
}

export class EmuSpreadsheet {
  readonly rt: Runtime;
  readonly _sheets: EmuSheet[] = [];
  _activeSheet: EmuSheet | null = null;
  _nextSheetId = 0;
  readonly _metadata: MetadataStore;
  readonly _metadataHost: MetadataHost<EmuSheet, EmuSpreadsheet>;
  readonly _protections: ProtectionStore;
  readonly _protectionHost: ProtectionHost<EmuRange, EmuSheet>;
  /** The file's owner: may always edit protected ranges and sheets. */
  _owner: string;
  /** Others the file is shared with for editing (a new protection's editors mirror these). */
  _editors: string[] = [];

  constructor(
    readonly _ctx: BookContext,
    readonly _id: string,
    public _name: string,
    public _timeZone: string,
    public _locale: string,
  ) {
    this.rt = _ctx.rt;
    this._metadata = new MetadataStore(this.rt);
    this._metadataHost = { rt: this.rt, book: this, sheetById: (id) => this._sheetById(id) };
    this._owner = _ctx.defaultOwner;
    this._protections = new ProtectionStore(this.rt);
    const store = this._protections;
    this._protectionHost = {
      rt: this.rt,
      store,
      access: () => this._access(),
      rangeOf: (sheetId, rect) => this._rangeOf(sheetId, rect),
      rectOf: (range) => ({ sheetId: range.getSheet()._sheetId, rect: range._rect() }),
      sheetOf: (sheetId) => this._sheetById(sheetId),
    };
  }

  getId(): string {
    return this._id;
  }

  getName(): string {
    return this._name;
  }

  rename(newName: string): void {
    this._name = String(newName);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this._timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(timezone)) throw this.rt.error(`Invalid argument: timezone`);
    this._timeZone = timezone;
  }

  getSpreadsheetLocale(): string {
    return this._locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this._locale = locale;
  }

  getSheets(): EmuSheet[] {
    const out = this.rt.array<EmuSheet>();
    for (const s of this._sheets) out.push(s);
    return out;
  }

  getNumSheets(): number {
    return this._sheets.length;
  }

  /** Sheet names are unique case-insensitively in Sheets, and lookup ignores case too. */
  getSheetByName(name: string): EmuSheet | null {
    return this._sheetByName(name);
  }

  getSheetById(id: number): EmuSheet | null {
    return this._sheets.find((s) => s._sheetId === id) ?? null;
  }

  /**
   * insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index).
   * `index` is 0-based. The new sheet (1000 x 26) becomes the active sheet. The `{ template }`
   * overloads are not emulated and say so.
   */
  insertSheet(nameOrIndex?: string | number | SheetOptions, index?: number | SheetOptions, options?: SheetOptions): EmuSheet {
    if ([nameOrIndex, index, options].some((a) => typeof a === 'object' && a !== null)) {
      throw new Error('Emulator: insertSheet with a template is not emulated');
    }
    let name: string | undefined;
    let at: number | undefined;
    if (typeof nameOrIndex === 'number') at = nameOrIndex;
    else if (typeof nameOrIndex === 'string') {
      name = nameOrIndex;
      at = typeof index === 'number' ? index : undefined;
    }
    const sheet = this._addSheet(name, at);
    this._activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: EmuSheet): void {
    const i = this._sheets.indexOf(sheet);
    if (i < 0) throw this.rt.error('Sheet not found');
    this._assertCanWrite(sheet._sheetId, null);
    if (!sheet._hidden && this._sheets.filter((s) => !s._hidden).length <= 1) {
      throw this.rt.error("You can't remove all the visible sheets in a document.");
    }
    this._sheets.splice(i, 1);
    this._metadata.removeSheet(sheet._sheetId);
    this._protections.removeSheet(sheet._sheetId);
    if (this._activeSheet === sheet) {
      this._activeSheet = this._sheets.find((s, k) => k >= Math.max(0, i - 1) && !s._hidden) ?? this._sheets[0];
    }
  }

  getActiveSheet(): EmuSheet {
    return this._active();
  }

  setActiveSheet(sheet: EmuSheet, restoreSelection?: boolean): EmuSheet {
    void restoreSelection;
    this._activeSheet = sheet;
    return sheet;
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    void title;
    void timeoutSeconds;
    this._ctx.toast(String(msg));
  }

  /** "A1:B2" on the active sheet or "'Sheet name'!A1:B2". */
  getRange(a1Notation: string): EmuRange {
    const rect = parseA1(a1Notation);
    if (!rect) throw this.rt.error('Range not found');
    const sheet = rect.sheetName !== undefined ? this._sheetByName(rect.sheetName) : this._active();
    if (!sheet) throw this.rt.error('Range not found');
    return sheet._rangeA1(a1Notation.slice(a1Notation.lastIndexOf('!') + 1));
  }

  // ---- protection -------------------------------------------------------------

  /** Every protection of the given type (SpreadsheetApp.ProtectionType.RANGE or SHEET) in the workbook. */
  getProtections(type: unknown): Protection<EmuRange, EmuSheet>[] {
    const out = this.rt.array<Protection<EmuRange, EmuSheet>>();
    for (const p of this._protections.list(this._protections.typeArg(type))) out.push(new Protection(this._protectionHost, p));
    return out;
  }

  // ---- developer metadata ---------------------------------------------------

  /** addDeveloperMetadata(key[, value][, visibility]) on the spreadsheet itself. */
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): EmuSpreadsheet {
    const args = metadataArgs(valueOrVisibility, visibility);
    this._metadata.add(null, key, args.value, args.visibility);
    return this;
  }

  /** Metadata attached to the spreadsheet itself (not to its sheets), as documented. */
  getDeveloperMetadata(): DeveloperMetadata<EmuSheet, EmuSpreadsheet>[] {
    return metadataAt(this._metadataHost, this._metadata, null);
  }

  /** Searches every location in the spreadsheet. */
  createDeveloperMetadataFinder(): DeveloperMetadataFinder<EmuSheet, EmuSpreadsheet> {
    return new DeveloperMetadataFinder(this._metadataHost, this._metadata, undefined);
  }

  /** Emulator extra: cells in the workbook as counted against the 10M limit. */
  cellCount(): number {
    let n = 0;
    for (const s of this._sheets) n += s._maxRows * s._maxColumns;
    return n;
  }

  // ---- internals ------------------------------------------------------------

  _active(): EmuSheet {
    if (!this._activeSheet || !this._sheets.includes(this._activeSheet)) this._activeSheet = this._sheets[0];
    return this._activeSheet;
  }

  /** Cells being evaluated right now: meeting one again is a circular reference. */
  private readonly _evaluating = new Set<string>();

  /**
   * The value a formula cell shows when no computed value is stored for it: a result the test set
   * for this formula text, else the emulator's own evaluation (see formula.ts).
   */
  _evaluate(sheet: EmuSheet, row: number, col: number, formula: string): Computed {
    const preset = this._ctx.formulaResult(formula);
    if (preset !== undefined) return preset;
    const key = `${sheet._sheetId}:${row}:${col}`;
    if (this._evaluating.has(key)) return '#REF!';
    this._evaluating.add(key);
    try {
      return evaluateFormula(formula, {
        cell: (sheetName, r, c) => {
          const target = sheetName === undefined ? sheet : this._sheetByName(sheetName);
          if (!target || r > target._maxRows || c > target._maxColumns) return '#REF!';
          return target._computed(r - 1, c - 1) ?? '';
        },
        serial: (d) => dateToSerial(d, this._timeZone),
      });
    } finally {
      this._evaluating.delete(key);
    }
  }

  _sheetById(sheetId: number): EmuSheet | null {
    return this._sheets.find((s) => s._sheetId === sheetId) ?? null;
  }

  _access(): FileAccess {
    return { owner: this._owner, editors: [this._owner, ...this._editors.filter((e) => e !== this._owner)] };
  }

  /** Refuses a write by the effective user to `area` of a sheet (null: the whole sheet or its structure). */
  _assertCanWrite(sheetId: number, area: Rect | null): void {
    this._protections.assertCanWrite(sheetId, area, this.rt.current.user, this._access());
  }

  _rangeOf(sheetId: number, rect: Rect | null): EmuRange {
    const sheet = this._sheetById(sheetId);
    if (!sheet) throw this.rt.error('Sheet not found');
    if (!rect) return sheet._range(1, 1, sheet._maxRows, sheet._maxColumns);
    return sheet._range(rect.row + 1, rect.col + 1, rect.numRows, rect.numCols);
  }

  _sheetByName(name: string): EmuSheet | null {
    const key = String(name).toLowerCase();
    return this._sheets.find((s) => s._name.toLowerCase() === key) ?? null;
  }

  _assertCellLimit(extraCells: number): void {
    // The benchmark may lift the limit to measure logs beyond what one spreadsheet can hold.
    if (this.cellCount() + extraCells > (this._ctx.cellLimit ?? CELL_LIMIT)) {
      throw this.rt.error(
        `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`,
      );
    }
  }

  _validateNewName(name: string, self?: EmuSheet): void {
    if (name.trim() === '') throw this.rt.error('Invalid argument: name');
    const clash = this._sheetByName(name);
    if (clash && clash !== self) {
      throw this.rt.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  _addSheet(name?: string, index?: number, rows = DEFAULT_ROWS, cols = DEFAULT_COLUMNS, sheetId?: number): EmuSheet {
    let finalName = name;
    if (finalName === undefined) {
      let n = this._sheets.length + 1;
      while (this._sheetByName(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    }
    this._validateNewName(finalName);
    if (index !== undefined && (index < 0 || index > this._sheets.length)) throw this.rt.error('Invalid argument: sheetIndex');
    this._assertCellLimit(rows * cols);
    const id = sheetId ?? this._nextSheetId;
    if (sheetId === undefined) this._nextSheetId = nextSheetIdAfter(id);
    const sheet = new EmuSheet(this, finalName, id, rows, cols);
    if (index === undefined) this._sheets.push(sheet);
    else this._sheets.splice(index, 0, sheet);
    return sheet;
  }
}

instrument(
  EmuSpreadsheet,
  'Spreadsheet',
  ['rename', 'setSpreadsheetTimeZone', 'setSpreadsheetLocale', 'insertSheet', 'deleteSheet', 'addDeveloperMetadata'],
  ['cellCount'],
);

/** The SpreadsheetApp global. */
export class SpreadsheetAppService {
  readonly rt: Runtime;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly ProtectionType = ProtectionType;

  constructor(private readonly ctx: SpreadsheetAppContext) {
    this.rt = ctx.rt;
  }

  getActive(): EmuSpreadsheet | null {
    return this.ctx.active();
  }

  getActiveSpreadsheet(): EmuSpreadsheet | null {
    return this.ctx.active();
  }

  getActiveSheet(): EmuSheet | null {
    return this.ctx.active()?._active() ?? null;
  }

  setActiveSheet(sheet: EmuSheet, restoreSelection?: boolean): EmuSheet {
    void restoreSelection;
    sheet._parent._activeSheet = sheet;
    return sheet;
  }

  openById(id: string): EmuSpreadsheet {
    const ss = this.ctx.spreadsheets().find((s) => s._id === id);
    // Apps Script reports a missing or inaccessible file with this generic text.
    if (!ss) throw this.rt.error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return ss;
  }

  openByUrl(url: string): EmuSpreadsheet {
    const m = /\/d\/([^/]+)/.exec(url);
    const ss = m ? this.ctx.spreadsheets().find((s) => s._id === m[1]) : undefined;
    if (!ss) throw this.rt.error('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    return ss;
  }

  /** create(name) or create(name, rows, columns): the first sheet gets the given size. */
  create(name: string, rows?: number, columns?: number): EmuSpreadsheet {
    const ss = this.ctx.create(name);
    const first = ss._sheets[0];
    if (rows !== undefined) first._maxRows = rows;
    if (columns !== undefined) first._maxColumns = columns;
    return ss;
  }

  getUi(): UiService {
    return this.ctx.ui();
  }

  flush(): void {
    // Writes are applied immediately in the emulator; nothing is buffered.
  }
}

instrument(SpreadsheetAppService, 'SpreadsheetApp', ['create']);
