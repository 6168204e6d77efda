/** A1-notation helpers (1-based rows and columns, like the Apps Script API). */

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return columnToLetters(col) + row;
}

export interface A1Rect {
  /** Sheet name when the notation carried one ("'My Sheet'!A1:B2"). */
  sheetName?: string;
  row: number;
  col: number;
  /** null = to the end of the sheet ("A:C" has no row bound). */
  numRows: number | null;
  numCols: number | null;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/**
 * Parses "A1", "A1:C10", "A:C", "2:5" and the same with a sheet prefix.
 * Returns null for anything else so callers can raise the Apps Script error.
 */
export function parseA1(a1: string): A1Rect | null {
  let text = a1.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = text.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const [a, b = a] = text.split(':');
  const ma = CELL.exec(a);
  const mb = CELL.exec(b);
  if (!ma || !mb || (!ma[1] && !ma[2]) || (!mb[1] && !mb[2])) return null;
  const c1 = ma[1] ? lettersToColumn(ma[1]) : null;
  const c2 = mb[1] ? lettersToColumn(mb[1]) : null;
  const r1 = ma[2] ? Number(ma[2]) : null;
  const r2 = mb[2] ? Number(mb[2]) : null;
  if ((c1 === null) !== (c2 === null) && r1 !== null && r2 !== null) return null;
  const row = Math.min(r1 ?? 1, r2 ?? 1);
  const col = Math.min(c1 ?? 1, c2 ?? 1);
  return {
    sheetName,
    row,
    col,
    numRows: r1 === null || r2 === null ? null : Math.abs(r2 - r1) + 1,
    numCols: c1 === null || c2 === null ? null : Math.abs(c2 - c1) + 1,
  };
}
