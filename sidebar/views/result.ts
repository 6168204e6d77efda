/**
 * The result card of the last Clean & Summarize. One row count for the sheet throughout
 * (its rowsRead: the heading, the status table's total), changes grouped by the value they
 * became, and the summary tabs with their links.
 */
import type { ChangeGroup } from '../model';
import { editedDuringRunText, groupChanges } from '../model';
import { Child, h } from '../dom';
import { formatMonth, safeUrl } from '../format';
import { STATUSES, statusLabel } from '../i18n';
import { call } from '../rpc';
import { app, num, rerender, showError, tr } from '../store';
import { sectionAttrs } from './common';
import type { CleanResult, SummaryResult, TabLink } from '../../src/shared/api';

function valueText(v: string): string {
  return v === '' ? tr('noSamples') : v;
}

function statusTable(clean: CleanResult): Child {
  return h(
    'table',
    { id: 'result-status', class: 'counts' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, tr('statusCol')), h('th', { scope: 'col', class: 'num' }, tr('countCol')))),
    h(
      'tbody',
      null,
      STATUSES.map((st) =>
        h(
          'tr',
          { 'data-status': st },
          h('th', { scope: 'row' }, h('span', { class: `dot dot-${st}`, 'aria-hidden': 'true' }), statusLabel(app.lang, st)),
          h('td', { class: 'num' }, num(clean.byStatus[st] ?? 0)),
        ),
      ),
    ),
    h('tfoot', null, h('tr', { 'data-status': 'total' }, h('th', { scope: 'row' }, tr('totalRow')), h('td', { class: 'num' }, num(clean.rowsRead)))),
  );
}

/** "Kanal: → Kantor Cabang ×219", then its original values; spacing/case-only fixes as one line. */
function changeGroupView(g: ChangeGroup): Child {
  return h(
    'li',
    { class: 'change-group' },
    h(
      'div',
      { class: 'change-target' },
      h('span', { class: 'change-col' }, g.column),
      h('span', { class: 'arrow' }, ' → '),
      h('span', { class: 'change-to' }, valueText(g.to)),
      h('span', { class: 'change-count' }, ` ×${num(g.total)}`),
    ),
    h(
      'ul',
      { class: 'change-froms' },
      g.from.map((f) =>
        h(
          'li',
          { class: 'change-from-row' },
          h('span', { class: 'sr-only' }, `${tr('changeFromLabel')} `),
          h('span', { class: 'change-from' }, valueText(f.value)),
          h('span', { class: 'change-count' }, ` ×${num(f.count)}`),
        ),
      ),
      g.tidied > 0 ? h('li', { class: 'change-tidy' }, tr('tidied', { n: num(g.tidied) })) : null,
    ),
  );
}

function changesView(clean: CleanResult): Child {
  const groups = groupChanges(clean.topChanges);
  if (!groups.length) return h('p', { class: 'gray small', id: 'result-changes' }, tr('noChanges'));
  return h('ul', { id: 'result-changes', class: 'changes' }, groups.map(changeGroupView));
}

function tabLink(tab: TabLink): Child {
  return h(
    'li',
    null,
    h(
      'a',
      {
        class: 'tab-link',
        href: safeUrl(tab.url) ?? '#',
        target: '_blank',
        rel: 'noopener noreferrer',
        'data-sheet-id': tab.sheetId,
        onclick: (ev: Event) => {
          const me = ev as MouseEvent;
          if (me.ctrlKey || me.metaKey || me.shiftKey || me.button === 1) return; // let the browser open a new tab
          ev.preventDefault();
          void call('openTab', tab.sheetId).then((res) => {
            if (!res.ok) {
              showError('run', res.error, null);
              rerender();
            }
          });
        },
      },
      tab.name,
    ),
    h('span', { class: 'gray small' }, ` · ${tr('tabRows', { n: num(tab.rows) })}`),
  );
}

function peaksView(summary: SummaryResult): Child {
  return h(
    'p',
    { id: 'result-peaks', class: 'peaks' },
    summary.earlyMonthPeaks.length
      ? tr('earlyPeaks', { months: summary.earlyMonthPeaks.map((m) => formatMonth(m, app.lang)).join(', ') })
      : tr('noEarlyPeaks'),
  );
}

export function resultView(): Child {
  const r = app.result;
  if (!r) return null;
  const { clean, report, summary } = r;
  const tabs = summary.tabs.slice();
  if (report.tab && !tabs.some((tab) => tab.sheetId === report.tab.sheetId)) tabs.push(report.tab);
  const looker = safeUrl(summary.lookerStudioUrl);
  const edited = editedDuringRunText(app.lang, clean.rowsEditedDuringRun);
  return h(
    'section',
    sectionAttrs('result', { class: 'section card' }),
    h('h2', { id: 'result-title', tabindex: '-1' }, tr('resultTitle')),
    h('p', { class: 'gray small', id: 'result-rows' }, tr('resultRows', { rows: num(clean.rowsRead), sheet: clean.sheetName })),
    clean.complete ? null : h('p', { class: 'note', id: 'result-incomplete' }, tr('resultIncomplete')),
    edited ? h('p', { class: 'note', id: 'result-edited' }, edited) : null,
    statusTable(clean),
    // This sheet's rows in masalah_data (the tab itself lists every registered sheet).
    clean.problems > 0 ? h('p', { class: 'gray small', id: 'result-problems' }, tr('problems', { n: num(clean.problems) })) : null,
    h('h3', null, tr('topChanges')),
    changesView(clean),
    peaksView(summary),
    h('h3', null, tr('tabsTitle')),
    h('ul', { id: 'result-tabs', class: 'tabs' }, tabs.map(tabLink)),
    looker
      ? h(
          'a',
          { id: 'btn-looker', class: 'button', href: looker, target: '_blank', rel: 'noopener noreferrer' },
          tr('openLooker'),
          h('span', { class: 'sr-only' }, ` ${tr('newTab')}`),
        )
      : null,
  );
}
