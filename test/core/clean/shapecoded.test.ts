/**
 * The shape verbs over value codes (what the cleaner calls) give what the row-by-row verbs give,
 * and ask for each value's outcome in the same order (outcomes register note fragments, so the
 * order they are worked out in shows in the plan).
 */
import fc from 'fast-check';
import { DateCodes, blankRows, duplicateVisitsCoded, fillDownCoded, runningNumberColumns } from '../../../src/core/clean/shape';
import { duplicateVisits, fillDown } from '../../helpers/shape-reference';
import { ValueCodes } from '../../../src/core/clean/memo';
import { tableOfGrid } from '../../../src/core/columns';
import type { Cell, Grid } from '../../../src/core/cells';
import type { ParsedDate } from '../../../src/core/dates';
import { NO_DAY, fillDownDates, fillDownDays, isTotalRow, totalCellClass, TOTAL_LABEL, TOTAL_NEUTRAL, TOTAL_OTHER } from '../../../src/core/logshape/filldown';
import { PersonHasher, kpjNumberHash, personKey } from '../../../src/core/logshape/duplicates';
import { words } from '../../../src/core/text';
import type { Role } from '../../../src/shared/api';

/** Date cells: `dN` day N, `tN:S` day N at S seconds, `x` unreadable, blanks. */
const dateCell = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }).map((d) => `d${d}`) },
  { weight: 3, arbitrary: fc.constantFrom<Cell>('', '', ' ') },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom(100, 130, 500, 86390, 5)).map(([d, s]) => `t${d}:${s}`) },
  { weight: 1, arbitrary: fc.constant<Cell>('x') },
);
const kpjCell = fc.constantFrom<Cell>('', '', 12345678901, '012345678901', "'1234-5678-901", 99999, '00099999', 1234, '-', 3577012345678901, '35770123456789012345', '035770123456789012345');
const nameCell = fc.constantFrom<Cell>('', 'Budi', ' budi ', 'BUDI', 'Sari', '-', 'TOTAL', 'Jumlah', 'Ани', 42);
const textCell = fc.constantFrom<Cell>('', 'Informasi', 'informasi ', 'Klaim', 'Saldo JHT', 'saldo jht.', 'Lupa password JMO', 'lupa pasword jmo', 'TOTAL', '📱', 'Ани');
const numberCell = fc.constantFrom<Cell>('', 1, 2, 3, 7, 'x');

const header = ['No', 'Tanggal', 'Nama', 'No KPJ', 'Layanan', 'Topik', 'NIK'];
const roles: Role[] = ['ignore', 'date', 'personal', 'personal', 'service', 'topic', 'personal'];
const row = fc.tuple(numberCell, dateCell, nameCell, kpjCell, textCell, textCell, kpjCell);

function visitOfCell(v: Cell): ParsedDate | null {
  if (typeof v !== 'string') return null;
  const d = /^d(\d+)$/.exec(v);
  if (d) return { day: 1000 + Number(d[1]), seconds: null };
  const t = /^t(\d+):(\d+)$/.exec(v);
  if (t) return { day: 1000 + Number(t[1]), seconds: Number(t[2]) };
  return null;
}
const canonical = (v: Cell): string => (typeof v === 'string' ? v.trim().toLowerCase().replace(/\.$/, '') : String(v));

describe('the coded shape verbs give what the row-by-row verbs give', () => {
  test('fillDownCoded and duplicateVisitsCoded equal fillDown and duplicateVisits, asking outcomes in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        fc.array(fc.tuple(fc.integer({ min: -2, max: 40 }), fc.integer({ min: 1, max: 8 })), { maxLength: 3 }),
        fc.constantFrom('', 'Informasi'),
        fc.boolean(),
        (rows, mergeSpecs, serviceConstant, withService) => {
          const grid: Grid = [header, ...rows.map((r) => [...r] as Cell[])];
          const table = tableOfGrid(grid);
          const width = header.length;
          const rowBlank = blankRows(table, 1, width);
          const running = runningNumberColumns(table, 1, header, roles, width);
          const merges = mergeSpecs.map(([s, len]) => ({ start: 1 + s, end: 1 + s + len }));

          // The row-by-row verbs, through value codes as the cleaner had them, logging each code's first use.
          const oldLog: string[] = [];
          const encode = (c: number) => {
            const codes = new ValueCodes<Cell>();
            return { codes: codes.encodeColumn(table.columns[c], 1, table.rowCount), values: codes.values };
          };
          const dates = encode(1);
          const services = encode(4);
          const topics = encode(5);
          const firstUse = (log: string[], tag: string, code: number): void => {
            if (!log.includes(tag + code)) log.push(tag + code);
          };
          const ownOld = (i: number): ParsedDate | null => {
            const code = dates.codes[i] as number;
            firstUse(oldLog, 'd', code);
            return visitOfCell(dates.values[code] as Cell);
          };
          const textOld = (col: typeof services, tag: string, constant: string) => (i: number): string => {
            const code = col.codes[i] as number;
            firstUse(oldLog, tag, code);
            return canonical(col.values[code] as Cell) || constant;
          };
          const fills = fillDown(table, 1, 1, width, rowBlank, ownOld, merges, running);
          const dupOld = duplicateVisits({
            table,
            from: 1,
            header,
            roles,
            rowBlank,
            visitOf: (i) => {
              const f = fills ? fills[i] ?? null : null;
              return ownOld(i) ?? (f ? { day: f.day, seconds: null } : null);
            },
            serviceOf: withService ? textOld(services, 's', serviceConstant) : () => serviceConstant,
            topicOf: textOld(topics, 't', ''),
          });

          // The coded verbs.
          const newLog: string[] = [];
          const dateCodes = new DateCodes(dates.codes, dates.values.length, (code) => {
            firstUse(newLog, 'd', code);
            return visitOfCell(dates.values[code] as Cell);
          });
          const textNew = (col: typeof services, tag: string, constant: string) => ({
            codes: col.codes,
            count: col.values.length,
            textOf: (code: number) => {
              firstUse(newLog, tag, code);
              return canonical(col.values[code] as Cell) || constant;
            },
          });
          const coded = fillDownCoded(table, 1, 1, width, rowBlank, dateCodes, merges, running);
          const dupNew = duplicateVisitsCoded({
            table,
            from: 1,
            header,
            roles,
            rowBlank,
            dates: dateCodes,
            fills: coded,
            service: withService ? textNew(services, 's', serviceConstant) : serviceConstant,
            topic: textNew(topics, 't', ''),
          });

          expect(coded === null).toBe(fills === null);
          if (fills && coded) {
            fills.forEach((f, i) => {
              expect(coded.from[i]).toBe(f ? f.from : -1);
              if (f) expect(coded.day[i]).toBe(f.day);
            });
          }
          expect(Array.from(dupNew)).toEqual(Array.from(dupOld));
          expect(newLog).toEqual(oldLog);
        },
      ),
      { numRuns: 1500 },
    );
  });

  test('the coded verbs see visits entered twice, filled-down dates and form double presses', () => {
    const grid: Grid = [
      header,
      [1, 'd1', 'Budi', 12345678901, 'Informasi', 'Saldo JHT', ''],
      [2, '', 'Sari', '', 'Klaim', 'Saldo JHT', ''],
      [3, '', 'Budi', '012345678901', 'informasi ', 'Saldo JHT', ''],
      [4, 'd2', 'Eko', '', 'Klaim', 'JMO', ''],
      [5, '', 'Ani', '', 'Klaim', 'JMO', ''],
      [6, 't3:100', '', '', 'Klaim', 'JMO', ''],
      [7, 't3:130', '', '', 'Klaim', 'JMO', ''],
    ];
    const table = tableOfGrid(grid);
    const rowBlank = blankRows(table, 1, header.length);
    const running = runningNumberColumns(table, 1, header, roles, header.length);
    const codes = new ValueCodes<Cell>();
    const dayCodes = codes.encodeColumn(table.columns[1], 1, table.rowCount);
    const dates = new DateCodes(dayCodes, codes.values.length, (code) => visitOfCell(codes.values[code] as Cell));
    const fills = fillDownCoded(table, 1, 1, header.length, rowBlank, dates, [], running);
    expect(fills && Array.from(fills.from)).toEqual([-1, 0, 0, -1, 3, -1, -1]);
    expect(fills && Array.from(fills.day)).toEqual([1001, 1001, 1001, 1002, 1002, 1003, 1003]);
    const text = (c: number) => {
      const t = new ValueCodes<Cell>();
      const cs = t.encodeColumn(table.columns[c], 1, table.rowCount);
      return { codes: cs, count: t.values.length, textOf: (code: number) => canonical(t.values[code] as Cell) };
    };
    const dup = duplicateVisitsCoded({ table, from: 1, header, roles, rowBlank, dates, fills, service: text(4), topic: text(5) });
    expect(Array.from(dup)).toEqual([-1, -1, 0, -1, -1, -1, 5]);
  });
});

describe('the typed fill-down equals fillDownDates', () => {
  test('on random date columns and merges', () => {
    const cell = fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constantFrom<number | '.' | '?' | '_' | 'T'>('.', '.', '?', '_', 'T'));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), fc.array(fc.tuple(fc.integer({ min: -3, max: 32 }), fc.integer({ min: 0, max: 9 })), { maxLength: 3 }), (cells, ms) => {
        const merges = ms.map(([s, len]) => ({ start: s, end: s + len }));
        const days = cells.map((c) => (typeof c === 'number' ? c : null));
        const dateBlank = cells.map((c) => c === '.' || c === '_' || c === 'T');
        const hasContent = cells.map((c) => c !== '_');
        const isTotal = cells.map((c) => c === 'T');
        const old = fillDownDates({ days, dateBlank, hasContent, isTotal, merges });
        const typed = fillDownDays({
          day: Int32Array.from(days.map((d) => (d === null ? NO_DAY : d))),
          dateBlank: Uint8Array.from(dateBlank.map(Number)),
          visitRow: Uint8Array.from(cells.map((_, r) => (hasContent[r] && !isTotal[r] ? 1 : 0))),
          merges,
        });
        expect(typed.pattern).toBe(old.pattern);
        expect(Array.from(typed.from)).toEqual(old.fills.map((f) => (f ? f.from : -1)));
        expect(typed.filled).toBe(old.fills.filter((f) => f !== null).length);
        old.fills.forEach((f) => f && expect(days[f.from]).toBe(f.day));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a TOTAL row, a cell at a time', () => {
  /** isTotalRow's rule as it was, a cell folded into words every time. */
  const classOf = (v: Cell): number => {
    if (v === '' || (typeof v === 'string' && v.trim() === '') || typeof v === 'number') return TOTAL_NEUTRAL;
    if (typeof v !== 'string') return TOTAL_OTHER;
    const w = words(v).join(' ');
    const labels = ['total', 'jumlah', 'grand total', 'sub total', 'subtotal', 'total kunjungan', 'jumlah kunjungan', 'jumlah total', 'total keseluruhan'];
    return labels.includes(w) || /^(sub ?total|grand total|total|jumlah)\b/.test(w) ? TOTAL_LABEL : TOTAL_OTHER;
  };
  test('totalCellClass classes a cell as folding it into words does', () => {
    const piece = fc.constantFrom('total', 'TOTAL', 'Total', 'jumlah', 'JUMLAH', 'sub', 'grand', ' ', '-', ':', '12', 'Budi', 'ＴＯＴＡＬ', 'Tótal', 'tot', 'al', 'jum', 'lah', '\u00ad', 'é', 'kunjungan');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), (parts) => {
        const v = parts.join('');
        expect(totalCellClass(v)).toBe(classOf(v));
      }),
      { numRuns: 3000 },
    );
    for (const v of [true, new Date(0), 5, '', '  '] as Cell[]) expect(totalCellClass(v)).toBe(classOf(v));
    expect(isTotalRow(['', 'TOTAL', 12])).toBe(true);
    expect(isTotalRow(['Budi', 'TOTAL', 12])).toBe(false);
  });
});

describe('PersonHasher', () => {
  test('equal person keys hash alike, and 0 exactly for nobody', () => {
    const id = fc.oneof(
      fc.constantFrom<Cell>('', '-', 0, 1234, 12345, -12345, 12345.6, 1e21, 1e16, NaN, Infinity, true, new Date(0), '3577012345678901', '35770123456789012345', 'a1b2c3d4e5', ' 0 0 12345 '),
      fc.integer({ min: 0, max: 99999999999 }),
      fc.integer({ min: 0, max: 99999999999 }).map((n) => '00' + String(n)),
      fc.integer({ min: 0, max: 99999999999 }).map((n) => `'${String(n).replace(/(\d{4})/, '$1-')}`),
    );
    const name = fc.constantFrom<Cell>('', 'Budi', ' budi ', 'Budi Santoso', 'BUDI  SANTOSO', '-', '?', 42, 'Ани');
    fc.assert(
      fc.property(fc.array(fc.tuple(id, name, id), { minLength: 1, maxLength: 30 }), (rows) => {
        const hasher = new PersonHasher();
        const hashes = rows.map(([k, n, nik]) => hasher.hash(k, n, nik));
        const keys = rows.map(([k, n, nik]) => personKey(k, n, nik));
        for (let i = 0; i < rows.length; i++) {
          expect(hashes[i] === 0).toBe(keys[i] === '');
          for (let j = 0; j < i; j++) if (keys[i] === keys[j]) expect(hashes[i]).toBe(hashes[j]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('kpjNumberHash is PersonHasher.kpj of a number, or 0 where only the general reading tells', () => {
    const hasher = new PersonHasher();
    const number = fc.oneof(fc.integer({ min: -99999999999, max: 99999999999 }), fc.double(), fc.constantFrom(9999, 10000, 99999.5, -12345.4, 1e15 - 1, 1e15, 1e16, 1e21, NaN, Infinity, -Infinity, 0));
    fc.assert(
      fc.property(number, (x) => {
        const fast = kpjNumberHash(x);
        if (fast !== 0) expect(fast).toBe(hasher.kpj(x));
        if (Number.isFinite(x) && Math.abs(Math.round(x)) >= 10000 && Math.abs(Math.round(x)) < 1e15) expect(fast).not.toBe(0);
      }),
      { numRuns: 3000 },
    );
  });
});
