/**
 * Redaction and the keys that decide whether two values may be merged (issue #10 items 3, 11, 13).
 */
import { digitsOf, isFormulaError, keyable, redact } from '../../src/core/text';
import { onlyRedacted, redactNameRuns } from '../../src/core/text';

describe('redact', () => {
  test.each([
    ['hubungi (0351) 123456', 'hubungi [nomor]'],
    ['hubungi 0812/3456/7890', 'hubungi [nomor]'],
    ['hubungi 0812 3456 7890', 'hubungi [nomor]'],
    ['hubungi +62 812-3456-7890', 'hubungi [nomor]'],
    ['hubungi \uff10\uff18\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10', 'hubungi [nomor]'],
    ['hubungi 0812.3456.7890 segera', 'hubungi [nomor] segera'],
    ['KPJ 12345678901', 'KPJ [nomor]'],
    ['NIK 3201234567890001', 'NIK [nomor]'],
    ['kirim ke budi.santoso@gmail', 'kirim ke [email]'],
    ['kirim ke budi@gmail.com ya', 'kirim ke [email] ya'],
    ['WA 0812-3456-7890', 'WA [nomor]'],
  ])('privacy: redact(%j) is %j', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  test.each(['Antrian 12', 'Klaim JHT 2023', 'usia 35 th', '2 orang', 'Informasi'])('keeps %j: short numbers are not identifiers', (input) => {
    expect(redact(input)).toBe(input);
  });

  test('the row\u2019s own name is replaced, case-insensitively', () => {
    expect(redact('titipan BUDI santoso', ['Budi Santoso'])).toBe('titipan [nama]');
  });
});

describe('isFormulaError', () => {
  test.each(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#ERROR!', '#NAME?', '#NUM!', '#NULL!'])('%s is a formula error', (v) => {
    expect(isFormulaError(v)).toBe(true);
  });
  test.each(['#1 antrian', 'N/A', 'Informasi', '#', '#hashtag'])('%j is not', (v) => {
    expect(isFormulaError(v)).toBe(false);
  });
});

describe('keyable', () => {
  test.each(['مرحبا بكم', '你好世界', '😀😀', '---', '', 'Klaim 👍'])('distinct: %j has no key that stands for the whole value', (v) => {
    expect(keyable(v)).toBe(false);
  });
  test.each(['Informasi', 'Café JHT', 'Klaim – JHT', '\uff10\uff18\uff11\uff12'])('%j does', (v) => {
    expect(keyable(v)).toBe(true);
  });
});

test('digitsOf reads full-width digits as digits, in order', () => {
  expect(digitsOf('KPJ \uff11\uff12 34')).toBe('1234');
  expect(digitsOf('34 12')).not.toBe(digitsOf('12 34'));
});

describe('redactNameRuns', () => {
  const domain = (w: string) => ['kantor', 'cabang', 'klaim', 'saldo', 'lapak', 'asik'].includes(w);
  test('two or more capitalised non-domain words, or a title before a name, become [nama]; domain phrases stay', () => {
    expect(redactNameRuns('Walk-in Budi Santoso', domain)).toBe('Walk-in [nama]');
    expect(redactNameRuns('info pak Budi [nomor]', domain)).toBe('info pak [nama] [nomor]');
    expect(redactNameRuns('titip Bu Sari Wulandari', domain)).toBe('titip Bu [nama]');
    expect(redactNameRuns('Kantor Cabang Madiun', domain)).toBe('Kantor Cabang Madiun');
    expect(redactNameRuns('Lapak Asik', domain)).toBe('Lapak Asik');
    expect(redactNameRuns('saldo jht belum masuk', domain)).toBe('saldo jht belum masuk');
  });
  // "atas nama" and "untuk perhatian" before a name, in capitals too, are titles; "an" and "up"
  // without their dots are ordinary words.
  test.each([
    ['an. SUGENG RIYADI', 'an. [nama]'],
    ['klaim JHT a.n. Sugeng Riyadi', 'klaim JHT a.n. [nama]'],
    ['u.p. Hartono', 'u.p. [nama]'],
    ['Top Up Saldo', 'Top Up Saldo'],
    ['Need an update of my data', 'Need an update of my data'],
    ['Cannot open an Account', 'Cannot open an Account'],
  ])('%s → %s', (text, expected) => {
    expect(redactNameRuns(text, domain)).toBe(expected);
  });
});
});

test('onlyRedacted: text that is nothing but redaction marks says nothing else', () => {
  expect(['[nomor]', '[nama] [email]', '[nomor], [nomor]'].map(onlyRedacted)).toEqual([true, true, true]);
  expect(['NIK [nomor] beda dgn KTP', 'titipan [nama]', '', 'nomor'].map(onlyRedacted)).toEqual([false, false, false, false]);
});
