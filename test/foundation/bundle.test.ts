/**
 * The bundle clasp pushes: one self-contained file whose public entries are top-level
 * functions, loadable in a bare V8 context with nothing but Apps Script's globals.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { Emulator, runInContext, callEntry } from '../../tools/emulator';
import { DIST, GLOBAL_NAME, ROOT, entryStub, wrapEsm } from '../../tools/build';
import { CODE, SIDEBAR } from '../helpers/addon';

/** Export names of src/server/index.ts, read from the source (independently of the build). */
function sourceExports(): string[] {
  const src = fs.readFileSync(path.join(ROOT, 'src/server/index.ts'), 'utf8');
  return Array.from(src.matchAll(/^export function (\w+)/gm), (m) => m[1]).sort();
}

describe('dist/Code.js', () => {
  const code = CODE();

  test('has no module syntax and stays under 150 KB', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
    expect(Buffer.byteLength(code)).toBeLessThan(150 * 1024);
  });

  test('every export of the entry module is a top-level function in a bare context', () => {
    const names = sourceExports();
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'showSidebar', 'getSidebarState', 'cleanSheet', 'summarise', 'nightlyRefresh']));
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx, { filename: 'Code.js' });
    for (const name of names) {
      expect(typeof (ctx as any)[name]).toBe('function');
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
    expect(vm.runInContext('typeof require + typeof module + typeof process', ctx)).toBe('undefinedundefinedundefined');
  });

  test('nothing but the entry points and their namespace is global (google.script.run reaches no helper)', () => {
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx, { filename: 'Code.js' });
    expect(Object.getOwnPropertyNames(ctx).sort()).toEqual([...sourceExports(), GLOBAL_NAME].sort());
    expect(GLOBAL_NAME.endsWith('_')).toBe(true);
    expect(code).toMatch(/^"use strict";/m);
  });

  test('each stub calls the entry of its own name, whatever the bundle named it', () => {
    const esm = 'function x(n){return "b"+n}function y(n){return "a"+n}export{x as b,y as a};\n';
    const script = wrapEsm(esm, ['a', 'b']) + ['a', 'b'].map(entryStub).join('');
    const ctx = vm.createContext({});
    vm.runInContext(script, ctx);
    expect([(ctx as any).a(1), (ctx as any).b(2)]).toEqual(['a1', 'b2']);
    expect(() => wrapEsm(esm, ['a'])).toThrow(/not the entries/);
  });

  test('dist holds the manifest with V8, Asia/Jakarta and the documented scopes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Jakarta');
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const scope of manifest.oauthScopes) expect(readme).toContain(scope);
  });

  test('the sidebar is one self-contained HTML file', () => {
    const html = SIDEBAR();
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).toContain('Bersihkan');
    expect(html).toContain('Clean &amp; Summarize'.replace('&amp;', '&'));
  });

  test('onOpen builds the add-on menu without touching anything that needs authorisation', () => {
    const emu = new Emulator({ htmlFiles: { Sidebar: SIDEBAR() } });
    emu.createSpreadsheet('x');
    const ctx = runInContext(code, emu);
    emu.resetStats();
    emu.beginExecution('editor');
    (ctx as any).onOpen({ authMode: 'NONE' });
    emu.endExecution();
    expect(emu.ui.menus[0].items.map((i) => i.functionName)).toEqual(['showSidebar']);
    const touched = Object.keys(emu.stats.calls).filter((k) => /Properties|Range|Sheet\.|Lock/.test(k));
    expect(touched).toEqual([]);
    callEntry(ctx, 'onInstall', {});
    callEntry(ctx, 'showSidebar');
    expect(emu.ui.sidebars[0].title).toBe('Pola Layanan');
    expect(emu.ui.sidebars[0].html).toBe(SIDEBAR());
  });
});
