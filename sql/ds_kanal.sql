CREATE OR REPLACE VIEW `PROJECT_ID.pola_regional.ds_kanal` AS
WITH valid AS (SELECT cabang, layanan, kanal, kelompok_usia, generasi FROM `PROJECT_ID.pola_regional.kunjungan` WHERE status_bersih IN ('OK', 'DIPERBAIKI')),
agg AS (SELECT cabang, layanan, kanal, kelompok_usia, generasi, COUNT(*) AS jumlah FROM valid GROUP BY cabang, layanan, kanal, kelompok_usia, generasi),
semua AS (SELECT cabang, layanan, kanal, kelompok_usia, generasi, jumlah FROM agg UNION ALL SELECT 'SEMUA' AS cabang, layanan, kanal, kelompok_usia, generasi, SUM(jumlah) AS jumlah FROM agg GROUP BY layanan, kanal, kelompok_usia, generasi)
SELECT cabang, layanan, kanal, kelompok_usia, generasi, jumlah, ROUND(jumlah / SUM(jumlah) OVER (PARTITION BY cabang, layanan, kanal), 6) AS persen, CASE kelompok_usia WHEN '<20' THEN 0 WHEN '20-27' THEN 1 WHEN '28-34' THEN 2 WHEN '35-42' THEN 3 WHEN '>42' THEN 4 WHEN 'Tidak diketahui' THEN 5 ELSE 6 END AS urutan_usia, CASE generasi WHEN 'Gen Z' THEN 0 WHEN 'Milenial' THEN 1 WHEN 'Gen X' THEN 2 WHEN 'Baby Boomer' THEN 3 WHEN 'Lainnya' THEN 4 WHEN 'Tidak diketahui' THEN 5 ELSE 6 END AS urutan_generasi
FROM semua;
