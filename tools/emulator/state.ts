/**
 * JSON-serialisable snapshot of everything an emulator holds. Values carry a
 * type tag so Dates (ISO strings) and numbers/booleans/strings survive
 * JSON.stringify/parse unchanged.
 */
import type { MetadataRecord } from './metadata';
import type { PropertyData } from './properties';
import type { ProtectionRecord } from './protection';
import type { Rect } from './rects';
import type { TriggerRecord } from './script';
import type { EmuSheet } from './sheet';
import type { EmuSpreadsheet } from './spreadsheet';
import { isDate } from './runtime';
import type { CellValue } from './values';

export type TaggedValue =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'date'; value: string };

export interface CellState {
  /** 1-based. */
  row: number;
  col: number;
  value?: TaggedValue;
  formula?: string;
  numberFormat?: string;
  fontWeight?: string;
  background?: string;
  wrap?: boolean;
}

export interface SheetState {
  name: string;
  sheetId: number;
  /** 1-based tab position. */
  index: number;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  maxRows: number;
  maxColumns: number;
  /** 1-based column -> width in px, only for non-default widths. */
  columnWidths: Record<string, number>;
  /** Non-empty cells in row-major order. */
  cells: CellState[];
  /** Merged areas (0-based rects); absent when none. */
  merges?: Rect[];
}

export interface SpreadsheetState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  nextSheetId: number;
  activeSheetId: number | null;
  sheets: SheetState[];
  /** Optional so states saved before developer metadata existed still load. */
  developerMetadata?: MetadataRecord[];
  metadataSeq?: number;
  /** Absent: owned by the emulator's user, shared with nobody, nothing protected. */
  owner?: string;
  editors?: string[];
  protections?: ProtectionRecord[];
  protectionSeq?: number;
}

export interface EmulatorState {
  version: 1;
  clock: number;
  activeSpreadsheetId: string | null;
  spreadsheets: SpreadsheetState[];
  properties: PropertyData;
  triggers: TriggerRecord[];
  nextTriggerId: number;
  nextSpreadsheetSeq: number;
}

export function tagValue(v: CellValue): TaggedValue {
  if (isDate(v)) return { type: 'date', value: v.toISOString() };
  switch (typeof v) {
    case 'number':
      return { type: 'number', value: v };
    case 'boolean':
      return { type: 'boolean', value: v };
    default:
      return { type: 'string', value: String(v) };
  }
}

export function untagValue(t: TaggedValue): CellValue {
  return t.type === 'date' ? new Date(t.value) : t.value;
}

function columnsOf(sheet: EmuSheet, c: number) {
  return {
    values: sheet._values.column(c),
    formulas: sheet._formulas.column(c),
    formats: sheet._formats.column(c),
    weights: sheet._weights.column(c),
    backgrounds: sheet._backgrounds.column(c),
    wraps: sheet._wraps.column(c),
  };
}

export function sheetToState(sheet: EmuSheet): SheetState {
  // Scan row-major over the bounding box of all layers, reading column arrays
  // directly: far cheaper than a Map keyed by cell for million-cell sheets.
  const layers = sheet._layers();
  let lastRow = -1;
  let lastCol = -1;
  for (const g of layers) {
    lastRow = Math.max(lastRow, g.lastRow());
    lastCol = Math.max(lastCol, g.lastColumn());
  }
  const cols = [] as ReturnType<typeof columnsOf>[];
  for (let c = 0; c <= lastCol; c++) cols.push(columnsOf(sheet, c));
  const cells: CellState[] = [];
  for (let r = 0; r <= lastRow; r++) {
    for (let c = 0; c <= lastCol; c++) {
      const k = cols[c];
      const v = k.values?.[r];
      const f = k.formulas?.[r];
      const nf = k.formats?.[r];
      const fw = k.weights?.[r];
      const bg = k.backgrounds?.[r];
      const wr = k.wraps?.[r];
      if (v === undefined && f === undefined && nf === undefined && fw === undefined && bg === undefined && wr === undefined) continue;
      const cell: CellState = { row: r + 1, col: c + 1 };
      if (v !== undefined) cell.value = tagValue(v);
      if (f !== undefined) cell.formula = f;
      if (nf !== undefined) cell.numberFormat = nf;
      if (fw !== undefined) cell.fontWeight = fw;
      if (bg !== undefined) cell.background = bg;
      if (wr !== undefined) cell.wrap = wr;
      cells.push(cell);
    }
  }
  const columnWidths: Record<string, number> = {};
  sheet._widths.forEach((w, i) => {
    if (w !== undefined) columnWidths[String(i + 1)] = w;
  });
  const state: SheetState = {
    name: sheet._name,
    sheetId: sheet._sheetId,
    index: sheet._parent._sheets.indexOf(sheet) + 1,
    hidden: sheet._hidden,
    frozenRows: sheet._frozenRows,
    frozenColumns: sheet._frozenColumns,
    maxRows: sheet._maxRows,
    maxColumns: sheet._maxColumns,
    columnWidths,
    cells,
  };
  if (sheet._merges.length) state.merges = sheet._merges.map((m) => ({ ...m }));
  return state;
}

export function spreadsheetToState(ss: EmuSpreadsheet): SpreadsheetState {
  const state: SpreadsheetState = {
    id: ss._id,
    name: ss._name,
    timeZone: ss._timeZone,
    locale: ss._locale,
    nextSheetId: ss._nextSheetId,
    activeSheetId: ss._activeSheet ? ss._activeSheet._sheetId : null,
    sheets: ss._sheets.map(sheetToState),
  };
  if (ss._metadata.records.length || ss._metadata.sequence) {
    state.developerMetadata = ss._metadata.records.map((r) => ({ ...r }));
    state.metadataSeq = ss._metadata.sequence;
  }
  if (ss._owner !== ss._ctx.defaultOwner) state.owner = ss._owner;
  if (ss._editors.length) state.editors = [...ss._editors];
  if (ss._protections.records.length || ss._protections.sequence) {
    state.protections = JSON.parse(JSON.stringify(ss._protections.records)) as ProtectionRecord[];
    state.protectionSeq = ss._protections.sequence;
  }
  return state;
}

/** Fills an (empty) spreadsheet from its state. */
export function loadSpreadsheet(ss: EmuSpreadsheet, s: SpreadsheetState): void {
  const ordered = [...s.sheets].sort((a, b) => a.index - b.index);
  for (const sh of ordered) {
    const sheet = ss._addSheet(sh.name, undefined, sh.maxRows, sh.maxColumns, sh.sheetId);
    sheet._hidden = sh.hidden;
    sheet._frozenRows = sh.frozenRows;
    sheet._frozenColumns = sh.frozenColumns;
    for (const [col, w] of Object.entries(sh.columnWidths)) sheet._widths[Number(col) - 1] = w;
    sheet._merges = (sh.merges ?? []).map((m) => ({ ...m }));
    for (const cell of sh.cells) {
      const r = cell.row - 1;
      const c = cell.col - 1;
      if (cell.value) sheet._values.set(r, c, untagValue(cell.value));
      if (cell.formula !== undefined) sheet._formulas.set(r, c, cell.formula);
      if (cell.numberFormat !== undefined) sheet._formats.set(r, c, cell.numberFormat);
      if (cell.fontWeight !== undefined) sheet._weights.set(r, c, cell.fontWeight);
      if (cell.background !== undefined) sheet._backgrounds.set(r, c, cell.background);
      if (cell.wrap !== undefined) sheet._wraps.set(r, c, cell.wrap);
    }
  }
  ss._nextSheetId = s.nextSheetId;
  ss._metadata.load(s.developerMetadata ?? [], s.metadataSeq ?? 0);
  ss._protections.load(s.protections ?? [], s.protectionSeq ?? 0);
  if (s.owner !== undefined) ss._owner = s.owner;
  ss._editors = [...(s.editors ?? [])];
  ss._activeSheet = ss._sheets.find((x) => x._sheetId === s.activeSheetId) ?? ss._sheets[0] ?? null;
}
