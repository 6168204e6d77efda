/** The nightly refresh: the one daily trigger, its hour, and how its last run went. */
import { Child, h } from '../dom';
import { formatDateTime, formatHour } from '../format';
import { call } from '../rpc';
import { action, announce, app, tr } from '../store';
import { errorBox, notice, sectionAttrs } from './common';

function setNightly(enabled: boolean, hour: number): void {
  void action('nightly', () => call('setNightly', enabled, hour), (data) => {
    if (app.s) app.s.nightly = data;
    app.notices.nightly = tr('nightlySaved');
    announce(tr('nightlySaved'));
  });
}

export function nightlyView(): Child {
  const s = app.s!;
  const n = s.nightly;
  const disabled = !!app.busy;
  const last = n.lastRun;
  return h(
    'section',
    sectionAttrs('nightly'),
    h('h2', { id: 'nightly-title' }, tr('nightlyTitle')),
    h(
      'div',
      { class: 'switch-row' },
      h('label', { for: 'nightly-switch', class: 'switch-label' }, tr('nightlySwitch')),
      h('input', {
        id: 'nightly-switch',
        type: 'checkbox',
        role: 'switch',
        class: 'switch',
        checked: n.enabled,
        'aria-checked': n.enabled ? 'true' : 'false',
        disabled,
        onchange: (ev: Event) => setNightly((ev.target as HTMLInputElement).checked, n.hour),
      }),
    ),
    h(
      'div',
      { class: 'field inline' },
      h('label', { for: 'nightly-hour' }, tr('nightlyHour')),
      h(
        'select',
        {
          id: 'nightly-hour',
          value: String(n.hour),
          disabled,
          onchange: (ev: Event) => setNightly(n.enabled, Number((ev.target as HTMLSelectElement).value)),
        },
        Array.from({ length: 24 }, (_, hour) => h('option', { value: String(hour) }, formatHour(hour))),
      ),
      h('span', { id: 'nightly-tz', class: 'gray small' }, tr('timeZone', { tz: n.timeZone || s.timeZone })),
    ),
    h(
      'div',
      { id: 'nightly-last', class: 'small', 'data-outcome': last ? (last.ok ? 'ok' : 'failed') : 'none' },
      last
        ? [
            h('span', { class: 'gray' }, tr('nightlyLast', { at: formatDateTime(last.end || last.start, app.lang, n.timeZone || s.timeZone) })),
            ' · ',
            h('span', { class: last.ok ? 'ok-text' : 'error' }, tr(last.ok ? 'nightlyOk' : 'nightlyFailed')),
            last.continued ? h('span', { class: 'gray' }, ` (${tr('nightlyContinued')})`) : null,
            !last.ok && last.error ? h('div', { id: 'nightly-error', class: 'error' }, last.error) : null,
          ]
        : h('span', { class: 'gray' }, tr('nightlyNever')),
    ),
    notice('nightly'),
    errorBox('nightly'),
  );
}
