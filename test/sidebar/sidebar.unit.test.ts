import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../../tools/build';
import { ROLES } from '../../src/shared/api';
import { MAX_HOLIDAYS, PEAK_THRESHOLD_MIN, SettingsError, validateSettings } from '../../src/core/settings';
import { buildSidebarHtml, escapeInline } from '../../sidebar/build';
import {
  ageGroupLabels,
  formatDateTime,
  formatHour,
  formatMonth,
  formatNumber,
  isValidIsoDate,
  parseAgeBounds,
  parseHolidays,
  parsePeakThreshold,
  safeUrl,
} from '../../sidebar/format';
import { MESSAGES, MsgKey, resolveLang, roleLabel, STATUSES, statusLabel, t } from '../../sidebar/i18n';
import { call, internalError, setRpcLang } from '../../sidebar/rpc';

describe('formatNumber', () => {
  it('uses "." in Indonesian and "," in English as thousands separator', () => {
    expect(formatNumber(0, 'id')).toBe('0');
    expect(formatNumber(999, 'id')).toBe('999');
    expect(formatNumber(1000, 'id')).toBe('1.000');
    expect(formatNumber(1234567, 'id')).toBe('1.234.567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(-12500, 'id')).toBe('-12.500');
  });
  it('uses the other mark for decimals', () => {
    expect(formatNumber(1.5, 'id')).toBe('1,5');
    expect(formatNumber(1234.25, 'en')).toBe('1,234.25');
    expect(formatNumber(1234.25, 'id')).toBe('1.234,25');
  });
});

describe('months and dates', () => {
  it('formats YYYY-MM with Indonesian month abbreviations', () => {
    expect(formatMonth('2023-06', 'id')).toBe('Jun 2023');
    expect(formatMonth('2023-05', 'id')).toBe('Mei 2023');
    expect(formatMonth('2023-08', 'id')).toBe('Agu 2023');
    expect(formatMonth('2023-10', 'id')).toBe('Okt 2023');
    expect(formatMonth('2023-12', 'id')).toBe('Des 2023');
    expect(formatMonth('2023-05', 'en')).toBe('May 2023');
    expect(formatMonth('nonsense', 'id')).toBe('nonsense');
    expect(formatMonth('2023-13', 'id')).toBe('2023-13');
  });
  it('formats an ISO instant in the given time zone', () => {
    expect(formatDateTime('2023-06-30T19:03:41.000Z', 'id', 'Asia/Jakarta')).toBe('1 Jul 2023 02:03');
    expect(formatDateTime('2023-05-30T00:00:00.000Z', 'id', 'UTC')).toBe('30 Mei 2023 00:00');
    expect(formatDateTime('2023-05-30T00:00:00.000Z', 'en', 'UTC')).toBe('30 May 2023 00:00');
  });
  it('survives bad zones and bad instants', () => {
    expect(formatDateTime('2023-05-30T00:00:00.000Z', 'id', 'Not/AZone')).toMatch(/^\d{1,2} (Mei|Mar|Jun) 2023 \d\d:\d\d$/);
    expect(formatDateTime('garbage', 'id', 'UTC')).toBe('garbage');
    expect(formatDateTime('', 'id', 'UTC')).toBe('');
  });
  it('formats hours', () => {
    expect(formatHour(0)).toBe('00:00');
    expect(formatHour(23)).toBe('23:00');
  });
  it('validates calendar dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2023-04-31')).toBe(false);
    expect(isValidIsoDate('2023-4-3')).toBe(false);
  });
});

describe('settings validation', () => {
  it('parses age bounds', () => {
    expect(parseAgeBounds('20, 28, 35, 43')).toEqual({ ok: true, value: [20, 28, 35, 43] });
    expect(parseAgeBounds('20,28;35 43')).toEqual({ ok: true, value: [20, 28, 35, 43] });
    expect(parseAgeBounds('')).toMatchObject({ ok: false, error: 'errAgeEmpty' });
    expect(parseAgeBounds('20, 2x')).toMatchObject({ ok: false, error: 'errAgeNotInt' });
    expect(parseAgeBounds('20.5')).toMatchObject({ ok: false, error: 'errAgeNotInt' });
    expect(parseAgeBounds('0, 20')).toMatchObject({ ok: false, error: 'errAgeRange' });
    expect(parseAgeBounds('20, 121')).toMatchObject({ ok: false, error: 'errAgeRange' });
    expect(parseAgeBounds('20, 20')).toMatchObject({ ok: false, error: 'errAgeOrder' });
    expect(parseAgeBounds('30, 20')).toMatchObject({ ok: false, error: 'errAgeOrder' });
    expect(parseAgeBounds('1, 120')).toEqual({ ok: true, value: [1, 120] });
  });
  it('labels age groups', () => {
    expect(ageGroupLabels([20, 28, 35, 43]).join(', ')).toBe('<20, 20-27, 28-34, 35-42, >42');
    expect(ageGroupLabels([18])).toEqual(['<18', '>17']);
    expect(ageGroupLabels([20, 21, 30])).toEqual(['<20', '20-20', '21-29', '>29']);
    expect(ageGroupLabels([])).toEqual([]);
  });
  it('parses the peak threshold', () => {
    expect(parsePeakThreshold('1.5')).toEqual({ ok: true, value: 1.5 });
    expect(parsePeakThreshold('1,5')).toEqual({ ok: true, value: 1.5 });
    expect(parsePeakThreshold(' 2 ')).toEqual({ ok: true, value: 2 });
    expect(parsePeakThreshold('0.9')).toEqual({ ok: false, error: 'errPeakMin', params: { min: PEAK_THRESHOLD_MIN } });
    expect(t('id', 'errPeakMin', { min: PEAK_THRESHOLD_MIN })).toBe(`Ambang minimal ${PEAK_THRESHOLD_MIN}.`);
    expect(parsePeakThreshold('abc')).toMatchObject({ ok: false, error: 'errPeakNumber' });
    expect(parsePeakThreshold('')).toMatchObject({ ok: false, error: 'errPeakNumber' });
    expect(parsePeakThreshold('-2')).toMatchObject({ ok: false });
  });
  it('parses holidays, one per line', () => {
    expect(parseHolidays('')).toEqual({ ok: true, value: [] });
    expect(parseHolidays('2023-06-29\n\n 2023-06-01 \r\n2023-06-29')).toEqual({ ok: true, value: ['2023-06-01', '2023-06-29'] });
    expect(parseHolidays('2023-06-01\n29/06/2023')).toEqual({ ok: false, error: 'errHoliday', params: { line: 2, value: '29/06/2023' } });
    expect(parseHolidays('2023-02-30')).toMatchObject({ ok: false, error: 'errHoliday' });
  });
  it('accepts as many holidays as the server does, and no more', () => {
    const days = (n: number): string[] => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));
    const most = parseHolidays(days(MAX_HOLIDAYS).join('\n'));
    expect(most.ok && validateSettings({ holidays: most.value }).holidays).toHaveLength(MAX_HOLIDAYS);
    // Repeats count once, as the server counts them after the sidebar removed them.
    expect(parseHolidays([...days(MAX_HOLIDAYS), '2020-01-01'].join('\n')).ok).toBe(true);
    expect(parseHolidays(days(MAX_HOLIDAYS + 1).join('\n'))).toEqual({ ok: false, error: 'errHolidayTooMany', params: { max: MAX_HOLIDAYS } });
    expect(() => validateSettings({ holidays: days(MAX_HOLIDAYS + 1) })).toThrow(SettingsError);
  });
  it('only lets http(s) URLs through', () => {
    expect(safeUrl('https://lookerstudio.google.com/x')).toBe('https://lookerstudio.google.com/x');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('')).toBeNull();
  });
});

describe('i18n', () => {
  it('has every key in both languages, non-empty', () => {
    const idKeys = Object.keys(MESSAGES.id).sort();
    expect(Object.keys(MESSAGES.en).sort()).toEqual(idKeys);
    for (const lang of ['id', 'en'] as const) {
      for (const key of idKeys) expect(MESSAGES[lang][key as MsgKey].length).toBeGreaterThan(0);
    }
  });
  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const key of Object.keys(MESSAGES.id) as MsgKey[]) expect([key, names(MESSAGES.en[key])]).toEqual([key, names(MESSAGES.id[key])]);
  });
  it('translates the main strings', () => {
    expect(t('id', 'runButton')).toBe('Bersihkan & Ringkas');
    expect(t('en', 'runButton')).toBe('Clean & Summarize');
    expect(t('id', 'mappingTitle')).toBe('Pemetaan kolom');
    expect(t('id', 'undoEntryButton')).toBe('Urungkan');
    expect(t('en', 'undoEntryButton')).toBe('Undo');
    expect(t('id', 'nightlyTitle')).toBe('Pembaruan malam');
    expect(t('id', 'registeredTitle')).toBe('Sheet terdaftar');
    expect(t('id', 'dropButton')).toBe('Keluarkan');
    expect(t('id', 'openLooker')).toBe('Buka di Looker Studio');
  });
  it('fills placeholders as text', () => {
    expect(t('id', 'earlyPeaks', { months: 'Jun 2023, Jul 2023' })).toBe('Puncak awal bulan: Jun 2023, Jul 2023');
    expect(t('en', 'undoDone', { n: '1,532', sheet: '<b>x</b>' })).toBe('1,532 cells in "<b>x</b>" restored.');
    expect(t('id', 'tabRows')).toBe('{n} baris');
  });
  it('labels roles and statuses', () => {
    expect(ROLES.map((r) => roleLabel('id', r))).toEqual([
      'Tanggal kunjungan',
      'Usia',
      'Tanggal lahir',
      'Layanan',
      'Topik',
      'Kanal',
      'Data pribadi',
      'Abaikan',
    ]);
    expect(STATUSES.map((s) => statusLabel('id', s))).toEqual(['OK', 'Diperbaiki', 'Duplikat', 'Tidak valid']);
    expect(statusLabel('en', 'TIDAK_VALID')).toBe('Invalid');
  });
  it('resolves the language', () => {
    expect(resolveLang('auto', 'en')).toBe('en');
    expect(resolveLang('auto', 'id')).toBe('id');
    expect(resolveLang('id', 'en')).toBe('id');
    expect(resolveLang('en', 'id')).toBe('en');
    expect(resolveLang(undefined, 'id')).toBe('id');
  });
});

describe('rpc', () => {
  type Runner = Record<string, unknown>;
  const g = globalThis as unknown as { google?: unknown };
  afterEach(() => {
    delete g.google;
    setRpcLang('id');
  });
  function install(behaviour: (name: string, args: unknown[], ok: (v: unknown) => void, fail: (e: unknown) => void) => void): void {
    const make = (ok: (v: unknown) => void, fail: (e: unknown) => void): Runner =>
      new Proxy({} as Runner, {
        get(_t, prop: string) {
          if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => make(f, fail);
          if (prop === 'withFailureHandler') return (f: (e: unknown) => void) => make(ok, f);
          return (...args: unknown[]) => behaviour(prop, args, ok, fail);
        },
      });
    g.google = { script: { run: make(() => undefined, () => undefined) } };
  }

  it('resolves with the server envelope and passes the arguments', async () => {
    const seen: unknown[] = [];
    install((name, args, ok) => {
      seen.push([name, args]);
      ok({ ok: true, data: [{ sheetId: 1, name: 'A' }] });
    });
    const r = await call('dropSheet', 7);
    expect(r).toEqual({ ok: true, data: [{ sheetId: 1, name: 'A' }] });
    expect(seen).toEqual([['dropSheet', [7]]]);
  });
  it('turns a failure handler call into an INTERNAL envelope in the user language', async () => {
    install((_n, _a, _ok, fail) => fail(new Error('NetworkError')));
    setRpcLang('en');
    const r = await call('summarise');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INTERNAL');
      expect(r.error.message).toBe(t('en', 'errInternal'));
      expect(r.error.hint).toContain('NetworkError');
    }
    setRpcLang('id');
    const r2 = await call('openTab', 3);
    expect(!r2.ok && r2.error.message).toBe(t('id', 'errInternal'));
  });
  it('answers INTERNAL when google.script.run is missing or the reply is not an envelope', async () => {
    const r = await call('getSidebarState');
    expect(r.ok).toBe(false);
    install((_n, _a, ok) => ok('weird'));
    const r2 = await call('writeReports');
    expect(!r2.ok && r2.error.code).toBe('INTERNAL');
  });
  it('internalError has message and hint', () => {
    const e = internalError('id');
    expect(e).toEqual({ ok: false, error: { code: 'INTERNAL', message: t('id', 'errInternal'), hint: t('id', 'errInternalHint') } });
  });
});

describe('buildSidebarHtml', () => {
  let html = '';
  beforeAll(async () => {
    html = await buildSidebarHtml();
  });
  it('is one self-contained HTML file', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toContain('INLINE_CSS');
    expect(html).not.toContain('INLINE_JS');
    expect(html).not.toMatch(/gstatic|googleapis/i);
  });
  it('has exactly one script and one style element, not closed early', () => {
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.match(/<style\b/gi)).toHaveLength(1);
    expect(html.match(/<\/style/gi)).toHaveLength(1);
  });
  it('contains both languages of the main button', () => {
    expect(html).toContain('Bersihkan & Ringkas');
    expect(html).toContain('Clean & Summarize');
  });
  it('never uses innerHTML / outerHTML / insertAdjacentHTML / document.write', () => {
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
  it('escapes closing tags inside inlined code', () => {
    expect(escapeInline('a="</script><script>x"', 'script')).toBe('a="<\\/script><script>x"');
    expect(escapeInline('a="</SCRIPT "', 'script')).toBe('a="<\\/SCRIPT "');
    expect(escapeInline('/*</style>*/', 'style')).toBe('/*<\\/style>*/');
  });
});

test('every message the sidebar shows without parameters has no placeholder to fill', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const bare = new Set<string>();
  for (const f of files(path.join(ROOT, 'sidebar'))) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/\btr\('(\w+)'\)|\bt\([\w.]+, '(\w+)'\)/g)) bare.add((m[1] ?? m[2]) as string);
  }
  // The scan finds the sidebar's calls (a regex gone stale would find none).
  expect(bare.size).toBeGreaterThan(50);
  const withPlaceholder = [...bare].filter((key) => /\{\w+\}/.test(MESSAGES.id[key as MsgKey] ?? ''));
  expect(withPlaceholder).toEqual([]);
});
