import type { Role } from '../../../src/shared/api';
import { detectMapping } from '../../../src/core/mapping';
import { proposeTopicColumn } from '../../../src/core/logshape/topiccolumn';

const rolesOf = (header: string[]) => {
  const m = detectMapping([header, header.map(() => 'x')], 'Sheet1');
  if (!m) throw new Error('no header found');
  return Object.fromEntries(header.map((h, i) => [h, m.roles[i]]));
};

describe('headers staff really write', () => {
  test.each(['Keluhan', 'Pertanyaan', 'Keluhan/Pertanyaan', 'Keterangan', 'Perihal', 'Uraian', 'Masalah', 'Pertanyaan / Keluhan', 'Uraian Masalah'])('%s is the topic', (h) => {
    expect(rolesOf(['Tanggal', h])[h]).toBe('topic');
  });
  test.each(['Jenis Layanan', 'Keperluan', 'Layanan'])('%s is the service', (h) => {
    expect(rolesOf(['Tanggal', h])[h]).toBe('service');
  });
  test.each(['Media', 'Kanal', 'Via'])('%s is the channel', (h) => {
    expect(rolesOf(['Tanggal', h])[h]).toBe('channel');
  });
  test.each(['Nama Lengkap', 'Nomor KPJ', 'No KPJ', 'No. KPJ'])('%s is personal', (h) => {
    expect(rolesOf(['Tanggal', h])[h]).toBe('personal');
  });
  test.each(['Timestamp', 'Stempel waktu', 'Cap waktu'])("Forms' %s is the date", (h) => {
    expect(rolesOf([h, 'Nama'])[h]).toBe('date');
  });

  test('a Google Forms export maps every question', () => {
    const header = ['Timestamp', 'Nama Lengkap', 'Nomor KPJ', 'Usia', 'Jenis Layanan', 'Media', 'Keluhan/Pertanyaan'];
    expect(rolesOf(header)).toEqual({
      Timestamp: 'date',
      'Nama Lengkap': 'personal',
      'Nomor KPJ': 'personal',
      Usia: 'age',
      'Jenis Layanan': 'service',
      Media: 'channel',
      'Keluhan/Pertanyaan': 'topic',
    });
  });

  test('a branch log with a running number, Keperluan and Keterangan', () => {
    const header = ['No', 'Tgl Kunjungan', 'Nama', 'No KPJ', 'Keperluan', 'Via', 'Keterangan'];
    expect(rolesOf(header)).toEqual({ No: 'ignore', 'Tgl Kunjungan': 'date', Nama: 'personal', 'No KPJ': 'personal', Keperluan: 'service', Via: 'channel', Keterangan: 'topic' });
  });
});

describe('an ignored free-text column is proposed as the topic', () => {
  const header = ['No', 'Tanggal', 'Layanan', 'Petugas', 'Catatan Petugas'];
  const roles: Role[] = ['ignore', 'date', 'service', 'ignore', 'ignore'];
  const rows = [
    [1, '2023-05-01', 'Informasi', 'Rina', 'saldo JHT belum masuk'],
    [2, '2023-05-01', 'Klaim', 'Rina', 'klaim JHT sudah 2 minggu'],
    [3, '2023-05-02', 'Informasi', 'Andi', ''],
    [4, '2023-05-02', 'Informasi', 'Andi', 'lupa password JMO'],
    [5, '2023-05-03', 'Informasi', 'Andi', 'OK'],
  ];

  test('the phrase column, when no column is the topic', () => {
    expect(proposeTopicColumn(header, roles, rows)).toEqual({ col: 4, freeTextShare: 0.75 });
  });

  test('nothing when a topic column exists', () => {
    expect(proposeTopicColumn(header, ['ignore', 'date', 'service', 'ignore', 'topic'], rows)).toBeNull();
  });

  test('one-word, number and date columns are not free text', () => {
    const plain = rows.map((r) => r.slice(0, 4));
    expect(proposeTopicColumn(header.slice(0, 4), roles.slice(0, 4), plain)).toBeNull();
    expect(proposeTopicColumn(['Tanggal', 'Tanggal Input'], ['date', 'ignore'], [['x', '1 Mei 2023'], ['x', 'Senin, 2 Mei 2023']])).toBeNull();
  });

  test('a mostly empty column is not proposed', () => {
    const sparse = rows.map((r, i) => [r[0], r[1], r[2], r[3], i === 0 ? 'saldo JHT belum masuk' : '']);
    expect(proposeTopicColumn(header, roles, sparse)).toBeNull();
  });
});
