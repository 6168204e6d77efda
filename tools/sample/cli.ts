/**
 * `npm run sample [-- --seed N] [-- --out FILE] [-- --real-world]` (--real-world: the mess of issue #11 on top)
 * Writes the synthetic service-log workbook (see generate.ts) as an .xlsx file.
 * Date cells become real Excel dates (serial number + date number format), text stays text,
 * numbers stay numbers.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { integerOption, parseCli, printedHelp, runMain } from '../runner/args';
import { DEFAULT_SEED, generateSample, type SampleCell, type SampleOptions, type SampleWorkbook } from './generate';

export const DEFAULT_OUT = 'sample/layanan-bpjs-sample.xlsx';

/** Excel serial (days since 1899-12-30, fraction = time of day) of a wall-clock date. */
function excelSerial(parts: number[]): number {
  const [y, m, d, hh = 0, mi = 0, ss = 0] = parts;
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000 + (hh * 3600 + mi * 60 + ss) / 86400;
}

function toCell(c: SampleCell): XLSX.CellObject | null {
  if (c === null) return null;
  if (typeof c === 'string') return { t: 's', v: c };
  if (typeof c === 'number') return { t: 'n', v: c };
  if (typeof c === 'boolean') return { t: 'b', v: c };
  return { t: 'n', v: excelSerial(c.date), z: c.date.length > 3 ? 'dd/mm/yyyy hh:mm:ss' : 'yyyy-mm-dd' };
}

export function toXlsxWorkbook(wb: SampleWorkbook): XLSX.WorkBook {
  const book = XLSX.utils.book_new();
  for (const sheet of wb.sheets) {
    const ws: XLSX.WorkSheet = {};
    let maxC = 0;
    sheet.rows.forEach((row, r) => {
      row.forEach((c, col) => {
        const cell = toCell(c);
        if (!cell) return;
        ws[XLSX.utils.encode_cell({ r, c: col })] = cell;
        maxC = Math.max(maxC, col);
      });
    });
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, sheet.rows.length - 1), c: maxC } });
    XLSX.utils.book_append_sheet(book, ws, sheet.name);
  }
  return book;
}

/**
 * The bundled sample carries the mess of real branch logs (issue #11: re-entered rows with new
 * running numbers, form double submissions, dates written once per day, abbreviations, a TOTAL
 * row) unless `realWorld: false` asks for the plain one.
 */
export function writeSample(seed: number, out: string, opts: SampleOptions = { realWorld: true }): SampleWorkbook {
  const wb = generateSample(seed, opts);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  XLSX.writeFile(toXlsxWorkbook(wb), out, { bookType: 'xlsx' });
  return wb;
}

export const USAGE = `Usage: npm run sample [-- --seed N] [--out FILE] [--plain]

Writes the synthetic service-log workbook: four sheets in the shape of the published Madiun study,
with realistic mess and no real personal data.

Options:
  --seed N     the random seed (default ${DEFAULT_SEED}); the same seed writes the same workbook
  --out FILE   where to write it (default ${DEFAULT_OUT})
  --plain      leave out the mess of real branch logs that the sample carries by default (re-entered
               rows, form double submissions, dates written once per day, abbreviations, a TOTAL row)
  -h, --help   this text`;

const SPEC = { name: 'sample', usage: USAGE, options: { seed: { type: 'string' }, out: { type: 'string' }, plain: { type: 'boolean' } } } as const;

/** The command line; `help` is set (and the usage printed by main) when --help was given. */
export function parseArgs(argv: string[]): { seed: number; out: string; help?: true; realWorld: boolean } {
  const parsed = parseCli(SPEC, argv);
  if (parsed.help) return { seed: DEFAULT_SEED, out: DEFAULT_OUT, help: true, realWorld: true };
  const seed = parsed.values.seed === undefined ? DEFAULT_SEED : integerOption('seed', parsed.values.seed, { min: -(2 ** 31), max: 2 ** 32 - 1 });
  const out = parsed.values.out ?? DEFAULT_OUT;
  return { seed, out, realWorld: parsed.values.plain !== true };
}

function main(): void {
  const { seed, out, help, realWorld } = parseArgs(process.argv.slice(2));
  if (printedHelp({ help: !!help }, SPEC)) return;
  const wb = writeSample(seed, out, { realWorld });
  const counts = wb.sheets.map((s) => `${s.name}=${s.rows.length - 1} rows`).join(', ');
  console.log(`${out}: ${wb.sheets.length} sheets (seed ${seed}): ${counts}`);
}

if (require.main === module) runMain('sample', main);
