import { ERROR_CODES } from '../../src/shared/api';
import { messageKeys, t, errorText, langOfLocale } from '../../src/core/i18n';

const placeholders = (s: string) => Array.from(s.matchAll(/\{(\w+)\}/g), (m) => m[1]).sort();

test('every server message exists in Bahasa Indonesia and English, with the same placeholders', () => {
  expect([...messageKeys('en')].sort()).toEqual([...messageKeys('id')].sort());
  for (const key of messageKeys('id')) {
    expect(placeholders(t('en', key))).toEqual(placeholders(t('id', key)));
    expect(t('en', key)).not.toBe('');
  }
});

test.each(ERROR_CODES)('error %s has its own message and next step in both languages, every placeholder filled', (code) => {
  const params = { sheet: 'Log', limit: '10.000.000', detail: 'x', columns: 'Layanan' };
  for (const lang of ['id', 'en'] as const) {
    const e = errorText(lang, code, params);
    // t() answers the key itself for a missing entry: a message must be a real one.
    expect(messageKeys(lang)).toEqual(expect.arrayContaining([`error.${code}`, `hint.${code}`]));
    expect(`${e.message} ${e.hint}`).not.toMatch(/\{\w+\}/);
  }
  expect(errorText('en', code, params).message).not.toBe(errorText('id', code, params).message);
});

test('English for an English locale, Indonesian for every other or none', () => {
  expect([langOfLocale('en_US'), langOfLocale('EN'), langOfLocale('id'), langOfLocale('in_ID'), langOfLocale('fr_FR'), langOfLocale(''), langOfLocale(null), langOfLocale(undefined)]).toEqual([
    'en',
    'en',
    'id',
    'id',
    'id',
    'id',
    'id',
    'id',
  ]);
});

test('t fills the placeholders it is given, keeps the others visible, and answers the key for an unknown one', () => {
  expect(t('en', 'masalah.badAge', { min: 10, max: 100 })).toBe('Age outside 10\u2013100 years');
  expect(t('id', 'error.NOT_A_LOG')).toContain('"{sheet}"');
  expect(t('en', 'no.such.key')).toBe('no.such.key');
});
