CREATE TABLE IF NOT EXISTS `PROJECT_ID.pola_regional.kunjungan` (
  cabang STRING NOT NULL,
  sumber STRING,
  tanggal DATE NOT NULL,
  layanan STRING,
  kanal STRING,
  topik STRING,
  kelompok_usia STRING,
  generasi STRING,
  status_bersih STRING,
  kunci_baris STRING NOT NULL
)
PARTITION BY tanggal
CLUSTER BY cabang, layanan;
