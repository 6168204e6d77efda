CREATE OR REPLACE VIEW `PROJECT_ID.pola_regional.ds_harian` AS
WITH valid AS (SELECT cabang, tanggal, layanan, kanal FROM `PROJECT_ID.pola_regional.kunjungan` WHERE status_bersih IN ('OK', 'DIPERBAIKI')),
agg AS (SELECT cabang, tanggal, layanan, kanal, COUNT(*) AS jumlah FROM valid GROUP BY cabang, tanggal, layanan, kanal),
semua AS (SELECT cabang, tanggal, layanan, kanal, jumlah FROM agg UNION ALL SELECT 'SEMUA' AS cabang, tanggal, layanan, kanal, SUM(jumlah) AS jumlah FROM agg GROUP BY tanggal, layanan, kanal),
hari_kalender AS (SELECT tanggal, FORMAT_DATE('%Y-%m', tanggal) AS bulan, LEAST(5, CAST(FLOOR((EXTRACT(DAY FROM tanggal) - 1) / 7) AS INT64) + 1) AS minggu_ke, CASE EXTRACT(DAYOFWEEK FROM tanggal) WHEN 1 THEN 'Minggu' WHEN 2 THEN 'Senin' WHEN 3 THEN 'Selasa' WHEN 4 THEN 'Rabu' WHEN 5 THEN 'Kamis' WHEN 6 THEN 'Jumat' WHEN 7 THEN 'Sabtu' END AS hari, DATE_TRUNC(tanggal, MONTH) AS bulan_mulai FROM (SELECT DISTINCT tanggal FROM semua) AS t),
isi AS (SELECT s.cabang, s.tanggal, k.bulan, k.minggu_ke, k.hari, s.layanan, s.kanal, s.jumlah, k.bulan_mulai FROM semua AS s JOIN hari_kalender AS k ON k.tanggal = s.tanggal)
SELECT cabang, tanggal, bulan, minggu_ke, hari, layanan, kanal, jumlah, bulan_mulai
FROM isi;
