import { Emulator, ExecutionKilledError, SERVICE_FAILURE } from '../../tools/emulator';

function setup() {
  const emu = new Emulator();
  const ss = emu.createSpreadsheet('Faults');
  const sheet = ss.getSheets()[0];
  emu.resetStats();
  return { emu, ss, sheet };
}

describe('stats', () => {
  test('every service call is counted by Class.method; cells read/written tallied', () => {
    const { emu, sheet } = setup();
    const r = sheet.getRange(1, 1, 3, 4);
    r.setValues([[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]]);
    r.getValues();
    r.getDisplayValues();
    sheet.getRange('A1').setNumberFormat('0');
    expect(emu.stats.calls).toEqual({
      'Sheet.getRange': 2,
      'Range.setValues': 1,
      'Range.getValues': 1,
      'Range.getDisplayValues': 1,
      'Range.setNumberFormat': 1,
    });
    expect(emu.stats.totalCalls).toBe(6);
    expect(emu.stats.cellsRead).toBe(24);
    expect(emu.stats.cellsWritten).toBe(13);
    // Internal helpers and emulator extras are not counted.
    sheet.__setCell(1, 1, { value: 1 });
    emu.spreadsheets[0].cellCount();
    expect(emu.stats.totalCalls).toBe(6);
    emu.resetStats();
    expect(emu.stats).toEqual({ calls: {}, totalCalls: 0, cellsRead: 0, cellsWritten: 0 });
  });
});

describe('fault injection', () => {
  test('the k-th mutating call fails with the service error and changes nothing', () => {
    const { emu, sheet } = setup();
    emu.injectFault({ failWriteAt: 2 });
    sheet.getRange(1, 1).setValue('first'); // write 1
    sheet.getRange(1, 1).getValue(); // reads do not count
    expect(() => sheet.getRange(2, 1, 1, 2).setValues([['x', 'y']])).toThrow(SERVICE_FAILURE); // write 2 fails
    expect(sheet.getRange(2, 1, 1, 2).getValues()).toEqual([['', '']]);
    sheet.getRange(3, 1).setValue('third'); // later writes succeed
    expect(sheet.getLastRow()).toBe(3);
    // Structural writes count too.
    emu.injectFault({ failWriteAt: 1 });
    expect(() => sheet.insertRowsAfter(1, 5)).toThrow(SERVICE_FAILURE);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(() => emu.spreadsheets[0].insertSheet('X')).not.toThrow();
  });

  test('cut-off: after n more calls, every call throws ExecutionKilledError until the execution ends', () => {
    const { emu, sheet } = setup();
    emu.injectFault({ cutOffAfterCalls: 2 });
    const r = sheet.getRange(1, 1); // call 1
    r.setValue('ok'); // call 2
    expect(() => r.setValue('lost')).toThrow(ExecutionKilledError);
    expect(() => r.getValue()).toThrow(ExecutionKilledError);
    expect(() => sheet.getLastRow()).toThrow(ExecutionKilledError);
    emu.endExecution();
    expect(r.getValue()).toBe('ok');
  });

  test('clearFaults removes pending faults', () => {
    const { emu, sheet } = setup();
    emu.injectFault({ failWriteAt: 1, cutOffAfterCalls: 0 });
    emu.clearFaults();
    expect(() => sheet.getRange(1, 1).setValue(1)).not.toThrow();
  });
});
