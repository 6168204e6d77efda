import {
  callEntryAs,
  Emulator,
  runInContext,
  runTrigger,
  TOO_MANY_SCRIPT_TRIGGERS_MESSAGE,
  TRIGGER_QUOTA_MESSAGE,
  TRIGGER_RUNTIME_PER_DAY_MS,
} from '../../tools/emulator';

const MINUTE = 60_000;

const CODE = `
function install() {
  return ScriptApp.newTrigger('nightly').timeBased().atHour(2).everyDays(1).create().getUniqueId();
}
/** Works for the given virtual minutes, then touches the sheet. */
function nightly() {
  var minutes = Number(PropertiesService.getScriptProperties().getProperty('minutes') || '0');
  for (var i = 0; i < minutes; i++) Utilities.sleep(60000);
  var ss = SpreadsheetApp.openById(PropertiesService.getScriptProperties().getProperty('doc'));
  ss.getSheets()[0].getRange('A1').setValue(minutes);
  return 'done';
}
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Buka', 'showSidebar').addToUi();
  return String(e.authMode);
}
function probe(name) {
  var tries = {
    props: function () { return PropertiesService.getDocumentProperties(); },
    lock: function () { return LockService.getDocumentLock(); },
    read: function () { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue(); },
    triggers: function () { return ScriptApp.getProjectTriggers(); },
    email: function () { return Session.getEffectiveUser().getEmail(); },
  };
  try { tries[name](); return 'ok'; } catch (err) { return err.message; }
}
function probeAll(e) {
  return ['props', 'lock', 'read', 'triggers', 'email'].map(probe);
}
`;

function setup(opts: { triggerRuntimePerDayMs?: number } = {}) {
  const emu = new Emulator(opts);
  const ss = emu.createSpreadsheet('Book');
  const ctx = runInContext(CODE, emu);
  const props = emu.globals().PropertiesService as { getScriptProperties(): { setProperty(k: string, v: string): void } };
  props.getScriptProperties().setProperty('doc', ss.getId());
  const setMinutes = (m: number) => props.getScriptProperties().setProperty('minutes', String(m));
  return { emu, ss, ctx, setMinutes };
}

describe('20 installable triggers per user per script', () => {
  test('the 21st trigger of a user throws Apps Script\'s message; another user still has room', () => {
    const emu = new Emulator();
    const app = emu.globals().ScriptApp as { newTrigger(h: string): { timeBased(): { everyDays(n: number): { create(): unknown } } } };
    for (let i = 0; i < 20; i++) {
      emu.setActive(emu.createSpreadsheet(`Book ${i}`));
      app.newTrigger('nightly').timeBased().everyDays(1).create();
    }
    emu.setActive(emu.createSpreadsheet('Book 21'));
    expect(() => app.newTrigger('nightly').timeBased().everyDays(1).create()).toThrow(TOO_MANY_SCRIPT_TRIGGERS_MESSAGE);
    expect(TOO_MANY_SCRIPT_TRIGGERS_MESSAGE).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(emu.triggers).toHaveLength(20);
    emu.beginExecution('editor', 'other@example.com');
    app.newTrigger('nightly').timeBased().everyDays(1).create();
    emu.endExecution();
    expect(emu.triggers).toHaveLength(21);
  });

  test('the add-on rule still holds: one time-driven trigger per user per document', () => {
    const { ctx } = setup();
    (ctx as unknown as { install(): string }).install();
    expect(() => (ctx as unknown as { install(): string }).install()).toThrow(/too many time-based triggers in this document/);
  });
});

describe('90 minutes of trigger runtime per user per day', () => {
  test('trigger runs are accounted on the virtual clock; past 90 minutes a run fails with Apps Script\'s message', () => {
    const { emu, ss, ctx, setMinutes } = setup();
    const id = (ctx as unknown as { install(): string }).install();
    setMinutes(40);
    expect(runTrigger(ctx, id)).toBe('done');
    expect(emu.triggerRuntimeMs()).toBe(40 * MINUTE);
    expect(runTrigger(ctx, id)).toBe('done');
    expect(emu.triggerRuntimeMs()).toBe(80 * MINUTE);
    // The third run crosses 90 minutes: it fails at its next service call and writes nothing.
    ss.getSheets()[0].getRange('A1').setValue('before');
    expect(() => runTrigger(ctx, id)).toThrow(TRIGGER_QUOTA_MESSAGE);
    expect(ss.getSheets()[0].getRange('A1').getValue()).toBe('before');
    expect(emu.triggerRuntimeMs()).toBeGreaterThan(TRIGGER_RUNTIME_PER_DAY_MS);
    // Now spent: the next run is refused before it starts.
    setMinutes(0);
    expect(() => runTrigger(ctx, id)).toThrow(TRIGGER_QUOTA_MESSAGE);
    // The window closes 24 h after the first run.
    emu.clock.advance(24 * 60 * MINUTE);
    expect(emu.triggerRuntimeMs()).toBe(0);
    expect(runTrigger(ctx, id)).toBe('done');
  });

  test('editor executions do not count; the limit is an option (Workspace: 6 h)', () => {
    const { emu, ctx, setMinutes } = setup({ triggerRuntimePerDayMs: 6 * 60 * MINUTE });
    setMinutes(100);
    (ctx as unknown as { nightly(): string }).nightly();
    expect(emu.triggerRuntimeMs()).toBe(0);
    const id = (ctx as unknown as { install(): string }).install();
    expect(runTrigger(ctx, id)).toBe('done');
    expect(emu.triggerRuntimeMs()).toBe(100 * MINUTE);
    expect(emu.triggerRuntimeLimitMs).toBe(6 * 60 * MINUTE);
  });
});

describe('AuthMode.NONE', () => {
  test('onOpen in NONE builds the add-on menu and sees e.authMode NONE', () => {
    const { emu, ctx } = setup();
    expect(callEntryAs(ctx, 'onOpen', { authMode: 'NONE' })).toBe('NONE');
    expect(emu.ui.menus[0].items).toEqual([{ caption: 'Buka', functionName: 'showSidebar' }]);
  });

  test('in NONE, properties, locks, cells, triggers and the user\'s identity are refused; in FULL they work', () => {
    const { ctx } = setup();
    expect(callEntryAs(ctx, 'probeAll', { authMode: 'NONE' })).toEqual([
      'You do not have permission to call PropertiesService.getDocumentProperties',
      'You do not have permission to call LockService.getDocumentLock',
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet',
      'You do not have permission to call ScriptApp.getProjectTriggers',
      'You do not have permission to call Session.getEffectiveUser',
    ]);
    expect(callEntryAs(ctx, 'probeAll', { authMode: 'FULL' })).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  });

  test('the restriction ends with the execution', () => {
    const { emu, ctx } = setup();
    callEntryAs(ctx, 'probeAll', { authMode: 'NONE' });
    expect(emu.currentExecution.authMode).toBe('FULL');
    expect((ctx as unknown as { probe(n: string): string }).probe('props')).toBe('ok');
  });
});
