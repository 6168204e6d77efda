CREATE OR REPLACE VIEW `PROJECT_ID.pola_regional.ds_topik` AS
WITH valid AS (SELECT cabang, layanan, topik, kelompok_usia FROM `PROJECT_ID.pola_regional.kunjungan` WHERE status_bersih IN ('OK', 'DIPERBAIKI')),
agg AS (SELECT cabang, layanan, kelompok_usia, topik, COUNT(*) AS jumlah FROM valid GROUP BY cabang, layanan, kelompok_usia, topik),
semua AS (SELECT cabang, layanan, kelompok_usia, topik, jumlah FROM agg UNION ALL SELECT 'SEMUA' AS cabang, layanan, kelompok_usia, topik, SUM(jumlah) AS jumlah FROM agg GROUP BY layanan, kelompok_usia, topik)
SELECT cabang, layanan, kelompok_usia, topik, jumlah, ROUND(jumlah / SUM(jumlah) OVER (PARTITION BY cabang, layanan, kelompok_usia), 6) AS persen, CASE kelompok_usia WHEN '<20' THEN 0 WHEN '20-27' THEN 1 WHEN '28-34' THEN 2 WHEN '35-42' THEN 3 WHEN '>42' THEN 4 WHEN 'Tidak diketahui' THEN 5 ELSE 6 END AS urutan_usia
FROM semua;
