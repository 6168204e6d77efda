/**
 * The pure verbs of issue #11 over the shape fixtures: reading each fixture with decideDateOrder,
 * fillDownDates, isTotalRow, personKey and findDuplicates gives exactly the counts, duplicate
 * rows, invalid rows and daily totals worked out by hand in test/fixtures/shapes/README.md.
 * This is also the reference for wiring them into the cleaner (test/acceptance/shapes.test.ts
 * checks the wired add-on end to end).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Cell, Grid, isBlank } from '../../../src/core/cells';
import { columnOf, detectMapping } from '../../../src/core/mapping';
import { decideDateOrder, parseDate } from '../../../src/core/dates';
import { isoOfDay } from '../../../src/core/zone';
import { fillDownDates, isTotalRow } from '../../../src/core/logshape/filldown';
import { findDuplicates, personColumns, personKey } from '../../../src/core/logshape/duplicates';
import { words } from '../../../src/core/text';
import * as XLSX from 'xlsx';
import { loadInput } from '../../../tools/runner/io';
import { intlZoneClock } from '../../../tools/emulator/dates';

const DIR = path.join(__dirname, '../../fixtures/shapes');

interface Expected {
  input: string;
  headerRow: number;
  rowsIn: number;
  valid: number;
  duplicate: number;
  invalid: number;
  duplicateOf: Record<string, number>;
  invalidRows: number[];
  dateOrder: { order: string; reason: string } | null;
  daily: Record<string, number>;
}

/** RFC 4180 fields with the separator Excel used (';' when the header has more of them than ','). */
function splitCsv(text: string): string[][] {
  const body = text.replace(/^\ufeff/, '');
  const first = body.slice(0, body.search(/\r?\n/));
  const sep = (first.match(/;/g) ?? []).length > (first.match(/,/g) ?? []).length ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Merged ranges of the first sheet, as sheet rows/columns (0-based, end exclusive). */
type Merge = { r0: number; r1: number; c0: number; c1: number };

function gridOf(file: string): { grid: Grid; name: string; merges: Merge[] } {
  if (file.endsWith('.csv')) return { grid: splitCsv(fs.readFileSync(file, 'utf8')), name: path.basename(file, '.csv'), merges: [] };
  const { emu, ss } = loadInput(file);
  emu.beginExecution('editor');
  const sheet = ss.getSheets()[0];
  const grid = sheet.getDataRange().getValues() as Grid;
  emu.endExecution();
  // The emulator keeps no merges (Sheets gives them with Range.getMergedRanges()); read them from the file.
  const ws = XLSX.read(fs.readFileSync(file)).Sheets[sheet.getName()];
  const merges = (ws['!merges'] ?? []).map((m) => ({ r0: m.s.r, r1: m.e.r + 1, c0: m.s.c, c1: m.e.c + 1 }));
  return { grid, name: sheet.getName(), merges };
}

/** Reads a fixture the way issue #11 says, with the pure verbs only. */
function readShape(file: string, useMerges = true) {
  const { grid, name, merges } = gridOf(file);
  const mapping = detectMapping(grid, name);
  if (!mapping) throw new Error('no header');
  const header = grid[mapping.headerRow].map((h) => String(h));
  const dateCol = columnOf(mapping, 'date');
  const who = personColumns(header, mapping.roles);
  const serviceCol = columnOf(mapping, 'service');
  const topicCol = columnOf(mapping, 'topic');
  const rows = grid.slice(mapping.headerRow + 1);
  const dateTexts = rows.map((r) => r[dateCol]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  const decision = dateTexts.length ? decideDateOrder(dateTexts, { header: header[dateCol], locale: 'id' }) : null;
  const clock = intlZoneClock('Asia/Jakarta');
  const order = decision?.order === 'MDY' ? 'mdy' : 'dmy';
  const parsed = rows.map((r) => parseDate(r[dateCol], clock, order));
  const blankRow = rows.map((r) => r.slice(0, mapping.width).every((v) => isBlank(v)));
  const total = rows.map((r) => isTotalRow(r.slice(0, mapping.width)));
  const fill = fillDownDates({
    days: parsed.map((p) => (p ? p.day : null)),
    dateBlank: rows.map((r) => isBlank(r[dateCol])),
    hasContent: rows.map((r) => r.slice(0, mapping.width).some((v: Cell, c) => c !== dateCol && !isBlank(v))),
    isTotal: total,
    merges: useMerges
      ? merges.filter((m) => m.r0 > mapping.headerRow && m.c0 <= dateCol && dateCol < m.c1).map((m) => ({ start: m.r0 - mapping.headerRow - 1, end: m.r1 - mapping.headerRow - 1 }))
      : [],
  });
  const day = rows.map((_, i) => (total[i] ? null : parsed[i]?.day ?? fill.fills[i]?.day ?? null));
  const dup = findDuplicates({
    day,
    person: rows.map((r) => personKey(who.kpj >= 0 ? r[who.kpj] : '', who.name >= 0 ? r[who.name] : '', who.nik >= 0 ? r[who.nik] : '')),
    service: rows.map((r) => words(String(r[serviceCol] ?? '')).join(' ')),
    topic: rows.map((r) => String(r[topicCol] ?? '')),
    seconds: parsed.map((p) => (p ? p.seconds : null)),
  });
  const sheetRow = (i: number) => mapping.headerRow + 2 + i;
  const out = { headerRow: mapping.headerRow + 1, rowsIn: 0, valid: 0, duplicate: 0, invalid: 0, duplicateOf: {} as Record<string, number>, invalidRows: [] as number[], daily: {} as Record<string, number> };
  rows.forEach((_, i) => {
    if (blankRow[i]) return;
    out.rowsIn++;
    if (day[i] === null) {
      out.invalid++;
      out.invalidRows.push(sheetRow(i));
    } else if (dup[i] >= 0) {
      out.duplicate++;
      out.duplicateOf[String(sheetRow(i))] = sheetRow(dup[i]);
    } else {
      out.valid++;
      const iso = isoOfDay(day[i] as number);
      out.daily[iso] = (out.daily[iso] ?? 0) + 1;
    }
  });
  return { out, decision, fill };
}

const FIXTURES = fs.readdirSync(DIR).filter((f) => f.endsWith('.expected.json'));

test('there is a fixture of every shape', () => {
  expect(FIXTURES.sort()).toEqual(['branch-log-merged.expected.json', 'excel-export-semicolon.expected.json', 'google-forms-export.expected.json', 'month-first-days-le-12.expected.json']);
});

describe.each(FIXTURES)('%s: the pure verbs give the hand-checked figures', (name) => {
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8')) as Expected;
  const { out, decision } = readShape(path.join(DIR, expected.input));

  test('rows in, valid, duplicate and invalid', () => {
    expect({ rowsIn: out.rowsIn, valid: out.valid, duplicate: out.duplicate, invalid: out.invalid }).toEqual({ rowsIn: expected.rowsIn, valid: expected.valid, duplicate: expected.duplicate, invalid: expected.invalid });
    expect(out.valid + out.duplicate + out.invalid).toBe(out.rowsIn);
  });
  test('which rows are duplicates of which, and which are invalid', () => {
    expect(out.headerRow).toBe(expected.headerRow);
    expect(out.duplicateOf).toEqual(expected.duplicateOf);
    expect(out.invalidRows).toEqual(expected.invalidRows);
  });
  test('daily totals', () => {
    expect(out.daily).toEqual(expected.daily);
  });
  test('date order and its reason', () => {
    expect(decision ? { order: decision.order, reason: decision.reason } : null).toEqual(expected.dateOrder);
  });
});

describe('the branch log: merged date cells and blank runs agree', () => {
  const file = path.join(DIR, 'branch-log-merged.xlsx');
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, 'branch-log-merged.expected.json'), 'utf8')) as Expected;
  const withMerges = readShape(file, true);
  const withoutMerges = readShape(file, false);

  test('with the merges known, the 35 rows under them are filled as merged', () => {
    const reasons = withMerges.fill.fills.filter((f) => f !== null).map((f) => f!.reason);
    expect(reasons).toHaveLength(35);
    expect(new Set(reasons)).toEqual(new Set(['merged']));
  });

  test('without them (a CSV export, the emulator), the log shows the pattern and the same rows take the same days', () => {
    expect(withoutMerges.fill.pattern).toBe('pattern');
    expect(withoutMerges.fill.fills.map((f) => f && f.day)).toEqual(withMerges.fill.fills.map((f) => f && f.day));
    expect(withoutMerges.out.daily).toEqual(expected.daily);
  });
});
