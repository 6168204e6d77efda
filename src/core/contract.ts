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

export const SUMMARY_TABS: TabContract[] = [
  {
    name: 'ds_harian',
    columns: [col('tanggal', 'date'), col('bulan', 'text'), col('minggu_ke', 'integer'), col('hari', 'text'), col('layanan', 'text'), col('kanal', 'text'), col('jumlah', 'integer')],
  },
  { name: 'ds_mingguan', columns: [col('minggu_mulai', 'date'), col('layanan', 'text'), col('kanal', 'text'), col('jumlah', 'integer')] },
  {
    name: 'ds_minggu_bulan',
    columns: [
      col('bulan', 'text'),
      col('minggu_ke', 'integer'),
      col('periode_mulai', 'date'),
      col('periode_selesai', 'date'),
      col('hari_kerja', 'integer'),
      col('layanan', 'text'),
      col('jumlah', 'integer'),
      col('jumlah_per_hari_kerja', 'number'),
    ],
  },
  { name: 'ds_distribusi', columns: [col('layanan', 'text'), col('jumlah', 'integer'), col('persen', 'percent'), col('sumber', 'text')] },
  { name: 'ds_usia', columns: [col('layanan', 'text'), col('kelompok_usia', 'text'), col('jumlah', 'integer'), col('persen', 'percent')] },
  {
    name: 'ds_topik',
    columns: [col('layanan', 'text'), col('kelompok_usia', 'text'), col('topik', 'text'), col('jumlah', 'integer'), col('persen', 'percent')],
  },
  {
    name: 'ds_kanal',
    columns: [col('layanan', 'text'), col('kanal', 'text'), col('kelompok_usia', 'text'), col('generasi', 'text'), col('jumlah', 'integer'), col('persen', 'percent')],
  },
  {
    name: 'ds_keluhan_jmo',
    columns: [col('generasi', 'text'), col('kelompok_usia', 'text'), col('kategori', 'text'), col('jumlah', 'integer'), col('persen', 'percent')],
  },
  {
    name: 'ds_puncak',
    columns: [
      col('bulan', 'text'),
      col('minggu_ke', 'integer'),
      col('jumlah', 'integer'),
      col('hari_kerja', 'integer'),
      col('per_hari_kerja', 'number'),
      col('baseline_per_hari_kerja', 'number'),
      col('rasio', 'number'),
      col('puncak', 'boolean'),
      col('puncak_awal_bulan', 'boolean'),
    ],
  },
  { name: 'info_ringkasan', columns: [col('kunci', 'text'), col('nilai', 'text')] },
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
  ds_harian: [col('bulan_mulai', 'date', 2)],
  ds_minggu_bulan: [col('bulan_mulai', 'date', 2)],
  ds_distribusi: [col('persen_total', 'percent', 2)],
  ds_usia: [col('urutan_usia', 'integer', 2)],
  ds_topik: [col('urutan_usia', 'integer', 2)],
  ds_kanal: [col('urutan_usia', 'integer', 2), col('urutan_generasi', 'integer', 2)],
  ds_keluhan_jmo: [col('urutan_generasi', 'integer', 2), col('urutan_usia', 'integer', 2)],
  ds_puncak: [col('bulan_mulai', 'date', 2)],
};
for (const tab of SUMMARY_TABS) tab.columns.push(...(VERSION_2_COLUMNS[tab.name] ?? []));

/**
 * Contract version 2, new tabs: the insight tabs. Their headers are
 * defined beside the code that fills them (src/core/insights), and only appended here.
 */
/** A version-2 tab from its headers and one type per header (a missing or extra type fails typecheck). */
const tabOf = <H extends readonly string[]>(name: string, headers: H, types: { readonly [K in keyof H]: ColumnType }): TabContract => ({
  name,
  columns: headers.map((header, i) => col(header, inRange<ColumnType>(types, i), 2)),
});

export const INSIGHT_TABS: TabContract[] = [
  tabOf('ds_prakiraan', PRAKIRAAN_HEADERS, ['date', 'text', 'text', 'integer', 'number', 'integer', 'integer']),
  tabOf('ds_staf', STAF_HEADERS, ['text', 'integer', 'text', 'number', 'number', 'number', 'number', 'number', 'percent', 'integer', 'percent', 'number']),
  tabOf('ds_perubahan', PERUBAHAN_HEADERS, ['text', 'text', 'date', 'date', 'number', 'number', 'number']),
  tabOf('wawasan', WAWASAN_HEADERS, ['text', 'text', 'text', 'text']),
];
SUMMARY_TABS.push(...INSIGHT_TABS.filter((t) => t.name.startsWith('ds_')));

/** The recommendations tab: staff read it (and a dashboard may show it), one row per finding. */
export const INSIGHT_REPORT_TABS: TabContract[] = INSIGHT_TABS.filter((t) => !t.name.startsWith('ds_'));

/** Tabs the add-on writes that staff read but dashboards do not bind to. */
export const REPORT_TABS: TabContract[] = [
  { name: 'kamus', columns: [col('kolom', 'text'), col('nilai_asli', 'text'), col('nilai_baku', 'text')] },
  {
    name: 'masalah_data',
    columns: [col('sheet', 'text'), col('baris', 'integer'), col('kolom', 'text'), col('nilai_asli', 'text'), col('masalah', 'text'), col('tindakan', 'text')],
  },
];

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
