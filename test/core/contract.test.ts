import { ALL_TABS, FORMAT_OF_TYPE, REPORT_TABS, SUMMARY_TABS, VERSION_2_COLUMNS, tabContract } from '../../src/core/contract';

/**
 * The frozen contract, written out by hand: Looker Studio binds fields to these header names,
 * so a change here breaks every branch's dashboard. New columns may only be appended.
 */
const FROZEN: Record<string, string[]> = {
  ds_harian: ['tanggal:date', 'bulan:text', 'minggu_ke:integer', 'hari:text', 'layanan:text', 'kanal:text', 'jumlah:integer'],
  ds_mingguan: ['minggu_mulai:date', 'layanan:text', 'kanal:text', 'jumlah:integer'],
  ds_minggu_bulan: ['bulan:text', 'minggu_ke:integer', 'periode_mulai:date', 'periode_selesai:date', 'hari_kerja:integer', 'layanan:text', 'jumlah:integer', 'jumlah_per_hari_kerja:number'],
  ds_distribusi: ['layanan:text', 'jumlah:integer', 'persen:percent', 'sumber:text'],
  ds_usia: ['layanan:text', 'kelompok_usia:text', 'jumlah:integer', 'persen:percent'],
  ds_topik: ['layanan:text', 'kelompok_usia:text', 'topik:text', 'jumlah:integer', 'persen:percent'],
  ds_kanal: ['layanan:text', 'kanal:text', 'kelompok_usia:text', 'generasi:text', 'jumlah:integer', 'persen:percent'],
  ds_keluhan_jmo: ['generasi:text', 'kelompok_usia:text', 'kategori:text', 'jumlah:integer', 'persen:percent'],
  ds_puncak: ['bulan:text', 'minggu_ke:integer', 'jumlah:integer', 'hari_kerja:integer', 'per_hari_kerja:number', 'baseline_per_hari_kerja:number', 'rasio:number', 'puncak:boolean', 'puncak_awal_bulan:boolean'],
  info_ringkasan: ['kunci:text', 'nilai:text'],
  // Version 2: new tabs only.
  ds_prakiraan: ['tanggal:date', 'layanan:text', 'jenis:text', 'jumlah_aktual:integer', 'prakiraan:number', 'batas_bawah:integer', 'batas_atas:integer'],
  ds_staf: ['hari:text', 'minggu_ke:integer', 'layanan:text', 'kunjungan_per_hari:number', 'aht_menit:number', 'jam_buka:number', 'target_persen:number', 'target_menit:number', 'penyusutan:percent', 'petugas:integer', 'tingkat_layanan:percent', 'rata_tunggu_menit:number'],
  ds_perubahan: ['layanan:text', 'topik:text', 'mulai:date', 'selesai:date', 'rata_sebelum_per_minggu:number', 'rata_selama_per_minggu:number', 'rasio:number'],
  wawasan: ['kode:text', 'temuan:text', 'rekomendasi:text', 'angka_pendukung:text'],
  kamus: ['kolom:text', 'nilai_asli:text', 'nilai_baku:text'],
  masalah_data: ['sheet:text', 'baris:integer', 'kolom:text', 'nilai_asli:text', 'masalah:text', 'tindakan:text'],
};

/**
 * Version 2, columns appended to version-1 tabs: frozen too, right after the version-1 columns.
 * A tab not named here gained no column in version 2.
 */
const FROZEN_V2_APPENDED: Record<string, string[]> = {
  ds_harian: ['bulan_mulai:date'],
  ds_minggu_bulan: ['bulan_mulai:date'],
  ds_distribusi: ['persen_total:percent'],
  ds_usia: ['urutan_usia:integer'],
  ds_topik: ['urutan_usia:integer'],
  ds_kanal: ['urutan_usia:integer', 'urutan_generasi:integer'],
  ds_keluhan_jmo: ['urutan_generasi:integer', 'urutan_usia:integer'],
  ds_puncak: ['bulan_mulai:date'],
};

const VERSION_1_TABS = ['ds_harian', 'ds_mingguan', 'ds_minggu_bulan', 'ds_distribusi', 'ds_usia', 'ds_topik', 'ds_kanal', 'ds_keluhan_jmo', 'ds_puncak', 'info_ringkasan', 'kamus', 'masalah_data'];

test('every tab keeps its frozen headers and types; new columns only at the end', () => {
  for (const tab of ALL_TABS) {
    const frozen = FROZEN[tab.name];
    if (!frozen) throw new Error(`${tab.name} is not in the frozen contract`);
    expect([tab.name, tab.columns.slice(0, frozen.length).map((c) => `${c.header}:${c.type}`)]).toEqual([tab.name, frozen]);
  }
  expect(ALL_TABS.map((t) => t.name).sort()).toEqual(Object.keys(FROZEN).sort());
});

test('version 2 appends its columns at the end of version-1 tabs, in this order, and nothing after them yet', () => {
  for (const name of VERSION_1_TABS) {
    const tab = tabContract(name);
    const appended = FROZEN_V2_APPENDED[name] ?? [];
    const all = [...FROZEN[name], ...appended];
    expect([name, tab.columns.map((c) => `${c.header}:${c.type}`)]).toEqual([name, all]);
    expect([name, tab.columns.map((c) => c.since ?? 1)]).toEqual([name, all.map((_, i) => (i < FROZEN[name].length ? 1 : 2))]);
  }
  expect(Object.keys(VERSION_2_COLUMNS).sort()).toEqual(Object.keys(FROZEN_V2_APPENDED).sort());
});

test('a sort key stands wherever the column it sorts appears; bulan_mulai wherever bulan appears', () => {
  for (const tab of ALL_TABS) {
    const headers = tab.columns.map((c) => c.header);
    expect([tab.name, headers.includes('urutan_usia')]).toEqual([tab.name, headers.includes('kelompok_usia')]);
    expect([tab.name, headers.includes('urutan_generasi')]).toEqual([tab.name, headers.includes('generasi')]);
    expect([tab.name, headers.includes('bulan_mulai')]).toEqual([tab.name, headers.includes('bulan')]);
  }
  expect(ALL_TABS.filter((t) => t.columns.some((c) => c.header === 'persen_total')).map((t) => t.name)).toEqual(['ds_distribusi']);
});

test('the version-2 tabs are version 2 in every column', () => {
  for (const name of ['ds_prakiraan', 'ds_staf', 'ds_perubahan', 'wawasan']) expect([name, tabContract(name).columns.every((c) => c.since === 2)]).toEqual([name, true]);
});

test('summary tabs are the data sources (ds_ and info_), report tabs the rest; headers are unique within a tab', () => {
  expect(SUMMARY_TABS.every((t) => /^(ds|info)_/.test(t.name))).toBe(true);
  expect(REPORT_TABS.map((t) => t.name)).toEqual(['kamus', 'masalah_data']);
  for (const tab of ALL_TABS) expect(new Set(tab.columns.map((c) => c.header)).size).toBe(tab.columns.length);
});

test('tabContract finds a tab by name and refuses an unknown one', () => {
  expect(tabContract('ds_usia').columns.map((c) => c.header)).toEqual(['layanan', 'kelompok_usia', 'jumlah', 'persen', 'urutan_usia']);
  expect(() => tabContract('ds_unknown')).toThrow('Unknown tab ds_unknown');
});

test('every column of every tab, the unfrozen ones too, has a type with a number format', () => {
  const untyped = ALL_TABS.flatMap((tab) => tab.columns.filter((c) => !(c.type in FORMAT_OF_TYPE)).map((c) => `${tab.name}.${c.header}`));
  expect(untyped).toEqual([]);
});

test('every column type has the number format Sheets spells for it', () => {
  expect(FORMAT_OF_TYPE).toEqual({ date: 'yyyy-mm-dd', text: '@', integer: '0', number: '0.00', percent: '0.00%', boolean: 'General' });
});
