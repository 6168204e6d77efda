/**
 * `npm run bench [-- FILE.csv]`: fixed scenarios — the sample workbook (≈17,000 rows), and
 * 100,000 and 1,000,000 rows synthesised from it — or a given file. Each scenario runs in its own
 * Node process and prints one JSON line; all are written to bench/results.json with the machine.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../build';
import { DEFAULT_OUT, writeSample } from '../sample/cli';
import { DEFAULT_SEED } from '../sample/generate';
import { writeSynthLog } from './synth';

const TMP = path.join(ROOT, 'bench', 'tmp');

function scenarioFiles(): [string, string][] {
  const given = process.argv.slice(2).filter((a) => !a.startsWith('--'));
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

function main(): void {
  const results: Record<string, unknown>[] = [];
  for (const [name, file] of scenarioFiles()) {
    const line = execFileSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', path.join(__dirname, 'scenario.ts'), name, file], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    process.stdout.write(line + '\n');
    results.push(JSON.parse(line));
  }
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` };
  const codeKb = Math.round(fs.statSync(path.join(ROOT, 'dist', 'Code.js')).size / 102.4) / 10;
  fs.mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify({ date: new Date().toISOString(), machine, code_js_kb: codeKb, results }, null, 2) + '\n');
  console.log(`bench/results.json written (dist/Code.js ${codeKb} KB; ${machine.cpus} cores, ${machine.cpu})`);
}

main();
