CREATE OR REPLACE VIEW `PROJECT_ID.pola_regional.ds_puncak` AS
WITH valid AS (SELECT cabang, tanggal FROM `PROJECT_ID.pola_regional.kunjungan` WHERE status_bersih IN ('OK', 'DIPERBAIKI')),
rentang AS (SELECT cabang, MIN(tanggal) AS mulai, MAX(tanggal) AS selesai FROM valid GROUP BY cabang UNION ALL SELECT 'SEMUA' AS cabang, MIN(tanggal) AS mulai, MAX(tanggal) AS selesai FROM valid),
hari AS (SELECT r.cabang, CAST(d AS DATE) AS tanggal FROM rentang AS r CROSS JOIN UNNEST(GENERATE_DATE_ARRAY(r.mulai, r.selesai)) AS d),
ember AS (SELECT cabang, FORMAT_DATE('%Y-%m', tanggal) AS bulan, LEAST(5, CAST(FLOOR((EXTRACT(DAY FROM tanggal) - 1) / 7) AS INT64) + 1) AS minggu_ke, MIN(tanggal) AS periode_mulai, MAX(tanggal) AS periode_selesai, SUM(CASE WHEN EXTRACT(DAYOFWEEK FROM tanggal) BETWEEN 2 AND 6 AND NOT (FALSE) THEN 1 ELSE 0 END) AS hari_kerja FROM hari GROUP BY cabang, bulan, minggu_ke),
per_hari AS (SELECT cabang, tanggal, COUNT(*) AS jumlah FROM valid GROUP BY cabang, tanggal),
kalender AS (SELECT tanggal, FORMAT_DATE('%Y-%m', tanggal) AS bulan, LEAST(5, CAST(FLOOR((EXTRACT(DAY FROM tanggal) - 1) / 7) AS INT64) + 1) AS minggu_ke FROM (SELECT DISTINCT tanggal FROM per_hari) AS t),
agg AS (SELECT p.cabang, k.bulan, k.minggu_ke, SUM(p.jumlah) AS jumlah FROM per_hari AS p JOIN kalender AS k ON k.tanggal = p.tanggal GROUP BY p.cabang, k.bulan, k.minggu_ke),
semua AS (SELECT cabang, bulan, minggu_ke, jumlah FROM agg UNION ALL SELECT 'SEMUA' AS cabang, bulan, minggu_ke, SUM(jumlah) AS jumlah FROM agg GROUP BY bulan, minggu_ke),
laju AS (SELECT e.cabang, e.bulan, e.minggu_ke, e.periode_mulai, e.hari_kerja, COALESCE(s.jumlah, 0) AS jumlah, CASE WHEN e.hari_kerja > 0 THEN COALESCE(s.jumlah, 0) / e.hari_kerja ELSE 0 END AS laju, CASE WHEN e.hari_kerja > 0 THEN 1 ELSE 0 END AS dihitung FROM ember AS e LEFT JOIN semua AS s ON s.cabang = e.cabang AND s.bulan = e.bulan AND s.minggu_ke = e.minggu_ke),
banding AS (SELECT cabang, bulan, minggu_ke, periode_mulai, hari_kerja, jumlah, laju, SUM(laju * dihitung) OVER (PARTITION BY cabang, bulan) - laju * dihitung AS laju_lain, SUM(dihitung) OVER (PARTITION BY cabang, bulan) - dihitung AS n_lain FROM laju),
dasar AS (SELECT cabang, bulan, minggu_ke, periode_mulai, hari_kerja, jumlah, laju, CASE WHEN n_lain > 0 AND hari_kerja > 0 THEN laju_lain / n_lain END AS baseline FROM banding)
SELECT cabang, bulan, minggu_ke, jumlah, hari_kerja, ROUND(laju, 4) AS per_hari_kerja, ROUND(baseline, 4) AS baseline_per_hari_kerja, ROUND(CASE WHEN baseline > 0 THEN laju / baseline END, 4) AS rasio, COALESCE(baseline > 0 AND laju / baseline >= 1.2, FALSE) AS puncak, COALESCE(baseline > 0 AND laju / baseline >= 1.2 AND minggu_ke = 1, FALSE) AS puncak_awal_bulan, DATE_TRUNC(periode_mulai, MONTH) AS bulan_mulai
FROM dasar;
