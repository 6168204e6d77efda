CREATE OR REPLACE VIEW `PROJECT_ID.pola_regional.ds_minggu_bulan` AS
WITH valid AS (SELECT cabang, tanggal, layanan FROM `PROJECT_ID.pola_regional.kunjungan` WHERE status_bersih IN ('OK', 'DIPERBAIKI')),
rentang AS (SELECT cabang, MIN(tanggal) AS mulai, MAX(tanggal) AS selesai FROM valid GROUP BY cabang UNION ALL SELECT 'SEMUA' AS cabang, MIN(tanggal) AS mulai, MAX(tanggal) AS selesai FROM valid),
hari AS (SELECT r.cabang, CAST(d AS DATE) AS tanggal FROM rentang AS r CROSS JOIN UNNEST(GENERATE_DATE_ARRAY(r.mulai, r.selesai)) AS d),
ember AS (SELECT cabang, FORMAT_DATE('%Y-%m', tanggal) AS bulan, LEAST(5, CAST(FLOOR((EXTRACT(DAY FROM tanggal) - 1) / 7) AS INT64) + 1) AS minggu_ke, MIN(tanggal) AS periode_mulai, MAX(tanggal) AS periode_selesai, SUM(CASE WHEN EXTRACT(DAYOFWEEK FROM tanggal) BETWEEN 2 AND 6 AND NOT (FALSE) THEN 1 ELSE 0 END) AS hari_kerja FROM hari GROUP BY cabang, bulan, minggu_ke),
per_hari AS (SELECT cabang, tanggal, layanan, COUNT(*) AS jumlah FROM valid GROUP BY cabang, tanggal, layanan),
kalender AS (SELECT tanggal, FORMAT_DATE('%Y-%m', tanggal) AS bulan, LEAST(5, CAST(FLOOR((EXTRACT(DAY FROM tanggal) - 1) / 7) AS INT64) + 1) AS minggu_ke FROM (SELECT DISTINCT tanggal FROM per_hari) AS t),
agg AS (SELECT p.cabang, k.bulan, k.minggu_ke, p.layanan, SUM(p.jumlah) AS jumlah FROM per_hari AS p JOIN kalender AS k ON k.tanggal = p.tanggal GROUP BY p.cabang, k.bulan, k.minggu_ke, p.layanan),
semua AS (SELECT cabang, bulan, minggu_ke, layanan, jumlah FROM agg UNION ALL SELECT 'SEMUA' AS cabang, bulan, minggu_ke, layanan, SUM(jumlah) AS jumlah FROM agg GROUP BY bulan, minggu_ke, layanan),
daftar_layanan AS (SELECT DISTINCT cabang, layanan FROM semua),
isi AS (SELECT e.cabang, e.bulan, e.minggu_ke, e.periode_mulai, e.periode_selesai, e.hari_kerja, l.layanan, COALESCE(s.jumlah, 0) AS jumlah FROM ember AS e JOIN daftar_layanan AS l ON l.cabang = e.cabang LEFT JOIN semua AS s ON s.cabang = e.cabang AND s.bulan = e.bulan AND s.minggu_ke = e.minggu_ke AND s.layanan = l.layanan)
SELECT cabang, bulan, minggu_ke, periode_mulai, periode_selesai, hari_kerja, layanan, jumlah, CASE WHEN hari_kerja > 0 THEN ROUND(jumlah / hari_kerja, 4) ELSE 0 END AS jumlah_per_hari_kerja, DATE_TRUNC(periode_mulai, MONTH) AS bulan_mulai
FROM isi;
