CREATE OR REPLACE VIEW `PROJECT_ID.pola_regional.ds_mingguan` AS
WITH valid AS (SELECT cabang, tanggal, layanan, kanal FROM `PROJECT_ID.pola_regional.kunjungan` WHERE status_bersih IN ('OK', 'DIPERBAIKI')),
per_hari AS (SELECT cabang, tanggal, layanan, kanal, COUNT(*) AS jumlah FROM valid GROUP BY cabang, tanggal, layanan, kanal),
kalender AS (SELECT tanggal, DATE_TRUNC(tanggal, WEEK(MONDAY)) AS minggu_mulai FROM (SELECT DISTINCT tanggal FROM per_hari) AS t),
agg AS (SELECT p.cabang, k.minggu_mulai, p.layanan, p.kanal, SUM(p.jumlah) AS jumlah FROM per_hari AS p JOIN kalender AS k ON k.tanggal = p.tanggal GROUP BY p.cabang, k.minggu_mulai, p.layanan, p.kanal),
semua AS (SELECT cabang, minggu_mulai, layanan, kanal, jumlah FROM agg UNION ALL SELECT 'SEMUA' AS cabang, minggu_mulai, layanan, kanal, SUM(jumlah) AS jumlah FROM agg GROUP BY minggu_mulai, layanan, kanal)
SELECT cabang, minggu_mulai, layanan, kanal, jumlah
FROM semua;
