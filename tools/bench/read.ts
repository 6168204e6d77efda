/**
 * The read stage alone (readCsvTableFile, as the bench reads a log), for measuring the reader:
 *   node --max-old-space-size=8192 --import tsx tools/bench/read.ts FILE.csv
 * Prints one JSON line: wall and CPU ms of the read, minor page faults, peak RSS, the table's size.
 */
import { readCsvTableFile } from '../runner/csv';
import { parseOneInput, runMain } from '../runner/args';

const USAGE = `Usage: node --import tsx tools/bench/read.ts FILE.csv

readCsvTableFile(FILE, { numbers: true }) alone, for profiling (add --cpu-prof to node).
Prints one JSON line: wall and CPU ms, page faults, peak RSS, rows and columns read.

Options:
  -h, --help   this text`;

const SPEC = { name: 'read', usage: USAGE, maxPositionals: 1, options: {} } as const;

function main(): void {
  const parsed = parseOneInput(SPEC, process.argv.slice(2), 'FILE.csv');
  if (!parsed) return;
  const file = parsed.input;
  const faults0 = process.resourceUsage().minorPageFault;
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  const table = readCsvTableFile(file, { numbers: true });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  const cpu = process.cpuUsage(c);
  const usage = process.resourceUsage();
  console.log(
    JSON.stringify({
      read_ms: Math.round(wall),
      read_cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
      user_ms: Math.round(cpu.user / 1000),
      system_ms: Math.round(cpu.system / 1000),
      page_faults: usage.minorPageFault - faults0,
      peak_rss_mb: Math.round(usage.maxRSS / 1024),
      rows: table.rowCount,
      columns: table.columns.length,
      values: table.columns.map((col) => col.values.length),
    }),
  );
}

if (require.main === module) runMain('read', main, [Error]);
