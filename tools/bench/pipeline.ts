/**
 * The measured pipeline alone (read + clean + summarise of one CSV), for profiling:
 *   node --cpu-prof --import tsx tools/bench/pipeline.ts FILE.csv
 * Prints the stage times and peak RSS as one JSON line.
 */
import * as path from 'path';
import { readCsvTableFile } from '../runner/csv';
import { detectMapping } from '../../src/core/mapping';
import { cleanLog } from '../../src/core/clean';
import { summarise } from '../../src/core/summarise';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { intlZoneClock } from '../emulator';
import { parseOneInput, runMain } from '../runner/args';

const USAGE = `Usage: node --import tsx tools/bench/pipeline.ts FILE.csv

Read + clean + summarise of one CSV log, for profiling (add --cpu-prof or --heap-prof to node).
Prints one JSON line: wall and CPU ms per stage, peak RSS.

Options:
  -h, --help   this text`;

const SPEC = { name: 'pipeline', usage: USAGE, maxPositionals: 1, options: {} } as const;

function main(): void {
  const parsed = parseOneInput(SPEC, process.argv.slice(2), 'FILE.csv');
  if (!parsed) return;
  const file = parsed.input;
  const clock = intlZoneClock('Asia/Jakarta');
  const cpu0 = process.cpuUsage();
  const name = path.basename(file).replace(/\.csv$/i, '');
  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const u = process.cpuUsage(since);
    return Math.round((u.user + u.system) / 1000);
  };
  let c = process.cpuUsage();
  let t = Date.now();
  // Straight from the file's bytes into a column table, read through a window (the same table
  // as readCsvTable(fs.readFileSync(file)), without holding the whole file).
  const table = readCsvTableFile(file, { numbers: true });
  const read = Date.now() - t;
  const readCpu = cpuMs(c);
  c = process.cpuUsage();
  t = Date.now();
  const mapping = detectMapping(table, name);
  if (!mapping) throw new Error('no log mapping detected');
  const plan = cleanLog(table, { sheetName: name, mapping, clock, settings: DEFAULT_SETTINGS, kamus: [], lang: 'id' });
  const clean = Date.now() - t;
  const cleanCpu = cpuMs(c);
  c = process.cpuUsage();
  t = Date.now();
  summarise([{ sheetName: name, visits: plan.visits, counts: plan.counts, rowsRead: plan.rowsRead }], DEFAULT_SETTINGS, clock, { version: 'bench', refreshedAt: new Date().toISOString(), lastRun: null });
  const sum = Date.now() - t;
  const sumCpu = cpuMs(c);
  const cpu = process.cpuUsage(cpu0);
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ read_ms: read, clean_ms: clean, summarise_ms: sum, total_ms: read + clean + sum, peak_rss_mb: rss, cpu_ms: Math.round((cpu.user + cpu.system) / 1000), read_cpu_ms: readCpu, clean_cpu_ms: cleanCpu, summarise_cpu_ms: sumCpu, counts: plan.counts }));
}

if (require.main === module) runMain('pipeline', main, [Error]);
