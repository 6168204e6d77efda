/**
 * The command lines as a user runs them (real processes, real files): --help and unknown flags
 * everywhere; analyze reading CSV as Sheets imports it, writing formula-safe CSV, replacing its
 * output folder whole, keeping personal data out of report.json, and talking in one language.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../../tools/build';
import { parseCsv, replaceFolder } from '../../tools/runner/io';
import { formatCount, runSummaryLines } from '../../tools/runner/console';
import type { RunReport } from '../../tools/runner/run';
import { tmpDir } from '../helpers/addon';

const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

function run(script: string, args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [TSX, path.join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const CLIS: [string, string][] = [
  ['analyze', 'tools/runner/cli.ts'],
  ['demo', 'tools/demo.ts'],
  ['sample', 'tools/sample/cli.ts'],
  ['preview', 'tools/preview/server.ts'],
  ['bench', 'tools/bench/cli.ts'],
];

describe('every CLI', () => {
  test.each(CLIS)('%s --help prints its usage and exits 0', (name, script) => {
    const r = run(script, ['--help']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(new RegExp(`^Usage: npm run ${name}\\b`));
    expect(r.out).toContain('--help');
  });

  test.each(CLIS)('%s refuses an unknown flag with one line and exit 1', (name, script) => {
    const r = run(script, ['--bogus']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([`${name}: unknown option --bogus (see --help)`]);
    expect(r.out).toBe('');
  });
});

/** An Indonesian Excel export: BOM, `;`, CRLF, decimal commas, identifiers with leading zeros, formula-looking text. */
const EXPORT =
  '\uFEFFTanggal;Nama;Usia;Layanan;Kanal;Topik;KPJ;Saldo\r\n' +
  '22/05/2023;=HYPERLINK("http://contoh.test");35 th;informasi;kantor cabang;kpj lama;0012345678;-3\r\n' +
  '23/05/2023;+62 812;41;Pengaduan;JMO;Lupa akun JMO;0098;12,5\r\n' +
  '24/05/2023;@SUM(A1);29;Pengaduan;JMO;-lupa akun;0812345678;7\r\n';

describe('analyze on a CSV', () => {
  let dir: string;
  let out: string;
  let result: ReturnType<typeof run>;
  beforeAll(() => {
    dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'kunjungan.csv'), EXPORT);
    out = path.join(dir, 'out');
    result = run('tools/runner/cli.ts', [path.join(dir, 'kunjungan.csv'), '--out', out]);
  });

  test('reads `;`, BOM, CRLF, decimal commas; keeps leading zeros as text', () => {
    expect(result.code).toBe(0);
    const log = parseCsv(fs.readFileSync(path.join(out, 'kunjungan.csv'), 'utf8'));
    expect(log[0].slice(0, 8)).toEqual(['Tanggal', 'Nama', 'Usia', 'Layanan', 'Kanal', 'Topik', 'KPJ', 'Saldo']);
    expect(log.slice(1).map((r) => r[6])).toEqual(['0012345678', '0098', '0812345678']);
    expect(log.slice(1).map((r) => r[7])).toEqual(['-3', '12.5', '7']);
    expect(log[1][0]).toBe('2023-05-22');
    // The state keeps the identifiers as text and the amounts as numbers.
    const state = fs.readFileSync(path.join(out, 'state.json'), 'utf8');
    expect(state).toContain('"0012345678"');
    expect(state).toContain('12.5');
  });

  test('no CSV cell a spreadsheet would run as a formula; plain negative numbers stay numbers', () => {
    const log = fs.readFileSync(path.join(out, 'kunjungan.csv'), 'utf8').split('\n');
    expect(log[1]).toContain(`"'=HYPERLINK(""http://contoh.test"")"`);
    expect(log[1]).toMatch(/,-3,/);
    expect(log[2]).toContain(`"'+62 812"`);
    expect(log[3]).toContain(`"'@SUM(A1)"`);
    expect(log[3]).toContain(`"'-lupa akun"`);
    for (const file of fs.readdirSync(out).filter((f) => f.endsWith('.csv'))) {
      for (const row of parseCsv(fs.readFileSync(path.join(out, file), 'utf8'))) {
        for (const cell of row) if (!/^-\d+(\.\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  test('the console speaks Indonesian by default and prints the Looker Studio link whole', () => {
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as RunReport;
    expect(report.locale).toBe('id_ID');
    expect(result.out).toContain('Baris dibaca: 3 (OK 0, DIPERBAIKI 3, DUPLIKAT 0, TIDAK_VALID 0)');
    expect(result.out).not.toMatch(/Rows|written|Cleaned/);
    expect(report.lookerStudioUrl.length).toBeGreaterThan(200);
    expect(result.out.split('\n')).toContain(`  Looker Studio: ${report.lookerStudioUrl}`);
  });
});

describe('analyze options', () => {
  const CSV = 'Tanggal,Nama,Usia,Layanan,Kanal,Topik\n22/05/2023,Budi,35 th,informasi,kantor cabang,kpj lama\n23/05/2023,Siti,41,Pengaduan,JMO,kpj lama\n';

  test('--locale en: an en_US spreadsheet and English output', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'log.csv'), CSV);
    const r = run('tools/runner/cli.ts', [path.join(dir, 'log.csv'), '--out', path.join(dir, 'out'), '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Rows read: 2 (OK 0, fixed 2, duplicates 0, invalid 0)');
    expect(r.out).not.toMatch(/Baris|dihitung|ditulis/);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'report.json'), 'utf8'));
    expect(report.locale).toBe('en_US');
    const state = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'state.json'), 'utf8'));
    expect(state.spreadsheets[0].locale).toBe('en_US');
    // The saved state keeps its locale, and the output its language, without --locale.
    const again = run('tools/runner/cli.ts', [path.join(dir, 'out', 'state.json'), '--out', path.join(dir, 'again')]);
    expect(again.out).toContain('Rows read: 2 (OK 0, fixed 2, duplicates 0, invalid 0)');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'again', 'report.json'), 'utf8')).locale).toBe('en_US');
    expect(run('tools/runner/cli.ts', ['x.csv', '--locale', 'fr']).err.trim()).toBe('analyze: --locale takes id or en, not "fr"');
  });

  test('--map saves the column roles through saveMapping before the run', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'log.csv'), CSV);
    const plain = run('tools/runner/cli.ts', [path.join(dir, 'log.csv'), '--out', path.join(dir, 'a')]);
    const mapped = run('tools/runner/cli.ts', [path.join(dir, 'log.csv'), '--out', path.join(dir, 'b'), '--map', 'ignore=topik', '--map', 'personal=Kanal']);
    expect([plain.code, mapped.code]).toEqual([0, 0]);
    const topics = (d: string) => parseCsv(fs.readFileSync(path.join(dir, d, 'log.csv'), 'utf8')).slice(1).map((r) => [r[4], r[5]]);
    expect(topics('a')).toEqual([['Kantor Cabang', 'KPJ Lama'], ['JMO', 'KPJ Lama']]);
    expect(topics('b')).toEqual([['kantor cabang', 'kpj lama'], ['JMO', 'kpj lama']]);
    const state = JSON.parse(fs.readFileSync(path.join(dir, 'b', 'state.json'), 'utf8'));
    expect(JSON.stringify(state)).toContain('ignore');

    const bad = run('tools/runner/cli.ts', [path.join(dir, 'log.csv'), '--out', path.join(dir, 'c'), '--map', 'hobby=Topik']);
    expect(bad.code).toBe(1);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/unknown role "hobby"/);
    const missing = run('tools/runner/cli.ts', [path.join(dir, 'log.csv'), '--out', path.join(dir, 'c'), '--map', 'date=Waktu']);
    expect(missing.err.trim()).toBe('analyze: --map: no sheet has a column "Waktu"');
    expect(fs.existsSync(path.join(dir, 'c'))).toBe(false);
  });

  test('report.json shows values copied from the sheet through the redaction', () => {
    const dir = tmpDir();
    fs.writeFileSync(
      path.join(dir, 'log.csv'),
      'Tanggal,Nama,Usia,Layanan,Kanal,Topik\n' +
        '22/05/2023,Budi,35,informasi,kantor cabang,tanya 081234567890 budi@contoh.test\n' +
        '23/05/2023,Siti,41,Informasi,JMO,Tanya 081234567890 budi@contoh.test\n' +
        '24/05/2023,Dedi,33,Informasi,JMO,TANYA 081234567890 BUDI@CONTOH.TEST\n' +
        // The sidebar names a free-text change only when at least three rows hold it (k = 3).
        '25/05/2023,Rina,29,Informasi,JMO,TANYA 081234567890 BUDI@CONTOH.TEST\n' +
        '26/05/2023,Yudi,52,Informasi,JMO,TANYA 081234567890 BUDI@CONTOH.TEST\n' +
        '27/05/2023,Tono,44,Informasi,JMO,Tanya 081234567890 budi@contoh.test\n' +
        '29/05/2023,Ayu,38,Informasi,JMO,Tanya 081234567890 budi@contoh.test\n',
    );
    expect(run('tools/runner/cli.ts', [path.join(dir, 'log.csv'), '--out', path.join(dir, 'out')]).code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'out', 'report.json'), 'utf8');
    expect(text).not.toMatch(/081234567890|contoh\.test/i);
    const changes = JSON.parse(text).cleaned[0].topChanges as { column: string; from: string; to: string }[];
    const topics = changes.filter((c) => c.column === 'Topik');
    expect(topics.length).toBeGreaterThan(0);
    for (const c of topics) for (const v of [c.from, c.to]) expect(v).toMatch(/^tanya \[nomor\] \[email\]$/i);
    // Dates are not personal data and stay readable.
    expect(changes).toContainEqual(expect.objectContaining({ column: 'Tanggal', from: '22/05/2023', to: '2023-05-22' }));
  });
});

describe('the output folder is replaced whole, or not at all', () => {
  test('a refusal leaves the previous folder as it was', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'previous.txt'), 'kept');
    fs.writeFileSync(path.join(dir, 'tanpa.csv'), 'Nama,Layanan\nBudi,Informasi\n');
    const r = run('tools/runner/cli.ts', [path.join(dir, 'tanpa.csv'), '--out', out]);
    expect(r.code).toBe(1);
    expect(fs.readdirSync(out)).toEqual(['previous.txt']);
    expect(fs.readdirSync(dir).sort()).toEqual(['out', 'tanpa.csv']);
  });

  test('a success replaces every file of the previous run', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'stale_tab.csv'), 'old');
    fs.writeFileSync(path.join(dir, 'log.csv'), 'Tanggal,Layanan\n22/05/2023,Informasi\n');
    expect(run('tools/runner/cli.ts', [path.join(dir, 'log.csv'), '--out', out]).code).toBe(0);
    expect(fs.existsSync(path.join(out, 'stale_tab.csv'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'report.json'))).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['log.csv', 'out']);
  });

  test('a crash half-way leaves the previous folder, and no half-written sibling', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'report.json'), '{"old":true}');
    expect(() =>
      replaceFolder(out, (tmp) => {
        fs.writeFileSync(path.join(tmp, 'report.json'), '{"new":true}');
        fs.writeFileSync(path.join(tmp, 'ds_harian.csv'), 'half');
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(fs.readdirSync(out)).toEqual(['report.json']);
    expect(fs.readFileSync(path.join(out, 'report.json'), 'utf8')).toBe('{"old":true}');
    expect(fs.readdirSync(dir)).toEqual(['out']);
    // And with no previous folder, none appears.
    expect(() => replaceFolder(path.join(dir, 'fresh'), () => {
      throw new Error('crash');
    })).toThrow('crash');
    expect(fs.readdirSync(dir)).toEqual(['out']);
  });
});

describe('console output: one language and one number style per run', () => {
  const report = {
    mode: 'clean',
    rowsRead: 17148,
    byStatus: { OK: 12034, DIPERBAIKI: 4898, DUPLIKAT: 150, TIDAK_VALID: 66 },
    problems: 216,
    earlyMonthPeaks: ['2023-05'],
    executions: 1,
    totalCalls: 1764,
    cellsWritten: 123456,
    ms: { run: 1346 },
    lookerStudioUrl: 'https://lookerstudio.google.com/reporting/create?' + 'ds.harian.connector=googleSheets&'.repeat(20) + 'end=1',
  } as unknown as RunReport;

  test.each([
    ['id', '17.148', ['Baris dibaca: 17.148 (OK 12.034, DIPERBAIKI 4.898, DUPLIKAT 150, TIDAK_VALID 66)', '1.764 panggilan layanan, 123.456 sel ditulis, 1.346 md'], /Rows|calls|written/],
    ['en', '17,148', ['Rows read: 17,148 (OK 12,034, fixed 4,898, duplicates 150, invalid 66)', '1,764 service calls, 123,456 cells written, 1,346 ms'], /Baris|panggilan|ditulis/],
  ] as const)('%s', (lang, count, expected, otherLanguage) => {
    expect(formatCount(17148, lang)).toBe(count);
    const text = runSummaryLines(report, null, lang, 'sample.xlsx').join('\n');
    for (const e of expected) expect(text).toContain(e);
    expect(text).not.toMatch(otherLanguage);
    expect(text).toContain(report.lookerStudioUrl);
  });
});

test('bench FILE writes bench/results-<name>.json and leaves bench/results.json alone', () => {
  const dir = tmpDir();
  const name = `pola-bench-test-${process.pid}`;
  const input = path.join(dir, `${name}.csv`);
  fs.writeFileSync(input, 'Tanggal,Layanan,Kanal\n22/05/2023,Informasi,JMO\n23/05/2023,informasi,jmo\n');
  const table = path.join(ROOT, 'bench', 'results.json');
  const before = fs.existsSync(table) ? fs.readFileSync(table, 'utf8') : null;
  const own = path.join(ROOT, 'bench', `results-${name}.json`);
  try {
    const r = run('tools/bench/cli.ts', [input]);
    expect(r.code).toBe(0);
    const written = JSON.parse(fs.readFileSync(own, 'utf8'));
    expect(written.results).toHaveLength(1);
    expect(written.results[0]).toMatchObject({ scenario: `${name}.csv`, rows: 2 });
    expect(fs.existsSync(table) ? fs.readFileSync(table, 'utf8') : null).toBe(before);
  } finally {
    fs.rmSync(own, { force: true });
  }
});
