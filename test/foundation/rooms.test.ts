/**
 * The rooms of the code base, held apart by the compiler (issue #12): src/core sees no Apps
 * Script, browser or node global; src/server sees Apps Script but no DOM or node; the sidebar
 * sees the DOM but no Apps Script or node. Each room has its own tsconfig and `npm run typecheck`
 * runs every one. These tests compile through the TypeScript API with files served from memory,
 * so the working tree is never touched.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ROOT } from '../../tools/build';

interface Problem {
  file: string;
  line: number;
  code: number;
  text: string;
}

/** Source files parsed once and shared by every program of this suite (lib .d.ts files above all). */
const parsed = new Map<string, ts.SourceFile>();

function roomOptions(config: string): ts.ParsedCommandLine {
  const result = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, config), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!result) throw new Error(`cannot read ${config}`);
  return result;
}

/**
 * Type-checks a room as `tsc -p config` would, with `files` (path relative to the root → text)
 * replacing or adding sources. Answers every diagnostic with its file relative to the root.
 */
function compileRoom(config: string, files: Record<string, string> = {}, options: ts.CompilerOptions = {}): Problem[] {
  const cmd = roomOptions(config);
  cmd.options = { ...cmd.options, ...options };
  const overrides = new Map(Object.entries(files).map(([rel, text]) => [path.join(ROOT, rel), text]));
  const host = ts.createCompilerHost(cmd.options, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (f) => overrides.get(path.resolve(f)) ?? readFile(f);
  host.fileExists = (f) => overrides.has(path.resolve(f)) || fileExists(f);
  host.getSourceFile = (f, languageVersion) => {
    const abs = path.resolve(f);
    const override = overrides.get(abs);
    if (override !== undefined) return ts.createSourceFile(abs, override, languageVersion, true);
    const key = `${languageVersion}:${abs}`;
    let sf = parsed.get(key);
    if (!sf) {
      const text = readFile(abs);
      if (text === undefined) return undefined;
      sf = ts.createSourceFile(abs, text, languageVersion, true);
      parsed.set(key, sf);
    }
    return sf;
  };
  const added = [...overrides.keys()].filter((f) => !cmd.fileNames.map((n) => path.resolve(n)).includes(f));
  const program = ts.createProgram({ rootNames: [...cmd.fileNames, ...added], options: cmd.options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const file = d.file ? path.relative(ROOT, d.file.fileName) : '(options)';
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return { file, line, code: d.code, text: ts.flattenDiagnosticMessageText(d.messageText, '\n') };
  });
}

/** One global per line; the probe is a module so it compiles like every source file. */
const PROBE_LINES = ['SpreadsheetApp.flush();', 'void document.title;', 'void process.env;'];
const PROBE = PROBE_LINES.join('\n') + '\nexport {};\n';

/** The globals the room refused in the probe, read from "Cannot find name 'X'" diagnostics. */
function refusedGlobals(problems: Problem[], probe: string): string[] {
  return problems
    .filter((p) => p.file === probe)
    .map((p) => /Cannot find name '(\w+)'/.exec(p.text)?.[1] ?? `${p.code}: ${p.text}`)
    .sort();
}

const ROOMS = [
  { config: 'tsconfig.core.json', probe: 'src/core/room-probe.ts', refused: ['SpreadsheetApp', 'document', 'process'] },
  { config: 'tsconfig.server.json', probe: 'src/server/room-probe.ts', refused: ['document', 'process'] },
  { config: 'tsconfig.sidebar.json', probe: 'sidebar/room-probe.ts', refused: ['SpreadsheetApp', 'process'] },
];

describe('each room compiles clean and refuses the globals of the other rooms', () => {
  test.each(ROOMS)('$config', ({ config, probe, refused }) => {
    const problems = compileRoom(config, { [probe]: PROBE });
    expect(refusedGlobals(problems, probe)).toEqual(refused);
    // The real tree has no diagnostic at all in this room.
    expect(problems.filter((p) => p.file !== probe)).toEqual([]);
  });
});

/**
 * noUncheckedIndexedAccess is on in every room of src/ and sidebar/: an index reads as
 * `T | undefined` until checked. A probe proves the flag bites in each room's own config (no
 * override here: turning it off in a tsconfig fails this test).
 */
describe('noUncheckedIndexedAccess', () => {
  const PROBE_TEXT = 'export const first = (xs: number[]): number => xs[0];\n';
  test.each([
    ['tsconfig.core.json', 'src/core/index-probe.ts'],
    ['tsconfig.server.json', 'src/server/index-probe.ts'],
    ['tsconfig.sidebar.json', 'sidebar/index-probe.ts'],
  ])('%s: on, and an unchecked index fails', (config, probe) => {
    const problems = compileRoom(config, { [probe]: PROBE_TEXT });
    expect(problems.filter((p) => p.file === probe).map((p) => p.code)).toEqual([2322]);
    expect(problems.filter((p) => p.file !== probe).map((p) => `${p.file}:${p.line} ${p.text.split('\n')[0]}`)).toEqual([]);
  });
});

test('npm run typecheck runs every room and the tools/tests config', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const run = (name: string): string => {
    const script = pkg.scripts[name];
    if (script === undefined) throw new Error(`no script ${name}`);
    return script.replace(/npm run -s ([\w:]+)/g, (_m, inner: string) => run(inner));
  };
  const configs = Array.from(run('typecheck').matchAll(/tsc -p (\S+)/g), (m) => m[1]).sort();
  expect(configs).toEqual(['tsconfig.core.json', 'tsconfig.json', 'tsconfig.server.json', 'tsconfig.sidebar.json']);
});

describe('the server entry points satisfy ServerApi (src/server/api-check.ts)', () => {
  const INDEX = 'src/server/index.ts';
  const source = fs.readFileSync(path.join(ROOT, INDEX), 'utf8');
  const patched = (from: string, to: string): string => {
    expect(source).toContain(from);
    return source.replace(from, to);
  };
  const checkProblems = (problems: Problem[]): Problem[] => problems.filter((p) => p.file === 'src/server/api-check.ts');

  test('a new required parameter on an entry fails typecheck', () => {
    const index = patched('export function cleanSheet(sheetId: number)', 'export function cleanSheet(sheetId: number, confirmed: boolean)');
    const problems = checkProblems(compileRoom('tsconfig.server.json', { [INDEX]: index }));
    expect(problems.map((p) => p.text).join('\n')).toMatch(/cleanSheet/);
  });

  test('an entry that answers another type fails typecheck', () => {
    const index = patched('export function openTab(sheetId: number): Reply<boolean>', 'export function openTab(sheetId: number): Reply<number>');
    expect(checkProblems(compileRoom('tsconfig.server.json', { [INDEX]: index })).map((p) => p.text).join('\n')).toMatch(/openTab/);
  });

  test('an entry the sidebar calls that the server no longer exports fails typecheck', () => {
    const index = patched('export function rebuildState()', 'export function rebuildStateTab()');
    expect(checkProblems(compileRoom('tsconfig.server.json', { [INDEX]: index })).map((p) => p.text).join('\n')).toMatch(/rebuildState/);
  });
});

describe('the sidebar calls the server as ServerApi types it (sidebar/rpc.ts)', () => {
  const PROBE = 'sidebar/call-probe.ts';
  const probe = (line: string): string => `import { call } from './rpc';\nexport const answer = ${line};\n`;
  const problemsOf = (line: string): string[] => compileRoom('tsconfig.sidebar.json', { [PROBE]: probe(line) }).filter((p) => p.file === PROBE).map((p) => p.text);

  test('a call with the arguments of its entry compiles', () => {
    expect(problemsOf("call('cleanSheet', 3)")).toEqual([]);
    expect(problemsOf("call('undoLastClean')")).toEqual([]);
  });

  test('a missing argument, an argument of another type, or an unknown entry does not', () => {
    expect(problemsOf("call('cleanSheet')")).toEqual([expect.stringMatching(/Expected 2 arguments, but got 1/)]);
    expect(problemsOf("call('cleanSheet', '3')")).toEqual([expect.stringMatching(/not assignable to parameter of type 'number'/)]);
    expect(problemsOf("call('cleanEverything')")).toEqual([expect.stringMatching(/cleanEverything/)]);
  });
});
