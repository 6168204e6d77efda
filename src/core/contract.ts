/**
 * The data contract of the summary tabs: the data sources of the branch's Looker Studio
 * dashboard. Looker Studio binds a data source to a tab's sheet id and its fields to header
 * names, so names, headers and column order here never change; new columns only go at the end.
 * docs/data-contract.md documents the same table for dashboard builders.
 */
import { PRAKIRAAN_HEADERS } from './insights/prakiraan';
import { STAF_HEADERS } from './insights/staffing';
import { PERUBAHAN_HEADERS } from './insights/changepoints';
import { WAWASAN_HEADERS } from './insights/wawasan';
import { inRange } from './cells';

export type ColumnType = 'date' | 'text' | 'integer' | 'number' | 'percent' | 'boolean';

export interface ContractColumn {
  header: string;
  type: ColumnType;
  /** The contract version that added the column (absent: version 1). */
  since?: number;
}

export interface TabContract {
  name: string;
  columns: ContractColumn[];
}

const col = (header: string, type: ColumnType, since?: number): ContractColumn => (since ? { header, type, since } : { header, type });

/** One letter per column type, for the compact column lists below (the bundle counts every byte). */
const TYPE_OF_LETTER = { d: 'date', t: 'text', i: 'integer', n: 'number', p: 'percent', b: 'boolean' } as const;
type TypeLetter = keyof typeof TYPE_OF_LETTER;

/** Columns from 'header:letter header:letter …' (letters as in TYPE_OF_LETTER). */
const cols = (spec: string, since?: number): ContractColumn[] =>
  spec.split(' ').map((c) => col(c.slice(0, -2), TYPE_OF_LETTER[c.slice(-1) as TypeLetter], since));

const tabFrom = (name: string, spec: string): TabContract => ({ name, columns: cols(spec) });

export const SUMMARY_TABS: TabContract[] = [
  tabFrom('ds_harian', 'tanggal:d bulan:t minggu_ke:i hari:t layanan:t kanal:t jumlah:i'),
  tabFrom('ds_mingguan', 'minggu_mulai:d layanan:t kanal:t jumlah:i'),
  tabFrom('ds_minggu_bulan', 'bulan:t minggu_ke:i periode_mulai:d periode_selesai:d hari_kerja:i layanan:t jumlah:i jumlah_per_hari_kerja:n'),
  tabFrom('ds_distribusi', 'layanan:t jumlah:i persen:p sumber:t'),
  tabFrom('ds_usia', 'layanan:t kelompok_usia:t jumlah:i persen:p'),
  tabFrom('ds_topik', 'layanan:t kelompok_usia:t topik:t jumlah:i persen:p'),
  tabFrom('ds_kanal', 'layanan:t kanal:t kelompok_usia:t generasi:t jumlah:i persen:p'),
  tabFrom('ds_keluhan_jmo', 'generasi:t kelompok_usia:t kategori:t jumlah:i persen:p'),
  tabFrom('ds_puncak', 'bulan:t minggu_ke:i jumlah:i hari_kerja:i per_hari_kerja:n baseline_per_hari_kerja:n rasio:n puncak:b puncak_awal_bulan:b'),
  tabFrom('info_ringkasan', 'kunci:t nilai:t'),
];

/**
 * Contract version 2, columns appended to version-1 tabs (nothing before them moves). Looker
 * Studio sorts text alphabetically (`20-27, 28-34, 35-42, <20, >42`), so `urutan_usia` and
 * `urutan_generasi` are integer sort keys beside `kelompok_usia` and `generasi`; `bulan` is text,
 * so `bulan_mulai` is the month's first day as a date cell a date range control can filter;
 * `ds_distribusi`'s `persen` is a share within its source sheet, so `persen_total` is the share of
 * all valid visits of every sheet (summing to 1 over the tab).
 */
export const VERSION_2_COLUMNS: Record<string, ContractColumn[]> = {
  ds_harian: cols('bulan_mulai:d', 2),
  ds_minggu_bulan: cols('bulan_mulai:d', 2),
  ds_distribusi: cols('persen_total:p', 2),
  ds_usia: cols('urutan_usia:i', 2),
  ds_topik: cols('urutan_usia:i', 2),
  ds_kanal: cols('urutan_usia:i urutan_generasi:i', 2),
  ds_keluhan_jmo: cols('urutan_generasi:i urutan_usia:i', 2),
  ds_puncak: cols('bulan_mulai:d', 2),
};
for (const tab of SUMMARY_TABS) tab.columns.push(...(VERSION_2_COLUMNS[tab.name] ?? []));

/**
 * Contract version 2, new tabs: the insight tabs. Their headers are
 * defined beside the code that fills them (src/core/insights), and only appended here.
 */
/** A version-2 tab from its headers and one type letter per header (a missing or extra type fails typecheck). */
const tabOf = <H extends readonly string[]>(name: string, headers: H, types: { readonly [K in keyof H]: TypeLetter }): TabContract => ({
  name,
  columns: headers.map((header, i) => col(header, TYPE_OF_LETTER[inRange<TypeLetter>(types, i)], 2)),
});

export const INSIGHT_TABS: TabContract[] = [
  tabOf('ds_prakiraan', PRAKIRAAN_HEADERS, ['d', 't', 't', 'i', 'n', 'i', 'i']),
  tabOf('ds_staf', STAF_HEADERS, ['t', 'i', 't', 'n', 'n', 'n', 'n', 'n', 'p', 'i', 'p', 'n']),
  tabOf('ds_perubahan', PERUBAHAN_HEADERS, ['t', 't', 'd', 'd', 'n', 'n', 'n']),
  tabOf('wawasan', WAWASAN_HEADERS, ['t', 't', 't', 't']),
];
SUMMARY_TABS.push(...INSIGHT_TABS.filter((t) => t.name.startsWith('ds_')));

/** The recommendations tab: staff read it (and a dashboard may show it), one row per finding. */
export const INSIGHT_REPORT_TABS: TabContract[] = INSIGHT_TABS.filter((t) => !t.name.startsWith('ds_'));

/** Tabs the add-on writes that staff read but dashboards do not bind to. */
export const REPORT_TABS: TabContract[] = [tabFrom('kamus', 'kolom:t nilai_asli:t nilai_baku:t'), tabFrom('masalah_data', 'sheet:t baris:i kolom:t nilai_asli:t masalah:t tindakan:t')];

/** Hidden tab holding the undo backup of the last clean. */
export const BACKUP_TAB = '_pola_cadangan';

export const ALL_TABS = [...SUMMARY_TABS, ...INSIGHT_REPORT_TABS, ...REPORT_TABS];

export function tabContract(name: string): TabContract {
  const tab = ALL_TABS.find((t) => t.name === name);
  if (!tab) throw new Error('Unknown tab ' + name);
  return tab;
}

/** Number format per column type, as Sheets spells them. */
export const FORMAT_OF_TYPE: Record<ColumnType, string> = {
  date: 'yyyy-mm-dd',
  text: '@',
  integer: '0',
  number: '0.00',
  percent: '0.00%',
  boolean: 'General',
};
