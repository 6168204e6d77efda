import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { parseArgs } from '../../tools/sample/cli';
import { generateSample } from '../../tools/sample/generate';

const ROOT = path.resolve(__dirname, '../..');

describe('tools/sample/cli.ts', () => {
  let dir: string;
  let out: string;
  let stdout: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pola-sample-'));
    out = path.join(dir, 'nested', 'sample.xlsx');
    stdout = execFileSync('npx', ['tsx', 'tools/sample/cli.ts', '--seed', '20240403', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('parses arguments', () => {
    expect(parseArgs([])).toEqual({ seed: 20240403, out: 'sample/layanan-bpjs-sample.xlsx', realWorld: true });
    expect(parseArgs(['--seed', '7', '--out', 'x.xlsx'])).toEqual({ seed: 7, out: 'x.xlsx', realWorld: true });
    expect(parseArgs(['--seed=8'])).toEqual({ seed: 8, out: 'sample/layanan-bpjs-sample.xlsx', realWorld: true });
    expect(() => parseArgs(['--seed', 'abc'])).toThrow('--seed takes a whole number from -2147483648 to 4294967295, not "abc"');
    // Number() would read these as 0 and 1000: a seed is written as digits.
    expect(() => parseArgs(['--seed='])).toThrow('not ""');
    expect(() => parseArgs(['--seed', '1e3'])).toThrow('not "1e3"');
    expect(() => parseArgs(['--bogus'])).toThrow();
    expect(parseArgs(['--plain', '--seed', '9'])).toEqual({ seed: 9, out: 'sample/layanan-bpjs-sample.xlsx', realWorld: false });
  });

  test('prints one line with path, sheets and row counts; creates the folder', () => {
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(out);
    expect(lines[0]).toContain('4 sheets');
    expect(lines[0]).toContain('Customer Service=');
    expect(fs.existsSync(out)).toBe(true);
  });

  test('reads back with SheetJS: date cells are Dates, text stays text, numbers stay numbers', () => {
    const book = XLSX.readFile(out, { cellDates: true });
    const raw = XLSX.readFile(out, { cellNF: true }); // serial numbers, to check the exact stored wall-clock value
    // The CLI writes the sample with the mess of real branch logs (its default).
    const wb = generateSample(20240403, { realWorld: true });
    expect(book.SheetNames).toEqual(wb.sheets.map((s) => s.name));
    let dates = 0;
    for (const s of wb.sheets) {
      const ws = book.Sheets[s.name];
      const wsRaw = raw.Sheets[s.name];
      const range = XLSX.utils.decode_range(ws['!ref'] as string);
      expect(range.e.r + 1).toBe(s.rows.length);
      s.rows.forEach((row, r) => row.forEach((c, col) => {
        const addr = XLSX.utils.encode_cell({ r, c: col });
        const cell = ws[addr] as XLSX.CellObject | undefined;
        if (c === null) return expect(cell).toBeUndefined();
        if (typeof c === 'string') return expect([cell?.t, cell?.v]).toEqual(['s', c]);
        if (typeof c === 'number') return expect([cell?.t, cell?.v]).toEqual(['n', c]);
        if (typeof c === 'boolean') return expect([cell?.t, cell?.v]).toEqual(['b', c]);
        dates++;
        expect(cell?.t).toBe('d');
        const d = cell?.v as Date;
        expect(d).toBeInstanceOf(Date);
        const [y, m, day, hh = 0, mi = 0, ss = 0] = c.date;
        // exact stored value: serial days since 1899-12-30 + fraction of day, with a date format
        const serial = wsRaw[addr] as XLSX.CellObject;
        expect(serial.t).toBe('n');
        const ms = Math.round((serial.v as number) * 86400) * 1000 + Date.UTC(1899, 11, 30);
        expect(new Date(ms).toISOString().slice(0, 19)).toBe(new Date(Date.UTC(y, m - 1, day, hh, mi, ss)).toISOString().slice(0, 19));
        expect(String(serial.z)).toMatch(c.date.length > 3 ? /yyyy.*hh:mm:ss/ : /yyyy/);
        // SheetJS's Date is the wall-clock value in local time (it can be off by a historic
        // local-mean-time offset of a few minutes in some time zones, a reader quirk).
        const local = new Date(y, m - 1, day, hh, mi, ss).getTime();
        expect(Math.abs(d.getTime() - local)).toBeLessThan(3600 * 1000);
      }));
    }
    expect(dates).toBeGreaterThan(5000);
  });
});
