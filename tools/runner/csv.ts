/**
 * A CSV reader (RFC 4180: quoted fields, doubled quotes, newlines inside quotes, CRLF) built for
 * large logs. Repeated values of a column are interned, so a million rows of the same dates,
 * services and channels share a few thousand strings instead of holding millions of copies; a
 * column that turns out to be unique (names, numbers) stops being interned. papaparse, used
 * before, cannot intern while it parses, and its copies dominated memory at a million rows.
 */

/** A column stops being interned once it has this many distinct values. */
const INTERN_LIMIT = 50000;

export interface CsvOptions {
  /** Turn plain decimal numbers into numbers, as Sheets does when it imports a CSV. */
  numbers?: boolean;
}

const NUMBER = /^\s*-?\d+(\.\d+)?\s*$/;

export function readCsv(text: string, opts: CsvOptions = {}): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const interns: (Map<string, string> | null)[] = [];
  const numberCache = new Map<string, number>();
  let row: (string | number)[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;

  const push = (raw: string): void => {
    const col = row.length;
    let value: string | number = raw;
    if (opts.numbers && raw !== '' && NUMBER.test(raw)) {
      let num = numberCache.get(raw);
      if (num === undefined) {
        num = Number(raw);
        if (numberCache.size < INTERN_LIMIT) numberCache.set(raw, num);
      }
      value = num;
    } else {
      let map = interns[col];
      if (map === undefined) map = interns[col] = new Map();
      if (map !== null) {
        const hit = map.get(raw);
        if (hit !== undefined) value = hit;
        else if (map.size >= INTERN_LIMIT) interns[col] = null;
        else map.set(raw, raw);
      }
    }
    row.push(value);
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
          const comma = text.indexOf(',', start);
          if (comma < 0 || comma >= end) {
            push(text.slice(start, end));
            break;
          }
          push(text.slice(start, comma));
          start = comma + 1;
        }
        rows.push(row);
        row = [];
        i = lineEnd + 1;
        continue;
      }
    }
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
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
      push(value);
    } else {
      // Plain field: up to the next comma or line end.
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 44 || d === 10 || d === 13) break;
        j++;
      }
      push(text.slice(i, j));
      i = j;
    }
    const d = i < n ? text.charCodeAt(i) : 10;
    if (d === 44) {
      i++;
      if (i === n) push('');
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
