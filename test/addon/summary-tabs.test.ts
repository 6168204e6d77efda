/**
 * The summary tabs as Looker Studio data sources: a frozen contract, rewritten in place.
 */
import * as fs from 'fs';
import * as path from 'path';
import { makeAddon, Value, localDate, Addon } from '../helpers/addon';
import { SUMMARY_TABS, REPORT_TABS } from '../../src/core/contract';
import { contractTable } from '../../tools/gen-contract-doc';
import { ROOT } from '../../tools/build';

const TZ = 'Asia/Jakarta';

/** A small log: two weeks of visits, more in week 1. */
function log(): Value[][] {
  const rows: Value[][] = [['Tanggal', 'Nama', 'Usia', 'Layanan', 'Kanal', 'Topik']];
  const add = (y: number, m: number, d: number, n: number, layanan: string, kanal: string) => {
    for (let i = 0; i < n; i++) rows.push([localDate(TZ, y, m, d), `Peserta ${rows.length}`, 20 + (rows.length % 40), layanan, kanal, i % 2 ? 'KPJ Lama' : 'Saldo JHT']);
  };
  for (const d of [3, 4, 5, 6, 7]) add(2023, 7, d, 6, 'Informasi', 'Kantor Cabang');
  for (const d of [10, 11, 12, 13, 14, 17, 18, 19, 20, 21, 24, 25, 26, 27, 28, 31]) add(2023, 7, d, 3, 'Informasi', 'Kantor Cabang');
  for (const d of [3, 4, 10, 11]) add(2023, 7, d, 2, 'Pengaduan', 'JMO');
  return rows;
}

function run(a: Addon): any {
  a.call('cleanSheet', a.sheet('Log').getSheetId());
  a.call('writeReports');
  return a.call('summarise');
}

test('every tab has exactly the contract headers, in order, and docs/data-contract.md says the same', () => {
  const a = makeAddon([{ name: 'Log', rows: log() }]);
  run(a);
  for (const tab of [...SUMMARY_TABS, ...REPORT_TABS]) {
    const header = a.values(tab.name)[0];
    expect(header).toEqual(tab.columns.map((c) => c.header));
  }
  expect(SUMMARY_TABS.map((t) => t.name)).toEqual(['ds_harian', 'ds_mingguan', 'ds_minggu_bulan', 'ds_distribusi', 'ds_usia', 'ds_topik', 'ds_kanal', 'ds_keluhan_jmo', 'ds_puncak', 'info_ringkasan', 'ds_prakiraan', 'ds_staf', 'ds_perubahan']);
  const all = (name: string) => SUMMARY_TABS.find((t) => t.name === name)!.columns;
  const contract = (name: string) => all(name).filter((c) => !c.since).map((c) => c.header);
  // The columns the issue froze come first, in this order (later columns only ever at the end).
  for (const tab of SUMMARY_TABS) expect([tab.name, tab.columns.findIndex((c) => c.since) === -1 || tab.columns.slice(tab.columns.findIndex((c) => c.since)).every((c) => c.since)]).toEqual([tab.name, true]);
  const doc = fs.readFileSync(path.join(ROOT, 'docs/data-contract.md'), 'utf8');
  expect(contract('ds_harian')).toEqual(['tanggal', 'bulan', 'minggu_ke', 'hari', 'layanan', 'kanal', 'jumlah']);
  expect(contract('ds_mingguan')).toEqual(['minggu_mulai', 'layanan', 'kanal', 'jumlah']);
  expect(contract('ds_minggu_bulan')).toEqual(['bulan', 'minggu_ke', 'periode_mulai', 'periode_selesai', 'hari_kerja', 'layanan', 'jumlah', 'jumlah_per_hari_kerja']);
  expect(contract('ds_distribusi').slice(0, 3)).toEqual(['layanan', 'jumlah', 'persen']);
  expect(contract('ds_usia')).toEqual(['layanan', 'kelompok_usia', 'jumlah', 'persen']);
  expect(contract('ds_topik')).toEqual(['layanan', 'kelompok_usia', 'topik', 'jumlah', 'persen']);
  expect(contract('ds_kanal')).toEqual(['layanan', 'kanal', 'kelompok_usia', 'generasi', 'jumlah', 'persen']);
  expect(contract('ds_keluhan_jmo')).toEqual(['generasi', 'kelompok_usia', 'kategori', 'jumlah', 'persen']);
  expect(contract('ds_puncak')).toEqual(['bulan', 'minggu_ke', 'jumlah', 'hari_kerja', 'per_hari_kerja', 'baseline_per_hari_kerja', 'rasio', 'puncak', 'puncak_awal_bulan']);
  expect(contract('info_ringkasan')).toEqual(['kunci', 'nilai']);
  // Version 2: new columns after all of those.
  const appended = (name: string) => all(name).filter((c) => c.since === 2).map((c) => c.header);
  expect(['ds_harian', 'ds_minggu_bulan', 'ds_puncak'].map(appended)).toEqual([['bulan_mulai'], ['bulan_mulai'], ['bulan_mulai']]);
  expect(['ds_usia', 'ds_topik', 'ds_kanal', 'ds_keluhan_jmo', 'ds_distribusi'].map(appended)).toEqual([['urutan_usia'], ['urutan_usia'], ['urutan_usia', 'urutan_generasi'], ['urutan_generasi', 'urutan_usia'], ['persen_total']]);
  expect(doc).toMatch(/New tabs/);
  expect(doc).toMatch(/New columns at the end of version-1 tabs/);
  expect(doc).toContain(contractTable());
});

test('one type per column, no blank rows, frozen bold header, dates and percents formatted', () => {
  const a = makeAddon([{ name: 'Log', rows: log() }]);
  run(a);
  const neverFilled: string[] = [];
  for (const tab of SUMMARY_TABS) {
    const sheet = a.sheet(tab.name);
    const [, ...rows] = a.values(tab.name);
    expect(sheet.getFrozenRows()).toBe(1);
    for (const row of rows) expect(row.every((v) => v === '')).toBe(false);
    tab.columns.forEach((c, i) => {
      const kinds = new Set(rows.map((r) => r[i]).filter((v) => v !== '').map((v) => (Object.prototype.toString.call(v) === '[object Date]' ? 'date' : typeof v)));
      const expected = { date: 'date', text: 'string', integer: 'number', number: 'number', percent: 'number', boolean: 'boolean' }[c.type];
      if (kinds.size) expect([...kinds]).toEqual([expected]);
      else neverFilled.push(`${tab.name}.${c.header}`);
    });
    if (rows.length) {
      const formats = sheet.getRange(2, 1, 1, tab.columns.length).getNumberFormats()[0];
      tab.columns.forEach((c, i) => {
        if (c.type === 'date') expect(formats[i]).toBe('yyyy-mm-dd');
        if (c.type === 'percent') expect(formats[i]).toMatch(/%/);
      });
    }
  }
  // The type check above holds for every column this log fills; the ones it leaves blank are
  // these (a month of visits: no change point, and too short for a backtest with actual counts).
  expect(neverFilled).toEqual([
    'ds_prakiraan.jumlah_aktual',
    ...SUMMARY_TABS.find((t) => t.name === 'ds_perubahan')!.columns.map((c) => `ds_perubahan.${c.header}`),
  ]);
  // What staff and Looker Studio see: the contract's headers, ISO dates, percents with a % sign.
  const harian = SUMMARY_TABS.find((t) => t.name === 'ds_harian')!;
  expect(a.sheet('ds_harian').getRange(1, 1, 1, harian.columns.length).getDisplayValues()[0]).toEqual(harian.columns.map((c) => c.header));
  expect(a.sheet('ds_usia').getRange(2, 4).getDisplayValue()).toMatch(/^\d+([.,]\d+)?%$/);
  expect(a.sheet('ds_harian').getRange(2, 1).getDisplayValue()).toBe('2023-07-03');
  expect(a.sheet('ds_usia').getRange(1, 1, 1, 1).getFontWeights()[0][0]).toBe('bold');
});

test('a tab keeps its sheet id over three runs and after a rename; stale rows are cleared', () => {
  const a = makeAddon([{ name: 'Log', rows: log() }]);
  run(a);
  const ids = Object.fromEntries(SUMMARY_TABS.map((t) => [t.name, a.sheet(t.name).getSheetId()]));
  run(a);
  run(a);
  for (const t of SUMMARY_TABS) expect(a.sheet(t.name).getSheetId()).toBe(ids[t.name]);
  const harianRows = a.sheet('ds_harian').getLastRow();
  a.sheet('ds_harian').setName('Harian (jangan diubah)');
  // Half the log goes: the next run must write fewer rows into the same (renamed) tab.
  const logSheet = a.sheet('Log');
  logSheet.getRange(60, 1, logSheet.getLastRow() - 59, logSheet.getLastColumn()).clearContent();
  const res = run(a);
  expect(a.ss.getSheetByName('ds_harian')).toBeNull();
  const renamed = a.sheet('Harian (jangan diubah)');
  expect(renamed.getSheetId()).toBe(ids.ds_harian);
  expect(res.tabs.find((t: { sheetId: number }) => t.sheetId === ids.ds_harian).name).toBe('Harian (jangan diubah)');
  const values = a.values('Harian (jangan diubah)');
  expect(values.length).toBeLessThan(harianRows);
  expect(renamed.getLastRow()).toBe(values.length);
  const total = values.slice(1).reduce((n, r) => n + (r[6] as number), 0);
  expect(total).toBe(58);
});

test('the Looker Studio link names a Google Sheets data source per ds_ tab, bound by worksheet id', () => {
  const a = makeAddon([{ name: 'Log', rows: log() }]);
  const res = run(a);
  const url = new URL(res.lookerStudioUrl);
  expect(url.origin + url.pathname).toBe('https://lookerstudio.google.com/reporting/create');
  const p = url.searchParams;
  const ds = SUMMARY_TABS.filter((t) => t.name.startsWith('ds_'));
  expect(ds).toHaveLength(12);
  for (const tab of ds) {
    const alias = tab.name.replace(/^ds_/, '').replace(/_/g, '');
    expect(p.get(`ds.${alias}.connector`)).toBe('googleSheets');
    expect(p.get(`ds.${alias}.spreadsheetId`)).toBe(a.ss.getId());
    expect(p.get(`ds.${alias}.worksheetId`)).toBe(String(a.sheet(tab.name).getSheetId()));
    expect(p.get(`ds.${alias}.datasourceName`)).toBe(tab.name);
  }
  expect(p.get('r.reportName')).toContain('Pola Layanan');
});

test('peaks: holidays are not working days, and the threshold is a setting', () => {
  const a = makeAddon([{ name: 'Log', rows: log() }]);
  let res = run(a);
  expect(res.earlyMonthPeaks).toEqual(['2023-07']);
  const week1 = () => a.table('ds_puncak').find((r) => r.bulan === '2023-07' && r.minggu_ke === 1)!;
  expect(week1()).toMatchObject({ jumlah: 34, hari_kerja: 5, puncak: true, puncak_awal_bulan: true });
  a.call('saveSettings', { ageBounds: [20, 28, 35, 43], peakThreshold: 3, holidays: ['2023-07-05'], language: 'auto' });
  res = a.call('summarise');
  expect(week1()).toMatchObject({ hari_kerja: 4, puncak: false });
  expect(res.earlyMonthPeaks).toEqual([]);
  const bad = a.reply('saveSettings', { ageBounds: [30, 20], peakThreshold: 1.2, holidays: [], language: 'auto' });
  expect(bad.ok).toBe(false);
  expect(bad.error?.code).toBe('BAD_INPUT');
});

test('dropping a sheet takes it out of the summaries', () => {
  const other: Value[][] = [['Tanggal', 'Layanan'], [localDate(TZ, 2023, 7, 3), 'Klaim JHT']];
  const a = makeAddon([{ name: 'Log', rows: log() }, { name: 'Lapak Asik', rows: other }]);
  a.call('cleanSheet', a.sheet('Lapak Asik').getSheetId());
  run(a);
  expect(a.table('ds_distribusi').map((r) => r.sumber).sort()).toEqual(['Lapak Asik', 'Log', 'Log']);
  const left = a.call('dropSheet', a.sheet('Lapak Asik').getSheetId());
  expect(left.map((s: { name: string }) => s.name)).toEqual(['Log']);
  a.call('summarise');
  expect(a.table('ds_distribusi').map((r) => r.sumber)).toEqual(['Log', 'Log']);
});

test('the sidebar state lists what staff need, with no Date crossing the wire', () => {
  const a = makeAddon([{ name: 'Log', rows: log() }]);
  run(a);
  const s = a.call('getSidebarState');
  expect(s).toMatchObject({ lang: 'id', activeSheetName: 'Log', timeZone: TZ, registered: [{ name: 'Log' }], nightly: { enabled: false } });
  expect(s.active.columns.map((c: { role: string }) => c.role)).toEqual(['date', 'personal', 'age', 'service', 'channel', 'topic']);
  expect(s.active.columns[0].samples[0]).toBe('2023-07-03');
  a.ss.setActiveSheet(a.sheet('ds_usia'));
  const onSummary = a.call('getSidebarState');
  expect(onSummary.active).toBeNull();
  expect(onSummary.activeNote).toContain('Pola Layanan');
});

/** A log with every age group (and no age), two months, in two sheets of different sizes. */
function logAllAges(): Value[][] {
  const rows: Value[][] = [['Tanggal', 'Nama', 'Usia', 'Layanan', 'Kanal', 'Topik']];
  const ages: Value[] = [50, 17, 30, 40, '', 25];
  const days: [number, number][] = [[6, 28], [6, 29], [6, 30], [7, 3], [7, 4], [7, 5], [7, 17]];
  days.forEach(([m, d], i) => ages.forEach((age, j) => rows.push([localDate(TZ, 2023, m, d), `Peserta ${i}-${j}`, age, i % 2 ? 'Informasi' : 'Klaim JHT', 'Kantor Cabang', 'Saldo JHT'])));
  return rows;
}

test('version 2 in the sheet: urutan_usia sorts the age groups, bulan_mulai is the first of the month as a date cell, persen_total sums to 100 %', () => {
  const other: Value[][] = [['Tanggal', 'Layanan'], ...[3, 4, 5].map((d) => [localDate(TZ, 2023, 7, d), 'Pengaduan'] as Value[])];
  const a = makeAddon([{ name: 'Log', rows: logAllAges() }, { name: 'Lapak Asik', rows: other }]);
  a.call('cleanSheet', a.sheet('Lapak Asik').getSheetId());
  run(a);
  for (const layanan of ['Informasi', 'Klaim JHT']) {
    const usia = a.table('ds_usia').filter((r) => r.layanan === layanan);
    const sorted = usia.slice().sort((x, y) => (x.urutan_usia as number) - (y.urutan_usia as number));
    expect([layanan, sorted.map((r) => r.kelompok_usia)]).toEqual([layanan, ['<20', '20-27', '28-34', '35-42', '>42', 'Tidak diketahui']]);
  }
  const harian = a.sheet('ds_harian');
  const col = harian.getRange(1, 1, 1, harian.getLastColumn()).getValues()[0].indexOf('bulan_mulai') + 1;
  expect(col).toBe(8);
  const shown = harian.getRange(2, 1, harian.getLastRow() - 1, col).getDisplayValues();
  for (const r of shown) expect(r[col - 1]).toBe(`${r[1]}-01`);
  expect(new Set(shown.map((r) => r[col - 1]))).toEqual(new Set(['2023-06-01', '2023-07-01']));
  for (const name of ['ds_harian', 'ds_minggu_bulan', 'ds_puncak']) {
    for (const r of a.table(name)) expect([name, localDateString(r.bulan_mulai as Date)]).toEqual([name, `${r.bulan}-01 00:00`]);
  }
  const dist = a.table('ds_distribusi');
  expect(dist.reduce((n, r) => n + (r.persen_total as number), 0)).toBeCloseTo(1, 6);
  const total = dist.reduce((n, r) => n + (r.jumlah as number), 0);
  expect(total).toBe(45);
  for (const r of dist) expect(r.persen_total).toBeCloseTo((r.jumlah as number) / total, 6);
  expect(dist.find((r) => r.sumber === 'Lapak Asik')).toMatchObject({ layanan: 'Pengaduan', jumlah: 3, persen: 1 });
  expect(a.sheet('ds_distribusi').getRange(2, 5).getDisplayValue()).toMatch(/^\d+([.,]\d+)?%$/);
});

/** A Date as the wall clock of the test zone. */
function localDateString(d: Date): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
