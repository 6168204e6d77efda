import {
  BACKUP_LAYOUT,
  BackedUpPatch,
  DamagedBackup,
  LINE_CHUNK_CHARS,
  chunkLine,
  UNDO_CELL_BUDGET,
  UNDO_ENTRIES_PER_SHEET,
  UNDO_MAX_ENTRIES,
  UndoEntry,
  backupLines,
  backupRows,
  backupWidth,
  historyView,
  newestFirst,
  nextSeq,
  parseIndex,
  parseLines,
  placeBlock,
  retain,
  restorePlan,
  rowHash,
  sameRunEntries,
  stillAsPlanned,
  undoTarget,
} from '../../src/core/undo';

function entry(seq: number, sheetId: number, over: Partial<UndoEntry> = {}): UndoEntry {
  return { id: `e${seq}`, sheetId, sheetName: `S${sheetId}`, at: new Date(Date.UTC(2024, 0, 1, 0, seq)).toISOString(), kind: 'clean', seq, row: 2, rows: 1, width: 6, sheetRows: 1, ...over };
}

const ids = (entries: readonly UndoEntry[]): string[] => entries.map((e) => e.id);

describe('rowHash', () => {
  test('the same cells give the same hash; any change of value, type or order gives another', () => {
    const row = ['Klaim', 3, true, new Date(Date.UTC(2024, 0, 2))];
    expect(rowHash(row)).toBe(rowHash(['Klaim', 3, true, new Date(Date.UTC(2024, 0, 2))]));
    const variants = [
      ['Klaim', 4, true, new Date(Date.UTC(2024, 0, 2))],
      ['Klaim', '3', true, new Date(Date.UTC(2024, 0, 2))],
      ['Klaim', 3, true, new Date(Date.UTC(2024, 0, 3))],
      [3, 'Klaim', true, new Date(Date.UTC(2024, 0, 2))],
    ];
    const hashes = new Set([row, ...variants].map(rowHash));
    expect(hashes.size).toBe(5);
  });
});

describe('parseIndex', () => {
  test('reads a version-3 index', () => {
    const index = { v: 3, entries: [entry(1, 10, { layout: BACKUP_LAYOUT })] };
    expect(parseIndex(JSON.stringify(index))).toEqual(index);
  });

  test('a version-2 index is still read: its entries are layout 2, whatever they claim', () => {
    const raw = JSON.stringify({ v: 2, entries: [entry(1, 10), entry(2, 10, { layout: BACKUP_LAYOUT })] });
    const parsed = parseIndex(raw);
    expect(parsed.v).toBe(3);
    expect(parsed.entries.map((e) => [e.id, e.layout])).toEqual([
      ['e1', undefined],
      ['e2', undefined],
    ]);
  });

  test.each([
    ['empty', ''],
    ['a number', 5],
    ['a v1 backup', JSON.stringify({ v: 1, sheetId: 3 })],
    ['a newer index', JSON.stringify({ v: 4, entries: [entry(1, 10)] })],
    ['damaged JSON', '{"v":3,"entries":['],
    ['entries not a list', '{"v":3,"entries":{}}'],
  ])('%s is an empty history', (_what, raw) => {
    expect(parseIndex(raw)).toEqual({ v: 3, entries: [] });
  });
});

describe('backup lines (layout 3: one JSON cell per sheet row)', () => {
  const withFormats: BackedUpPatch = {
    row: 4,
    col: 2,
    originals: [
      ['a', 1],
      ['b', 2],
    ],
    originalFormats: [
      ['@', '0'],
      ['@', '0.00'],
    ],
    values: [
      ['A', 1],
      ['B', 2],
    ],
  };
  const plain: BackedUpPatch = { row: 9, col: 0, originals: [['x']], originalFormats: null, values: [['X']] };
  const grid = Array.from({ length: 10 }, (_, r) => ['n' + r, 'k' + r, 'old', 'old', 'z']);

  test('one cell per sheet row: [row, identity, [[col, written, originals, formats]…]] as compact JSON', () => {
    const lines = backupLines([withFormats, plain], grid, 4);
    // Identity: the row's first 4 cells that this entry does not write.
    expect(lines).toEqual([
      [JSON.stringify([4, rowHash(['n4', 'k4']), [[2, ['A', 1], ['a', 1], ['@', '0']]]])],
      [JSON.stringify([5, rowHash(['n5', 'k5']), [[2, ['B', 2], ['b', 2], ['@', '0.00']]]])],
      [JSON.stringify([9, rowHash(['k9', 'old', 'old']), [[0, ['X'], ['x'], null]]])],
    ]);
    expect(backupWidth([withFormats, plain])).toBe(1);
    expect(backupRows([withFormats, plain])).toBe(3);
  });

  test('two spans of one row make one line, read back as two segments', () => {
    const row = [['Ani', 'keluhan', 'x', '']];
    const left: BackedUpPatch = { row: 0, col: 1, originals: [['keluhan']], originalFormats: null, values: [['Pengaduan']] };
    const right: BackedUpPatch = { row: 0, col: 3, originals: [['']], originalFormats: null, values: [['DIPERBAIKI']] };
    const lines = backupLines([right, left], row, 3);
    expect(lines).toEqual([[expect.any(String)]]);
    expect(parseLines(lines)).toEqual([
      { row: 0, col: 1, planned: ['Pengaduan'], originals: ['keluhan'], formats: null, identity: rowHash(['Ani', 'x']) },
      { row: 0, col: 3, planned: ['DIPERBAIKI'], originals: [''], formats: null, identity: rowHash(['Ani', 'x']) },
    ]);
  });

  test('lines read back as the rows, what was written, originals (types kept, dates by instant), formats and identities', () => {
    const when = new Date(Date.UTC(2023, 4, 22, 3, 4, 5));
    const typed: BackedUpPatch = { row: 7, col: 1, originals: [['22/05/2023', true, 0, '']], originalFormats: null, values: [[when, false, -1.5, '=1+1']] };
    expect(parseLines(backupLines([withFormats, plain, typed], grid, 4))).toEqual([
      { row: 9, col: 0, planned: ['X'], originals: ['x'], formats: null, identity: rowHash(['k9', 'old', 'old']) },
      { row: 7, col: 1, planned: [when, false, -1.5, '=1+1'], originals: ['22/05/2023', true, 0, ''], formats: null, identity: rowHash(['n7']) },
      { row: 4, col: 2, planned: ['A', 1], originals: ['a', 1], formats: ['@', '0'], identity: rowHash(['n4', 'k4']) },
      { row: 5, col: 2, planned: ['B', 2], originals: ['b', 2], formats: ['@', '0.00'], identity: rowHash(['n5', 'k5']) },
    ]);
    const back = parseLines(backupLines([typed], grid, 4))[0].planned[0];
    expect(back).toBeInstanceOf(Date);
    expect((back as Date).getTime()).toBe(when.getTime());
  });

  test('a line longer than a cell holds is split over the next columns, each well under 50,000 characters, and read back whole', () => {
    const long = 'kata panjang '.repeat(9000) + '\u{1F600}'.repeat(20000);
    const huge: BackedUpPatch = { row: 1, col: 0, originals: [[long, long]], originalFormats: null, values: [['pendek', long]] };
    const lines = backupLines([huge, plain], grid, 0);
    const width = lines[0].length;
    expect(width).toBeGreaterThan(2);
    expect(backupWidth([huge, plain])).toBe(width);
    for (const row of lines) {
      expect(row).toHaveLength(width);
      for (const cell of row) expect(String(cell).length).toBeLessThanOrEqual(LINE_CHUNK_CHARS);
    }
    // The short line is padded with empty cells to the block's width.
    expect(lines[1].slice(1)).toEqual(new Array(width - 1).fill(''));
    expect(parseLines(lines).find((l) => l.row === 1)?.originals).toEqual([long, long]);
  });

  test('a cut never splits a surrogate pair nor puts whitespace at either side of it', () => {
    const text = 'ab \u{1F600}\u{1F600} cd' + 'x'.repeat(30);
    // Good cuts in this text are at most 5 characters apart: every piece can avoid the bad ones.
    for (let max = 5; max < 14; max++) {
      const parts = chunkLine(text, max);
      expect(parts.join('')).toBe(text);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(max);
        const last = part.charCodeAt(part.length - 1);
        expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
      }
      for (let i = 1; i < parts.length; i++) expect(/\s$/.test(parts[i - 1]) || /^\s/.test(parts[i])).toBe(false);
    }
  });

  test('formats not read yet are counted in the width the cell-limit check expects', () => {
    const wide: BackedUpPatch = { row: 0, col: 0, originals: [new Array(3000).fill('x')], originalFormats: null, values: [new Array(3000).fill('y')] };
    expect(backupWidth([wide])).toBe(1);
    expect(backupWidth([wide], 40)).toBe(4);
  });

  test('no patch: an empty block one column wide', () => {
    expect([backupLines([]), backupWidth([]), backupRows([])]).toEqual([[], 1, 0]);
  });

  test('a damaged line, or a layout this version does not know, is refused, never misread', () => {
    const lines = backupLines([withFormats], grid, 4);
    const cut = [[String(lines[0][0]).slice(0, -3)]];
    expect(() => parseLines(cut)).toThrow(DamagedBackup);
    expect(() => parseLines([['[1,"x",[[0,["a"],[],null]]]']])).toThrow(DamagedBackup);
    expect(() => parseLines(lines, 4)).toThrow(DamagedBackup);
  });
});

describe('backup lines written before (layout 2: one cell per value)', () => {
  test('are still read as they were written', () => {
    const block = [
      [4, 'id4', 1, 2, 2, 1, 'A', 1, 'a', 1, '@', '0'],
      [9, 'id9', 2, 0, 1, 0, 'X', 'x', 3, 1, 0, 'Y', '', '', ''],
    ];
    expect(parseLines(block, null)).toEqual([
      { row: 9, col: 0, planned: ['X'], originals: ['x'], formats: null, identity: 'id9' },
      { row: 4, col: 2, planned: ['A', 1], originals: ['a', 1], formats: ['@', '0'], identity: 'id4' },
      { row: 9, col: 3, planned: ['Y'], originals: [''], formats: null, identity: 'id9' },
    ]);
  });
});

describe('restorePlan', () => {
  // A log: name, service, note. The run changed the service of rows 1 and 2 (and their notes).
  const read = [
    ['Nama', 'Layanan', 'catatan'],
    ['Ani', 'keluhan', ''],
    ['Budi', 'komplain', ''],
    ['Cici', 'Informasi', ''],
  ];
  const patch: BackedUpPatch = {
    row: 1,
    col: 1,
    originals: [
      ['keluhan', ''],
      ['komplain', ''],
    ],
    originalFormats: null,
    values: [
      ['Pengaduan', 'Layanan: keluhan'],
      ['Pengaduan', 'Layanan: komplain'],
    ],
  };
  const lines = parseLines(backupLines([patch], read, 2));
  const after = [read[0], ['Ani', 'Pengaduan', 'Layanan: keluhan'], ['Budi', 'Pengaduan', 'Layanan: komplain'], read[3]];
  // The guards (checked again right before each write) are asserted on their own below.
  const plan = (now: string[][]) => {
    const p = restorePlan(lines, (r) => now[r] ?? [], 2);
    return { ...p, writes: p.writes.map(({ guards: _g, ...w }) => w) };
  };

  test('rows still as the run left them get their originals back, in one rectangle', () => {
    const p = plan(after);
    expect(p.writes).toEqual([{ row: 1, col: 1, values: [['keluhan', ''], ['komplain', '']], formats: null }]);
    expect([p.rowsSkipped, p.cellsKept, p.cellsRestored]).toEqual([0, 0, 4]);
  });

  test('after staff sorted the rows, each row is recognised by its identity and skipped, never given another visit\'s original', () => {
    const sorted = [read[0], after[2], after[1], after[3]];
    const p = plan(sorted);
    expect(p.writes).toEqual([]);
    expect(p.rowsSkipped).toBe(2);
  });

  test('a cell staff edited since keeps the edit; the rest of the row is restored', () => {
    const edited = [read[0], ['Ani', 'pengaduan soal antrian', 'Layanan: keluhan'], after[2], read[3]];
    const p = plan(edited);
    expect(p.writes).toEqual([
      { row: 1, col: 2, values: [['']], formats: null },
      { row: 2, col: 1, values: [['komplain', '']], formats: null },
    ]);
    expect(p.cellsKept).toBe(1);
  });

  test('cells the run never wrote (cut off, or skipped as edited) are left as they are', () => {
    const half = [read[0], ['Ani', 'keluhan', 'Layanan: keluhan'], read[2], read[3]];
    const p = plan(half);
    expect(p.writes).toEqual([{ row: 1, col: 2, values: [['']], formats: null }]);
    expect(p.cellsKept).toBe(0);
  });
});

describe('stillAsPlanned (the check right before an undo write)', () => {
  const read = [
    ['Nama', 'Layanan'],
    ['Ani', 'keluhan'],
    ['Budi', 'komplain'],
  ];
  const patch: BackedUpPatch = { row: 1, col: 1, originals: [['keluhan'], ['komplain']], originalFormats: null, values: [['Pengaduan'], ['Pengaduan']] };
  const lines = parseLines(backupLines([patch], read, 2));
  const after = [read[0], ['Ani', 'Pengaduan'], ['Budi', 'Pengaduan']];
  const [w] = restorePlan(lines, (r) => after[r] ?? [], 2).writes;

  test('a row still as the run left it passes; an inserted row, a moved row or an edited cell does not', () => {
    expect(w.guards.map((g, i) => stillAsPlanned(after[1 + i], g, w.col, 2))).toEqual([true, true]);
    expect(stillAsPlanned(['Cici', 'Pengaduan'], w.guards[0], w.col, 2)).toBe(false);
    expect(stillAsPlanned(after[2], w.guards[0], w.col, 2)).toBe(false);
    expect(stillAsPlanned(['Ani', 'pengaduan baru'], w.guards[0], w.col, 2)).toBe(false);
  });
});

describe('same run', () => {
  test('the executions of one continued run are undone together; runs count once against the per-sheet limit', () => {
    const run = (seq: number) => entry(seq, 10, { runId: 'nightly@x' });
    const history = [entry(1, 10), run(2), run(3), run(4)];
    expect(ids(sameRunEntries(history, run(4)))).toEqual(['e3', 'e2']);
    expect(sameRunEntries(history, entry(1, 10))).toEqual([]);
    const many = [1, 2, 3, 4].map((s) => entry(s, 10)).concat([2, 3, 4, 5, 6, 7].map((s) => entry(s + 10, 10, { runId: 'r' })));
    const { evict } = retain(many, entry(20, 10));
    expect(ids(evict)).toEqual(['e1']);
  });
});

describe('retain', () => {
  test(`keeps the newest ${UNDO_ENTRIES_PER_SHEET} runs of each sheet, evicting the oldest`, () => {
    const old = [1, 2, 3, 4, 5].map((s) => entry(s, 10)).concat([entry(6, 20)]);
    const { keep, evict } = retain(old, entry(7, 10));
    expect(ids(evict)).toEqual(['e1']);
    expect(ids(keep).sort()).toEqual(['e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
  });

  test('a run continued over several executions is one unit: its earlier executions are never evicted for its later ones, and an older run goes whole or not at all', () => {
    const big = { rows: UNDO_CELL_BUDGET / 10 * 0.6, width: 10, runId: 'nightly@1' };
    // The first execution of a large run, then its continuation: together past the cell budget.
    const first = entry(1, 5, big);
    const { keep, evict } = retain([first], entry(2, 5, big));
    expect(evict).toEqual([]);
    expect(ids(keep).sort()).toEqual(['e1', 'e2']);
    // An older two-execution run that does not fit goes with both its entries.
    const older = [entry(3, 6, { rows: 300000, width: 1, runId: 'clean@0' }), entry(4, 6, { rows: 300000, width: 1, runId: 'clean@0' })];
    const next = retain([...older], entry(5, 7, { rows: UNDO_CELL_BUDGET - 400000, width: 1 }));
    expect(ids(next.evict).sort()).toEqual(['e3', 'e4']);
  });

  test(`keeps at most ${UNDO_MAX_ENTRIES} entries in all`, () => {
    const old = Array.from({ length: UNDO_MAX_ENTRIES }, (_, i) => entry(i + 1, 1000 + i));
    const { keep, evict } = retain(old, entry(UNDO_MAX_ENTRIES + 1, 1));
    expect(keep.length).toBe(UNDO_MAX_ENTRIES);
    expect(ids(evict)).toEqual(['e1']);
  });

  test('drops the oldest entries that no longer fit the cell budget, and always keeps the new one', () => {
    const half = { rows: UNDO_CELL_BUDGET / 2 / 10, width: 10 };
    const old = [entry(1, 1, half), entry(2, 2, half)];
    expect(ids(retain(old, entry(3, 3, { rows: 1, width: 10 })).evict)).toEqual(['e1']);
    const huge = entry(4, 4, { rows: UNDO_CELL_BUDGET, width: 2 });
    const result = retain(old, huge);
    expect(ids(result.keep)).toEqual(['e4']);
    expect(ids(result.evict).sort()).toEqual(['e1', 'e2']);
  });
});

describe('placeBlock', () => {
  test('the first gap from row 2 on where the block fits, else after the last block', () => {
    const kept = [entry(1, 1, { row: 10, rows: 5 }), entry(2, 1, { row: 2, rows: 3 }), entry(3, 1, { row: 20, rows: 2 })];
    // Rows 5–9 are free (5 rows), 15–19 too.
    expect(placeBlock(kept, 5)).toBe(5);
    expect(placeBlock(kept, 6)).toBe(22);
    expect(placeBlock(kept, 1)).toBe(5);
    expect(placeBlock([], 100)).toBe(2);
  });
});

describe('order and undo target', () => {
  const entries = [entry(2, 10), entry(5, 20), entry(3, 10), entry(4, 10)];

  test('newest first by sequence, and the next sequence after the highest', () => {
    expect(ids(newestFirst(entries))).toEqual(['e5', 'e4', 'e3', 'e2']);
    expect(nextSeq(entries)).toBe(6);
    expect(nextSeq([])).toBe(1);
  });

  test('without an id: the newest entry overall; none when the history is empty', () => {
    expect(undoTarget(entries)?.id).toBe('e5');
    expect(undoTarget(entries, '')?.id).toBe('e5');
    expect(undoTarget([])).toBeNull();
  });

  test('an id: only the newest entry of its sheet may be restored', () => {
    expect(undoTarget(entries, 'e4')?.id).toBe('e4');
    expect(undoTarget(entries, 'e3')).toBeNull();
    expect(undoTarget(entries, 'e5')?.id).toBe('e5');
    expect(undoTarget(entries, 'missing')).toBeNull();
  });
});

describe('historyView', () => {
  const view = (entries: readonly UndoEntry[]) => historyView(entries).map((i) => [i.entry.id, i.rows, i.undoable]);

  test('newest first; only the newest run of each sheet is undoable', () => {
    const entries = [entry(1, 10, { sheetRows: 4 }), entry(2, 20, { sheetRows: 7 }), entry(3, 10, { sheetRows: 2 })];
    expect(view(entries)).toEqual([
      ['e3', 2, true],
      ['e2', 7, true],
      ['e1', 4, false],
    ]);
  });

  test('the executions of one continued run are one item, listed at its newest, with the rows of all', () => {
    const entries = [
      entry(1, 10, { runId: 'r1', sheetRows: 100 }),
      entry(2, 10, { runId: 'r1', sheetRows: 50 }),
      entry(3, 20, { runId: 'r1', sheetRows: 9 }),
      entry(4, 10, { runId: 'r2', sheetRows: 5 }),
    ];
    // r1 on sheet 20 is another run than r1 on sheet 10: a run id is the sheet's.
    expect(view(entries)).toEqual([
      ['e4', 5, true],
      ['e3', 9, true],
      ['e2', 150, false],
    ]);
  });

  test('entries without a run id are never merged, and an empty history has no item', () => {
    expect(view([entry(1, 10, { sheetRows: 3 }), entry(2, 10, { sheetRows: 3 })])).toEqual([
      ['e2', 3, true],
      ['e1', 3, false],
    ]);
    expect(historyView([])).toEqual([]);
  });
});
