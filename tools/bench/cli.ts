/**
 * `npm run bench [-- FILE.csv ...]`: fixed scenarios — the sample workbook (≈17,000 rows), and
 * 100,000 and 1,000,000 rows synthesised from it — or given files. Each scenario runs in its own
 * Node process and prints one JSON line. The fixed scenarios are written to bench/results.json
 * (the README's table); given files to bench/results-<name>.json, leaving the table alone.
 */
import { execFileSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../build';
import { DEFAULT_OUT, writeSample } from '../sample/cli';
import { DEFAULT_SEED } from '../sample/generate';
import { writeSynthLog } from './synth';
import { parseCli, printedHelp, runMain } from '../runner/args';

export const USAGE = `Usage: npm run bench [-- FILE.csv|FILE.xlsx ...]

Each CSV scenario is also run through the pandas reference (tools/bench/pandas_workflow.py) when a
python3 on this machine imports pandas (Debian: apt-get install python3-pandas): its time is
pandas_ms and speedup is pandas_ms / pipeline_ms. Without pandas both are left out, and said so.

Without files: the sample workbook and 100,000 and 1,000,000 synthesised rows, each in its own
Node process; one JSON line each, all written to bench/results.json (the README's table).
With files: those files only, written to bench/results-<file name>.json.

Options:
  -h, --help   this text`;

const SPEC = { name: 'bench', usage: USAGE, maxPositionals: 100, options: {} } as const;

const TMP = path.join(ROOT, 'bench', 'tmp');

function scenarioFiles(given: string[]): [string, string][] {
  if (given.length) return given.map((f) => [path.basename(f), path.resolve(f)]);
  fs.mkdirSync(TMP, { recursive: true });
  const sample = path.resolve(ROOT, DEFAULT_OUT);
  if (!fs.existsSync(sample)) writeSample(DEFAULT_SEED, sample);
  const out: [string, string][] = [['sample', sample]];
  for (const [name, rows] of [['100k', 100000], ['1M', 1000000]] as [string, number][]) {
    const file = path.join(TMP, `log-${name}.csv`);
    if (!fs.existsSync(file)) writeSynthLog(file, rows);
    out.push([name, file]);
  }
  return out;
}

/** Where results go: the README's table for the fixed scenarios, a file of its own otherwise. */
export function resultsFile(given: string[]): string {
  if (given.length === 0) return path.join(ROOT, 'bench', 'results.json');
  const name = given.map((f) => path.basename(f).replace(/\.[^.]+$/, '')).join('+').replace(/[^\w.+-]/g, '_');
  return path.join(ROOT, 'bench', `results-${name}.json`);
}

/**
 * scenario.ts bundled by esbuild into bench/tmp/ and run by plain node: the pipeline is measured
 * as it ships (one bundle, as dist/Code.js is), without tsx's loader and its per-module
 * transpile cache in the process's time and memory.
 */
function bundleScenario(): string {
  const outfile = path.join(TMP, 'scenario.js');
  fs.mkdirSync(TMP, { recursive: true });
  // The tools' own CLIs (build.ts …) start on `require.main === module`, which a bundle would make
  // true for every one of them: only scenario.ts's main runs.
  esbuild.buildSync({ entryPoints: [path.join(__dirname, 'scenario.ts')], bundle: true, platform: 'node', target: 'node20', outfile, logLevel: 'warning', external: ['@duckdb/node-api', 'esbuild', 'uglify-js'], define: { 'require.main': 'undefined' } });
  return outfile;
}

/** A python3 that imports pandas (the PATH's, then Debian's), or null. */
export function pandasPython(): string | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(python, ['-c', 'import pandas'], { stdio: 'ignore' });
      return python;
    } catch {
      // not this one
    }
  }
  return null;
}

/** The pandas reference's read+clean+summarise time on a CSV, in ms. */
function pandasMs(python: string, file: string): number {
  const line = execFileSync(python, [path.join(__dirname, 'pandas_workflow.py'), file], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  return (JSON.parse(line) as { total_ms: number }).total_ms;
}

function main(): void {
  const parsed = parseCli(SPEC, process.argv.slice(2));
  if (printedHelp(parsed, SPEC)) return;
  for (const f of parsed.positionals) if (!fs.existsSync(f)) throw new Error(`"${f}" does not exist`);
  const results: Record<string, unknown>[] = [];
  const python = pandasPython();
  if (!python) console.error('pandas not found (apt-get install python3-pandas): pandas_ms and speedup left out');
  const scenario = bundleScenario();
  for (const [name, file] of scenarioFiles(parsed.positionals)) {
    const line = execFileSync(process.execPath, ['--max-old-space-size=8192', scenario, name, file], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    const result = JSON.parse(line) as Record<string, unknown>;
    if (python && file.toLowerCase().endsWith('.csv')) {
      try {
        result.pandas_ms = pandasMs(python, file);
        result.speedup = Math.round(((result.pandas_ms as number) / (result.pipeline_ms as number)) * 10) / 10;
      } catch (e) {
        // The reference is optional: a file it cannot read leaves the columns out, and says why.
        result.pandas_note = `the pandas reference failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
      }
    } else if (python) result.pandas_note = 'the pandas reference reads CSV only';
    process.stdout.write(JSON.stringify(result) + '\n');
    results.push(result);
  }
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` };
  const codeKb = Math.round(fs.statSync(path.join(ROOT, 'dist', 'Code.js')).size / 102.4) / 10;
  const out = resultsFile(parsed.positionals);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine, code_js_kb: codeKb, results }, null, 2) + '\n');
  console.log(`${path.relative(ROOT, out)} written (dist/Code.js ${codeKb} KB; ${machine.cpus} cores, ${machine.cpu})`);
}

if (require.main === module) runMain('bench', main, [Error]);
