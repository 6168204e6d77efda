/**
 * The result card of the last Clean & Summarize. One row count for the sheet throughout
 * (its rowsRead: the heading, the status table's total), changes grouped by the value they
 * became, and the summary tabs with their links.
 */
import type { ChangeGroup } from '../model';
import { editedDuringRunText, groupChanges } from '../model';
import { Child, h } from '../dom';
import { formatMonth, safeUrl, supportingNumbersText } from '../format';
import { weekOfMonthBars, weekOfMonthChart, weeklyForecastChart } from '../charts';
import { svgElement } from '../svg';
import { hasWeeklyChart, topRecommendations, weekOfMonthRows, weeklyPoints } from '../wawasan';
import type { Finding } from '../wawasan';
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

/** The top recommendations, text only: what the numbers say, then what to do. */
function recsView(summary: SummaryResult): Child {
  const top = topRecommendations(summary.findings);
  if (!top.length) return null;
  return [
    h('h3', { id: 'result-recs-title' }, tr('recsTitle')),
    h(
      'ol',
      { id: 'result-recs', class: 'recs', 'aria-labelledby': 'result-recs-title' },
      top.map((f) => h('li', { class: 'rec', 'data-kode': f.kode }, h('span', { class: 'rec-finding' }, f.temuan), ' ', h('span', { class: 'rec-action' }, f.rekomendasi))),
    ),
  ];
}

function weeklyChartView(summary: SummaryResult): Child {
  const points = weeklyPoints(summary.weeks, app.lang);
  if (!hasWeeklyChart(points)) return null;
  const tree = weeklyForecastChart(points, { title: tr('chartWeeklyTitle'), actualLabel: tr('chartActual'), forecastLabel: tr('chartForecast') }, num);
  return h(
    'figure',
    { id: 'chart-weekly', class: 'chart-figure' },
    svgElement(tree),
    h(
      'figcaption',
      { class: 'chart-legend small' },
      h('span', { class: 'key key-actual', 'aria-hidden': 'true' }),
      tr('chartActual'),
      ' ',
      h('span', { class: 'key key-forecast', 'aria-hidden': 'true' }),
      tr('chartForecast'),
      ' ',
      h('span', { class: 'key key-band', 'aria-hidden': 'true' }),
      tr('chartBand'),
    ),
  );
}

function weekOfMonthChartView(summary: SummaryResult): Child {
  const bars = weekOfMonthBars(weekOfMonthRows(summary), (n) => tr('weekOfMonthShort', { n }));
  if (!bars.length) return null;
  const tree = weekOfMonthChart(bars, { title: tr('chartWomTitle'), peakLabel: tr('chartPeak') }, num);
  return h(
    'figure',
    { id: 'chart-wom', class: 'chart-figure' },
    svgElement(tree),
    // The legend explains the peak mark, so it stands only where a bar carries one.
    bars.some((b) => b.peak) ? h('figcaption', { class: 'chart-legend small' }, h('span', { class: 'peak-key', 'aria-hidden': 'true' }, '\u25B2'), ' ', tr('chartPeak')) : null,
  );
}

function chartsView(summary: SummaryResult): Child {
  const charts = [weeklyChartView(summary), weekOfMonthChartView(summary)].filter(Boolean);
  if (!charts.length) return null;
  return [h('h3', { id: 'result-charts-title' }, tr('chartsTitle')), h('div', { id: 'result-charts', class: 'charts' }, charts)];
}

function findingView(f: Finding): Child {
  return h(
    'li',
    { class: 'finding', 'data-kode': f.kode },
    h('p', { class: 'finding-text' }, f.temuan),
    f.rekomendasi ? h('p', { class: 'finding-action' }, f.rekomendasi) : null,
    f.angka ? h('p', { class: 'finding-numbers gray small' }, tr('findingNumbers', { numbers: supportingNumbersText(f.angka, app.lang) })) : null,
  );
}

/** Every finding of the wawasan tab with its supporting numbers; says so when there is none. */
function wawasanView(summary: SummaryResult): Child {
  return h(
    'div',
    { id: 'wawasan', class: 'wawasan', role: 'region', 'aria-labelledby': 'wawasan-title' },
    h('h3', { id: 'wawasan-title' }, tr('wawasanTitle')),
    summary.findings.length
      ? h('ul', { id: 'wawasan-list', class: 'findings' }, summary.findings.map(findingView))
      : h('p', { id: 'wawasan-empty', class: 'gray small' }, tr('wawasanEmpty')),
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
    // Blank rows are named, so the rows read and the mapping panel's rows below the header add up.
    h('p', { class: 'gray small', id: 'result-rows' }, tr('resultRows', { rows: num(clean.rowsRead), sheet: clean.sheetName }), clean.blankRows > 0 ? ` · ${tr('resultBlank', { n: num(clean.blankRows) })}` : null),
    clean.complete ? null : h('p', { class: 'note', id: 'result-incomplete' }, tr('resultIncomplete')),
    edited ? h('p', { class: 'note', id: 'result-edited' }, edited) : null,
    statusTable(clean),
    // This sheet's rows in masalah_data (the tab itself lists every registered sheet).
    clean.problems > 0 ? h('p', { class: 'gray small', id: 'result-problems' }, tr('problems', { n: num(clean.problems) })) : null,
    recsView(summary),
    chartsView(summary),
    peaksView(summary),
    h('h3', null, tr('topChanges')),
    changesView(clean),
    wawasanView(summary),
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
