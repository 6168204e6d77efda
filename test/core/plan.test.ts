/**
 * core/plan.ts: the decisions the adapter used to make — whether a log can be cleaned, the
 * mapping to save, the pending run, the cell budget, masalah_data rows, the sidebar's mapping view.
 */
import { intlZoneClock } from '../../tools/emulator';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { savedMappingOf, detectMapping } from '../../src/core/mapping';
import type { Cell, Grid } from '../../src/core/cells';
import fc from 'fast-check';
import { type ColumnChange, changeFormat } from '../../src/core/clean';
import { FORMAT_OF_TYPE } from '../../src/core/contract';
import {
  LogSnapshot,
  PlanContext,
  blocksOf,
  cellGrowth,
  cellsOf,
  checkMappingInput,
  infoWithRun,
  confirmMapping,
  FORMAT_READ_GAP,
  FORMAT_NOT_READ,
  UNFORMATTED,
  formatReadsOf,
  formatSensitive,
  formattedColumns,
  patchFormatReads,
  patchFormatsToWrite,
  kamusOfRows,
  kamusRows,
  mappingToSave,
  mappingViewOf,
  mergedRowsOf,
  pendingFor,
  pendingWithout,
  pendingWriting,
  planLog,
  problemRows,
  runVerdict,
  sameKamus,
  sheetRecordsOf,
  widthOf,
} from '../../src/core/plan';

const clock = intlZoneClock('Asia/Jakarta');
const HEADER = ['Tanggal', 'Nama Peserta', 'Layanan', 'Kanal', 'Usia', 'Topik'];
const ROWS: Grid = [
  HEADER,
  ['01/05/2023', 'Budi Santoso', 'informasi ', 'Kantor Cabang', 34, 'saldo jht'],
  ['', 'Sari Dewi', 'Informasi', 'JMO', 'dua puluh', 'Saldo JHT'],
  ['02/05/2023', 'Andi', 'Pengaduan', 'JMO', 51, 'Lupa password'],
];

function snapshot(grid: Grid, over: Partial<LogSnapshot> = {}): LogSnapshot {
  return { sheetId: 7, sheetName: 'Kunjungan', ownTab: false, grid, formulas: new Set(), merges: [], ...over };
}

function context(over: Partial<PlanContext> = {}): PlanContext {
  return { lang: 'id', settings: { ...DEFAULT_SETTINGS }, clock, locale: 'id_ID', kamus: [], saved: undefined, ...over };
}

describe('planLog', () => {
  test('refuses what is not a cleanable log, each with its one-line code', () => {
    expect(planLog(snapshot(ROWS, { ownTab: true }), context())).toEqual({ ok: false, refusal: { code: 'NOT_A_LOG', params: { sheet: 'Kunjungan' } } });
    expect(planLog(snapshot([]), context())).toMatchObject({ ok: false, refusal: { code: 'NOTHING_TO_CLEAN' } });
    expect(planLog(snapshot([HEADER]), context())).toMatchObject({ ok: false, refusal: { code: 'NOTHING_TO_CLEAN' } });
    expect(planLog(snapshot([['Nama', 'Catatan'], ['Budi', 'x']]), context())).toMatchObject({ ok: false, refusal: { code: 'NO_DATE_COLUMN' } });
  });

  test('a confirmed column gone is MAPPING_CHANGED, naming it', () => {
    const saved = savedMappingOf(detectMapping(ROWS, 'Kunjungan')!, ROWS);
    const without = ROWS.map((r) => r.filter((_, c) => c !== 2));
    const out = planLog(snapshot(without), context({ saved }));
    expect(out).toMatchObject({ ok: false, refusal: { code: 'MAPPING_CHANGED' } });
    if (!out.ok) expect(out.refusal.params).toMatchObject({ columns: expect.stringContaining('layanan') });
  });

  test('plans the clean: patches, derived block, kamus change, the mapping to confirm', () => {
    const out = planLog(snapshot(ROWS), context());
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const { log } = out;
    expect(log.plan.rowsRead).toBe(3);
    expect(log.neededColumns).toBe(HEADER.length + 6);
    expect(log.patches.length).toBeGreaterThan(0);
    // Every patch writes inside the grid it was planned from (or the derived block right of it).
    for (const p of log.patches) expect(p.row + p.values.length).toBeLessThanOrEqual(ROWS.length);
    expect(log.kamusChanged).toBe(true);
    expect(log.mappingToSave?.headers).toEqual(HEADER.map((h) => h.toLowerCase()));
    // Planned again with its own kamus and mapping: nothing new to save.
    const again = planLog(snapshot(ROWS), context({ kamus: log.plan.kamus, saved: log.mappingToSave! }));
    expect(again.ok && again.log.kamusChanged).toBe(false);
    expect(again.ok && again.log.mappingToSave).toBeNull();
  });

  test('a formula cell is never written, a merged date range fills the rows below it', () => {
    const width = HEADER.length;
    const formulas = new Set([1 * width + 2]); // row 1, Layanan: 'informasi ' would be tidied
    const plain = planLog(snapshot(ROWS), context());
    const guarded = planLog(snapshot(ROWS, { formulas }), context());
    const cellsAt = (o: typeof plain, r: number, c: number): number =>
      o.ok ? o.log.patches.filter((p) => p.row <= r && r < p.row + p.values.length && p.col <= c && c < p.col + (p.values[0]?.length ?? 0)).length : -1;
    expect(cellsAt(plain, 1, 2)).toBe(1);
    expect(cellsAt(guarded, 1, 2)).toBe(0);
    const merged = planLog(snapshot(ROWS, { merges: [{ row: 1, col: 0, rows: 2, cols: 1 }] }), context());
    expect(merged.ok && merged.log.plan.datesFilled).toBe(1);
  });
});

test('mergedRowsOf: only ranges over the column, as [start, end) rows', () => {
  const merges = [
    { row: 1, col: 0, rows: 3, cols: 1 },
    { row: 5, col: 1, rows: 2, cols: 2 },
  ];
  expect(mergedRowsOf(merges, 0)).toEqual([{ start: 1, end: 4 }]);
  expect(mergedRowsOf(merges, 2)).toEqual([{ start: 5, end: 7 }]);
  expect(mergedRowsOf(merges, 3)).toEqual([]);
  expect(mergedRowsOf(merges, -1)).toEqual([]);
});

test('mappingToSave: moved columns win; a first clean or a v1 mapping saves; a current one is kept', () => {
  const mapping = detectMapping(ROWS, 'Kunjungan')!;
  const current = savedMappingOf(mapping, ROWS);
  const moved = { ...current, headerRow: 0 };
  expect(mappingToSave(current, moved, mapping, ROWS)).toBe(moved);
  expect(mappingToSave(undefined, null, mapping, ROWS)).toEqual(current);
  expect(mappingToSave({ roles: current.roles, constants: current.constants }, null, mapping, ROWS)?.headers).toEqual(current.headers);
  expect(mappingToSave(current, null, mapping, ROWS)).toBeNull();
});

test('kamus rows round-trip and compare', () => {
  const entries = [{ kolom: 'layanan', asli: 'informasi ', baku: 'Informasi' }];
  expect(kamusOfRows([['kolom', 'asli', 'baku'], ...kamusRows(entries)])).toEqual(entries);
  expect(sameKamus(entries, [{ ...entries[0] }])).toBe(true);
  expect(sameKamus(entries, [{ ...entries[0], baku: 'INFORMASI' }])).toBe(false);
  expect(sameKamus(entries, [])).toBe(false);
});

test('problemRows and sheetRecordsOf carry each log under its own sheet name', () => {
  const out = planLog(snapshot(ROWS), context());
  if (!out.ok) throw new Error('not planned');
  const logs = [{ sheetName: 'Kunjungan', plan: out.log.plan }];
  const rows = problemRows(logs);
  expect(rows.length).toBe(out.log.plan.problems.length);
  for (const r of rows) expect(r[0]).toBe('Kunjungan');
  expect(sheetRecordsOf(logs)[0]).toMatchObject({ sheetName: 'Kunjungan', rowsRead: 3, counts: out.log.plan.counts });
});

test('cellGrowth: widening, the undo entry and new tabs', () => {
  expect(cellGrowth({ maxRows: 1000, maxColumns: 26 }, 12, 500, 0)).toBe(500);
  expect(cellGrowth({ maxRows: 1000, maxColumns: 6 }, 12, 0, 0)).toBe(6000);
  expect(cellGrowth({ maxRows: 1000, maxColumns: 26 }, 12, 0, 2)).toBe(52000);
});

test('pending run: started, the active sheet added once, written first, done', () => {
  const p = pendingFor(null, 'nightly', [1, 2], 't0');
  expect(p).toEqual({ kind: 'nightly', sheetIds: [1, 2], backupId: '', startedAt: 't0' });
  expect(pendingFor(p, 'clean', [2, 3], 't1')).toEqual({ kind: 'nightly', sheetIds: [1, 2, 3], backupId: '', startedAt: 't0' });
  expect(pendingWriting(p, 2, 'b1', 't1')).toEqual({ kind: 'nightly', sheetIds: [2, 1], backupId: 'b1', startedAt: 't0' });
  expect(pendingWriting(null, 5, 'b2', 't2')).toEqual({ kind: 'clean', sheetIds: [5], backupId: 'b2', startedAt: 't2' });
  expect(pendingWithout(p, 1)).toEqual({ ...p, sheetIds: [2] });
  expect(pendingWithout(pendingWithout(p, 1), 2)).toBeNull();
  expect(pendingWithout(null, 1)).toBeNull();
});

test('runVerdict: a blocked sheet keeps the old summaries and names itself first', () => {
  expect(runVerdict([], [])).toEqual({ summarise: true, ok: true, note: '' });
  expect(runVerdict([], ['B: kosong'])).toEqual({ summarise: true, ok: true, note: 'B: kosong' });
  expect(runVerdict(['A: kolom berubah'], ['B: kosong'])).toEqual({ summarise: false, ok: false, note: 'A: kolom berubah; B: kosong' });
});

describe('the mapping in the sidebar', () => {
  const facts = { sheetId: 7, sheetName: 'Kunjungan', lastRow: ROWS.length, saved: undefined, registered: false };

  test('mappingViewOf: roles, masked personal samples, no blockers on a log', () => {
    const view = mappingViewOf(ROWS, facts, clock, 'id');
    expect(view.blockers).toEqual([]);
    expect(view.dataRows).toBe(3);
    const name = view.columns[1];
    expect(name.role).toBe('personal');
    for (const s of name.samples) expect(s).not.toMatch(/Budi|Sari|Santoso/);
    expect(view.columns[2].samples).toEqual(['informasi ', 'Informasi', 'Pengaduan']); // as typed
  });

  test('mappingViewOf: a sheet without a date column says so', () => {
    const view = mappingViewOf([['Nama', 'Catatan'], ['Budi', 'x']], { ...facts, lastRow: 2 }, clock, 'en');
    expect(view.blockers).toHaveLength(1);
    expect(view.columns.map((c) => c.role)).toEqual(['ignore', 'ignore']);
  });

  test('confirmMapping: the user\'s roles on today\'s header; a role past the last column is refused', () => {
    const ok = confirmMapping(ROWS, 'Kunjungan', undefined, { '5': 'ignore' }, { service: '', channel: '' });
    expect(ok.ok && ok.mapping.roles['5']).toBe('ignore');
    expect(ok.ok && ok.mapping.headers).toHaveLength(HEADER.length);
    expect(confirmMapping(ROWS, 'Kunjungan', undefined, { '6': 'topic' }, { service: '', channel: '' })).toEqual({ ok: false, code: 'BAD_INPUT' });
    expect(confirmMapping([], 'Kunjungan', undefined, {}, { service: '', channel: '' })).toEqual({ ok: false, code: 'NOTHING_TO_CLEAN' });
  });
});

test('blocksOf: consecutive patches of one group stay together, in order; cellsOf and widthOf', () => {
  const p = (group: number, rows: number, cols: number) => ({ group, values: Array.from({ length: rows }, () => new Array(cols).fill('x')) });
  const patches = [p(0, 2, 3), p(0, 2, 1), p(1, 5, 2), p(2, 1, 1), p(2, 1, 4)];
  expect(blocksOf(patches)).toEqual([[patches[0], patches[1]], [patches[2]], [patches[3], patches[4]]]);
  expect(blocksOf([])).toEqual([]);
  expect(patches.map(cellsOf)).toEqual([6, 2, 10, 1, 4]);
  expect(widthOf({ values: [] })).toBe(0);
});

test('infoWithRun: only the run_terakhir_* rows change, every other row as it was', () => {
  const rows = [
    ['versi', '1.0'],
    ['run_terakhir_status', 'BERHASIL'],
    ['run_terakhir_galat', ''],
    ['constructor', 'tetap'],
  ];
  const record = { kind: 'nightly' as const, start: 's', end: 'e', ok: false, rowsProcessed: 12, error: 'Kolom berubah', continued: false };
  const out = infoWithRun(rows, record);
  expect(out[0]).toEqual(['versi', '1.0']);
  expect(out[1]?.[1]).not.toBe('BERHASIL');
  expect(out[2]).toEqual(['run_terakhir_galat', 'Kolom berubah']);
  expect(out[3]).toEqual(['constructor', 'tetap']);
});

test('checkMappingInput: roles by column index from the known list, short trimmed constants', () => {
  expect(checkMappingInput({ roles: { '2': 'service' }, constants: { service: ' Informasi ', channel: '' } })).toEqual({ ok: true, roles: { '2': 'service' }, constants: { service: 'Informasi', channel: '' } });
  expect(checkMappingInput({ roles: { a: 'service' } })).toEqual({ ok: false, detail: 'roles' });
  expect(checkMappingInput({ roles: { '1': 'boss' } })).toEqual({ ok: false, detail: 'roles' });
  expect(checkMappingInput({ roles: 'service' })).toEqual({ ok: false, detail: 'roles' });
  expect(checkMappingInput({ roles: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [String(i), 'ignore'])) })).toEqual({ ok: false, detail: 'roles' });
  expect(checkMappingInput({ roles: {}, constants: { service: 'x'.repeat(201), channel: '' } })).toEqual({ ok: false, detail: 'constants' });
  expect(checkMappingInput(null)).toEqual({ ok: true, roles: {}, constants: { service: '', channel: '' } });
});

describe('formatReadsOf: where a patch\'s formats are read before it is written', () => {
  // A patch over columns 2..6 of a sheet read 5 columns wide: 2..4 are staff columns, 5..6 the new derived block.
  const values = [
    [new Date(2023, 4, 1), 'Informasi', 'Kantor Cabang', '35-42', 'OK'],
    [new Date(2023, 4, 2), 'Pengaduan', 'JMO', '28-34', 'OK'],
    [new Date(2023, 4, 3), 'Klaim JHT 2', 'JMO', '>42', 'OK'],
    ['??', 'Informasi', 'JMO', '', 'PERLU_CEK'],
    [new Date(2023, 4, 5), 'Layanan 99', 'Kantor Cabang', '20-27', 'OK'],
  ];
  const patch = { col: 2, values };

  test('a date column over every row; a text column only over the rows of text a plain-text cell would keep otherwise', () => {
    expect(formatReadsOf(patch, (c) => c === 2, 5)).toEqual([
      { row: 0, rows: 5, col: 2, cols: 1 },
      { row: 2, rows: 3, col: 3, cols: 1 },
    ]);
  });

  test('a column without such text is not read, nor the add-on\'s new block beyond the sheet as read', () => {
    expect(formatReadsOf(patch, () => false, 5)).toEqual([{ row: 2, rows: 3, col: 3, cols: 1 }]);
    // Read as staff columns (a later run, the block inside the sheet): its text columns are read too.
    expect(formatReadsOf(patch, () => false, 7)).toEqual([
      { row: 2, rows: 3, col: 3, cols: 1 },
      { row: 0, rows: 5, col: 5, cols: 1 },
    ]);
    expect(formatReadsOf({ col: 0, values: [['Informasi', 'JMO']] }, () => false, 2)).toEqual([]);
  });

  test('a column\'s read is cut where its strings lie further apart than a call costs', () => {
    const rows = Array.from({ length: 2 * FORMAT_READ_GAP + 10 }, (): Cell[] => ['Informasi']);
    rows[3] = ['Loket 1'];
    rows[5] = ['Loket 2'];
    rows[5 + FORMAT_READ_GAP] = ['Loket 3'];
    rows[6 + 2 * FORMAT_READ_GAP] = ['Loket 4'];
    expect(formatReadsOf({ col: 0, values: rows }, () => false, 1)).toEqual([
      { row: 3, rows: FORMAT_READ_GAP + 3, col: 0, cols: 1 },
      { row: 6 + 2 * FORMAT_READ_GAP, rows: 1, col: 0, cols: 1 },
    ]);
  });

  test('adjacent columns read over the same rows share one read', () => {
    expect(formatReadsOf(patch, (c) => c === 2 || c === 3, 5)).toEqual([{ row: 0, rows: 5, col: 2, cols: 2 }]);
  });

  test('every format-sensitive cell of the staff columns lies inside a read', () => {
    const reads = formatReadsOf(patch, (c) => c === 2, 5);
    values.forEach((row, i) =>
      row.forEach((v, k) => {
        const c = patch.col + k;
        if (c >= 5 || !formatSensitive(v)) return;
        expect(reads.some((r) => c >= r.col && c < r.col + r.cols && i >= r.row && i < r.row + r.rows)).toBe(true);
      }),
    );
    expect(formatSensitive('Layanan 99')).toBe(true);
    expect(formatSensitive('Informasi')).toBe(false);
  });
});

describe('the formats a patch is written with', () => {
  // Columns 2..6 of a sheet read 5 columns wide: 2..4 staff columns (2 the visit date), 5..6 the new derived block.
  const values = [
    [new Date(2023, 4, 1), 'Informasi', 'Kantor Cabang', '35-42', 'OK'],
    [new Date(2023, 4, 2), 'Pengaduan', 'JMO', '28-34', 'OK'],
    ['??', 'Klaim JHT 2', 'JMO', '', 'TIDAK_VALID'],
    [new Date(2023, 4, 4), 'Informasi', 'JMO', '>42', 'OK'],
  ];
  const patch = { row: 10, col: 2, values, originals: values.map((r) => r.map(() => '')) };
  // The date column's changes: rows 10, 12 (no format) and 13 of the sheet, and rows outside the patch.
  const dates: ColumnChange = { col: 2, rows: [3, 10, 12, 13, 40], values: ['', '', '', '', ''], formats: ['x', 'dd/MM/yyyy', '', 'yyyy-MM-dd', 'x'] };
  const topics: ColumnChange = { col: 3, rows: [10, 11], values: ['a', 'b'], formats: null };

  test('reads: the staff columns start unread, the new block unformatted; the date column is read over every row', () => {
    const { reads, current } = patchFormatReads(patch, formattedColumns([dates, topics]), 5);
    expect(current).toEqual(values.map(() => [FORMAT_NOT_READ, FORMAT_NOT_READ, FORMAT_NOT_READ, UNFORMATTED, UNFORMATTED]));
    expect(reads).toEqual(formatReadsOf(patch, (c) => c === 2, 5));
    expect(reads[0]).toEqual({ row: 0, rows: 4, col: 2, cols: 1 });
  });

  test('a date written takes its own format, a cell without one keeps what it has, the new block\'s format-sensitive column takes the block\'s', () => {
    const current = values.map(() => ['M/d/yyyy', 'General', FORMAT_NOT_READ, UNFORMATTED, UNFORMATTED]);
    const formats = patchFormatsToWrite([dates, topics], patch, current, 5, 5);
    expect(formatSensitive('35-42')).toBe(true);
    expect(formatSensitive('OK')).toBe(false);
    expect(formats).toEqual([
      ['dd/MM/yyyy', 'General', FORMAT_NOT_READ, FORMAT_OF_TYPE.text, UNFORMATTED],
      ['M/d/yyyy', 'General', FORMAT_NOT_READ, FORMAT_OF_TYPE.text, UNFORMATTED],
      ['M/d/yyyy', 'General', FORMAT_NOT_READ, FORMAT_OF_TYPE.text, UNFORMATTED],
      ['yyyy-MM-dd', 'General', FORMAT_NOT_READ, FORMAT_OF_TYPE.text, UNFORMATTED],
    ]);
    // The current formats are left as read (they go to the undo backup).
    expect(current[0]?.[0]).toBe('M/d/yyyy');
  });

  test('none when no date is written and the new block holds no text a format would change', () => {
    const plain = { ...patch, values: values.map((r) => [r[1], r[2], r[4]]), col: 3 };
    expect(patchFormatsToWrite([topics], plain, plain.values.map(() => ['', '', '']), 5, 5)).toBeNull();
  });

  test('the same formats as a lookup of every changed row (random changes, rows and block)', () => {
    const cellArb = fc.constantFrom<Cell>('Informasi', '35-42', '0812', 'OK', '', 7);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 8 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.subarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), fc.constantFrom('', 'd/M/yyyy', 'yyyy')), { maxLength: 3 }),
        fc.array(cellArb, { minLength: 36, maxLength: 36 }),
        (col, width, rows, readWidth, specs, cells) => {
          const p = { row: 3, col, values: Array.from({ length: rows }, (_, i) => Array.from({ length: width }, (_, k) => cells[i * 6 + k] as Cell)), originals: [] as Cell[][] };
          const changes: ColumnChange[] = specs.map(([c, rs, f]) => ({ col: c, rows: rs, values: rs.map(() => ''), formats: rs.map((_, j) => (j % 2 ? f : 'h:mm')) }));
          const formatted = formattedColumns(changes);
          const { current } = patchFormatReads(p, formatted, readWidth);
          const got = patchFormatsToWrite(changes, p, current, readWidth, 5);
          // The reference: a map of every changed row's format, as the adapter once built it.
          const formatAt = new Map<number, Map<number, string>>();
          for (const ch of changes) {
            const m = new Map<number, string>();
            ch.rows.forEach((r, i) => {
              const f = changeFormat(ch, i);
              if (f) m.set(r, f);
            });
            formatAt.set(ch.col, m);
          }
          const staffEnd = Math.max(col, Math.min(col + width, readWidth));
          const blockFormat = (c: number): string | undefined => (c >= readWidth && p.values.some((r) => formatSensitive(r[c - col])) ? [FORMAT_OF_TYPE.text, FORMAT_OF_TYPE.text, FORMAT_OF_TYPE.integer, FORMAT_OF_TYPE.text, FORMAT_OF_TYPE.text, FORMAT_OF_TYPE.text][c - 5] : undefined);
          let touches = false;
          for (let c = staffEnd; c < col + width; c++) if (blockFormat(c) !== undefined) touches = true;
          for (let c = col; c < staffEnd; c++) if (formatAt.has(c)) touches = true;
          const want = touches ? current.map((row, i) => row.map((f, k) => formatAt.get(col + k)?.get(p.row + i) ?? blockFormat(col + k) ?? f)) : null;
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
