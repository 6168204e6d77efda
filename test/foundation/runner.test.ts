/**
 * `npm run analyze` as a user runs it: real files in, real files out; bad input refused with one
 * line and nothing written.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { analyze } from '../../tools/runner/run';
import { parseCsv } from '../../tools/runner/io';
import { ROOT } from '../../tools/build';
import { sampleFile, tmpDir } from '../helpers/addon';

const CSV = [
  'Tanggal,Nama,Usia,Layanan,Kanal,Topik',
  '22/05/2023,Budi Santoso,35 th,informasi,kantor cabang,kpj lama',
  '"Senin, 22 Mei 2023",Siti Aminah,41,Pengaduan,JMO,Gagal biometrik JMO',
  '2023-05-23,Andi,29 tahun,Keluhan,JMO,Lupa akun JMO',
  '23 Agt 2023,Dewi,50,Update Data,Kantor Cabang,Ganti nomor HP',
  '??,Eko,33,Informasi,Kantor Cabang,KPJ Lama',
  '2023-05-23,Andi,29 tahun,Keluhan,JMO,Lupa akun JMO',
].join('\n');

function runCli(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'tools/runner/cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const csvRows = (file: string) => parseCsv(fs.readFileSync(file, 'utf8'));

describe('round trips', () => {
  test('a CSV becomes one cleaned sheet, every tab as CSV, workbook.xlsx, state.json and report.json', async () => {
    const dir = tmpDir();
    const input = path.join(dir, 'kunjungan.csv');
    fs.writeFileSync(input, CSV);
    const out = path.join(dir, 'out');
    const { report } = await analyze({ input, out });
    expect(report.byStatus).toEqual({ OK: 0, DIPERBAIKI: 4, DUPLIKAT: 1, TIDAK_VALID: 1 });
    for (const f of ['kunjungan.csv', 'ds_harian.csv', 'info_ringkasan.csv', 'kamus.csv', 'masalah_data.csv', 'workbook.xlsx', 'state.json', 'report.json']) {
      expect(fs.existsSync(path.join(out, f))).toBe(true);
    }
    const log = csvRows(path.join(out, 'kunjungan.csv'));
    expect(log[0]).toEqual(['Tanggal', 'Nama', 'Usia', 'Layanan', 'Kanal', 'Topik', 'kelompok_usia', 'generasi', 'minggu_ke', 'bulan', 'status_bersih', 'catatan_bersih']);
    expect(log[1].slice(0, 6)).toEqual(['2023-05-22', 'Budi Santoso', '35', 'Informasi', 'Kantor Cabang', 'KPJ Lama']);
    expect(log[2].slice(0, 6)).toEqual(['2023-05-22', 'Siti Aminah', '41', 'Pengaduan', 'JMO', 'Gagal Biometrik JMO']);
    expect(log[4][0]).toBe('2023-08-23');
    expect(log[5][10]).toBe('TIDAK_VALID');
    expect(log[6][10]).toBe('DUPLIKAT');
    const json = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(json.rowsRead).toBe(6);
    expect(json.serviceCalls['Range.getValues']).toBeGreaterThan(0);
    expect(Object.keys(json.ms)).toEqual(expect.arrayContaining(['load', 'run', 'write']));
    // state.json loads again and a second run changes no cell of the log.
    const again = await analyze({ input: path.join(out, 'state.json'), out: path.join(dir, 'again') });
    expect((again.report.cleaned as { cellsWritten: number }[]).map((c) => c.cellsWritten)).toEqual([0]);
    expect(csvRows(path.join(dir, 'again', 'kunjungan.csv'))).toEqual(log);
  });

  test('an XLSX keeps its date cells as dates, every sheet is cleaned, and workbook.xlsx round-trips', async () => {
    const out = tmpDir();
    const { report } = await analyze({ input: sampleFile(), out });
    expect(report.byStatus.OK + report.byStatus.DIPERBAIKI).toBe(16932);
    const wb = XLSX.readFile(path.join(out, 'workbook.xlsx'), { cellDates: true });
    expect(wb.SheetNames).toEqual(expect.arrayContaining(['Customer Service', 'JMO', 'ds_harian', 'kamus']));
    const harian = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['ds_harian']);
    expect(Object.prototype.toString.call(harian[0].tanggal)).toBe('[object Date]');
    // The written workbook is itself valid input: re-analysing it changes nothing in the logs.
    const again = await analyze({ input: path.join(out, 'workbook.xlsx'), out: tmpDir() });
    expect(again.report.byStatus.OK + again.report.byStatus.DIPERBAIKI).toBe(16932);
  });

  test('--append adds typed rows to a sheet and --run nightly cleans them with no active spreadsheet', async () => {
    const dir = tmpDir();
    const input = path.join(dir, 'kunjungan.csv');
    fs.writeFileSync(input, CSV);
    await analyze({ input, out: path.join(dir, 'a') });
    const extra = path.join(dir, 'baru.csv');
    fs.writeFileSync(extra, 'Tanggal,Nama,Usia,Layanan,Kanal,Topik\n24 Mei 2023,Rina,27 th,INFORMASI,Lapak Asik,prosedur klaim jht\n');
    const { report, emu } = await analyze({ input: path.join(dir, 'a', 'state.json'), out: path.join(dir, 'b'), append: { file: extra, sheet: 'kunjungan' }, mode: 'nightly' });
    expect(report.mode).toBe('nightly');
    expect(report.byStatus).toEqual({ OK: 0, DIPERBAIKI: 5, DUPLIKAT: 1, TIDAK_VALID: 1 });
    const log = csvRows(path.join(dir, 'b', 'kunjungan.csv'));
    expect(log[7].slice(0, 6)).toEqual(['2023-05-24', 'Rina', '27', 'Informasi', 'Lapak Asik', 'Prosedur Klaim JHT']);
    expect(emu.triggers.filter((t) => t.handler === 'nightlyRefresh')).toHaveLength(1);
    expect(report.lastRun).toMatchObject({ kind: 'nightly', ok: true });
  });
});

describe('bad input: exit 1, one line, nothing written', () => {
  const cases: [string, (dir: string) => string, RegExp][] = [
    ['missing file', (d) => path.join(d, 'nope.csv'), /does not exist/],
    ['empty CSV', (d) => (fs.writeFileSync(path.join(d, 'kosong.csv'), ''), path.join(d, 'kosong.csv')), /empty/],
    ['unsupported type', (d) => (fs.writeFileSync(path.join(d, 'data.txt'), 'x'), path.join(d, 'data.txt')), /unsupported/],
    ['broken state.json', (d) => (fs.writeFileSync(path.join(d, 'state.json'), '{oops'), path.join(d, 'state.json')), /not a valid state\.json/],
    ['not an Excel file', (d) => (fs.writeFileSync(path.join(d, 'x.xlsx'), 'not a zip'), path.join(d, 'x.xlsx')), /xlsx|Excel|empty|no cells/i],
    ['a sheet with no date column', (d) => (fs.writeFileSync(path.join(d, 'tanpa.csv'), 'Nama,Layanan\nBudi,Informasi\n'), path.join(d, 'tanpa.csv')), /tanggal/i],
  ];
  test.each(cases)('%s', (_name, make, message) => {
    const dir = tmpDir();
    const input = make(dir);
    const out = path.join(dir, 'out');
    const r = runCli([input, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('usage errors', () => {
    expect(runCli([]).code).toBe(1);
    expect(runCli(['x.csv', '--run', 'sometimes']).err).toMatch(/--run takes clean or nightly/);
    expect(runCli(['x.csv', '--append', 'y.csv']).err).toMatch(/go together/);
  });
});

test('--budget-ms: the sample is cleaned over several executions with the same result as one', async () => {
  const single = await analyze({ input: sampleFile(), out: tmpDir() });
  const budgeted = await analyze({ input: sampleFile(), out: tmpDir(), budgetMs: 20000 });
  expect(budgeted.report.executions).toBeGreaterThan(1);
  expect(budgeted.report.byStatus).toEqual(single.report.byStatus);
  for (const tab of ['Customer Service', 'JMO', 'kamus', 'masalah_data', 'ds_harian', 'ds_kanal', 'ds_puncak']) {
    expect(csvRows(path.join(budgeted.outputs!.dir, tab + '.csv'))).toEqual(csvRows(path.join(single.outputs!.dir, tab + '.csv')));
  }
});
