/**
 * `npm run build`: produces dist/, exactly what `clasp push` uploads (.clasp.json rootDir).
 *
 * - dist/Code.js: src/server/index.ts bundled by esbuild into one IIFE (no import/export/require,
 *   ES2019 for the Apps Script V8 runtime), followed by one top-level `function` per export of the
 *   entry module. Apps Script finds menu, trigger and google.script.run targets only among
 *   top-level function declarations; the list comes from esbuild's metafile, never by hand.
 * - dist/Sidebar.html: the sidebar, with its script and styles inlined (no CDN).
 * - dist/appsscript.json: the manifest.
 *
 * `--flavour regional` builds the same into dist-regional/ from src/server/regional/index.ts (the
 * branch's entries plus the BigQuery send), with appsscript.regional.json: the only manifest that
 * enables the BigQuery advanced service and asks for its scope. dist/ is never touched by it.
 */
import * as esbuild from 'esbuild';
import { minify } from 'uglify-js';
import * as fs from 'fs';
import * as path from 'path';
import { buildSidebarHtml } from '../sidebar/build';
import { UsageError, parseCli, printedHelp, runMain } from './runner/args';
import { ROOT } from './root';

export { ROOT };
export const DIST = path.join(ROOT, 'dist');
export const DIST_REGIONAL = path.join(ROOT, 'dist-regional');
export const GLOBAL_NAME = 'Pola_';

export type Flavour = 'branch' | 'regional';

interface FlavourFiles {
  entry: string;
  dist: string;
  manifest: string;
}

const FLAVOURS: Record<Flavour, FlavourFiles> = {
  branch: { entry: 'src/server/index.ts', dist: DIST, manifest: 'appsscript.json' },
  regional: { entry: 'src/server/regional/index.ts', dist: DIST_REGIONAL, manifest: 'appsscript.regional.json' },
};

/**
 * The wrapper Apps Script sees for the entry point at `index` of the sorted entry names (one line:
 * the bundle counts every byte). It passes its arguments on as they came; no entry reads `this`.
 */
export function entryStub(name: string, index: number): string {
  return `function ${name}(...a){return ${GLOBAL_NAME}(${index},a)}\n`;
}

/**
 * An ESM bundle as one script: its code inside a strict function whose result is the global
 * `GLOBAL_NAME(index, args)`, which calls the entry at that index of `entries` (the stubs' order).
 * esbuild's own IIFE format exports an object instead, through its CommonJS-interop helpers and a
 * getter per export; this wraps its ESM output, which ends with one `export{local as name,…};`
 * clause, and spells no entry name twice. Everything else stays inside the function: nothing but
 * GLOBAL_NAME (private to Apps Script: its name ends in `_`) and the stubs is global, so
 * google.script.run can still call only the entry points.
 */
export function wrapEsm(text: string, entries: readonly string[]): string {
  const m = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(text);
  if (!m) throw new Error('esbuild output does not end with an export clause');
  const body = text.slice(0, m.index);
  const localOf = new Map<string, string>();
  for (const part of m[1].split(',').map((p) => p.trim())) {
    if (part === '') continue;
    const pair = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(part);
    if (!pair) throw new Error(`unexpected export "${part}"`);
    const [, local, name = local] = pair;
    localOf.set(name, local);
  }
  if (localOf.size !== entries.length || entries.some((name) => !localOf.has(name))) {
    throw new Error(`the bundle exports ${[...localOf.keys()].sort().join(', ')}, not the entries ${entries.join(', ')}`);
  }
  return `"use strict";var ${GLOBAL_NAME}=(()=>{${body}return(i,a)=>[${entries.map((name) => localOf.get(name)).join(',')}][i](...a)})();\n`;
}

/**
 * A second pass by uglify-js over esbuild's minified output: its compressor finds ~4 % more
 * (joined declarations, shorter conditionals) than esbuild's single pass. Top-level names stay
 * (the global the entry stubs call), and so does the "use strict" directive.
 */
function compressed(js: string): string {
  const out = minify(js, { compress: { passes: 2, directives: false }, mangle: true, toplevel: false });
  if (out.error) throw out.error;
  return out.code + '\n';
}

/** The entry module's export names, as esbuild resolves them (its metafile lists them for ESM output). */
async function entryExports(entry: string): Promise<string[]> {
  const probe = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'neutral', metafile: true, outdir: 'probe' });
  const output = Object.values(probe.metafile.outputs).find((o) => o.entryPoint !== undefined);
  return (output?.exports ?? []).slice().sort();
}

export async function buildServer(flavour: Flavour = 'branch'): Promise<{ code: string; entries: string[] }> {
  const { entry } = FLAVOURS[flavour];
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    write: false,
    // ESM, wrapped into one global by wrapEsm (smaller than esbuild's 'iife' with a globalName).
    format: 'esm',
    // ES2020: Apps Script's V8 runtime runs optional chaining and `??` natively (labnol's
    // apps-script-starter ships es2020), and lowering them cost 4% of the bundle. Class fields
    // (ES2022) stay lowered: Apps Script once refused them (clasp #907).
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    legalComments: 'none',
    charset: 'utf8',
    // Minified (the entry points keep their names: they are properties of the global object
    // and the generated top-level functions), so the bundle stays well under 150 KB.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
  });
  const entries = await entryExports(path.join(ROOT, entry));
  if (entries.length === 0) throw new Error(`${entry} exports nothing`);
  const header = '// Pola Layanan, built from src/ by `npm run build`: do not edit.\n';
  const code = header + compressed(wrapEsm(result.outputFiles[0].text, entries)) + `\n// Entry points (generated from ${entry})\n` + entries.map(entryStub).join('');
  return { code, entries };
}

export async function build(flavour: Flavour = 'branch'): Promise<{ entries: string[]; codeBytes: number; sidebarBytes: number }> {
  const { dist, manifest } = FLAVOURS[flavour];
  fs.mkdirSync(dist, { recursive: true });
  const { code, entries } = await buildServer(flavour);
  fs.writeFileSync(path.join(dist, 'Code.js'), code);
  const sidebar = await buildSidebarHtml();
  fs.writeFileSync(path.join(dist, 'Sidebar.html'), sidebar);
  fs.copyFileSync(path.join(ROOT, manifest), path.join(dist, 'appsscript.json'));
  return { entries, codeBytes: Buffer.byteLength(code), sidebarBytes: Buffer.byteLength(sidebar) };
}

/** True when dist/ is missing or older than any source it is built from. */
export function buildIsStale(): boolean {
  const outputs = ['Code.js', 'Sidebar.html', 'appsscript.json'].map((f) => path.join(DIST, f));
  if (outputs.some((f) => !fs.existsSync(f))) return true;
  const builtAt = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  const newest = (dir: string): number => {
    let t = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return t;
  };
  const sources = Math.max(newest(path.join(ROOT, 'src')), newest(path.join(ROOT, 'sidebar')), fs.statSync(path.join(ROOT, 'appsscript.json')).mtimeMs);
  return sources > builtAt;
}

/** `--flavour regional` on the command line, else the branch flavour. */
const USAGE = `Usage: npm run build [-- --flavour branch|regional]

Writes dist/ (the branch add-on, what clasp pushes) or, with --flavour regional, dist-regional/
(the same add-on plus the BigQuery sender, its advanced service and scope).

Options:
  --flavour NAME   branch (default) or regional
  -h, --help       this text`;

const SPEC = { name: 'build', usage: USAGE, options: { flavour: { type: 'string' } } } as const;

if (require.main === module) {
  runMain('build', async () => {
    const parsed = parseCli(SPEC, process.argv.slice(2));
    if (printedHelp(parsed, SPEC)) return;
    const name = parsed.values.flavour ?? 'branch';
    if (name !== 'branch' && name !== 'regional') throw new UsageError(`unknown flavour "${name}" (branch or regional)`);
    const flavour: Flavour = name;
    const out = path.basename(FLAVOURS[flavour].dist);
    const { entries, codeBytes, sidebarBytes } = await build(flavour);
    console.log(`${out}/Code.js ${(codeBytes / 1024).toFixed(1)} KB, ${entries.length} entry points: ${entries.join(', ')}`);
    console.log(`${out}/Sidebar.html ${(sidebarBytes / 1024).toFixed(1)} KB; ${out}/appsscript.json`);
  });
}
