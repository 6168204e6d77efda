import { VisitTallies, jmoComplaintCategory } from '../../../src/core/summarise/counts';
import { VisitTable } from '../../../src/core/table';
import { dayNumber } from '../../../src/core/zone';

const noneHidden = { service: new Set<string>(), channel: new Set<string>(), topic: new Set<string>() };

function visits(rows: [number, string, string, string, string, string][]): VisitTable {
  const t = new VisitTable();
  for (const [day, service, channel, topic, ageGroup, generation] of rows) t.add(day, { service, channel, topic, ageGroup, generation });
  return t;
}

describe('VisitTallies: every combination the tabs need, counted on codes', () => {
  const monday = dayNumber(2024, 1, 8);
  const rows: [number, string, string, string, string, string][] = [
    [monday, 'Informasi', 'Kantor Cabang', 'Saldo JHT', '28-34', 'Milenial'],
    [monday, 'Informasi', 'Kantor Cabang', 'Saldo JHT', '28-34', 'Milenial'],
    [monday + 2, 'Pengaduan', 'JMO', 'Gagal Biometrik', '20-27', 'Gen Z'],
    [monday + 9, 'Informasi', 'Kantor Cabang', 'Rahasia Budi', '20-27', 'Gen Z'],
  ];

  test('days, weeks, sheets, ages, topics, channels and JMO complaints, with the period', () => {
    const tallies = new VisitTallies(noneHidden);
    tallies.addSheet('CS', visits(rows));
    expect(tallies.firstDay).toBe(monday);
    expect(tallies.lastDay).toBe(monday + 9);
    expect(tallies.daily.count([monday, 'Informasi', 'Kantor Cabang'])).toBe(2);
    expect(tallies.weekly.count([monday, 'Informasi', 'Kantor Cabang'])).toBe(2);
    expect(tallies.weekly.count([monday + 7, 'Informasi', 'Kantor Cabang'])).toBe(1);
    expect(tallies.distribution.count(['Informasi', 'CS'])).toBe(3);
    expect(tallies.byAge.count(['Informasi', '28-34'])).toBe(2);
    expect(tallies.byTopic.count(['Informasi', '20-27', 'Rahasia Budi'])).toBe(1);
    expect(tallies.byChannel.count(['Pengaduan', 'JMO', '20-27', 'Gen Z'])).toBe(1);
    expect(tallies.complaints.entries()).toEqual([{ parts: ['Gen Z', '20-27', 'Gagal Biometrik'], n: 1 }]);
    expect(Array.from(tallies.services).sort()).toEqual(['Informasi', 'Pengaduan']);
  });

  test('hidden values are counted as Lainnya; two sheets add up', () => {
    const tallies = new VisitTallies({ ...noneHidden, topic: new Set(['Rahasia Budi']) });
    tallies.addSheet('CS', visits(rows));
    tallies.addSheet('JMO', visits(rows.slice(0, 1)));
    expect(tallies.byTopic.count(['Informasi', '20-27', 'Rahasia Budi'])).toBe(0);
    expect(tallies.byTopic.count(['Informasi', '20-27', 'Lainnya'])).toBe(1);
    expect(tallies.daily.count([monday, 'Informasi', 'Kantor Cabang'])).toBe(3);
    expect(tallies.distribution.count(['Informasi', 'JMO'])).toBe(1);
  });

  test('jmoComplaintCategory reads the complaint from its words', () => {
    const r = (service: string, channel: string, topic: string) => jmoComplaintCategory({ day: 0, service, channel, topic, ageGroup: '', generation: '' });
    expect(r('Pengaduan', 'JMO', 'Gagal klaim')).toBe('Gagal Klaim');
    expect(r('Pengaduan', 'Kantor Cabang', 'Lupa akun JMO')).toBe('Lupa Akun');
    expect(r('Informasi', 'JMO', 'Gagal klaim')).toBeNull();
    expect(r('Pengaduan', 'Kantor Cabang', 'Antrian lama')).toBeNull();
  });
});
