/**
 * TextFinder: Sheets' search over a range or a sheet (Range/Sheet.createTextFinder), as
 * documented for Apps Script ("Class TextFinder"):
 *   - a cell matches when the search text occurs in what it shows (its display value); with
 *     matchFormulaText(true) a formula cell is searched in its formula text instead (other cells
 *     still by what they show);
 *   - case-insensitive and partial unless matchCase(true) / matchEntireCell(true);
 *   - useRegularExpression(true) reads the search text as a regular expression (JavaScript's
 *     syntax stands in for RE2's common subset); ignoreDiacritics(true) compares without accents;
 *   - cells are visited row by row, left to right; empty cells and cells hidden by a merge never
 *     match; findNext/findPrevious move from the current match (or startFrom) and return null past
 *     the last/first match.
 * Only the matches cross the wire: cells read = cells returned.
 */
import type { EmuRange } from './range';
import { instrument, Runtime } from './runtime';
import type { EmuSheet } from './sheet';
import { displayValue } from './values';

interface Area {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

const stripDiacritics = (s: string): string => s.normalize('NFD').replace(/\p{M}+/gu, '');
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class TextFinder {
  readonly rt: Runtime;
  private caseSensitive = false;
  private entireCell = false;
  private formulaText = false;
  private regex = false;
  private noDiacritics = false;
  /** 0-based [row, col] of the current match (or of startFrom): the search moves on from it. */
  private at: [number, number] | null = null;
  private current: [number, number] | null = null;

  constructor(
    private readonly sheet: EmuSheet,
    /** 0-based area searched: the range, or the sheet's used area. */
    private readonly area: () => Area,
    private readonly text: string,
  ) {
    this.rt = sheet.rt;
    if (typeof text !== 'string' || text === '') throw this.rt.error('Exception: The parameter (String) text cannot be empty.');
  }

  matchCase(matchCase: boolean): TextFinder {
    this.caseSensitive = Boolean(matchCase);
    return this;
  }

  matchEntireCell(matchEntireCell: boolean): TextFinder {
    this.entireCell = Boolean(matchEntireCell);
    return this;
  }

  matchFormulaText(matchFormulaText: boolean): TextFinder {
    this.formulaText = Boolean(matchFormulaText);
    return this;
  }

  useRegularExpression(useRegEx: boolean): TextFinder {
    this.regex = Boolean(useRegEx);
    return this;
  }

  ignoreDiacritics(ignoreDiacritics: boolean): TextFinder {
    this.noDiacritics = Boolean(ignoreDiacritics);
    return this;
  }

  /** The search continues right after this cell (its top-left one). */
  startFrom(startRange: EmuRange): TextFinder {
    this.at = [startRange.getRow() - 1, startRange.getColumn() - 1];
    return this;
  }

  findAll(): EmuRange[] {
    const out = this.rt.array<EmuRange>();
    const cells = this._matches();
    this.rt.stats.cellsRead += cells.length;
    for (const [r, c] of cells) out.push(this.sheet._range(r + 1, c + 1, 1, 1));
    return out;
  }

  findNext(): EmuRange | null {
    const from = this.at;
    const hit = this._matches().find(([r, c]) => !from || r > from[0] || (r === from[0] && c > from[1]));
    return this._land(hit);
  }

  findPrevious(): EmuRange | null {
    const from = this.at;
    const before = this._matches().filter(([r, c]) => !from || r < from[0] || (r === from[0] && c < from[1]));
    return this._land(before[before.length - 1]);
  }

  getCurrentMatch(): EmuRange | null {
    return this.current ? this.sheet._range(this.current[0] + 1, this.current[1] + 1, 1, 1) : null;
  }

  private _land(hit: [number, number] | undefined): EmuRange | null {
    if (!hit) return null;
    this.at = hit;
    this.current = hit;
    this.rt.stats.cellsRead += 1;
    return this.sheet._range(hit[0] + 1, hit[1] + 1, 1, 1);
  }

  private _pattern(): RegExp {
    const query = this.noDiacritics ? stripDiacritics(this.text) : this.text;
    let source = this.regex ? query : escapeRegExp(query);
    if (this.entireCell) source = `^(?:${source})$`;
    try {
      return new RegExp(source, this.caseSensitive ? 'u' : 'iu');
    } catch (e) {
      throw this.rt.error(`Exception: Invalid regular expression: ${this.text}`);
    }
  }

  /** What a cell is searched in: its formula text (matchFormulaText) or what it shows; null when empty. */
  private _content(r: number, c: number): string | null {
    const sheet = this.sheet;
    if (sheet._hiddenByMerge(r, c)) return null;
    const formula = sheet._formulas.get(r, c);
    if (formula !== undefined && this.formulaText) return formula;
    const v = sheet._computed(r, c);
    if (v === undefined || v === '') return null;
    const ss = sheet._parent;
    return displayValue(v, sheet._formats.get(r, c), ss._timeZone, ss._locale);
  }

  /** Every matching cell, row by row (0-based). */
  private _matches(): [number, number][] {
    const re = this._pattern();
    const { row, col, numRows, numCols } = this.area();
    const out: [number, number][] = [];
    for (let r = row; r < row + numRows; r++) {
      for (let c = col; c < col + numCols; c++) {
        const text = this._content(r, c);
        if (text === null) continue;
        if (re.test(this.noDiacritics ? stripDiacritics(text) : text)) out.push([r, c]);
      }
    }
    return out;
  }
}

instrument(TextFinder, 'TextFinder');
