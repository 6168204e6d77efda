/**
 * The nightly refresh: one trigger, no active spreadsheet, incremental, recorded, resumable.
 */
import { fireTrigger, setBudget } from '../../tools/runner/run';
import { makeAddon, localDate } from '../helpers/addon';
import { LOG_HEADER, messyRows, restore, runNightly, scenario, nightlyTrigger, content, grid, SUMMARY_AND_REPORT_TABS } from '../helpers/nightly';

test('the switch installs one daily trigger at the chosen hour in the spreadsheet zone, and removes it', () => {
  const a = makeAddon([{ name: 'Log', rows: [LOG_HEADER, ...messyRows(5)] }], { timeZone: 'America/Los_Angeles' });
  const on = a.call('setNightly', true, 3);
  expect(on).toMatchObject({ enabled: true, hour: 3, timeZone: 'America/Los_Angeles' });
  a.call('setNightly', true, 4);
  const t = nightlyTrigger(a);
  expect(t).toMatchObject({ handler: 'nightlyRefresh', type: 'CLOCK', atHour: 4, everyDays: 1, tz: 'America/Los_Angeles' });
  expect(a.call('getSidebarState').nightly).toMatchObject({ enabled: true, hour: 4 });
  a.call('setNightly', false, 4);
  expect(a.emu.triggers).toHaveLength(0);
  expect(a.reply('setNightly', true, 24).ok).toBe(false);
});

test('the handler opens the file itself when Apps Script gives it no active spreadsheet', () => {
  const { state } = scenario();
  const a = restore(state);
  const t = nightlyTrigger(a);
  fireTrigger(a.emu, a.ctx, t.id); // fireTrigger sets the active spreadsheet to null
  const s = a.call('getSidebarState');
  expect(s.nightly.lastRun).toMatchObject({ kind: 'nightly', ok: true, error: '' });
  const info = Object.fromEntries(a.table('info_ringkasan').map((r) => [r.kunci, r.nilai]));
  expect(info.run_terakhir_jenis).toBe('nightly');
  // The run worked (its messy scenario leaves more than 10 % of rows out, so it asks for a look).
  expect(info.run_terakhir_status).toBe('PERLU PERIKSA');
  // The new rows were cleaned
  const log = a.values('Log');
  expect(log.slice(1).every((r) => r[6] !== '' && r[10] !== '')).toBe(true);
  expect(log[2][3]).toBe('Pengaduan');
});

test('incremental: only new or changed rows are written; an unchanged log gets no write at all', () => {
  const { state } = scenario();
  const a = restore(state);
  const logId = a.sheet('Log').getSheetId();
  const before = grid(a.ss, 'Log');
  a.emu.resetStats();
  runNightly(a);
  const written = a.emu.rt.cellsWrittenBySheet[logId] ?? 0;
  const after = grid(a.ss, 'Log');
  let changedCells = 0;
  for (let r = 0; r < after.length; r++) for (let c = 0; c < after[0].length; c++) if (String(after[r][c]) !== String(before[r]?.[c] ?? '')) changedCells++;
  expect(changedCells).toBeGreaterThan(0);
  // Rows that were already clean are not rewritten: at most the changed rows' block is written.
  expect(written).toBeLessThan(after.length * after[0].length / 2);
  a.emu.resetStats();
  runNightly(a);
  expect(a.emu.rt.cellsWrittenBySheet[logId] ?? 0).toBe(0);
  expect(grid(a.ss, 'Log')).toEqual(after);
});

test('a failed nightly run leaves the summary tabs intact and records the error', () => {
  const { state } = scenario();
  const a = restore(state);
  const tabs = Object.fromEntries(SUMMARY_AND_REPORT_TABS.map((n) => [n, content(a.ss, n)]));
  // The fifth write of the run fails (Sheets reports a service error).
  const t = nightlyTrigger(a);
  a.emu.injectFault({ failWriteAt: 5 });
  expect(() => fireTrigger(a.emu, a.ctx, t.id)).toThrow(/Service Spreadsheets failed/);
  for (const n of SUMMARY_AND_REPORT_TABS) expect(content(a.ss, n)).toEqual(tabs[n]);
  const last = a.call('getSidebarState').nightly.lastRun;
  expect(last).toMatchObject({ kind: 'nightly', ok: false });
  expect(last.error).toContain('Service Spreadsheets failed');
  const info = Object.fromEntries(a.table('info_ringkasan').map((r) => [r.kunci, r.nilai]));
  expect(info.run_terakhir_status).toBe('GAGAL');
  // The daily trigger is still there for tomorrow.
  expect(nightlyTrigger(a)).toMatchObject({ atHour: 2 });
});

test('a run that would outlast its time budget continues in follow-up executions, with no double counting', () => {
  const { state } = scenario(120, 80);
  const reference = restore(state);
  const a = restore(state);
  // Simulated Apps Script latency: every call 2 s, so a 5 s budget holds two or three calls.
  a.emu.rt.latency = { perCallMs: 2000, perCellMs: 0 };
  setBudget(a.ss, 5000);
  // Force several write blocks: a few formulas in the topic column split the log into pieces
  // (the scenario's own formula-like topics are typed over, so the formula rows stay few).
  for (const t of [a, reference]) plainTopics(t);
  const log = a.sheet('Log');
  for (const r of [20, 60, 100, 140]) log.__setCell(r, 6, { formula: '=ROW()', value: r });
  const refLog = reference.sheet('Log');
  for (const r of [20, 60, 100, 140]) refLog.__setCell(r, 6, { formula: '=ROW()', value: r });
  expect(runNightly(reference)).toBe(1);

  const executions = runNightly(a);
  expect(executions).toBeGreaterThan(1);
  expect(grid(a.ss, 'Log')).toEqual(grid(reference.ss, 'Log'));
  for (const n of SUMMARY_AND_REPORT_TABS) expect(content(a.ss, n)).toEqual(content(reference.ss, n));
  // After the last continuation, the daily trigger is back.
  expect(nightlyTrigger(a).atHour).toBe(2);
  expect(nightlyTrigger(a).runAt).toBeUndefined();
  // and undo still restores the log as it was before this nightly run
  a.emu.rt.latency = { perCallMs: 0, perCellMs: 0 };
  const beforeRun = restore(state);
  plainTopics(beforeRun);
  a.call('undoLastClean');
  const restored = grid(a.ss, 'Log').map((r) => r.slice(0, 12));
  const expected = grid(beforeRun.ss, 'Log', 12);
  for (const r of [20, 60, 100, 140]) expected[r - 1][5] = restored[r - 1][5];
  expect(restored).toEqual(expected);
});

test('two runs started together give the same result as one', () => {
  const { state } = scenario();
  const reference = restore(state);
  runNightly(reference);
  for (const at of [1, 5, 20, 60, 150]) {
    const a = restore(state);
    let second: { ok: boolean; error?: { code: string } } | null = null;
    // The sidebar's Clean & Summarize arrives while the nightly run is at its at-th call.
    a.emu.rt.setInterleave(at, () => {
      // A sidebar execution has its spreadsheet, even while the trigger's run has none.
      const during = a.emu._active;
      a.emu.setActive(a.ss);
      second = a.reply('analyzeAll');
      a.emu.setActive(during);
    });
    runNightly(a);
    expect(second).not.toBeNull();
    if (!second!.ok) expect(second!.error!.code).toBe('BUSY');
    expect(grid(a.ss, 'Log')).toEqual(grid(reference.ss, 'Log'));
    for (const n of SUMMARY_AND_REPORT_TABS) expect(content(a.ss, n)).toEqual(content(reference.ss, n));
  }
});

test('analyze-style runs report dates of the spreadsheet zone', () => {
  const a = makeAddon([{ name: 'Log', rows: [LOG_HEADER, [localDate('Pacific/Auckland', 2023, 7, 3), 'x', 30, 'Informasi', 'JMO', 'a']] }], { timeZone: 'Pacific/Auckland' });
  a.call('analyzeAll');
  expect(a.sheet('ds_harian').getRange(2, 1).getDisplayValue()).toBe('2023-07-03');
  expect(a.table('ds_harian')[0].bulan).toBe('2023-07');
});

test('the sidebar cleans a very large sheet over several calls, ending where one call would', () => {
  const { state } = scenario(120, 80);
  const reference = restore(state);
  const id = reference.sheet('Log').getSheetId();

  const a = restore(state);
  a.emu.rt.latency = { perCallMs: 2000, perCellMs: 0 };
  setBudget(a.ss, 3000);
  for (const t of [a, reference]) plainTopics(t);
  for (const t of [a, reference]) for (const r of [20, 60, 100, 140]) t.sheet('Log').__setCell(r, 6, { formula: '=ROW()', value: r });
  expect(reference.call('cleanSheet', id).complete).toBe(true);
  let calls = 0;
  let res;
  do {
    res = a.call('cleanSheet', id);
    calls++;
  } while (!res.complete && calls < 50);
  expect(calls).toBeGreaterThan(1);
  expect(res.complete).toBe(true);
  expect(grid(a.ss, 'Log')).toEqual(grid(reference.ss, 'Log'));
});

/** Types plain text over the scenario's formula-like topics ("=1+1 bukan rumus?" became formulas). */
function plainTopics(t: ReturnType<typeof restore>): void {
  const log = t.sheet('Log');
  const f = log.getRange(1, 6, log.getLastRow(), 1).getFormulas();
  f.forEach(([x], i) => x && log.getRange(i + 1, 6).setValue('kpj lama'));
}
