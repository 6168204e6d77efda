import { KOLOM_OF_ROLE, canonicalise, dictionaryFor } from '../../src/core/canonical';

const countsOf = (entries: [string, number][]): Map<string, number> => new Map(entries);
const asObject = (m: Map<string, string>): Record<string, string> => Object.fromEntries(m);

describe('canonicalise', () => {
  test('spellings of a known value, synonyms and typos become the canonical value', () => {
    const result = canonicalise('service', countsOf([['Informasi', 9], ['informasi.', 2], ['Info', 3], ['Infromasi', 1], ['PENGADUAN/KELUHAN', 4], ['Update Data', 1]]), new Map());
    expect(asObject(result)).toEqual({
      Informasi: 'Informasi',
      'informasi.': 'Informasi',
      Info: 'Informasi',
      Infromasi: 'Informasi',
      'PENGADUAN/KELUHAN': 'Pengaduan',
      'Update Data': 'Permintaan Update Data',
    });
  });

  test('services and channels: one known value among other words is that value; two known values stay as written', () => {
    expect(asObject(canonicalise('channel', countsOf([['Kantor Cabang Madiun', 5], ['LapakAsik', 2]]), new Map()))).toEqual({ 'Kantor Cabang Madiun': 'Kantor Cabang', LapakAsik: 'Lapak Asik' });
    // Short words allow no typo: the short-hands and the standard spelling "asyik" are in the vocabulary.
    expect(asObject(canonicalise('channel', countsOf([['Lapak Asyik', 15], ['Kntr Cabang', 13], ['Lpk Asik', 4], ['BPJSTKU', 3]]), new Map()))).toEqual({ 'Lapak Asyik': 'Lapak Asik', 'Kntr Cabang': 'Kantor Cabang', 'Lpk Asik': 'Lapak Asik', BPJSTKU: 'JMO' });
    expect(asObject(canonicalise('service', countsOf([['Ubah data', 5], ['pemutakhiran data', 3]]), new Map()))).toEqual({ 'Ubah data': 'Permintaan Update Data', 'pemutakhiran data': 'Permintaan Update Data' });
    expect(asObject(canonicalise('service', countsOf([['Informasi JHT', 2]]), new Map()))).toEqual({ 'Informasi JHT': 'Informasi JHT' });
  });

  test('topics are not matched by containment: "Tanya KPJ Lama" is its own topic', () => {
    expect(asObject(canonicalise('topic', countsOf([['Tanya KPJ Lama sekali', 1], ['kpj lama', 2]]), new Map()))).toEqual({ 'Tanya KPJ Lama sekali': 'Tanya KPJ Lama sekali', 'kpj lama': 'KPJ Lama' });
  });

  test('unknown spellings cluster by typos, and the most frequent spelling wins', () => {
    const result = canonicalise('topic', countsOf([['Pencairn Dana', 2], ['Pencairan Dana', 7], ['pencairan  dana', 1], ['Saldo', 3]]), new Map());
    expect(asObject(result)).toEqual({ 'Pencairn Dana': 'Pencairan Dana', 'Pencairan Dana': 'Pencairan Dana', 'pencairan  dana': 'Pencairan Dana', Saldo: 'Saldo' });
  });

  test("the staff's kamus wins over the vocabulary, follows chains, and its values attract typos", () => {
    const dict = new Map([
      ['Info', 'Informasi Peserta'],
      ['Tanya', 'Info'],
    ]);
    const result = canonicalise('service', countsOf([['Info', 2], ['Tanya', 1], ['Informasi Pesrta', 1]]), dict);
    expect(asObject(result)).toEqual({ Info: 'Informasi Peserta', Tanya: 'Informasi Peserta', 'Informasi Pesrta': 'Informasi Peserta' });
  });

  test('a kamus that loops answers without hanging', () => {
    const dict = new Map([
      ['A1', 'B1'],
      ['B1', 'A1'],
    ]);
    const result = canonicalise('topic', countsOf([['A1', 1]]), dict);
    expect(['A1', 'B1']).toContain(result.get('A1'));
  });
});

test('dictionaryFor takes the rows of its column (any case), tidied, and skips blank ones', () => {
  const kamus = [
    { kolom: 'Layanan ', asli: '  Info  umum ', baku: 'Informasi' },
    { kolom: 'kanal', asli: 'KC', baku: 'Kantor Cabang' },
    { kolom: 'layanan', asli: 'Aduan', baku: '  ' },
    { kolom: 'layanan', asli: '', baku: 'Pengaduan' },
  ];
  expect(asObject(dictionaryFor('service', kamus))).toEqual({ 'Info umum': 'Informasi' });
  expect(asObject(dictionaryFor('channel', kamus))).toEqual({ KC: 'Kantor Cabang' });
  expect(KOLOM_OF_ROLE).toEqual({ service: 'layanan', channel: 'kanal', topic: 'topik' });
});
