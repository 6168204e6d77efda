import { Emulator, LOCK_TIMEOUT_MESSAGE } from '../../tools/emulator';

type G = {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  console: Console;
};

/** The globals typed as @types/google-apps-script declares them (the emulator implements a subset). */
function setup(opts = {}) {
  const emu = new Emulator(opts);
  const ss = emu.createSpreadsheet('Svc');
  const g = emu.globals() as unknown as G;
  return { emu, ss, g };
}

describe('LockService', () => {
  test('contention between two executions; virtual clock advances instead of sleeping', () => {
    const { emu, g } = setup();
    const a = emu.beginExecution('editor');
    const lockA = g.LockService.getDocumentLock()!;
    expect(lockA.tryLock(1000)).toBe(true);
    expect(lockA.hasLock()).toBe(true);

    const b = emu.beginExecution('trigger', 'other@example.com');
    const lockB = g.LockService.getDocumentLock()!;
    const t0 = emu.clock.now();
    expect(lockB.tryLock(30000)).toBe(false);
    expect(emu.clock.now() - t0).toBe(30000);
    expect(() => lockB.waitLock(10000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(emu.clock.now() - t0).toBe(40000);
    expect(lockB.hasLock()).toBe(false);
    // The script lock is a different resource.
    expect(g.LockService.getScriptLock().tryLock(0)).toBe(true);

    emu.switchExecution(a);
    emu.endExecution(); // A ends: its document lock is released.
    expect(emu.currentExecution.id).toBe(b);
    expect(lockB.tryLock(0)).toBe(true);
    emu.endExecution();
  });

  test('releaseLock lets another execution in; re-locking in the same execution succeeds', () => {
    const { emu, g } = setup();
    emu.beginExecution();
    const l1 = g.LockService.getScriptLock();
    l1.waitLock(100);
    expect(g.LockService.getScriptLock().tryLock(0)).toBe(true); // same execution
    emu.beginExecution();
    const l2 = g.LockService.getScriptLock();
    expect(l2.tryLock(0)).toBe(false);
    l1.releaseLock();
    expect(l2.tryLock(0)).toBe(true);
  });

  test('trigger context: no document lock, no document properties, no Ui', () => {
    const { emu, g } = setup();
    emu.setActive(null);
    expect(g.SpreadsheetApp.getActive()).toBeNull();
    expect(g.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(g.LockService.getDocumentLock()).toBeNull();
    expect(g.PropertiesService.getDocumentProperties()).toBeNull();
    expect(() => g.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(g.LockService.getUserLock().tryLock(0)).toBe(true);
  });
});

describe('PropertiesService', () => {
  test('document/user/script stores are separate; values are strings', () => {
    const { emu, ss, g } = setup();
    const doc = g.PropertiesService.getDocumentProperties();
    doc.setProperty('n', 42 as unknown as string);
    expect(doc.getProperty('n')).toBe('42');
    expect(doc.getProperty('missing')).toBeNull();
    g.PropertiesService.getUserProperties().setProperty('k', 'u1');
    g.PropertiesService.getScriptProperties().setProperty('k', 's');
    emu.beginExecution('editor', 'two@example.com');
    expect(g.PropertiesService.getUserProperties().getProperty('k')).toBeNull();
    expect(g.PropertiesService.getScriptProperties().getProperty('k')).toBe('s');
    const other = emu.createSpreadsheet('Other');
    emu.setActive(other);
    expect(g.PropertiesService.getDocumentProperties().getProperty('n')).toBeNull();
    emu.setActive(ss);
    expect(g.PropertiesService.getDocumentProperties().getKeys()).toEqual(['n']);
  });

  test('setProperties, deleteAllOthers, delete, getProperties copy', () => {
    const { g } = setup();
    const p = g.PropertiesService.getScriptProperties();
    p.setProperties({ a: '1', b: '2' });
    p.setProperties({ c: '3' }, true);
    expect(p.getProperties()).toEqual({ c: '3' });
    const copy = p.getProperties();
    copy.c = 'changed';
    expect(p.getProperty('c')).toBe('3');
    p.deleteProperty('c');
    expect(p.getKeys()).toEqual([]);
    p.setProperty('x', 'y');
    p.deleteAllProperties();
    expect(p.getKeys()).toEqual([]);
  });

  test('9 KB per value and 500 KB per store limits', () => {
    const { g } = setup();
    const p = g.PropertiesService.getScriptProperties();
    p.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(p.getProperty('big')).toBeNull();
    for (let i = 0; i < 55; i++) p.setProperty(`k${i}`, 'v'.repeat(9000));
    expect(() => p.setProperty('one-more', 'v'.repeat(9000))).toThrow(/property storage quota/);
    expect(p.getProperty('one-more')).toBeNull();
  });
});

describe('ScriptApp triggers', () => {
  test('one time-based trigger per user per document; records and lookups', () => {
    const { emu, ss, g } = setup();
    const t = g.ScriptApp.newTrigger('dailyRun').timeBased().atHour(6).nearMinute(0).everyDays(1).inTimezone('Asia/Jakarta').create();
    expect(t.getHandlerFunction()).toBe('dailyRun');
    expect(t.getEventType()).toBe(g.ScriptApp.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(g.ScriptApp.TriggerSource.CLOCK);
    expect(emu.triggers).toEqual([
      expect.objectContaining({ id: t.getUniqueId(), handler: 'dailyRun', user: 'user@example.com', spreadsheetId: ss.getId(), type: 'CLOCK', atHour: 6, tz: 'Asia/Jakarta', everyDays: 1 }),
    ]);
    expect(() => g.ScriptApp.newTrigger('again').timeBased().everyHours(1).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google Account.',
    );
    // Another document, or another user, may have its own.
    const other = emu.createSpreadsheet('Other');
    emu.setActive(other);
    g.ScriptApp.newTrigger('dailyRun').timeBased().atHour(7).everyDays(1).create();
    emu.setActive(ss);
    emu.beginExecution('editor', 'b@example.com');
    g.ScriptApp.newTrigger('dailyRun').timeBased().atHour(8).everyDays(1).create();
    expect(g.ScriptApp.getUserTriggers(ss as never)).toHaveLength(1);
    emu.endExecution();
    expect(g.ScriptApp.getUserTriggers(ss as never).map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    expect(g.ScriptApp.getProjectTriggers()).toHaveLength(2);
    g.ScriptApp.deleteTrigger(g.ScriptApp.getUserTriggers(ss as never)[0]);
    expect(g.ScriptApp.getUserTriggers(ss as never)).toHaveLength(0);
    g.ScriptApp.newTrigger('dailyRun').timeBased().atHour(6).everyDays(1).create();
    expect(emu.triggers).toHaveLength(3);
  });

  test('spreadsheet triggers and enums', () => {
    const { ss, g } = setup();
    const t = g.ScriptApp.newTrigger('onOpenInstalled').forSpreadsheet(ss as never).onOpen().create();
    expect(t.getEventType()).toBe('ON_OPEN');
    expect(t.getTriggerSourceId()).toBe(ss.getId());
    expect(() => g.ScriptApp.newTrigger('x').forSpreadsheet(ss as never).onOpen().create()).toThrow(/too many open triggers/);
    expect(g.ScriptApp.AuthMode.FULL).toBe('FULL');
    expect(g.ScriptApp.AuthMode.LIMITED).toBe('LIMITED');
  });
});

describe('HtmlService and Ui', () => {
  test('files, output chaining, sidebars, menus, alerts, toasts', () => {
    const { emu, ss, g } = setup({ htmlFiles: { Sidebar: '<p>Halo</p>' } });
    const out = g.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Pola Layanan').setWidth(300).setHeight(200)
      .setSandboxMode(g.HtmlService.SandboxMode.IFRAME).setXFrameOptionsMode(g.HtmlService.XFrameOptionsMode.ALLOWALL);
    expect(out.getTitle()).toBe('Pola Layanan');
    out.append('<b>!</b>');
    expect(out.getContent()).toBe('<p>Halo</p><b>!</b>');
    expect(() => g.HtmlService.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
    expect(g.HtmlService.createHtmlOutput('<i>x</i>').getContent()).toBe('<i>x</i>');
    const ui = g.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Buka', 'showSidebar').addSeparator().addItem('Analisis', 'runAnalysis').addToUi();
    ui.showSidebar(out);
    expect(ui.alert('Selesai')).toBe(ui.Button.OK);
    ss.toast('Memproses…', 'Pola Layanan');
    expect(emu.ui.menus).toEqual([{ title: 'Pola Layanan', items: [{ caption: 'Buka', functionName: 'showSidebar' }, { caption: 'Analisis', functionName: 'runAnalysis' }] }]);
    expect(emu.ui.sidebars).toEqual([{ title: 'Pola Layanan', html: '<p>Halo</p><b>!</b>' }]);
    expect(emu.ui.alerts).toEqual(['Selesai']);
    expect(emu.ui.toasts).toEqual(['Memproses…']);
  });
});

describe('Session, Utilities, Logger', () => {
  test('session values follow options and the current execution user', () => {
    const { emu, g } = setup({ locale: 'en', scriptTimeZone: 'America/Los_Angeles', userEmail: 'a@x.id' });
    expect(g.Session.getActiveUserLocale()).toBe('en');
    expect(g.Session.getScriptTimeZone()).toBe('America/Los_Angeles');
    expect(g.Session.getActiveUser().getEmail()).toBe('a@x.id');
    const k1 = g.Session.getTemporaryActiveUserKey();
    emu.beginExecution('trigger', 'b@x.id');
    expect(g.Session.getEffectiveUser().getEmail()).toBe('b@x.id');
    expect(g.Session.getTemporaryActiveUserKey()).not.toBe(k1);
  });

  test('computeDigest returns signed bytes; sleep advances the virtual clock; uuid; base64', () => {
    const { emu, g } = setup();
    const bytes = g.Utilities.computeDigest(g.Utilities.DigestAlgorithm.SHA_256, 'abc');
    expect(bytes).toHaveLength(32);
    expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
    const hex = bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(g.Utilities.computeDigest(g.Utilities.DigestAlgorithm.MD5, 'abc')).toHaveLength(16);
    const t = emu.clock.now();
    g.Utilities.sleep(5000);
    expect(emu.clock.now()).toBe(t + 5000);
    expect(g.Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    expect(g.Utilities.base64Encode('hi')).toBe('aGk=');
  });

  test('Logger and console are collected, not printed', () => {
    const { emu, g } = setup();
    g.Logger.log('a %s b', 1);
    g.console.log('x', { y: 1 });
    expect(emu.logs).toEqual(['a 1 b', 'x {"y":1}']);
  });
});
