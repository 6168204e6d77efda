/**
 * onOpen runs in AuthMode.NONE when the add-on is installed but not yet used in a document:
 * Apps Script then refuses every service that needs authorisation, and an onOpen that touches
 * one throws and leaves the document without the add-on menu. The built bundle runs here in
 * the emulator, which enforces AuthMode.NONE as Apps Script does.
 */
import { callEntryAs } from '../../tools/emulator';
import { t } from '../../src/core/i18n';
import { LOG_HEADER } from '../helpers/nightly';
import { makeAddon } from '../helpers/addon';

/** The service calls the emulator allows in AuthMode.NONE that onOpen needs to build a menu. */
const MENU_CALLS = ['Menu.addItem', 'Menu.addToUi', 'SpreadsheetApp.getUi', 'Ui.createAddonMenu'];

function addon() {
  return makeAddon([{ name: 'Log', rows: [LOG_HEADER, [new Date(Date.UTC(2024, 0, 2, 3)), 'Budi', 30, 'Informasi', 'JMO', 'Saldo JHT']] }]);
}

test('onOpen in AuthMode.NONE builds the add-on menu with its Indonesian label, and calls nothing else', () => {
  const a = addon();
  const before = JSON.stringify(a.emu.toState());
  a.emu.resetStats();
  expect(() => callEntryAs(a.ctx, 'onOpen', { authMode: 'NONE' })).not.toThrow();
  expect(a.emu.ui.menus).toEqual([{ title: 'Pola Layanan', items: [{ caption: t('id', 'menu.open'), functionName: 'showSidebar' }] }]);
  expect(t('id', 'menu.open')).toBe('Buka Pola Layanan');
  expect(Object.keys(a.emu.stats.calls).sort()).toEqual(MENU_CALLS);
  // Nothing in the document changed: no tab, no property, no trigger.
  expect(JSON.stringify(a.emu.toState())).toBe(before);
});

test('every menu item names a top-level function of the bundle', () => {
  const a = addon();
  callEntryAs(a.ctx, 'onOpen', { authMode: 'NONE' });
  const items = a.emu.ui.menus.flatMap((m) => m.items);
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) expect([item.functionName, typeof (a.ctx as Record<string, unknown>)[item.functionName]]).toEqual([item.functionName, 'function']);
});

test('the emulator does refuse authorised services in AuthMode.NONE (the check above can fail)', () => {
  const a = addon();
  // showSidebar reads the user's language preference: a property, which needs authorisation.
  expect(() => callEntryAs(a.ctx, 'showSidebar', { authMode: 'NONE' })).toThrow(/You do not have permission to call PropertiesService/);
  expect(a.emu.ui.sidebars).toEqual([]);
});

test('onInstall (AuthMode.FULL) shows the same menu at once; opening again does not duplicate it', () => {
  const a = addon();
  callEntryAs(a.ctx, 'onInstall', { authMode: 'FULL' });
  callEntryAs(a.ctx, 'onOpen', { authMode: 'LIMITED' });
  expect(a.emu.ui.menus).toEqual([{ title: 'Pola Layanan', items: [{ caption: 'Buka Pola Layanan', functionName: 'showSidebar' }] }]);
});
