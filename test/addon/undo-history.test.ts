/**
 * The undo history keeps what staff typed (found by an adversarial review, each failing on the
 * bundle before its fix):
 * - the sixth run of a sheet could not be undone: its backup was written into the rows of the
 *   run it pushed out of the history, and those rows were cleared right after;
 * - a run that failed and was rolled back still pushed the oldest run out of the history.
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
