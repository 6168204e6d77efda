import { informalWords, mayMergeTopics, topicMatchKey } from '../../../src/core/logshape/informal';

describe('informal Indonesian written out for matching', () => {
  test.each([
    ['blm cair', 'belum cair'],
    ['Sdh lapor tdk ada respon', 'sudah lapor tidak ada respon'],
    ['udh diverifikasi gk bisa login', 'sudah diverifikasi tidak bisa login'],
    ['saldo yg muncul dgn tgl lama', 'saldo yang muncul dengan tanggal lama'],
    ['utk klaim krn PHK', 'untuk klaim karena phk'],
    ['iuran 3 bln thn 2023', 'iuran 3 bulan tahun 2023'],
    ['No. KPJ salah', 'nomor kpj salah'],
    ['no kpj salah', 'nomor kpj salah'],
    ['No.KPJ', 'nomor kpj'],
  ])('%s → %s', (raw, expected) => {
    expect(informalWords(raw).join(' ')).toBe(expected);
  });

  test('product codes stay as they are', () => {
    expect(informalWords('Klaim JHT JKK JKM JP via JMO')).toEqual(['klaim', 'jht', 'jkk', 'jkm', 'jp', 'via', 'jmo']);
  });

  test('a bare "no" that is not a number word stays', () => {
    expect(informalWords('jawab no')).toEqual(['jawab', 'no']);
  });

  test('the topic key ignores order, case, punctuation and abbreviations', () => {
    expect(topicMatchKey('Saldo JHT blm masuk!')).toBe(topicMatchKey('belum masuk saldo jht'));
    expect(topicMatchKey('Saldo JHT blm masuk')).not.toBe(topicMatchKey('Saldo JKK blm masuk'));
  });
});

describe('mayMergeTopics', () => {
  test.each([
    ['aplikasi eror', 'aplikasi error'],
    ['Aplikasi JMO eror', 'aplikasi jmo error'],
    ['Saldo JHT blm masuk', 'saldo jht belum masuk'],
    ['sdh lapor tdk ada respon', 'sudah lapor tidak ada respon'],
    ['Lupa Pasword', 'lupa password'],
  ])('"%s" and "%s" may merge', (a, b) => {
    expect(mayMergeTopics(a, b)).toBe(true);
  });

  test.each([
    ['Klaim JHT', 'Klaim JKK'],
    ['Klaim JKM', 'Klaim JP'],
    ['Iuran 3 bulan', 'Iuran 4 bulan'],
    ['tahap 1', 'tahap 2'],
    ['klaim JHT', 'klaim'],
    ['saldo masuk', 'saldo keluar'],
    ['kartu', 'karto lama'],
    ['blm cair', 'sdh cair'],
    ['eror satu dua', 'error satu tiga'],
    ['', ''],
  ])('"%s" and "%s" never merge', (a, b) => {
    expect(mayMergeTopics(a, b)).toBe(false);
  });
});
