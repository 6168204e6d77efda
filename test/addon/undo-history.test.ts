/**
 * The undo history keeps what staff typed (found by an adversarial review, each failing on the
 * bundle before its fix):
 * - the sixth run of a sheet could not be undone: its backup was written into the rows of the
 *   run it pushed out of the history, and those rows were cleared right after;
 * - a run that failed and was rolled back still pushed the oldest run out of the history;
 * - an undo that skipped rows (staff sorted the log, inserted a column, inserted a row between
 *   two executions of a run) removed the run from the history, so its originals were gone even
 *   after staff put the rows back.
 */
import { makeAddon, Value } from '../helpers/addon';

const HEADER: Value[] = ['Tanggal', 'Nama', 'Usia', 'Layanan', 'Kanal', 'Topik'];
const rows = (n: number): Value[][] =>
  Array.from({ length: n }, (_, i) => [`${(i % 27) + 1}/05/2023`, `Peserta ${i}`, `${20 + (i % 40)} th`, i % 2 ? 'informasi' : 'keluhan', i % 3 ? 'kantor cabang' : 'JMO', i % 2 ? 'saldo jht' : 'lupa akun jmo']);
const visit = (k: number): Value[] => [`2${k}/06/2023`, `Peserta baru ${k}`, '30 th', 'keluhan', 'jmo', 'saldo jht'];
const staffColumns = (grid: Value[][]): Value[][] => grid.map((r) => r.slice(0, 6));

test('after the sixth run of a sheet (a big first clean, then small daily ones) that run is undone, and every run kept before it', () => {
  const a = makeAddon([{ name: 'Log', rows: [HEADER, ...rows(10)] }]);
  const log = a.sheet('Log');
  const id = log.getSheetId();
  a.call('cleanSheet', id);
  const typedBefore: Value[][][] = [];
  for (let k = 0; k < 5; k++) {
    log.getRange(12 + k, 1, 1, 6).setValues([visit(k)]);
    typedBefore.push(staffColumns(a.values('Log')));
    a.call('cleanSheet', id);
  }
  const history = a.call('getSidebarState').undoHistory;
  expect(history).toHaveLength(5);
  // Newest first, each back to what was on the sheet just before its run.
  for (let k = 4; k >= 0; k--) {
    const r = a.reply('undoLastClean', a.call('getSidebarState').undoHistory[0].id);
    expect(r.error?.code).toBeUndefined();
    expect(r.data.rowsSkipped).toBe(0);
    expect(staffColumns(a.values('Log')).slice(0, 12 + k)).toEqual(typedBefore[k]?.slice(0, 12 + k));
  }
});

test('a sixth run that fails and is rolled back leaves the history as it was: the oldest run can still be undone', () => {
  let checked = 0;
  for (let k = 1; k < 40; k++) {
    const a = makeAddon([{ name: 'Log', rows: [HEADER, ...rows(4)] }]);
    const log = a.sheet('Log');
    const id = log.getSheetId();
    a.call('cleanSheet', id);
    for (let d = 0; d < 4; d++) {
      log.getRange(6 + d, 1, 1, 6).setValues([visit(d)]);
      a.call('cleanSheet', id);
    }
    const before = a.call('getSidebarState').undoHistory.map((e: { id: string }) => e.id);
    expect(before).toHaveLength(5);
    log.getRange(10, 1, 1, 6).setValues([['29/06/2023', 'Peserta x', '40 th', 'keluhan', 'jmo', 'gagal biometrik']]);
    const logBefore = a.values('Log');
    a.emu.injectFault({ failWriteAt: k });
    const r = a.reply('cleanSheet', id);
    a.emu.clearFaults();
    // Only the runs that failed and were rolled back completely ("tidak ada yang diubah").
    if (r.ok || JSON.stringify(a.values('Log')) !== JSON.stringify(logBefore)) continue;
    checked++;
    expect({ k, after: a.call('getSidebarState').undoHistory.map((e: { id: string }) => e.id) }).toEqual({ k, after: before });
    // And every one of them still undoes, down to the log as typed.
    for (let n = 0; n < 5; n++) expect(a.reply('undoLastClean').error?.code).toBeUndefined();
    expect(staffColumns(a.values('Log')).slice(0, 5)).toEqual([HEADER, ...rows(4)]);
  }
  expect(checked).toBeGreaterThan(0);
});

test('a column inserted before undo: nothing is restored and the run stays in the history; with the column taken out again, undo restores it all', () => {
  const a = makeAddon([{ name: 'Log', rows: [HEADER, ...rows(6)] }]);
  const typed = a.values('Log');
  a.call('cleanSheet', a.sheet('Log').getSheetId());
  a.sheet('Log').insertColumnBefore(1);
  a.sheet('Log').getRange(1, 1).setValue('No');
  const first = a.call('undoLastClean');
  expect(first.rowsSkipped).toBe(7);
  expect(a.call('getSidebarState').undoHistory).toHaveLength(1);
  a.sheet('Log').deleteColumn(1);
  const again = a.call('undoLastClean');
  expect(again.rowsSkipped).toBe(0);
  expect(staffColumns(a.values('Log'))).toEqual(typed);
  expect(a.call('getSidebarState').undoHistory).toHaveLength(0);
});

test('a sorted log: undo skips the moved rows and keeps them in the history; sorted back, undo restores them', () => {
  const a = makeAddon([{ name: 'Log', rows: [HEADER, ...rows(4)] }]);
  const sheet = a.sheet('Log');
  const typed = a.values('Log');
  a.call('cleanSheet', sheet.getSheetId());
  const cleaned = a.values('Log');
  const width = cleaned[0].length;
  sheet.getRange(2, 1, 4, width).setValues(cleaned.slice(1).reverse());
  expect(a.call('undoLastClean').rowsSkipped).toBe(4);
  sheet.getRange(2, 1, 4, width).setValues(cleaned.slice(1));
  expect(a.call('undoLastClean').rowsSkipped).toBe(0);
  expect(staffColumns(a.values('Log'))).toEqual(typed);
});

test('a visit inserted at the top between two executions of a run: undo keeps the rows it skips; with the visit moved away, undo restores the whole run', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { setBudget } = require('../../tools/runner/run') as typeof import('../../tools/runner/run');
  const a = makeAddon([{ name: 'Log', rows: [HEADER, ...rows(40)] }]);
  const log = a.sheet('Log');
  // A few formula rows cut the log into several write blocks, so the run can stop between them.
  for (const r of [10, 20, 30]) log.__setCell(r, 6, { formula: '=ROW()', value: r });
  const typed = a.values('Log');
  a.emu.rt.latency = { perCallMs: 2000, perCellMs: 0 };
  setBudget(a.ss, 3000);
  const id = log.getSheetId();
  let res = a.call('cleanSheet', id);
  expect(res.complete).toBe(false);
  const newVisit: Value[] = ['30/05/2023', 'Peserta Baru', '50 th', 'keluhan', 'JMO', 'lupa akun jmo'];
  log.insertRowBefore(2);
  log.getRange(2, 1, 1, 6).setValues([newVisit]);
  for (let calls = 1; !res.complete && calls < 50; calls++) res = a.call('cleanSheet', id);
  expect(res.complete).toBe(true);
  a.emu.rt.latency = { perCallMs: 0, perCellMs: 0 };
  const first = a.call('undoLastClean');
  expect(first.rowsSkipped).toBeGreaterThan(0);
  expect(a.call('getSidebarState').undoHistory.length).toBeGreaterThan(0);
  // Staff take the visit out (it goes in again after the undo), and undo once more.
  log.deleteRow(2);
  for (let n = 0; n < 3 && a.call('getSidebarState').undoHistory.length > 0; n++) a.call('undoLastClean');
  expect(a.values('Log').map((r) => r.slice(0, 6))).toEqual(typed.map((r) => r.slice(0, 6)));
});
