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
    // A very large sheet is cleaned over several executions (each within Apps Script's time
    // limit): the server says complete=false and continues where it stopped on the next call.
    let clean = await call('cleanSheet', sheetId);
    let written = clean.ok ? clean.data.cellsWritten : 0;
    let edited = clean.ok ? clean.data.rowsEditedDuringRun : 0;
    for (let round = 1; clean.ok && !clean.data.complete && round < MAX_CLEAN_ROUNDS; round++) {
      announce(tr('liveContinuing', { n: num(written) }));
      clean = await call('cleanSheet', sheetId);
      if (clean.ok) {
        written += clean.data.cellsWritten;
        edited += clean.data.rowsEditedDuringRun;
      }
    }
    if (!clean.ok) return await fail('membersihkan', clean.error);
    clean.data.cellsWritten = written;
    clean.data.rowsEditedDuringRun = edited;
    steps.membersihkan = 'done';

    start('menulis');
    const report = await call('writeReports');
    if (!report.ok) return await fail('menulis', report.error);
    steps.menulis = 'done';

    start('meringkas');
    const summary = await call('summarise');
    if (!summary.ok) return await fail('meringkas', summary.error);
    steps.meringkas = 'done';

    app.result = { clean: clean.data, report: report.data, summary: summary.data };
    announce(tr('liveDone', { rows: num(clean.data.rowsRead) }));
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
