import { Emulator, EmulatorState } from '../../tools/emulator';

describe('state snapshot', () => {
  test('toState -> JSON -> fromState round-trips everything', () => {
    const emu = new Emulator();
    const ss = emu.createSpreadsheet('Round', { timeZone: 'America/Los_Angeles', locale: 'en_US' });
    const other = emu.createSpreadsheet('Other');
    const g = emu.globals() as unknown as {
      PropertiesService: GoogleAppsScript.Properties.PropertiesService;
      ScriptApp: GoogleAppsScript.Script.ScriptApp;
    };
    const s1 = ss.getSheets()[0];
    const d = new Date(Date.UTC(2024, 4, 6, 7, 8, 9, 10));
    s1.getRange(1, 1, 2, 5).setValues([
      [d, 3.5, true, 'teks', '=A1+1'],
      ['0812', -0, false, '', 'x'],
    ]);
    s1.__setCell(1, 5, { formula: '=A1+1', value: 'cached' });
    s1.getRange(1, 1).setNumberFormat('yyyy-mm-dd');
    s1.getRange(1, 1, 1, 5).setFontWeight('bold');
    s1.getRange(2, 2).setBackground('#00ff00');
    s1.getRange(2, 3).setWrap(false);
    s1.setFrozenRows(1);
    s1.setFrozenColumns(1);
    s1.setColumnWidth(2, 222);
    const s2 = ss.insertSheet('Tersembunyi', 0);
    s2.insertRowsAfter(1000, 10);
    s2.getRange(1005, 3).setValue('deep');
    s2.hideSheet();
    ss.setActiveSheet(s1);
    g.PropertiesService.getDocumentProperties().setProperty('cfg', '{"a":1}');
    g.PropertiesService.getUserProperties().setProperty('u', '1');
    g.PropertiesService.getScriptProperties().setProperty('s', '2');
    g.ScriptApp.newTrigger('daily').timeBased().atHour(5).everyDays(1).create();
    emu.setActive(other);

    const state = emu.toState();
    const json = JSON.stringify(state);
    const restored = Emulator.fromState(JSON.parse(json) as EmulatorState);
    expect(restored.toState()).toEqual(state);
    expect(JSON.stringify(restored.toState())).toBe(json);

    // And the restored emulator behaves like the original.
    const rss = restored.spreadsheets.find((x) => x.getId() === ss.getId())!;
    const r1 = rss.getSheetByName('Sheet1')!;
    const values = r1.getRange(1, 1, 2, 5).getValues();
    expect(values[0][0]).toEqual(d);
    expect(values[0][0]).toBeInstanceOf(Date);
    expect(values[0].slice(1)).toEqual([3.5, true, 'teks', 'cached']);
    expect(r1.getRange(1, 5).getFormula()).toBe('=A1+1');
    expect(r1.getRange(2, 1).getValue()).toBe(812);
    expect(r1.getRange(1, 1).getDisplayValue()).toBe('2024-05-06');
    expect(r1.getSheetId()).toBe(s1.getSheetId());
    expect(r1.getColumnWidth(2)).toBe(222);
    expect(rss.getSheets().map((s) => s.getName())).toEqual(['Tersembunyi', 'Sheet1']);
    expect(rss.getSheetByName('Tersembunyi')!.isSheetHidden()).toBe(true);
    expect(rss.getActiveSheet().getName()).toBe('Sheet1');
    expect(restored.spreadsheets.map((x) => x.getId())).toEqual([ss.getId(), other.getId()]);
    expect(restored.triggers).toEqual(emu.triggers);
    expect(restored.clock.now()).toBe(emu.clock.now());
    // New sheets continue the id sequence rather than reusing ids.
    expect(rss.insertSheet('Baru').getSheetId()).toBe(ss.insertSheet('Baru').getSheetId());
  });
});
