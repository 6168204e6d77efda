/**
 * Clean & Summarize through the exact bundle on the emulator, as the sidebar calls it.
 */
import { makeAddon, Value, localDate, Addon } from '../helpers/addon';

const TZ = 'Asia/Jakarta';
const HEADER = ['No', 'Tgl. Kunjungan', 'Nama Peserta', 'No KPJ', 'Usia (tahun)', 'Layanan', 'Kanal', 'Keterangan'];

function messyLog(): Value[][] {
  return [
    HEADER,
    [1, '22/05/2023', 'Budi Santoso', '12345678901', '35 th', 'informasi', 'kantor cabang', 'kpj lama'],
    [2, localDate(TZ, 2023, 5, 22), 'Siti Aminah', '22345678901', 41, 'Pengaduan', 'JMO', 'Gagal biometrik JMO'],
    [3, 'Senin, 22 Mei 2023', 'Andi Wijaya', '32345678901', '29 tahun', 'Keluhan', 'JMO', 'Lupa Akun JMO'],
    [4, '45069', 'Dewi Lestari', '42345678901', ' 50 ', 'Update Data', 'Kantor  Cabang', '=HYPERLINK("http://x","klik")'],
    [5, '??', 'Eko Prasetyo', '52345678901', 33, 'Informasi', 'Kantor Cabang', 'KPJ Lama'],
    [1, '22/05/2023', 'Budi Santoso', '12345678901', '35 th', 'informasi', 'kantor cabang', 'kpj lama'],
    [6, '23 Agt 2023', 'Rina Putri', '62345678901', '5 th', 'Infromasi', 'Lapak Asik', '+62 812 3456 7890'],
    [7, '24-08-2023', 'Tono', '72345678901', 27, 'Informasi', 'JMO', '@admin mohon cek'],
  ];
}

function snapshot(a: Addon, name: string) {
  const s = a.sheet(name);
  const r = s.getRange(1, 1, s.getMaxRows(), s.getMaxColumns());
  return { values: r.getValues(), formulas: r.getFormulas(), formats: r.getNumberFormats() };
}


test('cleans in place, explains each change, appends derived columns', () => {
  const a = makeAddon([{ name: 'Kunjungan', rows: messyLog() }]);
  const sheetId = a.sheet('Kunjungan').getSheetId();
  const res = a.call('cleanSheet', sheetId);
  expect(res.byStatus).toEqual({ OK: 0, DIPERBAIKI: 6, DUPLIKAT: 1, TIDAK_VALID: 1 });
  expect(res.rowsRead).toBe(8);
  expect(res.complete).toBe(true);
  const v = a.values('Kunjungan');
  expect(v[0].slice(8)).toEqual(['kelompok_usia', 'generasi', 'minggu_ke', 'bulan', 'status_bersih', 'catatan_bersih']);
  expect(v[1].slice(1, 8)).toEqual([localDate(TZ, 2023, 5, 22), 'Budi Santoso', 12345678901, 35, 'Informasi', 'Kantor Cabang', 'KPJ Lama']);
  expect(v[4][1]).toEqual(localDate(TZ, 2023, 5, 23));
  expect(v[7][1]).toEqual(localDate(TZ, 2023, 8, 23));
  expect(v[7][5]).toBe('Informasi');
  expect(v[7][8]).toBe('Tidak diketahui');
  expect(v[1][12]).toBe('DIPERBAIKI');
  expect(v[1][13]).toContain('Layanan: \u2018informasi\u2019 \u2192 Informasi');
  expect(v[6][12]).toBe('DUPLIKAT');
  expect(v[5][12]).toBe('TIDAK_VALID');
  expect(a.sheet('Kunjungan').getRange(2, 2).getNumberFormat()).toBe('yyyy-mm-dd');
  expect(res.topChanges[0]).toMatchObject({ column: expect.any(String), count: expect.any(Number) });
});

test('text that starts with = + - @ lands as text, and existing formulas are never overwritten', () => {
  const rows = messyLog();
  const a = makeAddon([{ name: 'Kunjungan', rows }]);
  const sheet = a.sheet('Kunjungan');
  // A real formula in the date column and one in the topic column: read, never written.
  sheet.__setCell(3, 2, { formula: '=DATE(2023,5,22)', value: localDate(TZ, 2023, 5, 22) });
  sheet.__setCell(2, 8, { formula: '=LOWER("KPJ LAMA")', value: 'kpj lama' });
  a.call('cleanSheet', sheet.getSheetId());
  const f = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getFormulas();
  expect(f[2][1]).toBe('=DATE(2023,5,22)');
  expect(f[1][7]).toBe('=LOWER("KPJ LAMA")');
  const v = a.values('Kunjungan');
  // The HYPERLINK text was typed as text by staff (setValues made it a formula in the emulator, as
  // Sheets would) — it is a formula cell now, so it is left alone. Text values we write stay text:
  expect(v[7][7]).toBe('+62 812 3456 7890');
  expect(v[8][7]).toBe('@admin mohon cek');
  const formulasOutsideKnown = f.flat().filter((x) => x !== '' && !['=DATE(2023,5,22)', '=LOWER("KPJ LAMA")', '=HYPERLINK("http://x","klik")'].includes(x));
  expect(formulasOutsideKnown).toEqual([]);
  for (const row of v) for (const cell of row) if (typeof cell === 'string') expect(cell.startsWith("'")).toBe(false);
});

test('cleaning a cleaned sheet changes no cell of the log', () => {
  const a = makeAddon([{ name: 'Kunjungan', rows: messyLog() }]);
  const id = a.sheet('Kunjungan').getSheetId();
  a.call('cleanSheet', id);
  const before = snapshot(a, 'Kunjungan');
  a.emu.resetStats();
  const res = a.call('cleanSheet', id);
  expect(res.cellsWritten).toBe(0);
  expect(snapshot(a, 'Kunjungan')).toEqual(before);
  const writesToLog = Object.entries(a.emu.stats.calls).filter(([k]) => /Range\.set|insert|clear/.test(k));
  // Only the state tab's bookkeeping (lease, last run) is written.
  expect(writesToLog.map(([k]) => k).sort()).toEqual(['Range.setValues']);
});

test('undo restores every value, formula and format exactly, and only once', () => {
  const a = makeAddon([{ name: 'Kunjungan', rows: messyLog() }]);
  const sheet = a.sheet('Kunjungan');
  sheet.__setCell(3, 2, { formula: '=DATE(2023,5,22)', value: localDate(TZ, 2023, 5, 22) });
  sheet.getRange(2, 8, 8, 1).setNumberFormat('@');
  sheet.getRange(2, 8).setValue('0812 KPJ 07');
  const before = snapshot(a, 'Kunjungan');
  a.call('cleanSheet', sheet.getSheetId());
  expect(snapshot(a, 'Kunjungan')).not.toEqual(before);
  expect(a.call('getSidebarState').undoAvailable.sheetName).toBe('Kunjungan');
  const undo = a.call('undoLastClean');
  expect(undo.cellsRestored).toBeGreaterThan(0);
  const after = snapshot(a, 'Kunjungan');
  expect(after.values).toEqual(before.values);
  expect(after.formulas).toEqual(before.formulas);
  expect(after.formats).toEqual(before.formats);
  const again = a.reply('undoLastClean');
  expect(again.ok).toBe(false);
  expect(again.error?.code).toBe('NO_UNDO');
});

test('undo after two cleans restores the state before the second', () => {
  const a = makeAddon([{ name: 'Kunjungan', rows: messyLog() }]);
  const sheet = a.sheet('Kunjungan');
  a.call('cleanSheet', sheet.getSheetId());
  sheet.getRange(10, 1, 1, 8).setValues([[8, '25 Agustus 2023', 'Lia', '82345678901', '31 thn', 'komplain', 'jmo', 'error akun jmo']]);
  const before = snapshot(a, 'Kunjungan');
  a.call('cleanSheet', sheet.getSheetId());
  a.call('undoLastClean');
  expect(snapshot(a, 'Kunjungan')).toEqual(before);
});

test('no date column: a clear error in the user language, nothing changed', () => {
  const rows: Value[][] = [['Nama', 'Layanan'], ['Budi', 'informasi']];
  for (const [locale, text] of [['id', 'Kolom tanggal kunjungan tidak ditemukan'], ['en', 'No visit-date column was found']]) {
    const a = makeAddon([{ name: 'Tanpa Tanggal', rows }], { locale });
    const before = snapshot(a, 'Tanpa Tanggal');
    const r = a.reply('cleanSheet', a.sheet('Tanpa Tanggal').getSheetId());
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('NO_DATE_COLUMN');
    expect(r.error?.message).toContain(text);
    expect(r.error?.hint.length).toBeGreaterThan(10);
    expect(snapshot(a, 'Tanpa Tanggal')).toEqual(before);
    expect(a.ss.getSheets().map((s) => s.getName())).toEqual(['Tanpa Tanggal', '_pola_state']);
  }
});

test('the mapping can be overridden and a constant set; both are saved per sheet', () => {
  const rows: Value[][] = [['Waktu', 'Catatan', 'Umur'], ['22/05/2023', 'Informasi', 30], ['23/05/2023', 'keluhan', 40]];
  const a = makeAddon([{ name: 'Catatan Harian', rows }]);
  const id = a.sheet('Catatan Harian').getSheetId();
  const view = a.call('inspectSheet', id);
  expect(view.columns.map((c: { role: string }) => c.role)).toEqual(['date', 'ignore', 'age']);
  expect(view.constants).toEqual({ service: '', channel: '' });
  const saved = a.call('saveMapping', { sheetId: id, roles: { '1': 'service' }, constants: { service: '', channel: 'Kantor Cabang' } });
  expect(saved.columns[1].role).toBe('service');
  expect(saved.constantSource.channel).toBe('user');
  a.call('cleanSheet', id);
  a.call('summarise');
  const harian = a.table('ds_harian');
  expect(harian.map((r) => [r.layanan, r.kanal])).toEqual([['Informasi', 'Kantor Cabang'], ['Pengaduan', 'Kantor Cabang']]);
  expect(a.call('inspectSheet', id).saved).toBe(true);
});

test('a sheet named JMO takes its channel from the name', () => {
  const rows: Value[][] = [['Timestamp', 'Layanan'], ['22/05/2023 10:15:32', 'Klaim JHT']];
  const a = makeAddon([{ name: 'JMO', rows }]);
  a.call('cleanSheet', a.sheet('JMO').getSheetId());
  a.call('summarise');
  expect(a.table('ds_harian')[0]).toMatchObject({ layanan: 'Klaim JHT', kanal: 'JMO', jumlah: 1 });
  expect(a.values('JMO')[1][0]).toEqual(localDate(TZ, 2023, 5, 22, 10, 15, 32));
});

test('staff edits in kamus win on the next run', () => {
  const a = makeAddon([{ name: 'Kunjungan', rows: messyLog() }]);
  const id = a.sheet('Kunjungan').getSheetId();
  a.call('cleanSheet', id);
  const kamus = a.sheet('kamus');
  const rows = a.values('kamus');
  const at = rows.findIndex((r) => r[0] === 'layanan' && r[1] === 'Informasi');
  expect(at).toBeGreaterThan(0);
  kamus.getRange(at + 1, 3).setValue('Informasi Umum');
  a.call('cleanSheet', id);
  const v = a.values('Kunjungan');
  expect(v[1][5]).toBe('Informasi Umum');
  expect(v[7][5]).toBe('Informasi Umum');
  expect(v[2][5]).toBe('Pengaduan');
  // and the next run is stable again
  expect(a.call('cleanSheet', id).cellsWritten).toBe(0);
});

test('a backup that would pass the 10,000,000-cell limit stops the run before anything is written', () => {
  const a = makeAddon([{ name: 'Kunjungan', rows: messyLog() }]);
  const filler = a.ss.insertSheet('Arsip');
  // Grow the workbook close to the limit (grid cells count, empty or not).
  filler.insertColumnsAfter(filler.getMaxColumns(), 100 - filler.getMaxColumns());
  filler.insertRowsAfter(filler.getMaxRows(), 99400 - filler.getMaxRows());
  const total = a.ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
  expect(total).toBeLessThanOrEqual(10000000);
  const before = snapshot(a, 'Kunjungan');
  const r = a.reply('cleanSheet', a.sheet('Kunjungan').getSheetId());
  expect(r.ok).toBe(false);
  expect(r.error?.code).toBe('TOO_LARGE');
  expect(r.error?.message).toContain('10.000.000');
  expect(snapshot(a, 'Kunjungan')).toEqual(before);
  expect(a.ss.getSheetByName('_pola_cadangan')).toBeNull();
});

test('another run holding the lock: BUSY, nothing changed', () => {
  const a = makeAddon([{ name: 'Kunjungan', rows: messyLog() }]);
  const before = snapshot(a, 'Kunjungan');
  const first = a.emu.beginExecution('editor');
  const held = (a.ctx as any).LockService.getDocumentLock();
  expect(held.tryLock(1000)).toBe(true);
  // the sidebar's call is a second execution (callEntry starts it)
  const r = a.reply('cleanSheet', a.sheet('Kunjungan').getSheetId());
  expect(r.ok).toBe(false);
  expect(r.error?.code).toBe('BUSY');
  expect(r.error?.message).toContain('Proses lain sedang berjalan');
  expect(snapshot(a, 'Kunjungan')).toEqual(before);
  a.emu.switchExecution(first);
  a.emu.endExecution();
  expect(a.reply('cleanSheet', a.sheet('Kunjungan').getSheetId()).ok).toBe(true);
});
