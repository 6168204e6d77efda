import { MESSAGE_KEYS, t, errorText, langOfLocale } from '../../src/core/i18n';

const placeholders = (s: string) => Array.from(s.matchAll(/\{(\w+)\}/g), (m) => m[1]).sort();

test('every server message exists in Bahasa Indonesia and English, with the same placeholders', () => {
  expect([...MESSAGE_KEYS.en].sort()).toEqual([...MESSAGE_KEYS.id].sort());
  for (const key of MESSAGE_KEYS.id) {
    expect(placeholders(t('en', key))).toEqual(placeholders(t('id', key)));
    expect(t('en', key)).not.toBe('');
  }
});

test('every error code has a message and a next step in both languages', () => {
  for (const code of ['NO_DATE_COLUMN', 'BUSY', 'TOO_LARGE', 'NOTHING_TO_CLEAN', 'NOT_A_LOG', 'NO_UNDO', 'BAD_INPUT', 'INTERNAL'] as const) {
    for (const lang of ['id', 'en'] as const) {
      const e = errorText(lang, code, { sheet: 'Log', limit: '10.000.000', detail: 'x' });
      expect(e.message).not.toMatch(/\{\w+\}/);
      expect(e.hint.length).toBeGreaterThan(10);
    }
  }
  expect([langOfLocale('en_US'), langOfLocale('id'), langOfLocale('in_ID'), langOfLocale(null)]).toEqual(['en', 'id', 'id', 'id']);
});
