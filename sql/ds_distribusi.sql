CREATE OR REPLACE VIEW `PROJECT_ID.pola_regional.ds_distribusi` AS
WITH valid AS (SELECT cabang, sumber, layanan FROM `PROJECT_ID.pola_regional.kunjungan` WHERE status_bersih IN ('OK', 'DIPERBAIKI')),
agg AS (SELECT cabang, layanan, sumber, COUNT(*) AS jumlah FROM valid GROUP BY cabang, layanan, sumber),
semua AS (SELECT cabang, layanan, sumber, jumlah FROM agg UNION ALL SELECT 'SEMUA' AS cabang, layanan, sumber, SUM(jumlah) AS jumlah FROM agg GROUP BY layanan, sumber)
SELECT cabang, layanan, jumlah, ROUND(jumlah / SUM(jumlah) OVER (PARTITION BY cabang, sumber), 6) AS persen, sumber, ROUND(jumlah / SUM(jumlah) OVER (PARTITION BY cabang), 6) AS persen_total
FROM semua;
