/**
 * The main button, first in the sidebar, with the four steps of one Clean & Summarize under it;
 * and the banner that stops it while the state tab is missing or damaged.
 */
import type { ErrorCode } from '../../src/shared/api';
import { Child, h } from '../dom';
import type { MsgKey } from '../i18n';
import { call } from '../rpc';
import { action, announce, app, draftDirty, num, refreshState, rerender, resetDraft, showError, stateBroken, StepName, STEPS, StepState, tr } from '../store';
import { errorBox, notice } from './common';
import { mappingInput } from './mapping';

/** Executions one Clean & Summarize may take on a very large sheet before the sidebar gives up. */
const MAX_CLEAN_ROUNDS = 50;

const STEP_KEYS: Record<StepName, MsgKey> = {
  membaca: 'stepMembaca',
  membersihkan: 'stepMembersihkan',
  menulis: 'stepMenulis',
  meringkas: 'stepMeringkas',
};

/** Lets the browser paint what was just rendered before the next change. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

type Failure = { code: ErrorCode; message: string; hint: string };

async function runAll(): Promise<void> {
  const s = app.s;
  const view = s?.active;
  if (!s || !view || app.busy || stateBroken()) return;
  const sheetId = view.sheetId;
  app.busy = 'run';
  app.error = null;
  app.notices = {};
  app.result = null;
  app.undoResult = null;
  app.confirm = null;
  const steps: Record<StepName, StepState> = { membaca: 'waiting', membersihkan: 'waiting', menulis: 'waiting', meringkas: 'waiting' };
  app.steps = steps;

  const start = (step: StepName): void => {
    steps[step] = 'working';
    announce(tr('liveStep', { n: STEPS.indexOf(step) + 1, total: STEPS.length, name: tr(STEP_KEYS[step]) }));
    rerender();
  };
  const fail = async (step: StepName, err: Failure): Promise<void> => {
    steps[step] = 'failed';
    showError('run', err, 'btn-run');
    announce(tr('liveFailed', { name: tr(STEP_KEYS[step]) }));
    // A lost state tab shows its banner; a moved column unfolds the mapping with its blocker.
    if (err.code === 'STATE_UNREADABLE' || err.code === 'MAPPING_CHANGED') await refreshState();
  };

  try {
    start('membaca');
    if (draftDirty()) {
      const saved = await call('saveMapping', mappingInput(view));
      if (!saved.ok) return await fail('membaca', saved.error);
      s.active = saved.data;
      resetDraft(saved.data);
    }
    const inspected = await call('inspectSheet', sheetId);
    if (!inspected.ok) return await fail('membaca', inspected.error);
    s.active = inspected.data;
    resetDraft(inspected.data);
    if (inspected.data.blockers.length) {
      const code: ErrorCode = inspected.data.saved ? 'MAPPING_CHANGED' : 'NO_DATE_COLUMN';
      return await fail('membaca', { code, message: tr('blockersTitle'), hint: inspected.data.blockers.join(' ') });
    }
    steps.membaca = 'done';

    start('membersihkan');
    // One execution cleans the sheet and writes masalah_data and the summaries from the same
    // plans (each log read once). A very large sheet is cleaned over several executions (each
    // within Apps Script's time limit): complete=false, and the next call continues.
    let run = await call('cleanAndSummarise', sheetId);
    let clean = run.ok ? run.data.clean : null;
    let written = clean ? clean.cellsWritten : 0;
    let edited = clean ? clean.rowsEditedDuringRun : 0;
    for (let round = 1; run.ok && !run.data.complete && round < MAX_CLEAN_ROUNDS; round++) {
      announce(tr('liveContinuing', { n: num(written) }));
      run = await call('cleanAndSummarise', sheetId);
      if (run.ok && run.data.clean) {
        clean = run.data.clean;
        written += clean.cellsWritten;
        edited += clean.rowsEditedDuringRun;
      }
    }
    if (!run.ok) return await fail('membersihkan', run.error);
    if (!clean || !run.data.complete) return await fail('membersihkan', { code: 'INTERNAL', message: tr('liveFailed', { name: tr(STEP_KEYS.membersihkan) }), hint: '' });
    clean = { ...clean, cellsWritten: written, rowsEditedDuringRun: edited };
    steps.membersihkan = 'done';

    // The same execution wrote masalah_data, then the summaries: shown as their own steps, each
    // painted before the next (the reply already holds their outcome).
    const { report, summary } = run.data;
    start('menulis');
    await nextPaint();
    if (!report) return await fail('menulis', { code: 'MAPPING_CHANGED', message: run.data.blocked, hint: '' });
    steps.menulis = 'done';
    start('meringkas');
    await nextPaint();
    if (!summary) return await fail('meringkas', { code: 'MAPPING_CHANGED', message: run.data.blocked, hint: '' });
    steps.meringkas = 'done';

    app.result = { clean, report, summary };
    announce(tr('liveDone', { rows: num(clean.rowsRead) }));
    rerender();
    await refreshState();
  } finally {
    app.busy = null;
    app.focusId = 'btn-run';
    rerender();
  }
}

function rebuildState(): void {
  void action(
    'state',
    () => call('rebuildState'),
    async (rebuilt) => {
      app.notices.state = tr(rebuilt ? 'stateRebuilt' : 'stateFine');
      announce(app.notices.state);
      await refreshState();
    },
    'btn-run',
  );
}

/** Shown while the state tab is missing or damaged: why nothing runs, and the way out. */
function stateProblemView(): Child {
  const problem = app.s?.stateProblem;
  if (!problem) return null;
  return h(
    'div',
    { id: 'state-problem', class: 'alert state-alert', role: 'alert' },
    h('p', { id: 'state-problem-message', class: 'alert-message' }, problem),
    h(
      'button',
      { id: 'btn-rebuild-state', class: 'action', type: 'button', disabled: !!app.busy, onclick: rebuildState },
      tr('stateRebuild'),
    ),
  );
}

function stepsView(): Child {
  const steps = app.steps;
  if (!steps) return null;
  const stateKey: Record<StepState, MsgKey> = { waiting: 'stateWaiting', working: 'stateWorking', done: 'stateDone', failed: 'stateFailed' };
  return h(
    'ol',
    { id: 'steps', class: 'steps' },
    STEPS.map((step) =>
      h(
        'li',
        { 'data-step': step, 'data-state': steps[step], class: `step ${steps[step]}`, 'aria-current': steps[step] === 'working' ? 'step' : null },
        h('span', { class: 'step-icon', 'aria-hidden': 'true' }),
        h('span', { class: 'step-name' }, tr(STEP_KEYS[step])),
        h('span', { class: 'step-state' }, tr(stateKey[steps[step]])),
      ),
    ),
  );
}

export function runView(): Child {
  const view = app.s?.active;
  const blocked = !view || view.blockers.length > 0 || stateBroken();
  return h(
    'section',
    { id: 'run', class: 'section run', 'aria-labelledby': 'run-title', 'aria-busy': app.busy === 'run' || app.busy === 'state' ? 'true' : 'false' },
    h('h2', { id: 'run-title', class: 'sr-only' }, tr('runTitle')),
    h(
      'button',
      {
        id: 'btn-run',
        class: 'action wide',
        type: 'button',
        disabled: !!app.busy || blocked,
        'aria-describedby': stateBroken() ? 'state-problem-message' : null,
        onclick: () => void runAll(),
      },
      tr('runButton'),
    ),
    stateProblemView(),
    notice('state'),
    errorBox('state'),
    stepsView(),
    errorBox('run'),
  );
}
