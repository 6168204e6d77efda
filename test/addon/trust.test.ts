/**
 * Issue #10 (trust): each test reproduces an attack that the previous main did not hold, through
 * the exact bundle (dist/Code.js) in the emulator, and proves the fix.
 */
import { makeAddon, Value, Addon, wrap } from '../helpers/addon';
import { restore, runNightly, nightlyTrigger, content } from '../helpers/nightly';
import { Emulator, ProtectionType } from '../../tools/emulator';
import { SIDEBAR } from '../helpers/addon';

const HEADER: Value[] = ['Tanggal', 'Nama', 'Usia', 'Layanan', 'Kanal', 'Topik'];
const rows = (n: number, offset = 0): Value[][] =>
  Array.from({ length: n }, (_, i) => [`${(i % 27) + 1}/05/2023`, `Peserta ${i + offset}`, `${20 + (i % 40)} th`, i % 2 ? 'informasi' : 'keluhan', i % 3 ? 'kantor cabang' : 'JMO', i % 2 ? 'saldo jht' : 'lupa akun jmo']);

function cleaned(n = 12): Addon {
  const a = makeAddon([{ name: 'Log', rows: [HEADER, ...rows(n)] }]);
  a.call('analyzeAll');
  return a;
}

const tabNames = (a: Addon): string[] => a.ss.getSheets().map((s) => s.getName());

describe('trust: data loss and corruption', () => {
  test('item 1: a column inserted between runs is followed by header, never cleaned as services', () => {
    const a = cleaned();
    a.call('setNightly', true, 2);
    const log = a.sheet('Log');
    log.insertColumnBefore(4); // "Petugas" before Layanan
    log.getRange(1, 4).setValue('Petugas');
    for (let r = 2; r <= 13; r++) log.getRange(r, 4).setValue('Bu Sari Wulandari');
    log.getRange(14, 1, 1, 7).setValues([['28/05/2023', 'Peserta baru', '33 th', 'Pak Joko', 'update data', 'kantor cabang', 'ganti email']]);
    runNightly(restoreOf(a));
    const b = lastRestored!;
    const dist = b.table('ds_distribusi').map((r) => String(r.layanan));
    expect(dist.some((s) => /Sari|Joko/.test(s))).toBe(false);
    expect(b.values('Log')[13][4]).toBe('Permintaan Update Data');
    // The staff column is untouched.
    expect(b.values('Log').slice(1, 13).every((r) => r[3] === 'Bu Sari Wulandari')).toBe(true);
  });

  test('item 1: a confirmed column renamed away makes the run write nothing to the log and say why', () => {
    const a = cleaned();
    a.call('setNightly', true, 2);
    const before = content(a.ss, 'ds_distribusi');
    const log = a.sheet('Log');
    log.getRange(1, 4).setValue('Jenis Pelayanan Baru'); // the confirmed "Layanan" header is gone
    log.getRange(14, 1, 1, 6).setValues([['28/05/2023', 'Peserta baru', '33 th', 'update data', 'kantor cabang', 'ganti email']]);
    const b = restoreOf(a);
    const logBefore = b.values('Log');
    runNightly(b);
    expect(b.values('Log')).toEqual(logBefore);
    expect(content(b.ss, 'ds_distribusi')).toEqual(before);
    const last = b.call('getSidebarState').nightly.lastRun;
    expect(last.ok).toBe(false);
    expect(last.error).toMatch(/layanan/i);
    const info = Object.fromEntries(b.table('info_ringkasan').map((r) => [r.kunci, r.nilai]));
    expect(info.run_terakhir_status).toBe('GAGAL');
    expect(String(info.run_terakhir_galat)).toMatch(/berubah|changed/);
    expect(b.call('inspectSheet', b.sheet('Log').getSheetId()).blockers.join(' ')).toMatch(/layanan/i);
  });

  test('item 2: an edit to the name column made between the read and the write survives', () => {
    for (const at of [3, 8, 15, 25, 40]) {
      const a = makeAddon([{ name: 'Log', rows: [HEADER, ...rows(10)] }]);
      a.emu.rt.setInterleave(at, () => {
        a.sheet('Log').getRange(3, 2).setValue('Nama diubah staf');
        a.sheet('Log').getRange(5, 4).setValue('ditulis staf');
      });
      a.call('analyzeAll');
      expect(a.values('Log')[2][1]).toBe('Nama diubah staf');
      // An edit to a column the clean rewrites is kept too: the row is left for the next run.
      const v = a.values('Log')[4][3];
      expect(['ditulis staf', 'Pengaduan', 'Informasi']).toContain(v);
    }
  });

  test('item 2: a row whose cleaned cell was edited during the run is skipped, counted, and cleaned next run', () => {
    const a = makeAddon([{ name: 'Log', rows: [HEADER, ...rows(10)] }]);
    const id = a.sheet('Log').getSheetId();
    let edited = false;
    expect(a.call('cleanSheet', id).rowsEditedDuringRun).toBe(0);
    // Edit the service cell of row 4 at every call of a run until one lands between the read and the write.
    for (let at = 5; at < 60 && !edited; at++) {
      const c = makeAddon([{ name: 'Log', rows: [HEADER, ...rows(10)] }]);
      const cid = c.sheet('Log').getSheetId();
      c.emu.rt.setInterleave(at, () => c.sheet('Log').getRange(4, 4).setValue('pengaduan baru'));
      const res = c.call('cleanSheet', cid);
      if (res.rowsEditedDuringRun > 0) {
        edited = true;
        expect(c.values('Log')[3][3]).toBe('pengaduan baru');
        const again = c.call('cleanSheet', cid);
        expect(again.rowsEditedDuringRun).toBe(0);
        expect(c.values('Log')[3][3]).toBe('Pengaduan');
      }
    }
    expect(edited).toBe(true);
  });

  test('item 4: five runs per sheet can be undone newest-first, each entry says what it restores', () => {
    const a = makeAddon([
      { name: 'A', rows: [HEADER, ...rows(6)] },
      { name: 'B', rows: [HEADER, ...rows(6, 100)] },
    ]);
    const original = a.values('A');
    a.call('analyzeAll');
    const afterFirst = a.values('A');
    a.sheet('A').getRange(8, 1, 1, 6).setValues([['29/05/2023', 'Peserta x', '40 th', 'keluhan', 'jmo', 'gagal biometrik']]);
    a.call('cleanSheet', a.sheet('A').getSheetId());
    const history = a.call('getSidebarState').undoHistory;
    expect(history.length).toBe(3);
    expect(history[0].sheetName).toBe('A');
    expect(history[0].undoable).toBe(true);
    expect(history.find((e: { sheetName: string }) => e.sheetName === 'B').undoable).toBe(true);
    const older = history.filter((e: { sheetName: string }) => e.sheetName === 'A')[1];
    expect(older.undoable).toBe(false);
    expect(a.reply('undoLastClean', older.id).error?.code).toBe('NO_UNDO');
    a.call('undoLastClean', history[0].id);
    expect(a.values('A').slice(0, 7)).toEqual(afterFirst.slice(0, 7));
    a.call('undoLastClean', older.id);
    expect(a.values('A').slice(0, 7).map((r) => r.slice(0, 6))).toEqual(original.map((r) => r.slice(0, 6)));
    // B's clean is still undoable after A's history is used up.
    expect(a.call('getSidebarState').undoHistory.map((e: { sheetName: string }) => e.sheetName)).toEqual(['B']);
  });

  test('item 4: after an undo the backup rows of that entry are cleared, not just its index', () => {
    const a = cleaned(6);
    const backup = a.ss.getSheets().find((s) => s.getName() === '_pola_cadangan')!;
    const lines = () => backup.getRange(2, 2, Math.max(1, backup.getLastRow() - 1), Math.max(1, backup.getLastColumn() - 1)).getValues().filter((r) => r.some((v) => v !== '')).length;
    expect(lines()).toBeGreaterThan(0);
    a.call('undoLastClean');
    expect(lines()).toBe(0);
    expect(a.call('getSidebarState').undoHistory).toEqual([]);
  });

  test('item 4: the history keeps at most five runs per sheet', () => {
    const a = cleaned(4);
    const id = a.sheet('Log').getSheetId();
    for (let k = 0; k < 7; k++) {
      a.sheet('Log').getRange(6 + k, 1, 1, 6).setValues([[`2${k}/06/2023`, `Peserta z${k}`, '30 th', 'keluhan', 'jmo', 'x']]);
      a.call('cleanSheet', id);
    }
    expect(a.call('getSidebarState').undoHistory.length).toBe(5);
  });

  test('item 5: a staff tab called Kamus is never taken over; ours gets another name and a marker', () => {
    const staff: Value[][] = [['Istilah', 'Arti'], ['KPJ', 'Kartu Peserta Jamsostek'], ['JMO', 'Jamsostek Mobile']];
    const a = makeAddon([
      { name: 'Log', rows: [HEADER, ...rows(8)] },
      { name: 'Kamus', rows: staff },
    ]);
    a.call('analyzeAll');
    expect(a.values('Kamus')).toEqual(staff);
    expect(tabNames(a)).toContain('kamus_pola');
    // Renaming our tab keeps it ours: the next run finds it by its marker.
    a.sheet('kamus_pola').setName('Kamus Pola Layanan');
    a.call('analyzeAll');
    expect(tabNames(a).filter((n) => /kamus/i.test(n)).sort()).toEqual(['Kamus', 'Kamus Pola Layanan']);
    expect(a.values('Kamus')).toEqual(staff);
  });

  test('item 6: a deleted state tab: the nightly run writes nothing, keeps its trigger, records the failure; the sidebar rebuilds', () => {
    const a = cleaned();
    a.call('setNightly', true, 3);
    const b = restoreOf(a);
    b.ss.deleteSheet(b.ss.getSheets().find((s) => s.getName() === '_pola_state')!);
    const tabs = ['ds_harian', 'ds_distribusi', 'kamus'].map((n) => content(b.ss, n));
    const trigger = nightlyTrigger(b);
    expect(() => runNightly(b)).toThrow(/STATE_UNREADABLE|rusak|hilang/);
    expect(['ds_harian', 'ds_distribusi', 'kamus'].map((n) => content(b.ss, n))).toEqual(tabs);
    expect(nightlyTrigger(b).id).toBe(trigger.id);
    const info = Object.fromEntries(b.table('info_ringkasan').map((r) => [r.kunci, r.nilai]));
    expect(info.run_terakhir_status).toBe('GAGAL');
    const s = b.call('getSidebarState');
    expect(s.stateProblem).toMatch(/_pola_state/);
    expect(b.reply('cleanSheet', b.sheet('Log').getSheetId()).error?.code).toBe('STATE_UNREADABLE');
    expect(b.call('rebuildState')).toBe(true);
    const rebuilt = b.call('getSidebarState');
    expect(rebuilt.stateProblem).toBe('');
    expect(rebuilt.registered.map((r: { name: string }) => r.name)).toEqual(['Log']);
    expect(rebuilt.nightly.enabled).toBe(true);
    expect(rebuilt.nightly.hour).toBe(3);
    runNightly(b);
    expect(content(b.ss, 'ds_distribusi')).toEqual(tabs[1]);
  });

  test('item 6: a damaged state value is refused, not defaulted', () => {
    const a = cleaned();
    const state = a.ss.getSheets().find((s) => s.getName() === '_pola_state')!;
    const vals = state.getRange(1, 1, state.getLastRow(), 2).getValues();
    const r = vals.findIndex((row) => row[0] === 'registered');
    state.getRange(r + 1, 2).setValue('[12, ');
    expect(a.reply('summarise').error?.code).toBe('STATE_UNREADABLE');
  });

  test('item 7: a renamed ds_ tab is never offered as a log', () => {
    const a = cleaned();
    a.sheet('ds_harian').setName('Harian');
    a.sheet('Harian').getRange(1, 1).setValue('Tanggal');
    const s = a.call('analyzeAll');
    expect(s.cleaned.map((c: { sheetName: string }) => c.sheetName)).toEqual(['Log']);
    expect(a.reply('inspectSheet', a.sheet('Harian').getSheetId()).error?.code).toBe('NOT_A_LOG');
  });
});

describe('trust: crashes and limits', () => {
  test('item 8: a 26-column sheet (no spare columns) is cleaned', () => {
    const header = [...HEADER, ...Array.from({ length: 20 }, (_, i) => `Kolom ${i + 1}`)];
    const body = rows(5).map((r) => [...r, ...Array.from({ length: 20 }, (_, i) => `x${i}`)]);
    const a = makeAddon([{ name: 'Log', rows: [header, ...body] }]);
    expect(a.sheet('Log').getMaxColumns()).toBe(26);
    a.call('analyzeAll');
    expect(a.values('Log')[0].slice(26, 32)).toEqual(['kelompok_usia', 'generasi', 'minggu_ke', 'bulan', 'status_bersih', 'catatan_bersih']);
  });

  test('item 9: a 40,000-character topic never makes a cell over 50,000 characters; state cells stay under the limit', () => {
    const body = rows(4);
    body[0][5] = 'keluhan panjang '.repeat(2600); // ~41,600 characters
    body[1][5] = body[0][5] + ' lagi';
    const a = makeAddon([{ name: 'Log', rows: [HEADER, ...body] }]);
    a.call('analyzeAll');
    for (const s of a.ss.getSheets()) {
      const v = s.getLastRow() ? s.getRange(1, 1, s.getLastRow(), Math.max(1, s.getLastColumn())).getValues() : [];
      for (const row of v) for (const cell of row) expect(String(cell).length).toBeLessThanOrEqual(50000);
    }
    expect(a.call('cleanSheet', a.sheet('Log').getSheetId()).cellsWritten).toBe(0);
  });

  test('item 9: saveMapping and saveSettings refuse oversized input', () => {
    const a = cleaned();
    const id = a.sheet('Log').getSheetId();
    expect(a.reply('saveMapping', { sheetId: id, roles: {}, constants: { service: 'x'.repeat(5000), channel: '' } }).error?.code).toBe('BAD_INPUT');
    const roles: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) roles[String(i)] = 'ignore';
    expect(a.reply('saveMapping', { sheetId: id, roles, constants: { service: '', channel: '' } }).error?.code).toBe('BAD_INPUT');
  });

  test('item 10: when the write that releases the lease fails, the finished clean still answers ok and the next call is not BUSY', () => {
    const probe = makeAddon([{ name: 'Log', rows: [HEADER, ...rows(8)] }]);
    probe.emu.resetStats();
    probe.call('cleanSheet', probe.sheet('Log').getSheetId());
    // Fail each of the last few writes in turn: the release is among them.
    let releaseHeld = false;
    for (let back = 1; back <= 3; back++) {
      const a = makeAddon([{ name: 'Log', rows: [HEADER, ...rows(8)] }]);
      const id = a.sheet('Log').getSheetId();
      const count = makeAddon([{ name: 'Log', rows: [HEADER, ...rows(8)] }]);
      count.emu.injectFault({ failWriteAt: 100000 });
      count.call('cleanSheet', count.sheet('Log').getSheetId());
      const writes = (count.emu.rt as unknown as { writesSinceFault: number }).writesSinceFault;
      a.emu.injectFault({ failWriteAt: writes - back + 1 });
      const r = a.reply('cleanSheet', id);
      a.emu.clearFaults();
      if (r.ok) {
        releaseHeld = true;
        expect(a.reply('summarise').ok).toBe(true);
      }
    }
    expect(releaseHeld).toBe(true);
  });

  test('item 16: openTab refuses the hidden state and backup tabs', () => {
    const a = cleaned();
    for (const name of ['_pola_state', '_pola_cadangan']) {
      const hidden = a.ss.getSheets().find((s) => s.getName() === name)!;
      expect(a.reply('openTab', hidden.getSheetId()).error?.code).toBe('BAD_INPUT');
    }
    expect(a.reply('openTab', a.sheet('ds_harian').getSheetId()).ok).toBe(true);
  });

  test('a protected header row gives a clear PROTECTED message, and the nightly run records it', () => {
    const OWNER = 'kepala@bpjs.example';
    const STAFF = 'user@example.com';
    const emu = new Emulator({ userEmail: STAFF, timeZone: 'Asia/Jakarta', locale: 'id', htmlFiles: { Sidebar: SIDEBAR() } });
    const ss = emu.createSpreadsheet('Log Layanan', { owner: OWNER, editors: [STAFF] });
    const sheet = ss.getSheets()[0];
    sheet.setName('Log');
    sheet.getRange(1, 1, 9, 6).setValues([HEADER, ...rows(8)]);
    emu.beginExecution('editor', OWNER);
    try {
      const p = sheet.getRange('A1:L1').protect();
      p.removeEditors(p.getEditors());
    } finally {
      emu.endExecution();
    }
    expect(sheet.getProtections(ProtectionType.RANGE)[0].canEdit()).toBe(false);
    emu.setActive(ss);
    const a = wrap(emu, ss);
    const before = a.values('Log');
    const r = a.reply('cleanSheet', sheet.getSheetId());
    expect(r.error?.code).toBe('PROTECTED');
    expect(r.error?.message).toMatch(/dilindungi/);
    expect(a.values('Log')).toEqual(before);
  });
});

let lastRestored: Addon | null = null;
function restoreOf(a: Addon): Addon {
  lastRestored = restore(a.emu.toState());
  return lastRestored;
}
