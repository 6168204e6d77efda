import fc from 'fast-check';
import { cleanLog, CleanPlan, changeValue, parseAge } from '../../src/core/clean';
import { detectMapping, mappingFromHeader, applyOverrides, constantsFromSheetName, roleOfHeader } from '../../src/core/mapping';
import { canonicalise } from '../../src/core/canonical';
import { fingerprint, closeFingerprints, editDistance, redact } from '../../src/core/text';
import { DEFAULT_SETTINGS, ageGroupLabels, generationOf, weekOfMonth } from '../../src/core/settings';
import { intlZoneClock } from '../../tools/emulator';
import type { Grid } from '../../src/core/cells';
import { HEADER, TZ, messyGrid } from '../helpers/grids';
import { zonedDate } from '../../tools/emulator';
import { visitObjects } from '../helpers/visits';

const clock = intlZoneClock(TZ);

function plan(grid: Grid, extra: Partial<Parameters<typeof cleanLog>[1]> = {}): CleanPlan {
  const mapping = detectMapping(grid, 'Kunjungan') ?? mappingFromHeader(grid[0], 0, 'Kunjungan');
  return cleanLog(grid, { sheetName: 'Kunjungan', mapping, clock, settings: DEFAULT_SETTINGS, kamus: [], lang: 'id', ...extra });
}

/** Applies a plan the way the adapter writes it (grown to fit the derived columns). */
function apply(grid: Grid, p: CleanPlan): Grid {
  const out = grid.map((r) => r.slice());
  const width = Math.max(...out.map((r) => r.length), p.derivedStart + 6);
  for (const r of out) while (r.length < width) r.push('');
  for (const ch of p.changes) ch.rows.forEach((r, i) => (out[r][ch.col] = changeValue(ch, i)));
  return out;
}

const nonBlankRows = (grid: Grid) => grid.slice(1).filter((r) => r.slice(0, HEADER.length).some((v) => !(v === '' || (typeof v === 'string' && v.trim() === '')))).length;

describe('column mapping', () => {
  test.each([
    ['Tgl. Kunjungan', 'date'],
    ['TANGGAL', 'date'],
    ['Timestamp', 'date'],
    ['Tanggal Pengajuan', 'date'],
    ['Tanggal Lahir', 'birthDate'],
    ['tgl lahir', 'birthDate'],
    ['DOB', 'birthDate'],
    ['Usia (tahun)', 'age'],
    ['Umur', 'age'],
    ['Jenis Layanan', 'service'],
    ['Keperluan', 'service'],
    ['Tentang', 'service'],
    ['Keterangan', 'topic'],
    ['Kendala', 'topic'],
    ['Perihal', 'topic'],
    ['Kanal', 'channel'],
    ['Media', 'channel'],
    ['Nama Peserta', 'personal'],
    ['No. KPJ', 'personal'],
    ['NIK', 'personal'],
    ['No HP', 'personal'],
    ['E-mail', 'personal'],
    ['No', 'ignore'],
  ])('%s → %s', (header, role) => expect(roleOfHeader(header).role).toBe(role));

  test('finds the header below title rows and recognises derived columns', () => {
    const grid: Grid = [
      ['Log Layanan KC Madiun', '', ''],
      ['', '', ''],
      ['Tanggal', 'Layanan', 'kelompok_usia'],
      ['22/05/2023', 'Informasi', ''],
    ];
    const m = detectMapping(grid, 'x')!;
    expect(m.headerRow).toBe(2);
    expect(m.roles).toEqual(['date', 'service']);
    expect(m.derived.kelompok_usia).toBe(2);
  });

  test('a sheet named after a channel or service supplies that value', () => {
    expect(constantsFromSheetName('JMO')).toEqual({ service: '', channel: 'JMO' });
    expect(constantsFromSheetName('Klaim JHT Lapak Asik')).toEqual({ service: 'Klaim JHT', channel: 'Lapak Asik' });
    expect(constantsFromSheetName('Customer Service')).toEqual({ service: '', channel: '' });
  });

  test('user overrides win and keep each role on one column', () => {
    const m = mappingFromHeader(['Tanggal', 'Catatan', 'Layanan'], 0, 'x');
    const o = applyOverrides(m, { '1': 'service' }, { channel: 'Kantor Cabang' });
    expect(o.roles).toEqual(['date', 'service', 'ignore']);
    expect(o.constants.channel).toBe('Kantor Cabang');
    expect(o.constantSource.channel).toBe('user');
  });

  test('no date column: no mapping', () => {
    expect(detectMapping([['Nama', 'Layanan'], ['Budi', 'Informasi']], 'x')).toBeNull();
  });
});

describe('values', () => {
  test('ages', () => {
    expect([parseAge('35 th'), parseAge('35 tahun'), parseAge(' 35 '), parseAge(35), parseAge('35thn'), parseAge('35.0'), parseAge('tua'), parseAge('')]).toEqual([35, 35, 35, 35, 35, 35, null, null]);
  });

  test('fingerprints and typos', () => {
    expect(fingerprint('Prosedur  klaim JHT.')).toBe(fingerprint('jht Klaim prosedur'));
    expect(editDistance('infromasi', 'informasi')).toBe(1);
    expect(closeFingerprints(fingerprint('Gagal Biometirk JMO'), fingerprint('Gagal Biometrik JMO'))).toBe(true);
    expect(closeFingerprints(fingerprint('Gagal Klaim JMO'), fingerprint('Gagal Klaim JHT'))).toBe(false);
    expect(closeFingerprints(fingerprint('Error Akun JMO'), fingerprint('Lupa Akun JMO'))).toBe(false);
  });

  test('vocabulary, synonyms and clusters of unknown spellings (most frequent wins)', () => {
    const counts = new Map<string, number>([
      ['informasi', 3], ['Infromasi', 1], ['Keluhan', 2], ['Komplain', 1], ['Update Data', 1],
      ['cetak kartu', 5], ['Cetak Kartu', 2], ['Kartu Cetak', 1], ['Cetak Kratu', 1],
    ]);
    const map = canonicalise('service', counts, new Map());
    expect(map.get('informasi')).toBe('Informasi');
    expect(map.get('Infromasi')).toBe('Informasi');
    expect(map.get('Keluhan')).toBe('Pengaduan');
    expect(map.get('Komplain')).toBe('Pengaduan');
    expect(map.get('Update Data')).toBe('Permintaan Update Data');
    for (const v of ['cetak kartu', 'Cetak Kartu', 'Kartu Cetak', 'Cetak Kratu']) expect(map.get(v)).toBe('cetak kartu');
  });

  test('the staff dictionary wins, and chains are followed', () => {
    const dict = new Map([['infromasi', 'Pengaduan'], ['Informasi', 'Informasi Umum']]);
    const map = canonicalise('service', new Map([['infromasi', 1], ['Informasi', 1], ['info', 1]]), dict);
    expect(map.get('infromasi')).toBe('Pengaduan');
    expect(map.get('Informasi')).toBe('Informasi Umum');
  });

  test('age groups, generations, week of month', () => {
    expect(ageGroupLabels([20, 28, 35, 43])).toEqual(['<20', '20-27', '28-34', '35-42', '>42']);
    expect([1995, 2010, 1994, 1980, 1979, 1965, 1964, 1946, 1945, 2011].map(generationOf)).toEqual([
      'Gen Z', 'Gen Z', 'Milenial', 'Milenial', 'Gen X', 'Gen X', 'Baby Boomer', 'Baby Boomer', 'Lainnya', 'Lainnya',
    ]);
    expect([1, 7, 8, 14, 15, 21, 22, 28, 29, 31].map(weekOfMonth)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  test('personal data is redacted from free text', () => {
    expect(redact('cetak kartu 32011234567890 hub 0812-3456-7890 budi@x.id', ['Budi Santoso'])).toBe('cetak kartu [nomor] hub [nomor] [email]');
    expect(redact('titipan Budi Santoso', ['Budi Santoso'])).toBe('titipan [nama]');
  });

  test('visits served by the same staff member are not duplicates of each other: "Nama Petugas" is not the visitor', () => {
    const grid: Grid = [
      ['Tanggal', 'Nama Petugas', 'Usia', 'Layanan', 'Kanal', 'Topik'],
      ['22/05/2023', 'Rina', 30, 'Informasi', 'Kantor Cabang', 'Cek saldo'],
      ['22/05/2023', 'Rina', 45, 'Informasi', 'Kantor Cabang', 'Cek saldo'],
      ['22/05/2023', 'Rina', 52, 'Informasi', 'Kantor Cabang', 'Cek saldo'],
    ];
    expect(plan(grid).counts).toMatchObject({ DUPLIKAT: 0 });
  });

  test('a service, channel or topic that is nothing but personal data is unknown, not a "[nomor]" category', () => {
    const grid: Grid = [
      ['Tanggal', 'Nama', 'Usia', 'Layanan', 'Kanal', 'Topik'],
      ['22/05/2023', 'Budi', 30, '0812-3456-7890', 'budi@gmail.com', 'Siti Aminah'],
      ['22/05/2023', 'Eko', 31, 'Informasi', 'JMO', '0812 9999 0000'],
      ['22/05/2023', 'Ani', 32, 'Pengaduan', 'Kantor Cabang', 'NIK 3201123456789012 beda dgn KTP'],
    ];
    const v = visitObjects(plan(grid).visits);
    expect(v.map((x) => [x.service, x.channel, x.topic])).toEqual([
      ['Tidak diketahui', 'Tidak diketahui', 'Tidak diketahui'],
      ['Informasi', 'JMO', 'Tidak diketahui'],
      // A topic with words besides the number still says what the visit was about.
      ['Pengaduan', 'Kantor Cabang', 'NIK [nomor] beda dgn KTP'],
    ]);
  });
});

describe('rows', () => {
  const d = (y: number, m: number, day: number) => zonedDate(TZ, y, m, day);
  const grid: Grid = [
    HEADER.slice(),
    ['22/05/2023', 'Budi', '123', '35 th', 'informasi', 'kantor cabang', 'kpj lama'],
    [d(2023, 5, 22), 'Siti', '456', 41, 'Pengaduan', 'JMO', 'Gagal Biometrik JMO'],
    ['', '', '', '', '', '', ''],
    ['??', 'Eko', '789', 33, 'Informasi', 'Kantor Cabang', 'KPJ Lama'],
    ['22/05/2023', 'Budi', '123', '35 th', 'informasi', 'kantor cabang', 'kpj lama'],
    [d(2023, 5, 23), 'Ani', '999', 5, 'Informasi', 'Kantor Cabang', 'KPJ Lama'],
  ];

  test('statuses, notes, derived columns and problems', () => {
    const p = plan(grid);
    expect(p.rowsRead).toBe(5);
    expect(p.counts).toEqual({ OK: 2, DIPERBAIKI: 1, DUPLIKAT: 1, TIDAK_VALID: 1 });
    const out = apply(grid, p);
    expect(out[0].slice(7)).toEqual(['kelompok_usia', 'generasi', 'minggu_ke', 'bulan', 'status_bersih', 'catatan_bersih']);
    expect(out[1].slice(0, 7)).toEqual([d(2023, 5, 22), 'Budi', '123', 35, 'Informasi', 'Kantor Cabang', 'KPJ Lama']);
    expect(out[1].slice(7, 12)).toEqual(['35-42', 'Milenial', 4, '2023-05', 'DIPERBAIKI']);
    expect(out[1][12]).toContain('\u2018informasi\u2019 \u2192 Informasi');
    expect(out[3].slice(7)).toEqual(['', '', '', '', '', '']);
    expect(out[4][11]).toBe('TIDAK_VALID');
    expect(out[5][11]).toBe('DUPLIKAT');
    expect(out[5][12]).toBe('duplikat dari baris 2');
    expect(out[6].slice(7, 9)).toEqual(['Tidak diketahui', 'Tidak diketahui']);
    expect(out[6][12]).toMatch(/usia tidak wajar/);
    expect(p.problems.map((x) => [x.row, x.masalah])).toEqual([
      [5, 'Tanggal kunjungan tidak terbaca'],
      [6, 'Duplikat persis dari baris 2'],
      [7, 'Usia di luar 10\u2013100 tahun'],
    ]);
    expect(p.visits.size).toBe(3);
    for (const r of visitObjects(p.visits)) expect(JSON.stringify(r)).not.toMatch(/Budi|Siti|Ani|123|456|999/);
  });

  test('English notes when the user chose English', () => {
    const out = apply(grid, plan(grid, { lang: 'en' }));
    expect(out[5][12]).toBe('duplicate of row 2');
  });

  test('formula cells are read, never changed', () => {
    const p = plan(grid, { isFormula: (r, c) => r === 1 && (c === 0 || c === 4) });
    const touched = p.changes.filter((ch) => ch.col === 0 || ch.col === 4).flatMap((ch) => Array.from(ch.rows));
    expect(p.changes.find((ch) => ch.col === 0)!.rows.length).toBeGreaterThan(0);
    expect(touched).not.toContain(1);
  });
});

describe('properties of the cleaner (fast-check)', () => {
  test('every row is accounted for: read = OK + DIPERBAIKI + DUPLIKAT + TIDAK_VALID', () => {
    fc.assert(
      fc.property(messyGrid, (grid) => {
        const p = plan(grid);
        const c = p.counts;
        expect(c.OK + c.DIPERBAIKI + c.DUPLIKAT + c.TIDAK_VALID).toBe(p.rowsRead);
        expect(p.rowsRead).toBe(nonBlankRows(grid));
        // and every row below the header is read or named blank (the sidebar shows both)
        expect(p.blankRows).toBe(grid.length - 1 - p.rowsRead);
        expect(p.visits.size).toBe(c.OK + c.DIPERBAIKI);
        expect(p.problems.filter((x) => /Duplikat|Tanggal/.test(x.masalah))).toHaveLength(c.DUPLIKAT + c.TIDAK_VALID);
        // every counted or listed row keeps its original columns' content: nothing is deleted
        const out = apply(grid, p);
        expect(out).toHaveLength(grid.length);
        for (let r = 1; r < grid.length; r++) {
          for (let col = 0; col < HEADER.length; col++) {
            const before = grid[r][col];
            const blankBefore = before === '' || (typeof before === 'string' && before.trim() === '');
            const after = out[r][col];
            if (!blankBefore) expect(after === '' || after === null).toBe(false);
          }
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  test('idempotent: cleaning the cleaned grid plans no change', () => {
    fc.assert(
      fc.property(messyGrid, (grid) => {
        const once = apply(grid, plan(grid));
        const again = plan(once);
        expect(again.changes).toEqual([]);
        const twice = apply(once, again);
        expect(twice).toEqual(once);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  test('idempotent on a log whose date is written once per day (filled rows keep their note)', () => {
    const grid: Grid = [['Tanggal', 'Nama', 'Usia', 'Layanan', 'Kanal', 'Topik']];
    for (let d = 1; d <= 6; d++) {
      for (let k = 0; k < 5; k++) grid.push([k === 0 ? `${d}/05/2023` : '', `Peserta ${d}-${k}`, k % 2 ? `${30 + k} th` : 30 + k, k % 2 ? ' Klaim JHT.' : 'informasi', 'kantor cabang', 'saldo jht']);
    }
    const first = plan(grid);
    expect(first.datesFilled).toBe(24);
    const once = apply(grid, first);
    expect(plan(once).changes).toEqual([]);
  });

  test('formula cells are never in a plan', () => {
    fc.assert(
      fc.property(messyGrid, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }), (grid, cells) => {
        const formulas = new Set(cells.map(([r, c]) => `${1 + (r % (grid.length - 1 || 1))}:${c % 13}`));
        const p = plan(grid, { isFormula: (r, c) => formulas.has(`${r}:${c}`) });
        for (const ch of p.changes) for (const r of ch.rows) expect(formulas.has(`${r}:${ch.col}`)).toBe(false);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });

  test('personal columns never reach the records the summaries count', () => {
    fc.assert(
      fc.property(messyGrid, (grid) => {
        const p = plan(grid);
        const text = JSON.stringify(visitObjects(p.visits)) + JSON.stringify(p.problems) + JSON.stringify(p.kamus);
        // Names and KPJ numbers as staff enter them (the generator's junk may repeat in other columns).
        for (const r of grid.slice(1)) for (const v of [r[1], r[2]]) if (typeof v === 'string' && /^(\d{11}|[A-Z][a-z]+ [A-Z][a-z]+)$/.test(v)) expect(text).not.toContain(v);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });
});

test('exact duplicates are found among thousands of distinct phone numbers (a column hashed row by row, without a memo per value)', () => {
  // No name or KPJ column: only the exact-duplicate check can tell these rows apart.
  const n = 6000;
  const grid: Grid = [['Tanggal Kunjungan', 'No HP', 'Usia (th)', 'Layanan', 'Kanal', 'Topik']];
  for (let i = 0; i < n; i++) grid.push([`${(i % 28) + 1}/05/2023`, `0812${String(1000000 + i * 7)}`, 20 + (i % 40), 'Informasi', 'Kantor Cabang', 'Saldo JHT']);
  // Row 4,500 repeats row 12 cell for cell; row 4,501 differs from row 13 only by its phone number.
  grid[4500] = (grid[12] as Grid[number]).slice();
  grid[4501] = (grid[13] as Grid[number]).slice();
  (grid[4501] as Grid[number])[1] = '081299999999';
  const p = plan(grid);
  expect(p.derivedStart).toBe(6);
  const out = apply(grid, p);
  expect(p.counts.DUPLIKAT).toBe(1);
  expect(out[4500]?.[10]).toBe('DUPLIKAT');
  expect(out[4500]?.[11]).toBe('duplikat dari baris 13');
  expect(out[4501]?.[10]).not.toBe('DUPLIKAT');
});
