/**
 * Issue #11 through the bundle: a run that loses many rows says so (PERLU PERIKSA) in the result,
 * info_ringkasan, the run record and report.json, and the runner fails with --strict; the date
 * order used is reported with its reason. (The shape fixtures themselves are in test/acceptance.)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { makeAddon, Value } from '../helpers/addon';
import { ROOT } from '../../tools/build';

const HEADER: Value[] = ['Tanggal', 'Nama', 'Layanan', 'Kanal', 'Topik'];

/** A log with dates missing here and there in no order: blank dates must stay invalid, and loudly. */
function unsortedWithGaps(): Value[][] {
  const rows: Value[][] = [HEADER];
  for (let i = 0; i < 20; i++) {
    const day = ((i * 7) % 27) + 1;
    rows.push([i % 3 === 0 ? '' : `${day}/05/2023`, `Peserta ${i}`, i % 2 ? 'Informasi' : 'Pengaduan', 'Kantor Cabang', `topik ${i % 4}`]);
  }
  return rows;
}

const info = (a: ReturnType<typeof makeAddon>) => Object.fromEntries(a.table('info_ringkasan').map((r) => [r.kunci, String(r.nilai)]));

test('more than 10 % of rows left out: PERLU PERIKSA with the main reason and the fix, everywhere staff look', () => {
  const a = makeAddon([{ name: 'Log', rows: unsortedWithGaps() }]);
  const run = a.call('analyzeAll');
  const check = run.cleaned[0].check;
  expect(run.cleaned[0].byStatus.TIDAK_VALID).toBe(7);
  expect(check.status).toBe('PERLU_PERIKSA');
  expect(check.reason).toMatch(/35% baris \(7 dari 20\).*Tanggal kunjungan kosong/);
  expect(check.fix).toMatch(/Isi tanggal/);
  const i = info(a);
  expect(i.status_data).toBe('PERLU PERIKSA');
  expect(i.status_data_alasan).toMatch(/Log: 35%/);
  expect(i.run_terakhir_status).toBe('PERLU PERIKSA');
  expect(a.call('getSidebarState').nightly.lastRun.review).toMatch(/35%/);
});

test('a clean log is BERHASIL, and the date order and its reason are reported', () => {
  const rows: Value[][] = [['Tanggal (MM/DD/YYYY)', 'Nama', 'Layanan'], ['02/01/2023', 'A', 'Informasi'], ['02/06/2023', 'B', 'Pengaduan'], ['03/01/2023', 'C', 'Informasi']];
  const a = makeAddon([{ name: 'Log', rows }]);
  const check = a.call('analyzeAll').cleaned[0].check;
  expect(check).toMatchObject({ status: 'BERHASIL', dateOrder: 'MDY', dateOrderReason: 'headerFormat' });
  expect(a.values('Log')[2][0]).toEqual(new Date('2023-02-05T17:00:00.000Z')); // 6 February, Jakarta midnight
  expect(info(a).urutan_tanggal).toBe('Log: MDY (headerFormat)');
  expect(info(a).status_data).toBe('BERHASIL');
});

test('dates nothing can order (no locale, no header, every part ≤ 12) are flagged, never guessed silently', () => {
  const rows: Value[][] = [HEADER, ['02/01/2023', 'A', 'Informasi', 'JMO', 'x'], ['03/04/2023', 'B', 'Informasi', 'JMO', 'y'], ['05/06/2023', 'C', 'Pengaduan', 'JMO', 'z']];
  const a = makeAddon([{ name: 'Log', rows }], { locale: '' });
  const check = a.call('analyzeAll').cleaned[0].check;
  expect(check.dateOrder).toBe('ambiguous');
  expect(check.status).toBe('PERLU_PERIKSA');
  expect(check.reason).toMatch(/urutan tanggal ambigu/);
  expect(info(a).status_data).toBe('PERLU PERIKSA');
  // The guess is counted, not written: the cells stay as typed, so the next run is flagged too.
  expect(a.values('Log').slice(1).map((r) => r[0])).toEqual(['02/01/2023', '03/04/2023', '05/06/2023']);
  expect(a.call('analyzeAll').cleaned[0].check).toMatchObject({ status: 'PERLU_PERIKSA', dateOrder: 'ambiguous' });
});

test('a column mixing day-first and month-first dates stays flagged on every run: no date in numerals is rewritten', () => {
  // January typed day-first, February pasted from a month-first export.
  const rows: Value[][] = [HEADER, ['15/01/2024', 'A', 'Informasi', 'JMO', 'x'], ['02/01/2024', 'B', 'Informasi', 'JMO', 'y'], ['02/14/2024', 'C', 'Pengaduan', 'JMO', 'z'], ['5 Jan 2024', 'D', 'Pengaduan', 'JMO', 'w']];
  const a = makeAddon([{ name: 'Log', rows }]);
  for (let run = 0; run < 2; run++) {
    expect(a.call('analyzeAll').cleaned[0].check).toMatchObject({ status: 'PERLU_PERIKSA', dateOrder: 'ambiguous', dateOrderReason: 'conflictingParts' });
    expect(a.values('Log').slice(1, 4).map((r) => r[0])).toEqual(['15/01/2024', '02/01/2024', '02/14/2024']);
  }
  // A date with its month in words is not in question: it is written as a date.
  expect(a.values('Log')[4][0]).toEqual(new Date('2024-01-04T17:00:00.000Z'));
});

test('npm run analyze -- --strict exits 2 on a log that needs checking, and prints why; 0 on a clean one', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pola-strict-'));
  const bad = path.join(dir, 'bad.csv');
  fs.writeFileSync(bad, unsortedWithGaps().map((r) => r.join(',')).join('\n'));
  const cli = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'tools/runner/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  const strict = cli([bad, '--out', path.join(dir, 'out1'), '--strict']);
  expect(strict.status).toBe(2);
  expect(strict.stderr).toMatch(/PERLU PERIKSA: .*35%/);
  const report = JSON.parse(fs.readFileSync(path.join(dir, 'out1', 'report.json'), 'utf8'));
  expect(report.status).toBe('PERLU_PERIKSA');
  expect(typeof report.triggerRuntimeMs).toBe('number');
  const nightly = cli([path.join(dir, 'out1', 'state.json'), '--out', path.join(dir, 'out-nightly'), '--run', 'nightly', '--budget-ms', '270000']);
  expect(nightly.status).toBe(0);
  // What a nightly run costs of the 90-minute daily trigger quota is on record (with Apps Script's latency simulated).
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'out-nightly', 'report.json'), 'utf8')).triggerRuntimeMs).toBeGreaterThan(0);
  const lenient = cli([bad, '--out', path.join(dir, 'out2')]);
  expect(lenient.status).toBe(0);
  expect(lenient.stderr).toMatch(/PERLU PERIKSA/);
  const good = cli([path.join(ROOT, 'test/fixtures/shapes/month-first-days-le-12.csv'), '--out', path.join(dir, 'out3'), '--strict']);
  expect(good.status).toBe(0);
});
