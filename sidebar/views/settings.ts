/** Settings (age groups, peak threshold, holidays) and the language switch, validated as the user types. */
import type { Settings } from '../../src/shared/api';
import { Child, h } from '../dom';
import { AGE_MAX, AGE_MIN, ageGroupLabels, formatNumber, parseAgeBounds, parseHolidays, parsePeakThreshold, Parsed } from '../format';
import { MsgKey, resolveLang } from '../i18n';
import { call, setRpcLang } from '../rpc';
import { action, announce, app, formFrom, rerender, SettingsForm, tr } from '../store';
import { errorBox, notice } from './common';

function changeLanguage(language: Settings['language']): void {
  const s = app.s;
  if (!s) return;
  const next: Settings = { ...s.settings, language };
  s.settings = next;
  const before = app.lang;
  app.lang = resolveLang(language, s.lang);
  // Re-show the untouched threshold with the new language's decimal mark.
  if (app.form && app.form.peak === formatNumber(next.peakThreshold, before)) app.form.peak = formatNumber(next.peakThreshold, app.lang);
  setRpcLang(app.lang);
  app.focusId = 'lang';
  rerender();
  void action('settings', () => call('saveSettings', next), (data) => {
    s.settings = data;
    app.notices.settings = tr('settingsSaved');
    announce(tr('settingsSaved'));
  }, 'lang');
}

interface FormCheck {
  age: Parsed<number[]>;
  peak: Parsed<number>;
  holidays: Parsed<string[]>;
}

function checkForm(form: SettingsForm): FormCheck {
  return { age: parseAgeBounds(form.age), peak: parsePeakThreshold(form.peak), holidays: parseHolidays(form.holidays) };
}

function saveSettings(): void {
  const s = app.s;
  const form = app.form;
  if (!s || !form) return;
  const c = checkForm(form);
  if (!c.age.ok || !c.peak.ok || !c.holidays.ok) {
    updateFormMessages();
    const first = !c.age.ok ? 'set-age' : !c.peak.ok ? 'set-peak' : 'set-holidays';
    document.getElementById(first)?.focus();
    announce(tr('fixErrors'));
    return;
  }
  const settings: Settings = { ageBounds: c.age.value, peakThreshold: c.peak.value, holidays: c.holidays.value, language: s.settings.language };
  void action('settings', () => call('saveSettings', settings), (data) => {
    s.settings = data;
    app.form = formFrom(data);
    app.notices.settings = tr('settingsSaved');
    announce(tr('settingsSaved'));
  });
}

// ---------------------------------------------------------------------------------------------
// Targeted updates (no full re-render while the user types, so focus and caret stay put)

function parsedMessage<T>(p: Parsed<T>, ok: (v: T) => string): { text: string; error: boolean } {
  return p.ok ? { text: ok(p.value), error: false } : { text: tr(p.error, p.params), error: true };
}

function setFieldMessage(inputId: string, msg: { text: string; error: boolean }): void {
  const input = document.getElementById(inputId);
  const out = document.getElementById(`${inputId}-msg`);
  if (input) {
    if (msg.error) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  if (out) {
    out.textContent = msg.text;
    out.className = msg.error ? 'msg error' : 'msg gray';
  }
}

function formMessages(form: SettingsForm): Record<'set-age' | 'set-peak' | 'set-holidays', { text: string; error: boolean }> {
  const c = checkForm(form);
  return {
    'set-age': parsedMessage(c.age, (v) => tr('ageGroups', { groups: ageGroupLabels(v).join(', ') })),
    'set-peak': parsedMessage(c.peak, () => ''),
    'set-holidays': parsedMessage(c.holidays, () => ''),
  };
}

function updateFormMessages(): void {
  if (!app.form) return;
  const msgs = formMessages(app.form);
  for (const id of Object.keys(msgs) as (keyof typeof msgs)[]) setFieldMessage(id, msgs[id]);
}


export function settingsView(): Child {
  const s = app.s!;
  const form = app.form ?? formFrom(s.settings);
  app.form = form;
  const disabled = !!app.busy;
  const msgs = formMessages(form);
  const field = (id: 'set-age' | 'set-peak' | 'set-holidays', labelKey: MsgKey, control: HTMLElement, help?: string): Child =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, tr(labelKey)),
      help ? h('div', { id: `${id}-help`, class: 'gray small' }, help) : null,
      control,
      h('div', { id: `${id}-msg`, class: msgs[id].error ? 'msg error' : 'msg gray', 'aria-live': 'polite' }, msgs[id].text),
    );
  const onInput = (key: keyof SettingsForm) => (ev: Event): void => {
    form[key] = (ev.target as HTMLInputElement | HTMLTextAreaElement).value;
    updateFormMessages();
  };
  const invalid = (id: keyof typeof msgs): string | null => (msgs[id].error ? 'true' : null);
  return h(
    'details',
    {
      id: 'settings',
      class: 'section',
      open: app.settingsOpen,
      'aria-busy': app.busy === 'settings' ? 'true' : 'false',
      ontoggle: (ev: Event) => {
        app.settingsOpen = (ev.target as HTMLDetailsElement).open;
      },
    },
    h('summary', { id: 'settings-title' }, h('span', { class: 'h2' }, tr('settingsTitle'))),
    field(
      'set-age',
      'ageBounds',
      h('input', { id: 'set-age', type: 'text', inputmode: 'numeric', autocomplete: 'off', value: form.age, disabled, 'aria-invalid': invalid('set-age'), 'aria-describedby': 'set-age-help set-age-msg', oninput: onInput('age') }),
      tr('ageBoundsHelp', { min: AGE_MIN, max: AGE_MAX }),
    ),
    field(
      'set-peak',
      'peakThreshold',
      h('input', { id: 'set-peak', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: form.peak, disabled, 'aria-invalid': invalid('set-peak'), 'aria-describedby': 'set-peak-msg', oninput: onInput('peak') }),
    ),
    field(
      'set-holidays',
      'holidays',
      h('textarea', { id: 'set-holidays', rows: '4', spellcheck: 'false', value: form.holidays, disabled, 'aria-invalid': invalid('set-holidays'), 'aria-describedby': 'set-holidays-msg', oninput: onInput('holidays') }),
    ),
    h('div', { class: 'buttons' }, h('button', { id: 'btn-save-settings', class: 'action', type: 'button', disabled, onclick: saveSettings }, tr('saveSettings'))),
    h(
      'div',
      { class: 'field lang-field' },
      h('label', { for: 'lang' }, tr('language')),
      h(
        'select',
        {
          id: 'lang',
          value: s.settings.language,
          disabled,
          onchange: (ev: Event) => changeLanguage((ev.target as HTMLSelectElement).value as Settings['language']),
        },
        h('option', { value: 'auto' }, tr('langAuto')),
        h('option', { value: 'id', lang: 'id' }, tr('langId')),
        h('option', { value: 'en', lang: 'en' }, tr('langEn')),
      ),
    ),
    notice('settings'),
    errorBox('settings'),
  );
}
