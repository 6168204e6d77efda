/**
 * `npm run preview [-- FILE] [--port N] [--delay MS]`
 *
 * Serves the add-on's sidebar, exactly as showSidebar() hands it to HtmlService, beside a live
 * view of the emulated workbook, so the sidebar can be used (and browser-tested) offline with
 * no Google login. google.script.run is a shim that POSTs to /api/run, which runs the entry
 * point in the emulator as one execution with google.script.run's serialisation rules.
 *
 *   GET  /              preview page (workbook view + sidebar iframe, 300 px)
 *   GET  /sidebar       the sidebar HTML with the google.script shim injected
 *   POST /api/run       {name, args} → the function's result as JSON (500 {error} when it throws)
 *   GET  /api/workbook  the workbook view ({unchanged:true} when ?v= is the current version)
 *   POST /api/activate  {sheetId} → makes that tab active, as a user switching tabs would
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import type * as vm from 'vm';
import { callEntry, runInContext, Emulator, EmuSpreadsheet } from '../emulator';
import { loadInput } from '../runner/io';
import { loadBundle } from '../runner/run';
import { DEFAULT_OUT, writeSample } from '../sample/cli';
import { DEFAULT_SEED } from '../sample/generate';
import { integerOption, millisecondsOption, parseCli, printedHelp } from '../runner/args';
import { injectShim, previewPage, scriptShim } from './client';
import { activateSheet, workbookView } from './workbook';

export const DEFAULT_PORT = 8080;
/** Request bodies are tiny (a function name and a few arguments); anything larger is refused. */
const MAX_BODY = 1 << 20;

export interface PreviewOptions {
  /** .xlsx, .csv or state.json; defaults to the sample workbook (generated when missing). */
  file?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Extra wait before each /api/run answer, to watch the sidebar's progress like on a slow link. */
  delayMs?: number;
}

export interface Preview {
  url: string;
  port: number;
  close(): Promise<void>;
  /** The live emulator behind the preview, for tests that check what the add-on did. */
  emu: Emulator;
  ss: EmuSpreadsheet;
  ctx: vm.Context;
  /** Functions google.script.run may call (the bundle's entry points). */
  entries: string[];
}

const ENTRY_MARKER = '// Entry points (generated';

/** The top-level functions tools/build.ts appended to Code.js: what Apps Script can call by name. */
export function bundleEntries(code: string): string[] {
  const at = code.lastIndexOf(ENTRY_MARKER);
  if (at < 0) throw new Error('dist/Code.js has no entry-point section; rebuild with `npm run build`');
  const names: string[] = [];
  const re = /^function ([A-Za-z_$][\w$]*)\([^)]*\)\s*\{/gm;
  const tail = code.slice(at);
  for (let m = re.exec(tail); m; m = re.exec(tail)) names.push(m[1]);
  return names;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      } catch {
        reject(new HttpError(400, 'request body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json', value === undefined ? '' : JSON.stringify(value));
}

/** Errors thrown inside the vm come from another realm, so `instanceof Error` is not reliable. */
function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  return String(e);
}

function ensureSample(file: string): void {
  if (fs.existsSync(file) || path.resolve(file) !== path.resolve(DEFAULT_OUT)) return;
  console.log(`Generating ${DEFAULT_OUT} …`);
  writeSample(DEFAULT_SEED, DEFAULT_OUT);
}

export async function startPreview(opts: PreviewOptions = {}): Promise<Preview> {
  const file = opts.file ?? DEFAULT_OUT;
  ensureSample(file);
  const bundle = await loadBundle();
  const entries = bundleEntries(bundle.code);
  const { emu, ss } = loadInput(file, { htmlFiles: { Sidebar: bundle.sidebar } });
  const ctx = runInContext(bundle.code, emu);
  // The sidebar is whatever the add-on itself serves through HtmlService, not dist/ read directly.
  callEntry(ctx, 'showSidebar');
  const shown = emu.ui.sidebars[emu.ui.sidebars.length - 1];
  if (!shown) throw new Error('showSidebar() did not open a sidebar');
  const sidebarHtml = injectShim(shown.html, scriptShim(entries));
  const page = previewPage(shown.title || 'Pola Layanan');
  const delayMs = Math.max(0, opts.delayMs ?? 0);
  let version = 0;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return send(res, 200, 'text/html', page);
      case 'GET /sidebar':
        return send(res, 200, 'text/html', sidebarHtml);
      case 'GET /api/workbook': {
        const v = Number(url.searchParams.get('v'));
        if (url.searchParams.has('v') && v === version) return sendJson(res, 200, { unchanged: true, version });
        return sendJson(res, 200, workbookView(ss, version));
      }
      case 'POST /api/activate': {
        const body = (await readJson(req)) as { sheetId?: unknown } | null;
        const sheetId = body?.sheetId;
        if (typeof sheetId !== 'number' || !activateSheet(ss, sheetId)) throw new HttpError(400, 'no visible sheet with that sheetId');
        version++;
        return sendJson(res, 200, { ok: true, version });
      }
      case 'POST /api/run': {
        const body = (await readJson(req)) as { name?: unknown; args?: unknown } | null;
        const name = body?.name;
        const args = body?.args ?? [];
        // Only the bundle's own entry points, as google.script.run allows; never arbitrary globals.
        if (typeof name !== 'string' || !entries.includes(name) || typeof (ctx as Record<string, unknown>)[name] !== 'function') {
          throw new HttpError(400, `Script function not found: ${String(name)}`);
        }
        if (!Array.isArray(args)) throw new HttpError(400, 'args must be an array');
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        let result: unknown;
        try {
          result = callEntry(ctx, name, ...args);
        } catch (e) {
          version++;
          return sendJson(res, 500, { error: messageOf(e) });
        }
        version++;
        return sendJson(res, 200, result);
      }
      default:
        throw new HttpError(404, `not found: ${route}`);
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.end();
      sendJson(res, e instanceof HttpError ? e.status : 500, { error: messageOf(e) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_PORT, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    emu,
    ss,
    ctx,
    entries,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Browsers keep idle keep-alive sockets open; do not wait for them.
        server.closeAllConnections();
      }),
  };
}

export const USAGE = `Usage: npm run preview [-- FILE] [--port N] [--delay MS]

Serves the built sidebar at 300 px beside a live view of the emulated workbook, offline, with a
google.script.run shim calling the same bundle. Stop it with Ctrl+C.

Arguments:
  FILE          .xlsx, .csv or state.json (default: the sample workbook, written when missing)
Options:
  --port N      port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --delay MS    wait before each google.script.run answer, to watch progress as on a slow link
  -h, --help    this text`;

const SPEC = { name: 'preview', usage: USAGE, maxPositionals: 1, options: { port: { type: 'string' }, delay: { type: 'string' } } } as const;

/** The command line as preview options; null when it asked for --help (already printed). */
export function parseArgs(argv: string[]): PreviewOptions | null {
  const parsed = parseCli(SPEC, argv);
  if (printedHelp(parsed, SPEC)) return null;
  const opts: PreviewOptions = {};
  if (parsed.values.port !== undefined) opts.port = integerOption('port', parsed.values.port, { min: 0, max: 65535 });
  if (parsed.values.delay !== undefined) opts.delayMs = millisecondsOption('delay', parsed.values.delay);
  if (parsed.positionals[0] !== undefined) opts.file = parsed.positionals[0];
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts) return;
  const preview = await startPreview(opts);
  console.log(`Pola Layanan preview: ${preview.url}`);
  console.log(`Workbook: ${opts.file ?? DEFAULT_OUT} (${preview.ss._sheets.length} tabs). Ctrl+C to stop (port ${preview.port}).`);
  const stop = (): void => {
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`preview: ${messageOf(e)}`);
    process.exit(1);
  });
}
