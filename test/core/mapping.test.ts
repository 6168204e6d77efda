import type { Role } from '../../src/shared/api';
import {
  DERIVED_HEADERS,
  applyOverrides,
  columnOf,
  constantsFromSheetName,
  detectMapping,
  headerIdentity,
  isDerivedHeader,
  mappingFromHeader,
  normaliseHeader,
  resolveMapping,
  roleOfHeader,
  savedMappingOf,
} from '../../src/core/mapping';
import type { Grid } from '../../src/core/cells';
import { tableOfGrid } from '../../src/core/columns';

describe('headers', () => {
  test('normaliseHeader: lower-case words without bracketed units or punctuation', () => {
    expect(['Usia (tahun)', '  TGL.  Kunjungan ', 'No. HP [WA]', 'Keluhan/Pertanyaan'].map(normaliseHeader)).toEqual(['usia', 'tgl kunjungan', 'no hp', 'keluhan pertanyaan']);
  });

  test('roleOfHeader: an exact variant scores 3, all its words 2; the longest variant wins', () => {
    expect(roleOfHeader('Tanggal')).toEqual({ role: 'date', score: 3 });
    expect(roleOfHeader('Tanggal Lahir')).toEqual({ role: 'birthDate', score: 3 });
    expect(roleOfHeader('Lahir Tanggal Peserta')).toEqual({ role: 'birthDate', score: 2 });
    expect(roleOfHeader('Umur (th)')).toEqual({ role: 'age', score: 3 });
    expect(roleOfHeader('No KPJ')).toEqual({ role: 'personal', score: 3 });
    expect(roleOfHeader('Petugas')).toEqual({ role: 'ignore', score: 0 });
    expect(roleOfHeader('')).toEqual({ role: 'ignore', score: 0 });
  });

  test('derived headers are recognised by their exact name, trimmed', () => {
    expect(DERIVED_HEADERS.every((h) => isDerivedHeader(` ${h} `))).toBe(true);
    expect([isDerivedHeader('Kelompok Usia'), isDerivedHeader(5), isDerivedHeader('status')]).toEqual([false, false, false]);
  });

  test('headerIdentity: trimmed, lower case, single-spaced; blank for a missing cell', () => {
    expect([headerIdentity('  Jenis   Layanan '), headerIdentity(undefined), headerIdentity(12)]).toEqual(['jenis layanan', '', '12']);
  });
});

describe('detectMapping', () => {
  test('finds the header row under a title and maps each role to one column', () => {
    const grid: Grid = [
      ['Rekap Kunjungan Kantor Cabang Madiun', '', '', '', ''],
      ['', '', '', '', ''],
      ['Tanggal', 'Nama', 'Usia', 'Jenis Layanan', 'Keterangan'],
      [new Date(0), 'Budi', 30, 'Klaim JHT', 'JHT 10 tahun'],
    ];
    const m = detectMapping(grid, 'Sheet1');
    expect(m).toMatchObject({ headerRow: 2, roles: ['date', 'personal', 'age', 'service', 'topic'], width: 5, derived: {} });
    expect(m && [columnOf(m, 'service'), columnOf(m, 'channel')]).toEqual([3, -1]);
  });

  test('no row with a date header: not a log', () => {
    expect(detectMapping([['Nama', 'Usia', 'Layanan']], 'Sheet1')).toBeNull();
    expect(detectMapping([], 'Sheet1')).toBeNull();
  });

  test('a header that loses its first role takes its next one ("Media Layanan" becomes the channel)', () => {
    const m = mappingFromHeader(['Tanggal', 'Layanan', 'Media Layanan'], 0, 'Sheet1');
    expect(m.roles).toEqual(['date', 'service', 'channel']);
  });

  test('derived columns at the right and trailing blank headers are not original columns', () => {
    const m = mappingFromHeader(['Tanggal', 'Layanan', '', 'kelompok_usia', 'generasi', 'minggu_ke', 'bulan', 'status_bersih', 'catatan_bersih'], 0, 'Sheet1');
    expect(m.width).toBe(2);
    expect(m.derived).toEqual({ kelompok_usia: 3, generasi: 4, minggu_ke: 5, bulan: 6, status_bersih: 7, catatan_bersih: 8 });
  });
});

test('constantsFromSheetName: a sheet named after a service or channel gives its rows that value', () => {
  expect(constantsFromSheetName('Klaim JHT Lapak Asik')).toEqual({ service: 'Klaim JHT', channel: 'Lapak Asik' });
  expect(constantsFromSheetName('JMO')).toEqual({ service: '', channel: 'JMO' });
  expect(constantsFromSheetName('Sheet1')).toEqual({ service: '', channel: '' });
  const m = mappingFromHeader(['Tanggal'], 0, 'Pengaduan JMO');
  expect([m.constants, m.constantSource]).toEqual([{ service: 'Pengaduan', channel: 'JMO' }, { service: 'sheetName', channel: 'sheetName' }]);
});

describe('applyOverrides', () => {
  const base = mappingFromHeader(['Tanggal', 'Layanan', 'Catatan', 'Nama'], 0, 'Sheet1');

  test('a single role moved to another column leaves its old column; personal may repeat', () => {
    const next = applyOverrides(base, { 2: 'service', 1: 'personal' } as Record<string, Role>, undefined);
    expect(next.roles).toEqual(['date', 'personal', 'service', 'personal']);
    expect(base.roles).toEqual(['date', 'service', 'ignore', 'personal']);
  });

  test('columns outside the original ones are ignored', () => {
    expect(applyOverrides(base, { 4: 'topic', '-1': 'age' } as Record<string, Role>, undefined).roles).toEqual(base.roles);
  });

  test('constants set by the user are trimmed and marked as the user\'s; blanks keep what was there', () => {
    const next = applyOverrides(base, undefined, { service: '  Informasi ', channel: '   ' });
    expect([next.constants, next.constantSource]).toEqual([{ service: 'Informasi', channel: '' }, { service: 'user', channel: 'none' }]);
  });
});

describe('resolveMapping', () => {
  const header = ['Tanggal', 'Petugas', 'Layanan', 'Nama'];
  const grid: Grid = [header, [new Date(0), 'Sari', 'Info', 'Budi']];
  const confirmed = () => {
    const m = detectMapping(grid, 'Sheet1');
    if (!m) throw new Error('no mapping');
    // The user made "Petugas" the topic column.
    return savedMappingOf(applyOverrides(m, { 1: 'topic' } as Record<string, Role>, undefined), grid);
  };

  test('nothing saved: the detected mapping; not a log: none', () => {
    expect(resolveMapping(grid, 'Sheet1', undefined)).toMatchObject({ kind: 'ok', saveAs: null, mapping: { roles: ['date', 'ignore', 'service', 'personal'] } });
    expect(resolveMapping([['a', 'b']], 'Sheet1', undefined)).toEqual({ kind: 'none' });
  });

  test('the same header: the saved roles apply by position', () => {
    expect(resolveMapping(grid, 'Sheet1', confirmed())).toMatchObject({ kind: 'ok', saveAs: null, mapping: { roles: ['date', 'topic', 'service', 'personal'] } });
  });

  test('moved columns: the roles follow their headers, and the saved mapping follows too', () => {
    const moved: Grid = [['Nama', 'Tanggal', 'Layanan', 'Petugas', 'Telepon']];
    const result = resolveMapping(moved, 'Sheet1', confirmed());
    if (result.kind !== 'ok') throw new Error(result.kind);
    // "Telepon" was added since: only its detected personal role is kept.
    expect(result.mapping.roles).toEqual(['personal', 'date', 'service', 'topic', 'personal']);
    expect(result.saveAs?.headers).toEqual(['nama', 'tanggal', 'layanan', 'petugas', 'telepon']);
  });

  test('a confirmed column gone or doubled: uncertain, naming it, nothing guessed', () => {
    expect(resolveMapping([['Tanggal', 'Layanan', 'Nama']], 'Sheet1', confirmed())).toMatchObject({ kind: 'uncertain', missing: ['petugas'] });
    expect(resolveMapping([['Tanggal', 'Petugas', 'Layanan', 'Petugas', 'Nama', 'X']], 'Sheet1', confirmed())).toMatchObject({ kind: 'uncertain', missing: ['petugas'] });
  });
});

describe('a free-text column the headers do not name as the topic', () => {
  test('is proposed as the topic (not dropped) when no column is the topic; a named topic column wins', () => {
    const grid = [
      ['Tanggal', 'Nama', 'Layanan', 'Catatan Petugas'],
      ['22/05/2023', 'Ani', 'Informasi', 'tanya saldo jht yang belum masuk'],
      ['23/05/2023', 'Budi', 'Pengaduan', 'aplikasi jmo tidak bisa login'],
      ['24/05/2023', 'Cici', 'Informasi', 'cara klaim jht online'],
    ];
    const proposed = resolveMapping(grid, 'Log', undefined);
    expect(proposed.kind === 'ok' && proposed.mapping.roles[3]).toBe('topic');
    const named = resolveMapping([[...grid[0].slice(0, 3), 'Topik'], ...grid.slice(1)], 'Log', undefined);
    expect(named.kind === 'ok' && named.mapping.roles[3]).toBe('topic');
    const numbers = resolveMapping([grid[0], ...grid.slice(1).map((r) => [...r.slice(0, 3), '12'])], 'Log', undefined);
    expect(numbers.kind === 'ok' && numbers.mapping.roles[3]).toBe('ignore');
  });
});

describe('detectMapping on a column table', () => {
  test('reads the same header and roles as from the grid it encodes', () => {
    const grid = [
      ['Laporan kunjungan', '', '', '', ''],
      ['No', 'Tgl. Kunjungan', 'Nama Peserta', 'Layanan', 'Kanal'],
      [1, '01/03/2023', 'Budi', 'Informasi', 'JMO'],
      [2, '02/03/2023', 'Sari', 'Pengaduan', 'Kantor Cabang'],
    ];
    const fromGrid = detectMapping(grid, 'Log');
    expect(fromGrid).not.toBeNull();
    expect(fromGrid?.headerRow).toBe(1);
    expect(detectMapping(tableOfGrid(grid), 'Log')).toEqual(fromGrid);
  });
});
