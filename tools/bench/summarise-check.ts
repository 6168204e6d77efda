/**
 * The summaries alone, for tuning summarise(): cleans the input once, then times summarise()
 * several times and can write its whole output in a canonical text form (every table, info,
 * peaks, findings, weeks) so two versions of the code can be compared byte for byte:
 *   node --import tsx tools/bench/summarise-check.ts bench/tmp/log-1M.csv --repeat 5 --dump /tmp/after.txt
 *   node --import tsx tools/bench/summarise-check.ts sample --dump /tmp/sample.txt
 * The input `sample` is the sample workbook (every sheet); `synth:N` is an N-row synthetic log.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as inspector from 'inspector';
import { createHash } from 'crypto';
import { readCsv } from '../runner/csv';
import { detectMapping } from '../../src/core/mapping';
import { cleanLog } from '../../src/core/clean';
import { SheetRecords, summarise, Summaries } from '../../src/core/summarise';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { intlZoneClock } from '../emulator';
import type { Grid } from '../../src/core/cells';
import type { ZoneClock } from '../../src/core/zone';
import { CodeColumn, VISIT_FIELDS, VisitField, VisitTable } from '../../src/core/table';
import { generateSample, SampleCell } from '../sample/generate';
import { synthLogCsv } from './synth';
import { UsageError, integerOption, parseCli, printedHelp, runMain } from '../runner/args';

const pad = (n: number) => String(n).padStart(2, '0');

/** A sample cell as the CSV of synth.ts writes it (dates as dd/mm/yyyy text). */
function cellText(c: SampleCell): string | number | boolean {
  if (c === null) return '';
  if (typeof c === 'object') {
    const [y, m, d, hh, mi, ss] = c.date;
    return hh === undefined ? `${pad(d)}/${pad(m)}/${y}` : `${pad(d)}/${pad(m)}/${y} ${pad(hh)}:${pad(mi ?? 0)}:${pad(ss ?? 0)}`;
  }
  return c;
}

function recordsOf(name: string, grid: Grid, clock: ZoneClock): SheetRecords {
  const mapping = detectMapping(grid, name);
  if (!mapping) throw new Error(`no log mapping detected in ${name}`);
  const plan = cleanLog(grid, { sheetName: name, mapping, clock, settings: DEFAULT_SETTINGS, kamus: [], lang: 'id' });
  return { sheetName: name, check: plan.check, visits: plan.visits, counts: plan.counts, rowsRead: plan.rowsRead };
}

/** The cleaned sheets of an input: `sample`, `synth:N` or a CSV file. */
export function sheetsOf(input: string, clock: ZoneClock): SheetRecords[] {
  if (input === 'sample') return generateSample().sheets.map((s) => recordsOf(s.name, s.rows.map((r) => r.map(cellText)) as Grid, clock));
  const synth = /^synth:(\d+)$/.exec(input);
  const text = synth ? synthLogCsv(Number(synth[1])) : fs.readFileSync(input, 'utf8');
  const name = synth ? 'synth' : path.basename(input).replace(/\.csv$/i, '');
  return [recordsOf(name, readCsv(text, { numbers: true }) as Grid, clock)];
}

/** Every cell with its type, so a number never passes for its text, -0 for 0 or a Date for its ISO text. */
function canonical(v: unknown): string {
  if (v instanceof Date) return `D${v.getTime()}`;
  if (typeof v === 'number') return Object.is(v, -0) ? 'N-0' : `N${v}`;
  if (typeof v === 'string') return `S${JSON.stringify(v)}`;
  if (typeof v === 'boolean') return `B${v}`;
  if (v === null) return 'null';
  if (v === undefined) return 'undef';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object') {
    return `{${Object.keys(v as object)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return `?${String(v)}`;
}

/** The whole output of summarise() as text, one line per table and per other field. */
export function summariesText(s: Summaries): string {
  const lines: string[] = [];
  for (const t of s.tables) {
    lines.push(`table ${t.name} ${canonical(t.headers)} rows=${t.rows.length}`);
    for (const r of t.rows) lines.push(canonical(r));
  }
  lines.push(`peaks ${canonical(s.peaks)}`);
  lines.push(`earlyMonthPeaks ${canonical(s.earlyMonthPeaks)}`);
  lines.push(`counts ${canonical(s.counts)}`);
  lines.push(`findings ${canonical(s.findings)}`);
  lines.push(`weeks ${canonical(s.weeks)}`);
  return lines.join('\n') + '\n';
}

/** Per table (and per other field): its row count and the SHA-256 of its canonical text. */
export function summariesDigest(s: Summaries): Record<string, string> {
  const out: Record<string, string> = {};
  let part = '';
  let lines: string[] = [];
  const flush = (): void => {
    if (part) out[part] = `${lines.length - 1} ${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
  };
  for (const line of summariesText(s).split('\n')) {
    if (!line) continue;
    const head = /^(table \S+|peaks|earlyMonthPeaks|counts|findings|weeks)\b/.exec(line);
    if (head && !line.startsWith('[')) {
      flush();
      part = (head[1] as string).replace(/^table /, '');
      lines = [];
    }
    lines.push(line);
  }
  flush();
  return out;
}

/** The cleaned sheets as JSON (typed columns as base64), so timing runs can skip read + clean. */
function saveSheets(file: string, sheets: readonly SheetRecords[]): void {
  // Four bytes a value, whatever width the column holds them in.
  const b64 = (a: Int32Array | Uint16Array, n: number) => {
    const wide = Int32Array.from(a.subarray(0, n));
    return Buffer.from(wide.buffer, wide.byteOffset, n * 4).toString('base64');
  };
  const plain = sheets.map((s) => ({
    ...s,
    visits: {
      size: s.visits.size,
      dict: s.visits.dict.values,
      vetted: [...s.visits.vetted],
      day: b64(s.visits.day.data, s.visits.size),
      fields: Object.fromEntries(VISIT_FIELDS.map((f) => [f, b64(s.visits.fields[f].data, s.visits.size)])),
    },
  }));
  fs.writeFileSync(file, JSON.stringify(plain));
}

function loadSheets(file: string): SheetRecords[] {
  type Plain = Omit<SheetRecords, 'visits'> & { visits: { size: number; dict: string[]; vetted: string[]; day: string; fields: Record<VisitField, string> } };
  const int32 = (b64: string, size: number): Int32Array => {
    const buf = Buffer.from(b64, 'base64');
    return new Int32Array(buf.buffer, buf.byteOffset, size);
  };
  const codes = (b64: string, size: number): CodeColumn => {
    const c = new CodeColumn(size);
    for (const v of int32(b64, size)) c.push(v);
    return c;
  };
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as Plain[]).map((s) => {
    const t = new VisitTable(1);
    for (const v of s.visits.dict) t.dict.code(v);
    for (const v of s.visits.vetted) t.vetted.add(v);
    (t as { day: CodeColumn }).day = codes(s.visits.day, s.visits.size);
    for (const f of VISIT_FIELDS) t.fields[f] = codes(s.visits.fields[f], s.visits.size);
    return { ...s, visits: t };
  });
}

export const CHECK_RUN = { version: 'check', refreshedAt: '2026-01-01T00:00:00Z', lastRun: null };

const USAGE = `Usage: node --import tsx tools/bench/summarise-check.ts INPUT [options]

Times summarise() alone on INPUT (a CSV log, \`sample\` or \`synth:N\`), cleaned once, and can
write its whole output as canonical text to compare two versions of the code byte for byte.

Options:
  --repeat N       calls to time (default 1; the first is the cold one)
  --dump FILE      the output of the last call, as canonical text
  --cache FILE     read the cleaned sheets from FILE when it exists, else write them there
  --profile FILE   a .cpuprofile of the summarise() calls alone
  -h, --help       this text`;

const SPEC = {
  name: 'summarise-check',
  usage: USAGE,
  maxPositionals: 1,
  options: { repeat: { type: 'string' }, dump: { type: 'string' }, cache: { type: 'string' }, profile: { type: 'string' } },
} as const;

async function main(): Promise<void> {
  const parsed = parseCli(SPEC, process.argv.slice(2));
  if (printedHelp(parsed, SPEC)) return;
  const input = parsed.positionals[0];
  if (!input) throw new UsageError('needs an INPUT (see --help)');
  const repeat = parsed.values.repeat === undefined ? 1 : integerOption('repeat', parsed.values.repeat, { min: 1, max: 1000 });
  const { dump, profile, cache } = parsed.values;
  const clock = intlZoneClock('Asia/Jakarta');
  const sheets = cache && fs.existsSync(cache) ? loadSheets(cache) : sheetsOf(input, clock);
  if (cache && !fs.existsSync(cache)) saveSheets(cache, sheets);
  const rows = sheets.reduce((n, s) => n + s.visits.size, 0);
  // The clock as cleaning leaves it in the pipeline: its month offsets over the log already known.
  for (const { visits: v } of sheets) for (let i = 0; i < v.size; i += 997) clock.fromLocal(v.day.get(i), 0);
  let out: Summaries | null = null;
  const wall: number[] = [];
  const cpu: number[] = [];
  // --profile FILE: a .cpuprofile of the summarise() calls alone (cleaning left out).
  const session = profile ? new inspector.Session() : null;
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session?.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  if (session) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 100 });
    await post('Profiler.start');
  }
  for (let k = 0; k < repeat; k++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    out = summarise(sheets, DEFAULT_SETTINGS, clock, CHECK_RUN);
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  if (session && profile) {
    const { profile: p } = (await post('Profiler.stop')) as { profile: object };
    fs.writeFileSync(profile, JSON.stringify(p));
    session.disconnect();
  }
  const med = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);
  console.log(JSON.stringify({ input, visits: rows, wall_ms: wall.map(Math.round), cpu_ms: cpu.map(Math.round), first_wall_ms: Math.round(wall[0] ?? 0), median_wall_ms: med(wall), median_cpu_ms: med(cpu) }));
  if (dump && out) fs.writeFileSync(dump, summariesText(out));
}

if (require.main === module) runMain('summarise-check', main, [Error]);
