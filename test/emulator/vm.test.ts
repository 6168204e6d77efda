import { callEntry, Emulator, ExecutionKilledError, runInContext, scriptRunClone } from '../../tools/emulator';

const CODE = `
function probe() {
  return {
    require: typeof require, module: typeof module, process: typeof process, Buffer: typeof Buffer,
    SpreadsheetApp: typeof SpreadsheetApp, Utilities: typeof Utilities, console: typeof console,
  };
}
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Buka', 'showSidebar').addToUi();
  return e && e.authMode;
}
function readFirst() {
  var v = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange(1, 1, 1, 2).getValues();
  return { isDate: v[0][0] instanceof Date, isArray: v instanceof Array, text: Utilities.formatDate(v[0][0], 'Asia/Jakarta', 'yyyy-MM-dd') };
}
function returnsDate() { return new Date(); }
function echo(x) { return { x: x, isArray: x.list instanceof Array }; }
function lockAndFail() { LockService.getDocumentLock().waitLock(1000); throw new Error('boom'); }
function catchError() {
  try { SpreadsheetApp.getActiveSheet().getRange(0, 1); } catch (e) { return [e instanceof Error, e.message]; }
}
function writeMany() { var r = SpreadsheetApp.getActiveSheet().getRange(5, 1); for (var i = 0; i < 100; i++) r.setValue(i); return 'done'; }
`;

describe('vm context', () => {
  function setup() {
    const emu = new Emulator();
    const ss = emu.createSpreadsheet('VM');
    const ctx = runInContext(CODE, emu);
    return { emu, ss, ctx };
  }

  test('only the Apps Script globals exist: no require, module, process, Buffer', () => {
    const { ctx } = setup();
    expect(callEntry(ctx, 'probe')).toEqual({
      require: 'undefined', module: 'undefined', process: 'undefined', Buffer: 'undefined',
      SpreadsheetApp: 'object', Utilities: 'object', console: 'object',
    });
  });

  test('entry points can be called directly on the context', () => {
    const { emu, ctx } = setup();
    expect(ctx.onOpen({ authMode: 'LIMITED' })).toBe('LIMITED');
    expect(emu.ui.menus[0].items).toEqual([{ caption: 'Buka', functionName: 'showSidebar' }]);
  });

  test('values handed to the script are of its own realm (instanceof Date/Array/Error work)', () => {
    const { ss, ctx } = setup();
    ss.getSheets()[0].getRange(1, 1, 1, 2).setValues([[new Date(Date.UTC(2024, 0, 31, 20)), 'x']]);
    expect(callEntry(ctx, 'readFirst')).toEqual({ isDate: true, isArray: true, text: '2024-02-01' });
    expect(callEntry(ctx, 'catchError')).toEqual([true, 'The starting row of the range is too small.']);
  });

  test('callEntry clones like google.script.run: Dates rejected, undefined in arrays becomes null', () => {
    const { ctx } = setup();
    expect(() => callEntry(ctx, 'returnsDate')).toThrow(/Date/);
    expect(callEntry(ctx, 'echo', { list: [1, undefined, 'a'], skip: undefined })).toEqual({ x: { list: [1, null, 'a'] }, isArray: true });
    expect(() => callEntry(ctx, 'echo', { when: new Date() })).toThrow(/Date/);
    expect(() => callEntry(ctx, 'missing')).toThrow('Script function not found: missing');
  });

  test('scriptRunClone rules', () => {
    expect(scriptRunClone({ a: [undefined, NaN, 1], b: undefined, c: { d: 'x' } })).toEqual({ a: [null, null, 1], c: { d: 'x' } });
    expect(() => scriptRunClone({ f: () => 1 })).toThrow(/function/);
    expect(() => scriptRunClone([new Date()])).toThrow(/Date/);
    expect(() => scriptRunClone(new Map())).toThrow(/object/);
    expect(scriptRunClone(undefined)).toBeUndefined();
  });

  test('each callEntry is an execution: locks are released even when the script throws', () => {
    const { emu, ctx } = setup();
    expect(() => callEntry(ctx, 'lockAndFail')).toThrow('boom');
    expect(() => callEntry(ctx, 'lockAndFail')).toThrow('boom'); // would time out if the lock leaked
    expect(emu.clock.now()).toBeGreaterThan(0);
  });

  test('a cut-off kills the execution inside the script; the next execution is clean', () => {
    const { emu, ctx } = setup();
    emu.beginExecution();
    emu.injectFault({ cutOffAfterCalls: 10 });
    expect(() => ctx.writeMany()).toThrow(ExecutionKilledError);
    emu.endExecution();
    expect(callEntry(ctx, 'writeMany')).toBe('done');
  });
});
