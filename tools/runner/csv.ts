/**
 * A CSV reader (RFC 4180: quoted fields, doubled quotes, newlines inside quotes, CRLF, a UTF-8
 * BOM; `,`, `;` or tab between fields) built for large logs.
 *
 * Repeated values of a column are interned without first allocating them: a field is hashed
 * straight from the characters of the file and compared in place, so a million rows of the same
 * dates, services and channels cost a few thousand strings, not millions of short-lived copies
 * for the garbage collector. A column that turns out to be unique (names) stops being interned.
 * Numbers are read from the characters too. papaparse, used before, could do neither.
 */

/** A column stops being interned once it has this many distinct values. */
const INTERN_LIMIT = 50000;

export type Separator = ',' | ';' | '\t';

export interface CsvOptions {
  /** Turn plain decimal numbers into numbers, as Sheets does when it imports a CSV. */
  numbers?: boolean;
  /** The field separator; 'auto' (the default) looks at the first line (see detectSeparator). */
  separator?: Separator | 'auto';
}

/**
 * The separator of a CSV, from its first line outside quotes: the most frequent of tab, `;` and
 * `,`. Indonesian Excel writes `;` (the comma is its decimal mark); a tie or none means `,`.
 */
export function detectSeparator(text: string): Separator {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Separator = ',';
  for (const sep of ['\t', ';'] as const) if (counts[sep] > counts[best]) best = sep;
  return best;
}

/** Interned values of one column, bucketed by a hash of their characters. */
class InternTable {
  readonly buckets = new Map<number, string[]>();
  size = 0;
}

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Longest digit string a double holds exactly; longer ones (a 16-digit NIK) stay text. */
const MAX_EXACT_DIGITS = 15;

/**
 * The number a field spells (optional spaces, minus, digits, one decimal mark), or undefined.
 * Digit strings with a leading zero (KPJ, NIK, `0812…` phone numbers) are identifiers, not
 * numbers: they stay text, as do digit strings too long for a double.
 */
function numberAt(text: string, start: number, end: number, decimalMark: number): number | undefined {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (start === end) return undefined;
  let i = start;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  if (i === end) return undefined;
  let whole = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    whole = whole * 10 + (c - 48);
    digits++;
  }
  if (digits === 0 || digits > MAX_EXACT_DIGITS) return undefined;
  const firstDigit = negative ? start + 1 : start;
  if (digits > 1 && text.charCodeAt(firstDigit) === 48) return undefined;
  if (i === end) return negative ? -whole : whole;
  if (text.charCodeAt(i) !== decimalMark || i + 1 === end) return undefined;
  for (let j = i + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c < 48 || c > 57) return undefined;
  }
  const fraction = text.slice(i + 1, end);
  return Number((negative ? '-' : '') + whole + '.' + fraction);
}

export function readCsv(text: string, opts: CsvOptions = {}): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const interns: (InternTable | null)[] = [];
  let row: (string | number)[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const sep = !opts.separator || opts.separator === 'auto' ? detectSeparator(text) : opts.separator;
  const sepCode = sep.charCodeAt(0);
  // With `;` between fields the comma is free to be the decimal mark (Indonesian Excel: 12,5).
  const decimalMark = sep === ';' ? 44 : 46;

  /** Adds the field text[start, end) to the row, interned or as a number where it can be. */
  const pushRange = (start: number, end: number): void => {
    if (opts.numbers) {
      const c = text.charCodeAt(start);
      if ((c >= 48 && c <= 57) || c === 45 || c === 32) {
        const num = numberAt(text, start, end, decimalMark);
        if (num !== undefined) {
          row.push(num);
          return;
        }
      }
    }
    row.push(intern(row.length, start, end, null));
  };

  /** The interned string for a range of the text (or for `value`, a field already unquoted). */
  const intern = (col: number, start: number, end: number, value: string | null): string => {
    let table = interns[col];
    if (table === undefined) table = interns[col] = new InternTable();
    if (table === null) return value ?? text.slice(start, end);
    const h = value === null ? hashRange(text, start, end) : hashRange(value, 0, value.length);
    const len = value === null ? end - start : value.length;
    let bucket = table.buckets.get(h);
    if (bucket) {
      for (const s of bucket) if (s.length === len && (value === null ? text.startsWith(s, start) : s === value)) return s;
    }
    const s = value ?? text.slice(start, end);
    if (table.size >= INTERN_LIMIT) {
      interns[col] = null;
      return s;
    }
    if (!bucket) table.buckets.set(h, (bucket = []));
    bucket.push(s);
    table.size++;
    return s;
  };

  // Lines without a quote (almost all of them) are split with native indexOf; the position of
  // the next quote is remembered so that looking for it stays linear over the whole text.
  let nextQuote = text.indexOf('"', i);
  while (i < n) {
    if (row.length === 0) {
      if (nextQuote >= 0 && nextQuote < i) nextQuote = text.indexOf('"', i);
      let lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0) lineEnd = n;
      if (nextQuote < 0 || nextQuote > lineEnd) {
        const end = lineEnd > i && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        let start = i;
        for (;;) {
          const at = text.indexOf(sep, start);
          if (at < 0 || at >= end) {
            pushRange(start, end);
            break;
          }
          pushRange(start, at);
          start = at + 1;
        }
        rows.push(row);
        row = [];
        i = lineEnd + 1;
        continue;
      }
    }
    if (text.charCodeAt(i) === 34 /* " */) {
      // Quoted field: up to the closing quote; "" is a quote.
      let value = '';
      let start = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('CSV: a quoted field is not closed');
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(start, q + 1);
          i = start = q + 2;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
      const num = opts.numbers ? numberAt(value, 0, value.length, decimalMark) : undefined;
      row.push(num ?? intern(row.length, 0, 0, value));
    } else {
      // Plain field: up to the next separator or line end.
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === sepCode || d === 10 || d === 13) break;
        j++;
      }
      pushRange(i, j);
      i = j;
    }
    const d = i < n ? text.charCodeAt(i) : 10;
    if (d === sepCode) {
      i++;
      if (i === n) pushRange(i, i);
    } else {
      if (d === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      rows.push(row);
      row = [];
    }
  }
  if (row.length) rows.push(row);
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === '')) rows.pop();
  return rows;
}
