/**
 * The preview's read-only view of the emulated workbook (the left pane of the preview page).
 *
 * It reads the emulator's internal cell grids rather than the public Sheet/Range methods:
 * those are instrumented, and a page polling every few seconds must not show up in
 * `emu.stats` as service calls the add-on made, nor trip an injected fault.
 */
import type { EmuSheet, EmuSpreadsheet } from '../emulator';
import { csvText } from '../runner/io';
import { intlZoneClock } from '../emulator/dates';
import { ChartView, chartViews } from './charts';

/** Rows and columns of each tab sent to the page; enough to see a cleaned log and every summary. */
export const VIEW_ROWS = 200;
export const VIEW_COLUMNS = 40;

export interface SheetView {
  name: string;
  sheetId: number;
  hidden: boolean;
  active: boolean;
  /** The first VIEW_ROWS rows (VIEW_COLUMNS columns) as display text. */
  rows: string[][];
  totalRows: number;
  totalColumns: number;
  /** Embedded charts drawn as SVG (charts.ts), placed over the grid at their anchor cell. */
  charts: ChartView[];
}

export interface WorkbookView {
  /** Bumped after every server call and tab switch, so the page can skip unchanged polls. */
  version: number;
  spreadsheetName: string;
  timeZone: string;
  activeSheetId: number;
  sheets: SheetView[];
}

function lastRowOf(sheet: EmuSheet): number {
  return Math.max(sheet._values.lastRow(), sheet._formulas.lastRow()) + 1;
}

function lastColumnOf(sheet: EmuSheet): number {
  return Math.max(sheet._values.lastColumn(), sheet._formulas.lastColumn()) + 1;
}

export function activeSheetOf(ss: EmuSpreadsheet): EmuSheet {
  return ss._active();
}

export function workbookView(ss: EmuSpreadsheet, version: number): WorkbookView {
  // Dates show as the runner's CSVs show them: YYYY-MM-DD in the spreadsheet's zone.
  const clock = intlZoneClock(ss._timeZone);
  const active = activeSheetOf(ss);
  const sheets = ss._sheets.map((sheet): SheetView => {
    const totalRows = lastRowOf(sheet);
    const totalColumns = lastColumnOf(sheet);
    const width = Math.min(totalColumns, VIEW_COLUMNS);
    const rows: string[][] = [];
    for (let r = 0; r < Math.min(totalRows, VIEW_ROWS); r++) {
      const row: string[] = [];
      for (let c = 0; c < width; c++) row.push(csvText(sheet._values.get(r, c), clock));
      rows.push(row);
    }
    return { name: sheet._name, sheetId: sheet._sheetId, hidden: sheet._hidden, active: sheet === active, rows, totalRows, totalColumns, charts: chartViews(ss, sheet) };
  });
  return { version, spreadsheetName: ss._name, timeZone: ss._timeZone, activeSheetId: active._sheetId, sheets };
}

/** Makes a tab the active one, as a user clicking it in Sheets would (not an add-on call). */
export function activateSheet(ss: EmuSpreadsheet, sheetId: number): boolean {
  const sheet = ss._sheets.find((s) => s._sheetId === sheetId);
  if (!sheet || sheet._hidden) return false;
  ss._activeSheet = sheet;
  return true;
}
