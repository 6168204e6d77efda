/**
 * The data contract as BigQuery SQL: one view per ds_ tab over the regional table, generated from
 * contract.ts (names, order) and the summary rules of summarise.ts / peaks.ts (what each column
 * means). `cabang` comes first; a row with cabang SEMUA holds the figures over every branch, so a
 * regional Looker Studio report binds the same field names a branch's report does.
 *
 * The insight tabs (ds_prakiraan, ds_staf, ds_perubahan) are models (a forecast, queueing, change
 * points), not aggregations; they stay in the TypeScript core and are listed in NOT_IN_SQL.
 */
import { SUMMARY_TABS, tabContract } from '../contract';
import { GENERATIONS, UNKNOWN_GROUP, WEEKDAY_NAMES, ageGroupLabels } from '../settings';
import { JMO_COMPLAINT_CATEGORIES } from '../vocabulary';
import { closedDates } from '../insights/holidays';
import { REGIONAL_COLUMNS, VALID_STATUSES } from './rows';

/** The figures over every branch are the rows of this cabang. */
export const ALL_BRANCHES = 'SEMUA';

/** ds_ tabs with no SQL view, and why. */
export const NOT_IN_SQL: Record<string, string> = {
  ds_prakiraan: 'forecast model (src/core/insights/prakiraan.ts)',
  ds_staf: 'staffing model (src/core/insights/staffing.ts)',
  ds_perubahan: 'change-point model (src/core/insights/changepoints.ts)',
};

export interface SqlOptions {
  /** `project.dataset` of the regional tables. */
  dataset: string;
  /** The regional table's name in it. */
  table: string;
  ageBounds: readonly number[];
  /** National holidays (yyyy-mm-dd) left out of the working days. */
  holidays: readonly string[];
  peakThreshold: number;
}

export const DEFAULT_SQL_OPTIONS: SqlOptions = { dataset: 'PROJECT_ID.pola_regional', table: 'kunjungan', ageBounds: [20, 28, 35, 43], holidays: [], peakThreshold: 1.2 };

const quote = (s: string): string => "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
const path = (o: SqlOptions, name: string): string => '`' + o.dataset + '.' + name + '`';

const BULAN = "FORMAT_DATE('%Y-%m', tanggal)";
const MINGGU_KE = 'LEAST(5, CAST(FLOOR((EXTRACT(DAY FROM tanggal) - 1) / 7) AS INT64) + 1)';
const HARI = 'CASE EXTRACT(DAYOFWEEK FROM tanggal) ' + WEEKDAY_NAMES.map((name, i) => `WHEN ${i + 1} THEN ${quote(name)}`).join(' ') + ' END';

/** A CASE giving each value its position in `order` (ageRank / generationRank), `order.length` for any other. */
const rank = (column: string, order: readonly string[]): string => `CASE ${column} ${order.map((v, i) => `WHEN ${quote(v)} THEN ${i}`).join(' ')} ELSE ${order.length} END`;

/**
 * The valid visits, with only the columns a view reads: on-demand BigQuery bills the bytes of the
 * columns a query reads, so each view names its own.
 */
function validCte(o: SqlOptions, reads: readonly string[]): string {
  const cols = REGIONAL_COLUMNS.map((c) => c.name).filter((c) => c === 'cabang' || reads.includes(c));
  return `valid AS (SELECT ${cols.join(', ')} FROM ${path(o, o.table)} WHERE status_bersih IN (${VALID_STATUSES.map(quote).join(', ')}))`;
}

/**
 * Counts per branch over `keys` (name AS expression), then the same counts over every branch as
 * cabang SEMUA: `agg` and `semua` CTEs. Counting per branch first keeps the SEMUA rows cheap.
 * With `daily`, visits are first counted per branch, day and those columns, and the keys (a
 * month, a week) are computed on those counts: a date function per day, not per visit.
 */
function countsCte(keys: [string, string][], where = '', daily?: string[]): string {
  const names = keys.map(([n]) => n).join(', ');
  const exprs = keys.map(([n, e]) => (n === e ? n : `${e} AS ${n}`)).join(', ');
  const filter = where ? ' WHERE ' + where : '';
  const semua = `semua AS (SELECT cabang, ${names}, jumlah FROM agg UNION ALL SELECT ${quote(ALL_BRANCHES)} AS cabang, ${names}, SUM(jumlah) AS jumlah FROM agg GROUP BY ${names})`;
  if (!daily) return `agg AS (SELECT cabang, ${exprs}, COUNT(*) AS jumlah FROM valid${filter} GROUP BY cabang, ${names}),\n` + semua;
  // The keys made from the date are computed once per distinct day (kalender), then joined.
  const fromDate = keys.filter(([n, e]) => n !== e);
  const picked = keys.map(([n, e]) => (n === e ? 'p.' + n : 'k.' + n)).join(', ');
  return (
    `per_hari AS (SELECT cabang, tanggal, ${[...daily, 'COUNT(*) AS jumlah'].join(', ')} FROM valid${filter} GROUP BY cabang, tanggal${daily.map((c) => ', ' + c).join('')}),\n` +
    `kalender AS (SELECT tanggal, ${fromDate.map(([n, e]) => `${e} AS ${n}`).join(', ')} FROM (SELECT DISTINCT tanggal FROM per_hari) AS t),\n` +
    `agg AS (SELECT p.cabang, ${picked}, SUM(p.jumlah) AS jumlah FROM per_hari AS p JOIN kalender AS k ON k.tanggal = p.tanggal GROUP BY p.cabang, ${picked}),\n` +
    semua
  );
}

/**
 * The (month, week-of-month) buckets of every branch and of SEMUA, from the branch's first to last
 * visit, with their working days: peaks.ts's bucketsBetween as summarise.ts calls it, Monday to
 * Friday but the holidays set in settings, and the built-in national holidays and cuti bersama on
 * which the branch (for SEMUA: any branch) has no visit.
 */
function bucketCtes(o: SqlOptions): string {
  const inList = (dates: readonly string[]): string => (dates.length ? `tanggal IN (${dates.map((h) => `DATE ${quote(h)}`).join(', ')})` : 'FALSE');
  const builtIn = Array.from(closedDates()).sort();
  return [
    `rentang AS (SELECT cabang, MIN(tanggal) AS mulai, MAX(tanggal) AS selesai FROM valid GROUP BY cabang UNION ALL SELECT ${quote(ALL_BRANCHES)} AS cabang, MIN(tanggal) AS mulai, MAX(tanggal) AS selesai FROM valid)`,
    `dikunjungi AS (SELECT DISTINCT cabang, tanggal FROM valid UNION ALL SELECT DISTINCT ${quote(ALL_BRANCHES)} AS cabang, tanggal FROM valid)`,
    `hari AS (SELECT h.cabang, h.tanggal, v.tanggal IS NOT NULL AS ada_kunjungan FROM (SELECT r.cabang, CAST(d AS DATE) AS tanggal FROM rentang AS r CROSS JOIN UNNEST(GENERATE_DATE_ARRAY(r.mulai, r.selesai)) AS d) AS h ` +
      `LEFT JOIN dikunjungi AS v ON v.cabang = h.cabang AND v.tanggal = h.tanggal)`,
    `ember AS (SELECT cabang, ${BULAN} AS bulan, ${MINGGU_KE} AS minggu_ke, MIN(tanggal) AS periode_mulai, MAX(tanggal) AS periode_selesai, ` +
      `SUM(CASE WHEN EXTRACT(DAYOFWEEK FROM tanggal) BETWEEN 2 AND 6 AND NOT (${inList(o.holidays)} OR (NOT ada_kunjungan AND ${inList(builtIn)})) THEN 1 ELSE 0 END) AS hari_kerja FROM hari GROUP BY cabang, bulan, minggu_ke)`,
  ].join(',\n');
}

/** Share of `n` in its group, rounded as summarise rounds (6 digits). */
const share = (partition: string): string => `ROUND(jumlah / SUM(jumlah) OVER (PARTITION BY ${partition}), 6)`;

interface ViewBody {
  /** Columns of the regional table the view reads (besides cabang and status_bersih). */
  reads: string[];
  ctes: string[];
  /** Contract header -> SQL expression (a bare column name when equal). */
  select: Record<string, string>;
  from: string;
}

function viewBodies(o: SqlOptions): Record<string, ViewBody> {
  const ages = [...ageGroupLabels(o.ageBounds), UNKNOWN_GROUP];
  const urutanUsia = rank('kelompok_usia', ages);
  const urutanGenerasi = rank('generasi', GENERATIONS);
  // A topic's words as summarise's words() makes them: accents folded, lowercase, punctuation to spaces.
  const kata = "CONCAT(' ', REGEXP_REPLACE(LOWER(REGEXP_REPLACE(NORMALIZE(topik, NFKD), r'\\p{M}', '')), r'[^a-z0-9]+', ' '), ' ')";
  const has = (...ws: string[]): string => '(' + ws.map((w) => `STRPOS(kata, ' ${w} ') > 0`).join(' OR ') + ')';
  const [biometrik, klaim, akun, lupa, lainnya] = JMO_COMPLAINT_CATEGORIES.map(quote);
  const kategori = `CASE WHEN ${has('biometrik', 'biometric', 'wajah')} THEN ${biometrik} WHEN ${has('klaim')} AND ${has('gagal')} THEN ${klaim} WHEN ${has('akun')} AND ${has('error', 'eror', 'bermasalah')} THEN ${akun} WHEN ${has('lupa')} THEN ${lupa} ELSE ${lainnya} END`;
  const threshold = String(o.peakThreshold);
  return {
    ds_harian: {
      reads: ['tanggal', 'layanan', 'kanal'],
      ctes: [
        countsCte([['tanggal', 'tanggal'], ['layanan', 'layanan'], ['kanal', 'kanal']]),
        // The day's columns once per distinct day, not once per row.
        `hari_kalender AS (SELECT tanggal, ${BULAN} AS bulan, ${MINGGU_KE} AS minggu_ke, ${HARI} AS hari, DATE_TRUNC(tanggal, MONTH) AS bulan_mulai FROM (SELECT DISTINCT tanggal FROM semua) AS t)`,
        'isi AS (SELECT s.cabang, s.tanggal, k.bulan, k.minggu_ke, k.hari, s.layanan, s.kanal, s.jumlah, k.bulan_mulai FROM semua AS s JOIN hari_kalender AS k ON k.tanggal = s.tanggal)',
      ],
      select: { tanggal: 'tanggal', bulan: 'bulan', minggu_ke: 'minggu_ke', hari: 'hari', layanan: 'layanan', kanal: 'kanal', jumlah: 'jumlah', bulan_mulai: 'bulan_mulai' },
      from: 'isi',
    },
    ds_mingguan: {
      reads: ['tanggal', 'layanan', 'kanal'],
      ctes: [countsCte([['minggu_mulai', 'DATE_TRUNC(tanggal, WEEK(MONDAY))'], ['layanan', 'layanan'], ['kanal', 'kanal']], '', ['layanan', 'kanal'])],
      select: { minggu_mulai: 'minggu_mulai', layanan: 'layanan', kanal: 'kanal', jumlah: 'jumlah' },
      from: 'semua',
    },
    ds_minggu_bulan: {
      reads: ['tanggal', 'layanan'],
      ctes: [
        bucketCtes(o),
        countsCte([['bulan', BULAN], ['minggu_ke', MINGGU_KE], ['layanan', 'layanan']], '', ['layanan']),
        'daftar_layanan AS (SELECT DISTINCT cabang, layanan FROM semua)',
        'isi AS (SELECT e.cabang, e.bulan, e.minggu_ke, e.periode_mulai, e.periode_selesai, e.hari_kerja, l.layanan, COALESCE(s.jumlah, 0) AS jumlah FROM ember AS e ' +
          'JOIN daftar_layanan AS l ON l.cabang = e.cabang LEFT JOIN semua AS s ON s.cabang = e.cabang AND s.bulan = e.bulan AND s.minggu_ke = e.minggu_ke AND s.layanan = l.layanan)',
      ],
      select: {
        bulan: 'bulan',
        minggu_ke: 'minggu_ke',
        periode_mulai: 'periode_mulai',
        periode_selesai: 'periode_selesai',
        hari_kerja: 'hari_kerja',
        layanan: 'layanan',
        jumlah: 'jumlah',
        jumlah_per_hari_kerja: 'CASE WHEN hari_kerja > 0 THEN ROUND(jumlah / hari_kerja, 4) ELSE 0 END',
        bulan_mulai: 'DATE_TRUNC(periode_mulai, MONTH)',
      },
      from: 'isi',
    },
    ds_distribusi: {
      reads: ['layanan', 'sumber'],
      ctes: [countsCte([['layanan', 'layanan'], ['sumber', 'sumber']])],
      select: { layanan: 'layanan', jumlah: 'jumlah', persen: share('cabang, sumber'), sumber: 'sumber', persen_total: share('cabang') },
      from: 'semua',
    },
    ds_usia: {
      reads: ['layanan', 'kelompok_usia'],
      ctes: [countsCte([['layanan', 'layanan'], ['kelompok_usia', 'kelompok_usia']])],
      select: { layanan: 'layanan', kelompok_usia: 'kelompok_usia', jumlah: 'jumlah', persen: share('cabang, layanan'), urutan_usia: urutanUsia },
      from: 'semua',
    },
    ds_topik: {
      reads: ['layanan', 'kelompok_usia', 'topik'],
      ctes: [countsCte([['layanan', 'layanan'], ['kelompok_usia', 'kelompok_usia'], ['topik', 'topik']])],
      select: { layanan: 'layanan', kelompok_usia: 'kelompok_usia', topik: 'topik', jumlah: 'jumlah', persen: share('cabang, layanan, kelompok_usia'), urutan_usia: urutanUsia },
      from: 'semua',
    },
    ds_kanal: {
      reads: ['layanan', 'kanal', 'kelompok_usia', 'generasi'],
      ctes: [countsCte([['layanan', 'layanan'], ['kanal', 'kanal'], ['kelompok_usia', 'kelompok_usia'], ['generasi', 'generasi']])],
      select: {
        layanan: 'layanan',
        kanal: 'kanal',
        kelompok_usia: 'kelompok_usia',
        generasi: 'generasi',
        jumlah: 'jumlah',
        persen: share('cabang, layanan, kanal'),
        urutan_usia: urutanUsia,
        urutan_generasi: urutanGenerasi,
      },
      from: 'semua',
    },
    ds_keluhan_jmo: {
      reads: ['layanan', 'kanal', 'topik', 'kelompok_usia', 'generasi'],
      // JMO complaints (summarise's jmoComplaintCategory): Pengaduan by the JMO channel or naming JMO.
      ctes: [
        // The word tests run once per distinct topic, not once per row.
        `kata_topik AS (SELECT topik, ${kata} AS kata FROM (SELECT DISTINCT topik FROM valid WHERE layanan = 'Pengaduan') AS t)`,
        `kategori_topik AS (SELECT topik, ${kategori} AS kategori, STRPOS(kata, ' jmo ') > 0 AS sebut_jmo FROM kata_topik)`,
        `keluhan AS (SELECT v.cabang, v.generasi, v.kelompok_usia, k.kategori FROM valid AS v JOIN kategori_topik AS k ON k.topik = v.topik WHERE v.layanan = 'Pengaduan' AND (v.kanal = 'JMO' OR k.sebut_jmo))`,
        `agg AS (SELECT cabang, generasi, kelompok_usia, kategori, COUNT(*) AS jumlah FROM keluhan GROUP BY cabang, generasi, kelompok_usia, kategori)`,
        `semua AS (SELECT cabang, generasi, kelompok_usia, kategori, jumlah FROM agg UNION ALL SELECT ${quote(ALL_BRANCHES)} AS cabang, generasi, kelompok_usia, kategori, SUM(jumlah) AS jumlah FROM agg GROUP BY generasi, kelompok_usia, kategori)`,
      ],
      select: { generasi: 'generasi', kelompok_usia: 'kelompok_usia', kategori: 'kategori', jumlah: 'jumlah', persen: share('cabang, generasi'), urutan_generasi: urutanGenerasi, urutan_usia: urutanUsia },
      from: 'semua',
    },
    ds_puncak: {
      reads: ['tanggal'],
      // peaks.ts's detectPeaks: a bucket's baseline is the mean rate of its month's other buckets with working days.
      ctes: [
        bucketCtes(o),
        countsCte([['bulan', BULAN], ['minggu_ke', MINGGU_KE]], '', []),
        'laju AS (SELECT e.cabang, e.bulan, e.minggu_ke, e.periode_mulai, e.hari_kerja, COALESCE(s.jumlah, 0) AS jumlah, ' +
          'CASE WHEN e.hari_kerja > 0 THEN COALESCE(s.jumlah, 0) / e.hari_kerja ELSE 0 END AS laju, CASE WHEN e.hari_kerja > 0 THEN 1 ELSE 0 END AS dihitung ' +
          'FROM ember AS e LEFT JOIN semua AS s ON s.cabang = e.cabang AND s.bulan = e.bulan AND s.minggu_ke = e.minggu_ke)',
        'banding AS (SELECT cabang, bulan, minggu_ke, periode_mulai, hari_kerja, jumlah, laju, ' +
          'SUM(laju * dihitung) OVER (PARTITION BY cabang, bulan) - laju * dihitung AS laju_lain, SUM(dihitung) OVER (PARTITION BY cabang, bulan) - dihitung AS n_lain FROM laju)',
        'dasar AS (SELECT cabang, bulan, minggu_ke, periode_mulai, hari_kerja, jumlah, laju, CASE WHEN n_lain > 0 AND hari_kerja > 0 THEN laju_lain / n_lain END AS baseline FROM banding)',
      ],
      select: {
        bulan: 'bulan',
        minggu_ke: 'minggu_ke',
        jumlah: 'jumlah',
        hari_kerja: 'hari_kerja',
        per_hari_kerja: 'ROUND(laju, 4)',
        baseline_per_hari_kerja: 'ROUND(baseline, 4)',
        rasio: 'ROUND(CASE WHEN baseline > 0 THEN laju / baseline END, 4)',
        puncak: `COALESCE(baseline > 0 AND laju / baseline >= ${threshold}, FALSE)`,
        puncak_awal_bulan: `COALESCE(baseline > 0 AND laju / baseline >= ${threshold} AND minggu_ke = 1, FALSE)`,
        bulan_mulai: 'DATE_TRUNC(periode_mulai, MONTH)',
      },
      from: 'dasar',
    },
  };
}

/** The ds_ tabs that get a view: every one of the contract but the models. */
export function viewTabs(): string[] {
  return SUMMARY_TABS.map((t) => t.name).filter((n) => n.startsWith('ds_') && !(n in NOT_IN_SQL));
}

/** The SELECT of one view: `cabang`, then the tab's columns in contract order. */
export function viewQuery(tab: string, options: Partial<SqlOptions> = {}): string {
  const o = { ...DEFAULT_SQL_OPTIONS, ...options };
  const body = viewBodies(o)[tab];
  if (!body) throw new Error('No SQL view for ' + tab);
  const columns = tabContract(tab).columns.map((c) => {
    const expr = body.select[c.header];
    if (expr === undefined) throw new Error(`${tab}.${c.header}: no SQL expression`);
    return expr === c.header ? c.header : `${expr} AS ${c.header}`;
  });
  return `WITH ${validCte(o, body.reads)},\n${body.ctes.join(',\n')}\nSELECT cabang, ${columns.join(', ')}\nFROM ${body.from}`;
}

/** The regional table's columns a view reads, for its bytes billed. */
export function viewReads(tab: string): string[] {
  const body = viewBodies(DEFAULT_SQL_OPTIONS)[tab];
  if (!body) throw new Error('No SQL view for ' + tab);
  return ['cabang', 'status_bersih', ...body.reads];
}

/** `CREATE OR REPLACE VIEW` of one tab, as sql/<tab>.sql holds it. */
export function viewDdl(tab: string, options: Partial<SqlOptions> = {}): string {
  const o = { ...DEFAULT_SQL_OPTIONS, ...options };
  return `CREATE OR REPLACE VIEW ${path(o, tab)} AS\n${viewQuery(tab, o)};\n`;
}

/** The regional table: partitioned by day so a dashboard's date range reads only its days, clustered for the common filters. */
export function tableDdl(options: Partial<SqlOptions> = {}): string {
  const o = { ...DEFAULT_SQL_OPTIONS, ...options };
  const cols = REGIONAL_COLUMNS.map((c) => `  ${c.name} ${c.type}${c.name === 'kunci_baris' || c.name === 'cabang' || c.name === 'tanggal' ? ' NOT NULL' : ''}`).join(',\n');
  return `CREATE TABLE IF NOT EXISTS ${path(o, o.table)} (\n${cols}\n)\nPARTITION BY tanggal\nCLUSTER BY cabang, layanan;\n`;
}

/**
 * Adds the rows of a staging table the regional table does not hold yet (by kunci_baris): a
 * re-sent night adds nothing (the staged rows' keys are distinct: planRegionalSend numbers
 * repeats). The date range limits the scan to the staged days' partitions. For the sheets in
 * `whole` (sent whole: edited above what was sent), the branch's rows the staging table no longer
 * holds are stale and deleted, so an edited visit is replaced, not counted twice.
 */
export function mergeSql(options: Partial<SqlOptions> & { staging: string; from: string; to: string; branch: string; whole: readonly string[] }): string {
  const o = { ...DEFAULT_SQL_OPTIONS, ...options };
  const cols = REGIONAL_COLUMNS.map((c) => c.name);
  const stale = options.whole.length
    ? `\nWHEN NOT MATCHED BY SOURCE AND T.cabang = ${quote(options.branch)} AND T.sumber IN (${options.whole.map(quote).join(', ')}) THEN DELETE`
    : '';
  return (
    `MERGE ${path(o, o.table)} AS T\nUSING ${path(o, options.staging)} AS S\n` +
    `ON T.kunci_baris = S.kunci_baris AND T.tanggal BETWEEN DATE ${quote(options.from)} AND DATE ${quote(options.to)}\n` +
    `WHEN NOT MATCHED THEN INSERT (${cols.join(', ')}) VALUES (${cols.map((c) => 'S.' + c).join(', ')})` +
    stale
  );
}
