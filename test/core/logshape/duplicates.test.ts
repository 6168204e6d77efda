import { findDuplicates, isRunningNumberColumn, isRunningNumberHeader, personColumns, personKey, VisitKeys, FORM_WINDOW_SECONDS } from '../../../src/core/logshape/duplicates';

interface Row {
  day: number | null;
  person?: string;
  service?: string;
  topic?: string;
  seconds?: number | null;
}

function keysOf(rows: Row[], withSeconds = false): VisitKeys {
  return {
    day: rows.map((r) => r.day),
    person: rows.map((r) => r.person ?? ''),
    service: rows.map((r) => r.service ?? 'Informasi'),
    topic: rows.map((r) => r.topic ?? ''),
    seconds: withSeconds ? rows.map((r) => (r.seconds === undefined ? null : r.seconds)) : undefined,
  };
}

/** A simple topic key for tests: lowercase letters and digits only. */
const simpleKey = (t: string) => t.toLowerCase().replace(/[^a-z0-9]/g, '');

const dups = (rows: Row[], withSeconds = false, opts = {}) => Array.from(findDuplicates(keysOf(rows, withSeconds), { topicKey: simpleKey, ...opts }));

describe('duplicates: the same visit entered twice', () => {
  test('same day, person, service and topic: a duplicate of the first, whatever else differs', () => {
    expect(
      dups([
        { day: 1, person: 'kpj:123456', topic: 'Saldo JHT' },
        { day: 1, person: 'kpj:123456', topic: 'saldo jht.' },
        { day: 1, person: 'kpj:123456', topic: 'Saldo JHT' },
      ]),
    ).toEqual([-1, 0, 0]);
  });

  test('a different day, person, service or topic is another visit', () => {
    expect(
      dups([
        { day: 1, person: 'kpj:1', topic: 'Saldo JHT' },
        { day: 2, person: 'kpj:1', topic: 'Saldo JHT' },
        { day: 1, person: 'kpj:2', topic: 'Saldo JHT' },
        { day: 1, person: 'kpj:1', topic: 'Saldo JHT', service: 'Klaim' },
        { day: 1, person: 'kpj:1', topic: 'Lupa password JMO' },
      ]),
    ).toEqual([-1, -1, -1, -1, -1]);
  });

  test('rows that are not visits (no day) are neither duplicates nor originals', () => {
    expect(dups([{ day: null, person: 'a', topic: 'x' }, { day: 1, person: 'a', topic: 'x' }, { day: null, person: 'a', topic: 'x' }])).toEqual([-1, -1, -1]);
  });

  test('near-duplicate spellings of a topic are the same visit (default guard: one typo, informal words)', () => {
    const rows: Row[] = [
      { day: 1, person: 'nama:budi', topic: 'Aplikasi JMO eror' },
      { day: 1, person: 'nama:budi', topic: 'aplikasi jmo error' },
      { day: 1, person: 'nama:budi', topic: 'Saldo blm masuk' },
      { day: 1, person: 'nama:budi', topic: 'saldo belum masuk' },
    ];
    expect(Array.from(findDuplicates(keysOf(rows)))).toEqual([-1, 0, -1, 2]);
  });

  test('but never across a product code or a number', () => {
    const rows: Row[] = [
      { day: 1, person: 'nama:budi', topic: 'Klaim JHT' },
      { day: 1, person: 'nama:budi', topic: 'Klaim JKK' },
      { day: 1, person: 'nama:budi', topic: 'Iuran 3 bulan' },
      { day: 1, person: 'nama:budi', topic: 'Iuran 4 bulan' },
    ];
    expect(Array.from(findDuplicates(keysOf(rows)))).toEqual([-1, -1, -1, -1]);
  });

  test('the topic key given by the caller decides equal topics', () => {
    const rows: Row[] = [
      { day: 1, person: 'p', topic: 'JHT saldo' },
      { day: 1, person: 'p', topic: 'saldo JHT' },
    ];
    const none = () => false;
    expect(dups(rows, false, { sameTopic: none })).toEqual([-1, -1]);
    expect(dups(rows, false, { sameTopic: none, topicKey: (t: string) => t.toLowerCase().split(' ').sort().join(' ') })).toEqual([-1, 0]);
  });

  test('without a person, rows on the same day about the same thing are different visits', () => {
    expect(dups([{ day: 1, topic: 'Saldo JHT' }, { day: 1, topic: 'Saldo JHT' }])).toEqual([-1, -1]);
  });

  test('each duplicate points at the first row of the visit', () => {
    expect(
      dups([
        { day: 1, person: 'p', topic: 'a' },
        { day: 1, person: 'q', topic: 'a' },
        { day: 1, person: 'p', topic: 'a' },
        { day: 1, person: 'p', topic: 'a' },
      ]),
    ).toEqual([-1, -1, 0, 0]);
  });
});

describe('form double submissions', () => {
  test(`submissions of one person within ${FORM_WINDOW_SECONDS / 60} minutes are one visit, even across midnight`, () => {
    expect(
      dups(
        [
          { day: 1, person: 'p', topic: 'Saldo', seconds: 86390 },
          { day: 2, person: 'p', topic: 'Saldo', seconds: 5 },
          { day: 2, person: 'p', topic: 'Saldo', seconds: 5 + FORM_WINDOW_SECONDS + 1 },
        ],
        true,
      ),
    ).toEqual([-1, 0, -1]);
  });

  test('seconds never make two rows of the same visit distinct', () => {
    expect(dups([{ day: 1, person: 'p', topic: 'Saldo', seconds: 100 }, { day: 1, person: 'p', topic: 'Saldo', seconds: 30000 }], true)).toEqual([-1, 0]);
  });

  test('anonymous forms: only a double press of Submit (within a minute) is a duplicate', () => {
    expect(
      dups(
        [
          { day: 1, topic: 'Saldo', seconds: 1000 },
          { day: 1, topic: 'Saldo', seconds: 1004 },
          { day: 1, topic: 'Saldo', seconds: 1300 },
          { day: 1, topic: 'Klaim', seconds: 1301 },
        ],
        true,
      ),
    ).toEqual([-1, 0, -1, -1]);
  });
});

describe('person keys', () => {
  test('KPJ digits, with or without the leading zero Sheets drops', () => {
    expect(personKey('01234567890', 'Budi')).toBe('kpj:1234567890');
    expect(personKey(1234567890, 'Budi S.')).toBe('kpj:1234567890');
    expect(personKey("'0123-4567-890", '')).toBe('kpj:1234567890');
  });
  test('the NIK when there is no KPJ (16 digits, a Date or boolean is no number)', () => {
    expect(personKey('', 'Budi', '3577012345678901')).toBe('nik:3577012345678901');
    expect(personKey('01234567890', 'Budi', '3577012345678901')).toBe('kpj:1234567890');
    expect(personKey(new Date(0), 'Budi', true)).toBe('nama:budi');
  });
  test('the name when there is no KPJ', () => {
    expect(personKey('', '  Budi  SANTOSO ')).toBe('nama:budi santoso');
    expect(personKey('-', 'Siti')).toBe('nama:siti');
    expect(personKey('', '')).toBe('');
  });
});

describe('person columns', () => {
  test('KPJ, NIK and name among the personal columns, by header', () => {
    expect(personColumns(['No', 'Nama Peserta', 'No. KPJ', 'NIK', 'No HP'], ['ignore', 'personal', 'personal', 'personal', 'personal'])).toEqual({ kpj: 2, nik: 3, name: 1 });
    expect(personColumns(['Timestamp', 'Nama Lengkap', 'Nomor KPJ'], ['date', 'personal', 'personal'])).toEqual({ kpj: 2, nik: -1, name: 1 });
    // The staff member who served is not the visitor.
    expect(personColumns(['Tanggal', 'Nama Petugas', 'Nama Peserta'], ['date', 'personal', 'personal'])).toEqual({ kpj: -1, nik: -1, name: 2 });
    expect(personColumns(['Tanggal', 'Nama Petugas', 'Nama CS', 'Staff Name'], ['date', 'personal', 'personal', 'personal'])).toEqual({ kpj: -1, nik: -1, name: -1 });
    expect(personColumns(['Nama', 'Layanan'], ['ignore', 'service'])).toEqual({ kpj: -1, nik: -1, name: -1 });
  });
});

describe('running-number columns', () => {
  test.each(['No', 'No.', 'NO', 'Nomor Urut', 'No Urut', '#', ' no. '])('%s is a running-number header', (h) => expect(isRunningNumberHeader(h)).toBe(true));
  test.each(['No KPJ', 'Nomor KPJ', 'Nama', 'Usia', 'No HP', 42])('%s is not', (h) => expect(isRunningNumberHeader(h)).toBe(false));

  test('a No column with re-entered rows numbered anew is a running number', () => {
    expect(isRunningNumberColumn('No', [1, 2, 3, 4, 5, 6])).toBe(true);
    expect(isRunningNumberColumn('No.', [1, 2, 3, '', 1, 2])).toBe(true);
  });
  test('strictly increasing integers are a running number under any header', () => {
    expect(isRunningNumberColumn('', [3, 4, 5, 7, 8, '9'])).toBe(true);
    expect(isRunningNumberColumn('', [3, 4, 4, 7, 8, 9])).toBe(false);
    expect(isRunningNumberColumn('Usia', [35, 41, 29])).toBe(false);
  });
  test('a No column that holds text is not', () => {
    expect(isRunningNumberColumn('No', [1, 2, 'KPJ 123'])).toBe(false);
    expect(isRunningNumberColumn('No', ['', ''])).toBe(false);
  });
});
