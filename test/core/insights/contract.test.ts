import { INSIGHT_TABS, PERUBAHAN_DAY_COLUMNS, PERUBAHAN_HEADERS, PRAKIRAAN_DAY_COLUMNS, PRAKIRAAN_HEADERS, STAF_HEADERS, WAWASAN_HEADERS, buildInsights } from '../../../src/core/insights';
import { dayNumber } from '../../../src/core/zone';
import { dailyVisits, inputOf, rng } from './synthetic';

describe('insight tabs', () => {
  test('headers are exactly the issue\'s, in order, and the typed contract agrees', () => {
    expect([...PRAKIRAAN_HEADERS]).toEqual(['tanggal', 'layanan', 'jenis', 'jumlah_aktual', 'prakiraan', 'batas_bawah', 'batas_atas']);
    expect([...STAF_HEADERS]).toEqual([
      'hari', 'minggu_ke', 'layanan', 'kunjungan_per_hari', 'aht_menit', 'jam_buka', 'target_persen', 'target_menit', 'penyusutan', 'petugas', 'tingkat_layanan', 'rata_tunggu_menit',
    ]);
    expect([...PERUBAHAN_HEADERS]).toEqual(['layanan', 'topik', 'mulai', 'selesai', 'rata_sebelum_per_minggu', 'rata_selama_per_minggu', 'rasio']);
    expect([...WAWASAN_HEADERS]).toEqual(['kode', 'temuan', 'rekomendasi', 'angka_pendukung']);
    const byName = new Map(INSIGHT_TABS.map((t) => [t.name, t.columns.map((c) => c.header)]));
    expect(byName.get('ds_prakiraan')).toEqual([...PRAKIRAAN_HEADERS]);
    expect(byName.get('ds_staf')).toEqual([...STAF_HEADERS]);
    expect(byName.get('ds_perubahan')).toEqual([...PERUBAHAN_HEADERS]);
    expect(byName.get('wawasan')).toEqual([...WAWASAN_HEADERS]);
    const dateCols = (name: string) => INSIGHT_TABS.find((t) => t.name === name)!.columns.filter((c) => c.type === 'date').map((c) => c.header);
    expect(dateCols('ds_prakiraan')).toEqual([...PRAKIRAAN_DAY_COLUMNS]);
    expect(dateCols('ds_perubahan')).toEqual([...PERUBAHAN_DAY_COLUMNS]);
  });

  test('every row has one cell per header, of the declared type', () => {
    const from = dayNumber(2023, 1, 2);
    const to = dayNumber(2023, 9, 30);
    const r = rng(3);
    const visits = [
      ...dailyVisits(from, to, 'Informasi', (d) => (d > dayNumber(2023, 6, 1) ? 9 : 3), r, { topic: 'KPJ Lama', ageGroup: '>42' }),
      ...dailyVisits(from, to, 'Pengaduan', () => 2, r, { channel: 'JMO', topic: 'Lupa Akun JMO', generation: 'Gen Z' }),
    ];
    const out = buildInsights(inputOf(visits, to + 1));
    expect(out.tables.map((t) => t.name)).toEqual(INSIGHT_TABS.map((t) => t.name));
    for (const t of out.tables) {
      const contract = INSIGHT_TABS.find((c) => c.name === t.name)!;
      expect(t.headers).toEqual(contract.columns.map((c) => c.header));
      expect(t.rows.length).toBeGreaterThan(0);
      for (const row of t.rows) {
        expect(row).toHaveLength(t.headers.length);
        row.forEach((cell, i) => {
          const type = contract.columns[i].type;
          if (cell === '') return; // blank: future actuals, undefined ratios
          if (type === 'text') expect(typeof cell).toBe('string');
          else expect(typeof cell === 'number' && isFinite(cell)).toBe(true);
          if (type === 'integer' || type === 'date') expect(Number.isInteger(cell)).toBe(true);
        });
      }
    }
    expect(out.info.map(([k]) => k)).toEqual(expect.arrayContaining(['prakiraan_mase', 'prakiraan_mape_mingguan', 'prakiraan_cakupan_80']));
  });

  test('an empty log gives empty tabs with headers', () => {
    const out = buildInsights(inputOf([], dayNumber(2024, 1, 1)));
    expect(out.tables.map((t) => [t.name, t.rows.length])).toEqual(INSIGHT_TABS.map((t) => [t.name, 0]));
  });
});
