/**
 * Regressions from an independent review: each case once lost or leaked data.
 */
import { makeAddon, localDate, Value } from '../helpers/addon';
import { cleanLog } from '../../src/core/clean';
import { detectMapping } from '../../src/core/mapping';
import { summarise } from '../../src/core/summarise';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { intlZoneClock } from '../../tools/emulator';
import { restore, runNightly, nightlyTrigger } from '../helpers/nightly';
import { fireTrigger } from '../../tools/runner/run';

const TZ = 'Asia/Jakarta';

test('a column staff inserted inside the derived block is never overwritten', () => {
  const rows: Value[][] = [
    ['Tanggal', 'Layanan', 'kelompok_usia', 'generasi', 'minggu_ke', 'bulan', 'Catatan CS', 'status_bersih', 'catatan_bersih'],
    ['22/05/2023', 'informasi', '', '', '', '', 'telp balik jam 3', '', ''],
  ];
  const a = makeAddon([{ name: 'Log', rows }]);
  a.call('cleanSheet', a.sheet('Log').getSheetId());
  const v = a.values('Log');
  expect(v[0][6]).toBe('Catatan CS');
  expect(v[1][6]).toBe('telp balik jam 3');
  expect(v[0].slice(-6)).toEqual(['kelompok_usia', 'generasi', 'minggu_ke', 'bulan', 'status_bersih', 'catatan_bersih']);
  expect(v[1][v[0].length - 2]).toBe('DIPERBAIKI');
  expect(a.call('cleanSheet', a.sheet('Log').getSheetId()).cellsWritten).toBe(0);
});

test('KPJ numbers and other digits in topics are never merged into another person\u2019s', () => {
  const rows: Value[][] = [['Tanggal', 'Layanan', 'Topik']];
  for (let i = 0; i < 3; i++) rows.push([`2${i}/05/2023`, 'Informasi', 'Cek saldo KPJ 12345678901']);
  rows.push(['25/05/2023', 'Informasi', 'Cek saldo KPJ 12345678902']);
  const a = makeAddon([{ name: 'Log', rows }]);
  a.call('cleanSheet', a.sheet('Log').getSheetId());
  expect(a.values('Log')[4][2]).toBe('Cek saldo KPJ 12345678902');
  // and no numbered topic reaches kamus
  expect(a.values('kamus').flat().some((c) => /\d{6}/.test(String(c)))).toBe(false);
});

test('two-digit birth years are last century; a rejected birth date is left as typed', () => {
  const rows: Value[][] = [
    ['Tanggal', 'Tanggal Lahir', 'Layanan'],
    ['22/05/2023', '12-03-65', 'Klaim JHT'],
    ['22/05/2023', '01/02/2030', 'Klaim JHT'],
  ];
  const a = makeAddon([{ name: 'Log', rows }]);
  a.call('cleanSheet', a.sheet('Log').getSheetId());
  const v = a.values('Log');
  expect(v[1][1]).toEqual(localDate(TZ, 1965, 3, 12));
  expect(v[1][4]).toBe('Gen X');
  expect(v[2][1]).toBe('01/02/2030');
  expect(v[2][3]).toBe('Tidak diketahui');
});

test('summary keys stay exact with tens of thousands of distinct topics', () => {
  const grid: Value[][] = [['Tanggal', 'Layanan', 'Kanal', 'Usia', 'Topik']];
  for (let i = 0; i < 20000; i++) grid.push(['22/05/2023', 'Informasi', 'Kantor Cabang', 30, `topik unik ${i}`]);
  for (let i = 0; i < 5; i++) grid.push([`2${i}/05/2023`, 'Legalisir', 'Kantor Cabang', 30, 'x']);
  const clock = intlZoneClock(TZ);
  const plan = cleanLog(grid, { sheetName: 'Log', mapping: detectMapping(grid, 'Log')!, clock, settings: DEFAULT_SETTINGS, kamus: [], lang: 'id' });
  const s = summarise([{ sheetName: 'Log', visits: plan.visits, counts: plan.counts, rowsRead: plan.rowsRead }], DEFAULT_SETTINGS, clock, { version: 't', refreshedAt: '', lastRun: null });
  const kanal = s.tables.find((t) => t.name === 'ds_kanal')!.rows;
  expect(kanal.find((r) => r[0] === 'Legalisir')).toEqual(['Legalisir', 'Kantor Cabang', '28-34', 'Milenial', 5, 1, 2, 1]);
  expect(kanal.every((r) => ['Milenial', 'Gen Z', 'Gen X', 'Baby Boomer', 'Lainnya', 'Tidak diketahui'].includes(String(r[3])))).toBe(true);
});

test('an emptied registered sheet is skipped: the others are still cleaned and summarised', () => {
  const log: Value[][] = [['Tanggal', 'Layanan'], ['22/05/2023', 'informasi']];
  const a = makeAddon([{ name: 'A', rows: log }, { name: 'B', rows: log.map((r) => r.slice()) }]);
  a.call('cleanSheet', a.sheet('A').getSheetId());
  a.call('cleanSheet', a.sheet('B').getSheetId());
  a.call('setNightly', true, 2);
  a.sheet('A').getRange(2, 1, 1, 8).clearContent();
  a.sheet('B').getRange(3, 1, 1, 2).setValues([['23/05/2023', 'keluhan']]);
  const s = a.call('summarise');
  expect(s.sheetsIncluded).toEqual(['B']);
  const t = nightlyTrigger(a);
  fireTrigger(a.emu, a.ctx, t.id);
  expect(a.values('B')[2][1]).toBe('Pengaduan');
  const last = a.call('getSidebarState').nightly.lastRun;
  expect(last.ok).toBe(true);
  expect(last.error).toContain('A');
  expect(a.call('dropSheet', a.sheet('A').getSheetId()).map((x: { name: string }) => x.name)).toEqual(['B']);
});

test('a nightly run over two sheets keeps an undo backup for the sheet it changed last', () => {
  const log = (): Value[][] => [['Tanggal', 'Layanan'], ['22/05/2023', 'informasi'], ['23/05/2023', 'keluhan']];
  const a = makeAddon([{ name: 'A', rows: log() }, { name: 'B', rows: log() }]);
  a.call('analyzeAll');
  a.call('setNightly', true, 2);
  a.sheet('A').getRange(4, 1, 1, 2).setValues([['24/05/2023', 'komplain']]);
  a.sheet('B').getRange(4, 1, 1, 2).setValues([['25/05/2023', 'update data']]);
  const before = a.values('B');
  const state = a.emu.toState();
  const r = restore(state);
  runNightly(r);
  expect(r.call('getSidebarState').undoAvailable.sheetName).toBe('B');
  r.call('undoLastClean');
  expect(r.values('B').slice(0, before.length).map((row) => row.slice(0, 2))).toEqual(before.map((row) => row.slice(0, 2)));
});

test('a formula column (DATEDIF ages) costs a few writes, not one per row, and is never touched', () => {
  const rows: Value[][] = [['Tanggal', 'Tanggal Lahir', 'Usia', 'Layanan', 'Nama']];
  for (let i = 0; i < 600; i++) rows.push([`${1 + (i % 28)}/07/2023`, `${1 + (i % 28)}/01/1990`, '', i % 2 ? 'informasi' : 'Keluhan', `Peserta ${i}`]);
  const a = makeAddon([{ name: 'Log', rows }]);
  const sheet = a.sheet('Log');
  for (let r = 2; r <= 601; r++) sheet.__setCell(r, 3, { formula: `=DATEDIF(B${r},A${r},"Y")`, value: 33 });
  sheet.getRange(300, 3).setValue('34 th'); // one typed age among the formulas
  a.emu.resetStats();
  const res = a.call('cleanSheet', sheet.getSheetId());
  expect(res.byStatus.DIPERBAIKI).toBe(600);
  const writes = (a.emu.stats.calls['Range.setValues'] ?? 0) + (a.emu.stats.calls['Range.setNumberFormats'] ?? 0);
  expect(writes).toBeLessThan(40);
  const f = sheet.getRange(2, 3, 600, 1).getFormulas().flat();
  expect(f.filter((x) => x.startsWith('=DATEDIF'))).toHaveLength(599);
  expect(sheet.getRange(300, 3).getValue()).toBe(34);
  expect(a.call('cleanSheet', sheet.getSheetId()).cellsWritten).toBe(0);
});

test('undo after staff sorted the log restores only rows still as cleaned, never someone else\u2019s values', () => {
  const rows: Value[][] = [['Nama', 'Tanggal', 'Layanan'], ['Budi', '15/01/2024', 'informasi'], ['Ani', '16/01/2024', 'keluhan'], ['Citra', '17/01/2024', 'Informasi']];
  const a = makeAddon([{ name: 'Log', rows }]);
  const sheet = a.sheet('Log');
  a.call('cleanSheet', sheet.getSheetId());
  // Staff sort by name: Ani, Budi, Citra.
  const v = a.values('Log');
  const sorted = [v[2], v[1], v[3]];
  sheet.getRange(2, 1, 3, v[0].length).setValues(sorted);
  const undo = a.call('undoLastClean');
  expect(undo.rowsSkipped).toBe(2);
  const after = a.values('Log');
  // Ani and Budi keep their own (cleaned) values; nobody got another person's date or service.
  expect(after[1].slice(0, 3)).toEqual(sorted[0].slice(0, 3));
  expect(after[2].slice(0, 3)).toEqual(sorted[1].slice(0, 3));
  // Citra's row did not move: restored exactly.
  expect(after[3].slice(0, 3)).toEqual(['Citra', '17/01/2024', 'Informasi']);
});
