/**
 * Logs shaped differently from the sample: title rows above the header, upper-case headers,
 * a "Media Layanan" column, branch names inside the channel, slash-joined services, ages with
 * months, two-digit years, weekday prefixes with dashes.
 */
import { makeAddon, localDate, Value } from '../helpers/addon';

const TZ = 'Asia/Jakarta';

test('a branch log with title rows and its own vocabulary comes out right', () => {
  const rows: Value[][] = [
    ['LAPORAN KUNJUNGAN PESERTA - KCP MAGETAN', '', '', '', '', '', '', '', '', ''],
    ['Periode Juli 2023', '', '', '', '', '', '', '', '', ''],
    ['NO.', 'HARI/TANGGAL', 'NAMA', 'NO. KPJ', 'UMUR', 'JENIS KELAMIN', 'KEPERLUAN', 'MEDIA LAYANAN', 'KETERANGAN', 'PETUGAS'],
    [1, 'Selasa, 04-07-2023', 'Sri Wahyuni', '23011234567', '45 Thn', 'P', 'INFORMASI', 'Kantor Cabang Madiun', 'tanya saldo JHT', 'Andi'],
    [2, '4 Juli 2023', 'Joko', '23011234568', '45th', 'L', 'PENGADUAN/KELUHAN', 'KC Madiun', 'gagal biometrik jmo', 'Andi'],
    [3, '04/07/23', 'Rudi', '23011234569', '38 tahun 3 bulan', 'L', 'Update data', 'JMO (Jamsostek Mobile)', 'ganti no hp', 'Rina'],
    [4, localDate(TZ, 2023, 7, 5), 'Wati', '23011234570', 29, 'P', 'Klaim JHT', 'lapak asik', '', 'Rina'],
    [5, '2023/07/05', 'Budi', '', '', 'L', 'informasi', 'jmo', 'Lupa password JMO', 'Rina'],
    [6, '5-7-2023', 'Tini', '23011234571', '27', 'P', 'Informasi JHT', 'Lapak ASIK', 'syarat klaim JHT', 'Andi'],
  ];
  const a = makeAddon([{ name: 'Kunjungan Juli', rows }]);
  const view = a.call('inspectSheet', a.sheet('Kunjungan Juli').getSheetId());
  expect(view.headerRow).toBe(3);
  expect(view.columns.map((c: { role: string }) => c.role)).toEqual(['ignore', 'date', 'personal', 'personal', 'age', 'ignore', 'service', 'channel', 'topic', 'ignore']);
  const res = a.call('cleanSheet', view.sheetId);
  expect(res.byStatus).toEqual({ OK: 0, DIPERBAIKI: 6, DUPLIKAT: 0, TIDAK_VALID: 0 });
  const v = a.values('Kunjungan Juli').slice(3);
  expect(v.map((r) => r[1])).toEqual([4, 4, 4, 5, 5, 5].map((d) => localDate(TZ, 2023, 7, d)));
  expect(v.map((r) => r[4])).toEqual([45, 45, 38, 29, '', 27]);
  expect(v.map((r) => r[6])).toEqual(['Informasi', 'Pengaduan', 'Permintaan Update Data', 'Klaim JHT', 'Informasi', 'Informasi JHT']);
  expect(v.map((r) => r[7])).toEqual(['Kantor Cabang', 'Kantor Cabang', 'JMO', 'Lapak Asik', 'JMO', 'Lapak Asik']);
  expect(v.map((r) => r[8])).toEqual(['tanya saldo JHT', 'Gagal Biometrik JMO', 'ganti no hp', '', 'Lupa Akun JMO', 'Prosedur Klaim JHT']);
  // Unrelated columns are left alone.
  expect(v.map((r) => [r[5], r[9]])).toEqual(rows.slice(3).map((r) => [r[5], r[9]]));
  a.call('summarise');
  const keluhan = a.table('ds_keluhan_jmo');
  // Contract version 2 appends the sort keys.
  expect(keluhan).toEqual([{ generasi: 'Gen X', kelompok_usia: '>42', kategori: 'Gagal Biometrik', jumlah: 1, persen: 1, urutan_generasi: 2, urutan_usia: 4 }]);
  // "Informasi JHT" names two known services: it is kept, for staff to settle in kamus.
  expect(a.table('kamus').find((r) => r.nilai_asli === 'Informasi JHT')).toEqual({ kolom: 'layanan', nilai_asli: 'Informasi JHT', nilai_baku: 'Informasi JHT' });
});

test('a Google Forms export: timestamps month-first, birth dates, no channel column', () => {
  const rows: Value[][] = [
    ['Timestamp', 'Nama Lengkap', 'Tanggal Lahir', 'Layanan yang dibutuhkan', 'Kendala'],
    ['7/3/2023 9:15:02', 'A', '17/08/1990', 'Klaim JHT', 'gagal klaim di JMO'],
    ['7/13/2023 10:01:00', 'B', '1 Januari 2001', 'klaim jht', 'Biometrik JMO gagal'],
    ['7/14/2023 14:30:59', 'C', '31/12/1960', 'Informasi', ''],
  ];
  const a = makeAddon([{ name: 'Form Responses 1', rows }]);
  const id = a.sheet('Form Responses 1').getSheetId();
  a.call('saveMapping', { sheetId: id, roles: {}, constants: { service: '', channel: 'JMO' } });
  const res = a.call('cleanSheet', id);
  expect(res.byStatus.TIDAK_VALID).toBe(0);
  const v = a.values('Form Responses 1');
  expect(v[1][0]).toEqual(localDate(TZ, 2023, 7, 3, 9, 15, 2));
  expect(v[2][0]).toEqual(localDate(TZ, 2023, 7, 13, 10, 1, 0));
  expect(v.slice(1).map((r) => r[6])).toEqual(['Milenial', 'Gen Z', 'Baby Boomer']);
  expect(v.slice(1).map((r) => r[5])).toEqual(['28-34', '20-27', '>42']);
  a.call('summarise');
  expect(a.table('ds_harian').map((r) => r.kanal)).toEqual(['JMO', 'JMO', 'JMO']);
});
