import { closeFingerprints, editDistance, fingerprint, redact, squashKey, tidy, typoAllowance, words } from '../../src/core/text';

test('tidy collapses every run of whitespace, non-breaking spaces included, and trims', () => {
  expect(tidy('  Klaim\u00a0\u00a0JHT \t baru\n')).toBe('Klaim JHT baru');
});

test('words: lower-case, accents folded, punctuation gone', () => {
  expect(words('Pengaduan/KELUHAN – Café!')).toEqual(['pengaduan', 'keluhan', 'cafe']);
  expect(words(' ... ')).toEqual([]);
});

test('fingerprint sorts and de-duplicates the words; squashKey keeps their order without spaces', () => {
  expect(fingerprint('Prosedur  klaim JHT.')).toBe(fingerprint('jht Klaim, prosedur'));
  expect(fingerprint('JMO jmo Aplikasi')).toBe('aplikasi jmo');
  expect([squashKey('Lapak Asik'), squashKey('LapakAsik'), squashKey('Asik Lapak')]).toEqual(['lapakasik', 'lapakasik', 'asiklapak']);
});

describe('editDistance (optimal string alignment)', () => {
  test('insertions, deletions, substitutions, and an adjacent swap as one edit', () => {
    expect(editDistance('informasi', 'informasi')).toBe(0);
    expect(editDistance('informasi', 'infromasi')).toBe(1);
    expect(editDistance('informasi', 'informas')).toBe(1);
    expect(editDistance('kantor', 'kanter')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  test('stops past max with max + 1', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });
});

test('typoAllowance: none for numbers and short words, one from 5 letters, two from 9', () => {
  expect(['jmo', 'klaim', 'informasi', '12345678901'].map(typoAllowance)).toEqual([0, 1, 2, 0]);
});

describe('closeFingerprints', () => {
  test('the same words up to typos', () => {
    expect(closeFingerprints('informasi', 'infromasi')).toBe(true);
    expect(closeFingerprints(fingerprint('Gagal Biometrik JMO'), fingerprint('Gagal Biomterik JMO'))).toBe(true);
  });

  test('never across short words, numbers, word counts, or more than two typos in all', () => {
    expect(closeFingerprints(fingerprint('Gagal Klaim JMO'), fingerprint('Gagal Klaim JHT'))).toBe(false);
    expect(closeFingerprints('12345678901', '12345678902')).toBe(false);
    expect(closeFingerprints('informasi', 'informasi jht')).toBe(false);
    expect(closeFingerprints('pengaduann pendaftarann verifikasii', 'pengaduan pendaftaran verifikasi')).toBe(false);
  });
});

describe('redact', () => {
  test('long digit runs, phone numbers and e-mail addresses become placeholders; short numbers stay', () => {
    expect(redact('KPJ 12345678901, hp +62 812-3456-7890, mail budi.s@example.co.id, antrian 12')).toBe('KPJ [nomor], hp [nomor], mail [email], antrian 12');
  });

  test("the row's own name goes, in any case; short or numeric personal values are left alone", () => {
    expect(redact('Bu SITI AMINAH tanya saldo, siti aminah lupa PIN', ['Siti  Aminah'])).toBe('Bu [nama] tanya saldo, [nama] lupa PIN');
    expect(redact('Al tanya 123', ['Al', '123'])).toBe('Al tanya 123');
    expect(redact('harga (a+b)', ['(a+b)'])).toBe('harga [nama]');
  });
});
